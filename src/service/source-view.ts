import type { ReadScope } from "../model/index.ts";
import type { FactKind, Source, SourceQuote } from "../model/knowledge.ts";
import type { Knowledge } from "./knowledge.ts";

/** A quote of the source, with the fact it supports and the incident that fact belongs to. */
export interface SourceSpan {
  start: number;
  end: number;
  quote: string;
  factKind: FactKind;
  factId: string;
  incidentId: string;
  /** what the fact says, in a few words ("IR denies", "sanctions US → IR", an incident's label) */
  label: string;
}

export interface SourceView extends Source {
  spans: SourceSpan[];
}

/**
 * A source with its text and every quote of it that supports a fact of its incidents, in text order: what the
 * source page highlights. Null when there is no such source, or the reader may not see it.
 *
 * The quotes come from the source alone; its incidents are read only for what their facts say (as analysts'
 * decisions have them), with one quote per fact: an incident the press reported hundreds of times has
 * thousands of quotes from other sources, none of which the page shows.
 */
export async function sourceView(kb: Knowledge, id: string, scope?: ReadScope): Promise<SourceView | null> {
  const source = await kb.source(id, scope);
  if (!source) return null;
  const quotesOf = new Map<string, SourceQuote[]>();
  for (const q of await kb.sourceQuotes(source.id)) {
    const list = quotesOf.get(q.factId);
    if (list) list.push(q);
    else quotesOf.set(q.factId, [q]);
  }
  const spans: SourceSpan[] = [];
  const seen = new Set<string>();
  const party = (p: { kind: string; country?: string; name?: string; code?: string } | null) =>
    p === null ? "unnamed" : (p.country ?? p.code ?? p.name ?? p.kind);
  for (const { id: incidentId } of source.incidents) {
    const incident = await kb.incident(incidentId, scope, { quotes: 1 });
    const facts: Array<{ kind: FactKind; id: string; label: string; stored: string[] }> = [
      // an incident analysts merged others into carries their quotes too
      {
        kind: "incident",
        id: incident.id,
        label: incident.label,
        stored: [incident.id, ...(incident.merged ?? [])],
      },
      ...incident.claims.map((c) => ({
        kind: "claim" as const,
        id: c.id,
        label: `${party(c.claimant)} ${c.stance} ${party(c.accused)}`,
        stored: [c.id],
      })),
      ...incident.responses.map((r) => ({
        kind: "response" as const,
        id: r.id,
        label: `${r.kind} ${party(r.actor)}${r.target ? ` → ${party(r.target)}` : ""}`,
        stored: [r.id],
      })),
    ];
    for (const f of facts) {
      for (const e of f.stored.flatMap((s) => quotesOf.get(s) ?? [])) {
        const key = `${f.id}:${e.start}:${e.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        spans.push({
          start: e.start,
          end: e.end,
          quote: e.quote,
          factKind: f.kind,
          factId: f.id,
          incidentId,
          label: f.label,
        });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...source, spans };
}
