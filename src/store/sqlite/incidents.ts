import type { ReadScope } from "../../model/access.ts";
import type {
  IncidentDetail,
  IncidentFilter,
  IncidentList,
  IncidentReadOptions,
  IncidentSort,
  ReviewState,
} from "../../model/knowledge.ts";
import { type NormalizedFilter, normalizeFilter, type PartyMatch, quoteCut } from "../filter.ts";
import { everyQuoteSql, firstQuotesSql } from "../report-quotes.ts";
import {
  claimView,
  dateField,
  fuzzyDate,
  joinedSource,
  listedParties,
  parties,
  quotesByFact,
  responseView,
  sourceRef,
  strings,
  types,
  unreadSources,
} from "../row-map.ts";
import type {
  ClaimRow,
  IncidentListRow,
  IncidentRow,
  QuoteRow,
  ResponseRow,
  SourceRefRow,
} from "../row-types.ts";
import { Visibility } from "../visibility.ts";
import type { Db } from "./db.ts";

const SOURCE_COLUMNS =
  "s.title AS s_title, s.url AS s_url, s.publisher AS s_publisher, s.published AS s_published, s.tlp AS s_tlp";

/** The incidents matching `filter` (newest first, undated last, unless sorted otherwise), with how many match. */
export function listIncidents(db: Db, filter: IncidentFilter = {}, scope: ReadScope = {}): IncidentList {
  const f = normalizeFilter(filter);
  const vis = new Visibility(scope);
  const { where, params } = whereClause(f, vis);
  const total =
    db.prep<{ n: number }>(`SELECT count(*) AS n FROM incidents i ${where}`).get(...params)?.n ?? 0;
  // What the list shows of claims, responses and sources is kept on the incident; a restricted reader's view
  // is counted again from the facts it may see.
  const columns: Record<string, string> = vis.restricted
    ? {
        c_claims: `(SELECT count(*) FROM claim_incidents ci WHERE ci.incident_id = i.id AND ${vis.claim("ci.claim_id")})`,
        c_responses: `(SELECT count(*) FROM response_incidents ri WHERE ri.incident_id = i.id
          AND ${vis.response("ri.response_id")})`,
        c_sources: `(SELECT count(DISTINCT x.source_id) FROM incident_sources x JOIN sources xs ON xs.id = x.source_id
          WHERE x.incident_id = i.id AND ${vis.source("xs")})`,
        c_accused: `(SELECT json_group_array(json(a)) FROM (SELECT c.accused_json AS a, min(c.rowid) AS first
          FROM claim_incidents ci JOIN claims c ON c.id = ci.claim_id
          WHERE ci.incident_id = i.id AND ${vis.claim("c.id")} GROUP BY c.accused_party_id ORDER BY first))`,
      }
    : {
        c_claims: "i.claim_count",
        c_responses: "i.response_count",
        c_sources: "i.source_count",
        c_accused: "i.accused_json",
      };
  const counted = Object.entries(columns)
    .map(([alias, expr]) => `${expr} AS ${alias}`)
    .join(", ");
  const firstSource = vis.restricted
    ? `(SELECT x.source_id FROM incident_sources x JOIN sources xs ON xs.id = x.source_id
        WHERE x.incident_id = i.id AND ${vis.source("xs")} ORDER BY xs.seq LIMIT 1)`
    : "i.source_id";
  // The page is chosen first, reading only what its order needs; the columns that cost a query each (counts for
  // a restricted reader, the review state, the first visible source) are then computed for that page alone.
  const sortKey = f.sort.replace(/^-/, "");
  const orderExpr = columns[`c_${sortKey}`];
  const orderColumn = orderExpr === undefined ? "" : `, ${orderExpr} AS c_${sortKey}`;
  const rows = db
    .prep<IncidentListRow & CountedColumns>(
      `SELECT i.*, ${SOURCE_COLUMNS}, s.id AS first_source_id, ${counted}, ${REVIEW_STATE} AS c_review
      FROM (SELECT i.id${orderColumn} FROM incidents i ${where} ORDER BY ${ORDER[f.sort]} LIMIT ? OFFSET ?) page
      JOIN incidents i ON i.id = page.id JOIN sources s ON s.id = ${firstSource}
      ORDER BY ${ORDER[f.sort]}`,
    )
    .all(...params, f.limit, f.offset);
  return {
    total,
    incidents: rows.map((r) => ({
      id: r.id,
      label: r.label,
      ...dateField(r),
      victims: parties(r.victims_json),
      types: types(r.types_json),
      accused: listedParties(parties(r.c_accused ?? "[]")),
      claims: r.c_claims,
      responses: r.c_responses,
      source: joinedSource({ ...r, source_id: r.first_source_id }),
      sources: r.c_sources,
      ...(r.campaign_id === null ? {} : { campaign: r.campaign_id }),
      review: r.c_review,
    })),
  };
}

