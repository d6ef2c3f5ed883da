import type { Document, FuzzyDate, IncidentType, Party, ResponseKind, Stance, Tlp } from "../model/index.ts";
import { partyKey } from "../model/index.ts";
import type {
  AuditEntry,
  ClaimView,
  Decision,
  DecisionAction,
  FactKind,
  QuotedEvidence,
  ResponseView,
  SourceRef,
} from "../model/knowledge.ts";
import type {
  AuditRow,
  ClaimRow,
  DateColumns,
  DecisionRow,
  QuoteRow,
  ResponseRow,
  SourceRefRow,
  SourceRow,
} from "./row-types.ts";

/** Rows → domain values. Absent values become absent fields, never nulls, as in the extraction contract. */

export function sourceRef(r: SourceRefRow): SourceRef {
  return {
    id: r.id,
    ...opt("title", r.title),
    ...opt("url", r.url),
    ...opt("publisher", r.publisher),
    ...opt("published", r.published),
    tlp: r.tlp as Tlp,
  };
}

/** The source columns of a joined row, prefixed s_. */
export function joinedSource(r: {
  source_id: string;
  s_title: string | null;
  s_url: string | null;
  s_publisher: string | null;
  s_published: string | null;
  s_tlp: string;
}): SourceRef {
  return sourceRef({
    id: r.source_id,
    title: r.s_title,
    url: r.s_url,
    publisher: r.s_publisher,
    published: r.s_published,
    tlp: r.s_tlp,
  });
}

export function fuzzyDate(r: DateColumns): FuzzyDate | undefined {
  if (r.date_value === null || r.date_precision === null) return undefined;
  return {
    value: r.date_value,
    precision: r.date_precision as FuzzyDate["precision"],
    ...opt("text", r.date_text),
  };
}

export function dateField(r: DateColumns): { date?: FuzzyDate } {
  const date = fuzzyDate(r);
  return date === undefined ? {} : { date };
}

/** A fact's quotes as read, and how many it has in all when the read left some out. */
export interface FactQuotes {
  evidence: QuotedEvidence[];
  evidenceCount?: number;
}

/**
 * The quotes of each fact, in the order of `rows`, each with its source from `sources`; a fact whose rows say it
 * has more quotes in all (`total`, read when the quotes were cut) than were read carries that count.
 */
export function quotesByFact(
  rows: readonly QuoteRow[],
  sources: ReadonlyMap<string, SourceRef>,
): (factId: string) => FactQuotes {
  const facts = new Map<string, FactQuotes>();
  for (const r of rows) {
    let fact = facts.get(r.fact_id);
    if (fact === undefined) {
      fact = { evidence: [] };
      facts.set(r.fact_id, fact);
    }
    const source = sources.get(r.source_id);
    if (source === undefined) throw new Error(`the source ${r.source_id} of a quote was not read`);
    fact.evidence.push({ start: r.start, end: r.end, quote: r.quote, source });
    if (r.total !== undefined && r.total !== null) fact.evidenceCount = r.total;
  }
  for (const fact of facts.values()) {
    if (fact.evidenceCount !== undefined && fact.evidenceCount <= fact.evidence.length)
      delete fact.evidenceCount;
  }
  return (factId) => facts.get(factId) ?? { evidence: [] };
}

/** The ids of the quotes' sources that `sources` does not hold yet. */
export function unreadSources(rows: readonly QuoteRow[], sources: ReadonlyMap<string, SourceRef>): string[] {
  return [...new Set(rows.map((r) => r.source_id))].filter((id) => !sources.has(id));
}

export function claimView(r: ClaimRow, quotes: FactQuotes): ClaimView {
  return {
    id: r.id,
    stance: r.stance as Stance,
    claimant: r.claimant_json === null ? null : (JSON.parse(r.claimant_json) as Party),
    accused: JSON.parse(r.accused_json) as Party,
    ...dateField(r),
    incidents: idList(r.incident_ids),
    ...quotes,
  };
}

export function responseView(r: ResponseRow, quotes: FactQuotes): ResponseView {
  return {
    id: r.id,
    kind: r.kind as ResponseKind,
    actor: JSON.parse(r.actor_json) as Party,
    target: r.target_json === null ? null : (JSON.parse(r.target_json) as Party),
    ...dateField(r),
    ...opt("detail", r.detail),
    incidents: idList(r.incident_ids),
    ...quotes,
  };
}

export function decision(r: DecisionRow): Decision {
  return {
    id: r.id,
    factKind: r.fact_kind as FactKind,
    factId: r.fact_id,
    action: r.action as DecisionAction,
    ...opt("field", r.field),
    ...(r.value_json === null ? {} : { value: JSON.parse(r.value_json) as unknown }),
    by: r.decided_by,
    at: r.decided_at,
  };
}

export function auditEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    detail: JSON.parse(r.detail_json) as unknown,
  };
}

export const parties = (json: string | null): Party[] => (json === null ? [] : (JSON.parse(json) as Party[]));

/**
 * The parties as an incident list shows them: each once, groups without their aliases. A list page names the
 * accused; their aliases (forty for some groups) belong to the incident's own page and the parties list, and
 * would otherwise make up most of every list answer.
 */
export function listedParties(list: readonly Party[]): Party[] {
  const seen = new Map<string, Party>();
  for (const p of list) {
    const key = partyKey(p);
    if (seen.has(key)) continue;
    if (p.kind === "group" && p.aliases !== undefined) {
      const { aliases: _aliases, ...named } = p;
      seen.set(key, named);
    } else seen.set(key, p);
  }
  return [...seen.values()];
}
export const types = (json: string): IncidentType[] => JSON.parse(json) as IncidentType[];
export const strings = (json: string): string[] => JSON.parse(json) as string[];

/** A comma-joined list of ids from group_concat. */
function idList(s: string | null): string[] {
  return s === null || s === "" ? [] : s.split(",").sort();
}

function opt<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

/** A stored source as the document it was read from. */
export function documentOf(row: SourceRow): Document {
  return {
    id: row.doc_id,
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.published === null ? {} : { published: row.published }),
    ...(row.url === null ? {} : { url: row.url }),
    ...(row.publisher === null ? {} : { publisher: row.publisher }),
    sha256: row.sha256,
    tlp: row.tlp as Tlp,
    text: row.text,
  };
}
