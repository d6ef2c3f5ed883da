/**
 * An organisation is named as the story writes it, in the fullest of its names the story uses: a text that
 * writes "Kaspersky Lab" or "MGM Resorts International" gets those names, not the gazetteer's shorter
 * "Kaspersky" and "MGM Resorts", in every fact that names the organisation.
 */
import type { DocumentRecord, Party } from "../../model/index.ts";
import type { Mention } from "./mention.ts";

// "Wuhan Xiaoruizhi Science and Technology Company", "Sichuan Silence Information Technology Co.": capitalised
// words after a known company's name, up to a word that ends a company's registered name
const REGISTERED_TAIL =
  /^(?:\s+(?:and\s+(?=(?:Technology|Technologies|Engineering|Trade|Development|Information)\b))?\p{Lu}[\p{L}\d&-]*){0,4}?\s+(?:Company|Co\.|Corporation|Corp\.|Inc\.|Ltd\.|Limited|LLC|GmbH)(?![\p{L}\d])/u;
const REGISTERED_END = /\b(?:Company|Co\.?|Corporation|Corp\.?|Inc\.?|Ltd\.?|Limited|LLC|GmbH)$/;

/**
 * The fuller written name of each organisation whose mentions extend its gazetteer name ("Kaspersky" → "Kaspersky
 * Lab"), or that `text` writes on to its registered name ("Wuhan Xiaoruizhi" → "Wuhan Xiaoruizhi Science and
 * Technology Company").
 */
export function fullerOrgNames(text: string, mentions: readonly Mention[]): Map<string, string> {
  const fuller = new Map<string, string>();
  for (const m of mentions) {
    if (m.party.kind !== "organization") continue;
    const name = m.party.name;
    const tail = REGISTERED_END.test(m.text)
      ? undefined
      : REGISTERED_TAIL.exec(text.slice(m.end, m.end + 80))?.[0];
    const written = tail ? m.text + tail : m.text;
    if (
      written.length > name.length &&
      written.startsWith(name) &&
      written.length > (fuller.get(name)?.length ?? 0)
    )
      fuller.set(name, written);
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