interface CountedColumns {
  first_source_id: string;
  c_claims: number;
  c_responses: number;
  c_sources: number;
  c_accused: string | null;
  c_review: ReviewState;
}

/** The review state of incident `i` (see `ReviewState`): its last verdict, else whether anything was decided. */
const REVIEW_STATE = `(CASE (SELECT d.action FROM decisions d WHERE d.fact_id = i.id AND d.action IN ('accept', 'reject')
    ORDER BY d.seq DESC LIMIT 1)
  WHEN 'accept' THEN 'accepted' WHEN 'reject' THEN 'rejected'
  ELSE CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.fact_id = i.id
      OR d.fact_id IN (SELECT claim_id FROM claim_incidents WHERE incident_id = i.id)
      OR d.fact_id IN (SELECT response_id FROM response_incidents WHERE incident_id = i.id))
    THEN 'reviewed' ELSE 'unreviewed' END END)`;

const ORDER: Record<IncidentSort, string> = {
  "-date": "i.date_start IS NULL, i.date_start DESC, i.date_end DESC, i.id",
  date: "i.date_start IS NULL, i.date_start, i.date_end, i.id",
  label: "i.label COLLATE NOCASE, i.id",
  "-label": "i.label COLLATE NOCASE DESC, i.id",
  claims: "c_claims, i.id",
  "-claims": "c_claims DESC, i.id",
  responses: "c_responses, i.id",
  "-responses": "c_responses DESC, i.id",
  sources: "c_sources, i.id",
  "-sources": "c_sources DESC, i.id",
};

