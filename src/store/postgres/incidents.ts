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
import type { Sql } from "./db.ts";

/** The incident list and detail, as sqlite/incidents.ts reads them. */

const SOURCE_COLUMNS =
  "s.title AS s_title, s.url AS s_url, s.publisher AS s_publisher, s.published AS s_published, s.tlp AS s_tlp";

/** The incidents matching `filter` (newest first, undated last, unless sorted otherwise), with how many match. */
export async function listIncidents(
  sql: Sql,
  filter: IncidentFilter = {},
  scope: ReadScope = {},
): Promise<IncidentList> {
  const f = normalizeFilter(filter);
  const vis = new Visibility(scope);
  const { where, params } = whereClause(f, vis);
  const total =
    (await sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM incidents i ${where}`, params))?.n ?? 0;
  // What the list shows of claims, responses and sources is kept on the incident; a restricted reader's view
  // is counted again from the facts it may see.
  const columns: Record<string, string> = vis.restricted
    ? {
        c_claims: `(SELECT count(*)::int FROM claim_incidents ci WHERE ci.incident_id = i.id
          AND ${vis.claim("ci.claim_id")})`,
        c_responses: `(SELECT count(*)::int FROM response_incidents ri WHERE ri.incident_id = i.id
          AND ${vis.response("ri.response_id")})`,
        c_sources: `(SELECT count(DISTINCT x.source_id)::int FROM incident_sources x
          JOIN sources xs ON xs.id = x.source_id WHERE x.incident_id = i.id AND ${vis.source("xs")})`,
        // each accused party once, as reported by its first visible claim, in the order of those claims
        c_accused: `(SELECT coalesce('[' || string_agg(q.a, ',' ORDER BY q.first) || ']', '[]')
          FROM (SELECT (array_agg(c.accused_json ORDER BY c.seq))[1] AS a, min(c.seq) AS first
            FROM claim_incidents ci JOIN claims c ON c.id = ci.claim_id
            WHERE ci.incident_id = i.id AND ${vis.claim("c.id")} GROUP BY c.accused_party_id) q)`,
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
  const n = params.length;
  const rows = await sql.rows<IncidentListRow & CountedColumns>(
    `SELECT i.*, ${SOURCE_COLUMNS}, s.id AS first_source_id, ${counted}, ${REVIEW_STATE} AS c_review
    FROM (SELECT i.id${orderColumn} FROM incidents i ${where} ORDER BY ${ORDER[f.sort]}
      LIMIT $${n + 1} OFFSET $${n + 2}) page
    JOIN incidents i ON i.id = page.id JOIN sources s ON s.id = ${firstSource}
    ORDER BY ${ORDER[f.sort]}`,
    [...params, f.limit, f.offset],
  );
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

/** SQLite's NOCASE: ASCII letters folded, then compared byte-wise. */
const NOCASE_LABEL = `translate(i.label, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C"`;

/** The orders of sqlite/incidents.ts, NULLs placed as SQLite places them (first ascending, last descending). */
const ORDER: Record<IncidentSort, string> = {
  "-date": "i.date_start IS NULL, i.date_start DESC NULLS LAST, i.date_end DESC NULLS LAST, i.id",
  date: "i.date_start IS NULL, i.date_start NULLS FIRST, i.date_end NULLS FIRST, i.id",
  label: `${NOCASE_LABEL}, i.id`,
  "-label": `${NOCASE_LABEL} DESC, i.id`,
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
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const party = (m: PartyMatch, role: "victim" | "accused" | "claimant"): string => {
    switch (m.by) {
      case "key":
        return `p.key = ${p(m.key)}`;
      case "name":
        return `lower(p.name) = ${p(m.name)}`;
      case "country":
        if (role === "claimant") return `p.key = ${p(`state:${m.code}`)}`;
        return `(p.key = ${p(`state:${m.code}`)} OR (p.kind <> 'intl' AND p.country = ${p(m.code)}))`;
    }
  };
  if (f.victim) {
    const who = party(f.victim, "victim");
    const dates: string[] = [];
    if (f.from) {
      const floor = `${String(Number(f.from.slice(0, 4)) - 1).padStart(4, "0")}-01-01`;
      dates.push(`v.date_start >= ${p(floor)} AND v.date_end >= ${p(f.from)}`);
    }
    if (f.to) dates.push(`v.date_start <= ${p(f.to)}`);
    conditions.push(`i.id IN (SELECT v.incident_id FROM incident_victims v
      WHERE v.party_id IN (SELECT p.id FROM parties p WHERE ${who})
      ${dates.map((d) => `AND ${d}`).join(" ")})`);
  }
  for (const role of ["accused", "claimant"] as const) {
    const m = f[role];
    if (m) {
      conditions.push(`i.id IN (SELECT ci.incident_id FROM claim_incidents ci JOIN claims c ON c.id = ci.claim_id
        JOIN parties p ON p.id = c.${role}_party_id WHERE ${party(m, role)} AND ${vis.claim("c.id")})`);
    }
  }
  if (f.type)
    conditions.push(`i.id IN (SELECT t.incident_id FROM incident_types t WHERE t.type = ${p(f.type)})`);
  if (f.from) conditions.push(`i.date_end >= ${p(f.from)}`);
  if (f.to) conditions.push(`i.date_start <= ${p(f.to)}`);
  if (f.text) {
    // SQLite's LIKE ignores the case of ASCII letters: ILIKE here
    const like = p(`%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(i.label ILIKE ${like} OR i.systems_json ILIKE ${like}
      OR EXISTS (SELECT 1 FROM incident_sources x JOIN evidence e ON e.source_id = x.source_id
        AND e.local_id = x.local_id AND e.fact_id = x.incident_id JOIN sources xs ON xs.id = x.source_id
        WHERE x.incident_id = i.id AND e.quote ILIKE ${like} AND ${vis.source("xs")}))`);
  }
  if (f.review) conditions.push(`${REVIEW_STATE} = ${p(f.review)}`);
  return { where: `WHERE ${conditions.join(" AND ")}`, params };
}

/** The incident, its claims and responses, and its quotes (every one, or the first `quotes` per fact). */
export async function getIncident(
  sql: Sql,
  id: string,
  scope: ReadScope = {},
  options: IncidentReadOptions = {},
): Promise<IncidentDetail | null> {
  const vis = new Visibility(scope);
  const cut = quoteCut(options);
  const row = await sql.one<IncidentRow>(
    `SELECT * FROM incidents i WHERE i.id = $1 AND ${vis.incident("i.id")}`,
    [id],
  );
  if (!row) return null;
  const claims = await sql.rows<ClaimRow>(
    `SELECT c.*, (SELECT string_agg(x.incident_id, ',') FROM claim_incidents x WHERE x.claim_id = c.id
        AND ${vis.incident("x.incident_id")}) AS incident_ids
    FROM claims c JOIN sources s ON s.id = c.source_id
    WHERE c.id IN (SELECT claim_id FROM claim_incidents WHERE incident_id = $1) AND ${vis.claim("c.id")}
    ORDER BY s.seq, c.position, c.id`,
    [id],
  );
  const responses = await sql.rows<ResponseRow>(
    `SELECT r.*, (SELECT string_agg(x.incident_id, ',') FROM response_incidents x WHERE x.response_id = r.id
        AND ${vis.incident("x.incident_id")}) AS incident_ids
    FROM responses r JOIN sources s ON s.id = r.source_id
    WHERE r.id IN (SELECT response_id FROM response_incidents WHERE incident_id = $1) AND ${vis.response("r.id")}
    ORDER BY s.seq, r.position, r.id`,
    [id],
  );
  const params = [id, claims.map((c) => c.id), responses.map((r) => r.id)];
  const quoteRows =
    cut === undefined
      ? await sql.rows<QuoteRow>(everyQuoteSql(REPORTS, vis), params)
      : await sql.rows<QuoteRow>(firstQuotesSql(REPORTS, vis, ["$4", "$4"]), [...params, cut]);
  const sources = (
    await sql.rows<SourceRefRow>(
      `SELECT s.id, s.title, s.url, s.publisher, s.published, s.tlp, s.seq FROM sources s
      WHERE s.seq IN (SELECT source_seq FROM incident_sources WHERE incident_id = $1) AND ${vis.source("s")}
      ORDER BY s.seq`,
      [id],
    )
  ).map(sourceRef);
  // Each source is read once, however many quotes it gives: the incident's, then those only its facts cite.
  const refs = new Map(sources.map((s) => [s.id, s]));
  const unread = unreadSources(quoteRows, refs);
  if (unread.length > 0) {
    const rows = await sql.rows<SourceRefRow>(
      "SELECT id, title, url, publisher, published, tlp FROM sources WHERE id = ANY($1::text[])",
      [unread],
    );
    for (const r of rows) refs.set(r.id, sourceRef(r));
  }
  const quotes = quotesByFact(quoteRows, refs);
  return {
    id: row.id,
    label: row.label,
    ...dateField(row),
    victims: parties(row.victims_json),
    types: types(row.types_json),
    systems: strings(row.systems_json),
    ...(row.campaign_id === null ? {} : { campaign: await campaign(sql, row.campaign_id, vis) }),
    ...(await merges(sql, id)),
    sources,
    ...quotes(id),
    claims: claims.map((c) => claimView(c, quotes(c.id))),
    responses: responses.map((r) => responseView(r, quotes(r.id))),
  };
}

/**
 * The reports (source, record id) of the incident ($1), of its claims ($2) and of its responses ($3), each with
 * its source's place in the store's order and how many quotes it gives.
 */
const REPORTS = `SELECT incident_id AS fact_id, source_id, local_id, source_seq, quotes FROM incident_sources
    WHERE incident_id = $1
  UNION ALL SELECT claim_id, source_id, local_id, source_seq, quotes FROM claim_sources WHERE claim_id = ANY($2::text[])
  UNION ALL SELECT response_id, source_id, local_id, source_seq, quotes FROM response_sources
    WHERE response_id = ANY($3::text[])`;

async function campaign(
  sql: Sql,
  campaignId: string,
  vis: Visibility,
): Promise<NonNullable<IncidentDetail["campaign"]>> {
  const rows = await sql.rows<IncidentRow>(
    `SELECT * FROM incidents i WHERE i.campaign_id = $1 AND ${vis.incident("i.id")}
    ORDER BY i.date_start IS NULL, i.date_start NULLS FIRST, i.id`,
    [campaignId],
  );
  return {
    id: campaignId,
    incidents: rows.map((r) => {
      const date = fuzzyDate(r);
      return { id: r.id, label: r.label, ...(date === undefined ? {} : { date }) };
    }),
  };
}

/** What analysts merged: the incident this one was merged into, and the incidents merged into it. */
async function merges(sql: Sql, id: string): Promise<Pick<IncidentDetail, "mergedInto" | "merged">> {
  const into = await sql.one<{ into_id: string }>("SELECT into_id FROM incident_merges WHERE from_id = $1", [
    id,
  ]);
  const from = (
    await sql.rows<{ from_id: string }>(
      "SELECT from_id FROM incident_merges WHERE into_id = $1 ORDER BY merged_at, from_id",
      [id],
    )
  ).map((r) => r.from_id);
  return { ...(into ? { mergedInto: into.into_id } : {}), ...(from.length ? { merged: from } : {}) };
}

/** Ids starting with `prefix`, in order. */
export async function findIncidentIds(
  sql: Sql,
  prefix: string,
  limit = 10,
  scope: ReadScope = {},
): Promise<string[]> {
  const p = prefix.trim().toLowerCase();
  if (p === "") return [];
  const vis = new Visibility(scope);
  const rows = await sql.rows<{ id: string }>(
    `SELECT i.id FROM incidents i WHERE i.id >= $1 AND i.id < $2 AND ${vis.incident("i.id")}
    ORDER BY i.id LIMIT $3`,
    [p, `${p}\uffff`, limit],
  );
  return rows.map((r) => r.id);
}
