/**
 * An organisation is named as the story writes it, in the fullest of its names the story uses: a text that
 * writes "Kaspersky Lab" or "MGM Resorts International" gets those names, not the gazetteer's shorter
 * "Kaspersky" and "MGM Resorts", in every fact that names the organisation.
 */
import type { DocumentRecord, Party } from "../../model/index.ts";
import type { Mention } from "./mention.ts";

/** The fuller written name of each organisation whose mentions extend its gazetteer name ("Kaspersky" → "Kaspersky Lab"). */
export function fullerOrgNames(mentions: readonly Mention[]): Map<string, string> {
  const fuller = new Map<string, string>();
  for (const m of mentions) {
    if (m.party.kind !== "organization") continue;
    const name = m.party.name;
    if (
      m.text.length > name.length &&
      m.text.startsWith(name) &&
      m.text.length > (fuller.get(name)?.length ?? 0)
    )
      fuller.set(name, m.text);
  }
  return fuller;
}

/** `record` with every organisation named by its fuller name (the record itself when there is none). */
export function withFullerOrgNames(
  record: DocumentRecord,
  fuller: ReadonlyMap<string, string>,
): DocumentRecord {
  if (fuller.size === 0) return record;
  const named = <P extends Party | null>(p: P): P => {
    if (p?.kind !== "organization") return p;
    const name = fuller.get(p.name);
    return name ? ({ ...p, name } as P) : p;
  };
  return {
    ...record,
    incidents: record.incidents.map((i) => ({ ...i, victims: i.victims.map(named) })),
    claims: record.claims.map((c) => ({ ...c, claimant: named(c.claimant), accused: named(c.accused) })),
    responses: record.responses.map((r) => ({ ...r, actor: named(r.actor), target: named(r.target) })),
  };
}