function whereClause(f: NormalizedFilter, vis: Visibility): { where: string; params: unknown[] } {
  // Incidents an analyst merged into another are shown as part of it, not in the list.
  const conditions: string[] = ["NOT EXISTS (SELECT 1 FROM incident_merges m WHERE m.from_id = i.id)"];
  if (vis.restricted) conditions.push(vis.incident("i.id"));
  const params: unknown[] = [];
  const party = (m: PartyMatch, role: "victim" | "accused" | "claimant"): string => {
    switch (m.by) {
      case "key":
        params.push(m.key);
        return "p.key = ?";
      case "name":
        params.push(m.name);
        return "lower(p.name) = ?";
      case "country":
        // A claimant is the state itself; victims and the accused include what is tied to the country.
        if (role === "claimant") {
          params.push(`state:${m.code}`);
          return "p.key = ?";
        }
        params.push(`state:${m.code}`, m.code);
        return "(p.key = ? OR (p.kind <> 'intl' AND p.country = ?))";
    }
  };
  if (f.victim) {
    // Victims carry their incident's dates: the range narrows the index read (a date range ending on or after
    // `from` starts on or after the first day of the year before).
    const dates: string[] = [];
    const dateParams: string[] = [];
    if (f.from) {
      dates.push("v.date_start >= ? AND v.date_end >= ?");
      dateParams.push(`${String(Number(f.from.slice(0, 4)) - 1).padStart(4, "0")}-01-01`, f.from);
    }
    if (f.to) {
      dates.push("v.date_start <= ?");
      dateParams.push(f.to);
    }
    conditions.push(`i.id IN (SELECT v.incident_id FROM incident_victims v
      WHERE v.party_id IN (SELECT p.id FROM parties p WHERE ${party(f.victim, "victim")})
      ${dates.map((d) => `AND ${d}`).join(" ")})`);
    params.push(...dateParams);
  }
  for (const role of ["accused", "claimant"] as const) {
    const m = f[role];
    if (m) {
      conditions.push(`i.id IN (SELECT ci.incident_id FROM claim_incidents ci JOIN claims c ON c.id = ci.claim_id
        JOIN parties p ON p.id = c.${role}_party_id WHERE ${party(m, role)} AND ${vis.claim("c.id")})`);
    }
  }
  if (f.type) {
    conditions.push("i.id IN (SELECT t.incident_id FROM incident_types t WHERE t.type = ?)");
    params.push(f.type);
  }
  if (f.from) {
    conditions.push("i.date_end >= ?");
    params.push(f.from);
  }
  if (f.to) {
    conditions.push("i.date_start <= ?");
    params.push(f.to);
  }
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(`(i.label LIKE ? ESCAPE '\\' OR i.systems_json LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM incident_sources x JOIN evidence e ON e.source_id = x.source_id
        AND e.local_id = x.local_id AND e.fact_id = x.incident_id JOIN sources xs ON xs.id = x.source_id
        WHERE x.incident_id = i.id AND e.quote LIKE ? ESCAPE '\\' AND ${vis.source("xs")}))`);
    params.push(like, like, like);
  }
  if (f.review) {
    conditions.push(`${REVIEW_STATE} = ?`);
    params.push(f.review);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

/** The incident, its claims and responses, and its quotes (every one, or the first `quotes` per fact). */
export function getIncident(
  db: Db,
  id: string,
  scope: ReadScope = {},
  options: IncidentReadOptions = {},
): IncidentDetail | null {
  const vis = new Visibility(scope);
  const cut = quoteCut(options);
  const row = db
    .prep<IncidentRow>(`SELECT * FROM incidents i WHERE i.id = ? AND ${vis.incident("i.id")}`)
    .get(id);
  if (!row) return null;
  const claims = db
    .prep<ClaimRow>(
      `SELECT c.*, (SELECT group_concat(x.incident_id) FROM claim_incidents x WHERE x.claim_id = c.id
          AND ${vis.incident("x.incident_id")}) AS incident_ids
      FROM claims c JOIN sources s ON s.id = c.source_id
      WHERE c.id IN (SELECT claim_id FROM claim_incidents WHERE incident_id = ?) AND ${vis.claim("c.id")}
      ORDER BY s.seq, c.position, c.id`,
    )
    .all(id);
  const responses = db
    .prep<ResponseRow>(
      `SELECT r.*, (SELECT group_concat(x.incident_id) FROM response_incidents x WHERE x.response_id = r.id
          AND ${vis.incident("x.incident_id")}) AS incident_ids
      FROM responses r JOIN sources s ON s.id = r.source_id
      WHERE r.id IN (SELECT response_id FROM response_incidents WHERE incident_id = ?) AND ${vis.response("r.id")}
      ORDER BY s.seq, r.position, r.id`,
    )
    .all(id);
  const params = [id, JSON.stringify(claims.map((c) => c.id)), JSON.stringify(responses.map((r) => r.id))];
  const quoteRows =
    cut === undefined
      ? db.prep<QuoteRow>(everyQuoteSql(REPORTS, vis)).all(...params)
      : db.prep<QuoteRow>(firstQuotesSql(REPORTS, vis, ["?", "?"])).all(...params, cut, cut);
  const sources = db
    .prep<SourceRefRow>(
      `SELECT s.id, s.title, s.url, s.publisher, s.published, s.tlp, s.seq FROM sources s
      WHERE s.seq IN (SELECT source_seq FROM incident_sources WHERE incident_id = ?) AND ${vis.source("s")}
      ORDER BY s.seq`,
    )
    .all(id)
    .map(sourceRef);
  // Each source is read once, however many quotes it gives: the incident's, then those only its facts cite.
  const refs = new Map(sources.map((s) => [s.id, s]));
  const unread = unreadSources(quoteRows, refs);
  if (unread.length > 0) {
    for (const r of db
      .prep<SourceRefRow>(
        "SELECT id, title, url, publisher, published, tlp FROM sources WHERE id IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(unread)))
      refs.set(r.id, sourceRef(r));
  }
  const quotes = quotesByFact(quoteRows, refs);
  return {
    id: row.id,
    label: row.label,
    ...dateField(row),
    victims: parties(row.victims_json),
    types: types(row.types_json),
    systems: strings(row.systems_json),
    ...(row.campaign_id === null ? {} : { campaign: campaign(db, row.campaign_id, vis) }),
    ...merges(db, id),
    sources,
    ...quotes(id),
    claims: claims.map((c) => claimView(c, quotes(c.id))),
    responses: responses.map((r) => responseView(r, quotes(r.id))),
  };
}

/**
 * The reports (source, record id) of the incident, of its claims and of its responses (JSON lists of ids), each
 * with its source's place in the store's order and how many quotes it gives.
 */
const REPORTS = `SELECT incident_id AS fact_id, source_id, local_id, source_seq, quotes FROM incident_sources
    WHERE incident_id = ?
  UNION ALL SELECT claim_id, source_id, local_id, source_seq, quotes FROM claim_sources
    WHERE claim_id IN (SELECT value FROM json_each(?))
  UNION ALL SELECT response_id, source_id, local_id, source_seq, quotes FROM response_sources
    WHERE response_id IN (SELECT value FROM json_each(?))`;

function campaign(db: Db, campaignId: string, vis: Visibility): NonNullable<IncidentDetail["campaign"]> {
  const rows = db
    .prep<IncidentRow>(
      `SELECT * FROM incidents i WHERE i.campaign_id = ? AND ${vis.incident("i.id")}
      ORDER BY i.date_start IS NULL, i.date_start, i.id`,
    )
    .all(campaignId);
  return {
    id: campaignId,
    incidents: rows.map((r) => {
      const date = fuzzyDate(r);
      return { id: r.id, label: r.label, ...(date === undefined ? {} : { date }) };
    }),
  };
}

/** What analysts merged: the incident this one was merged into, and the incidents merged into it. */
function merges(db: Db, id: string): Pick<IncidentDetail, "mergedInto" | "merged"> {
  const into = db.prep<{ into_id: string }>("SELECT into_id FROM incident_merges WHERE from_id = ?").get(id);
  const from = db
    .prep<{ from_id: string }>(
      "SELECT from_id FROM incident_merges WHERE into_id = ? ORDER BY merged_at, from_id",
    )
    .all(id)
    .map((r) => r.from_id);
  return { ...(into ? { mergedInto: into.into_id } : {}), ...(from.length ? { merged: from } : {}) };
}

/** Ids starting with `prefix`, in order. */
export function findIncidentIds(db: Db, prefix: string, limit = 10, scope: ReadScope = {}): string[] {
  const p = prefix.trim().toLowerCase();
  if (p === "") return [];
  const vis = new Visibility(scope);
  return db
    .prep<{ id: string }>(
      `SELECT id FROM incidents i WHERE i.id >= ? AND i.id < ? AND ${vis.incident("i.id")} ORDER BY i.id LIMIT ?`,
    )
    .all(p, `${p}\uffff`, limit)
    .map((r) => r.id);
}
