import { type Party, partyKey } from "../../model/index.ts";
import type { IncidentDetail, IncidentFilter, IncidentList, QuotedEvidence } from "../../model/knowledge.ts";
import { type NormalizedFilter, normalizeFilter, type PartyMatch } from "../filter.ts";
import {
  claimView,
  dateField,
  fuzzyDate,
  joinedSource,
  parties,
  quoted,
  responseView,
  strings,
  types,
} from "../sqlite/map.ts";
import type { ClaimRow, EvidenceRow, IncidentListRow, IncidentRow, ResponseRow } from "../sqlite/rows.ts";
import type { Sql } from "./db.ts";

/** The incident list and detail, as sqlite/incidents.ts reads them. */

const SOURCE_COLUMNS =
  "s.title AS s_title, s.url AS s_url, s.publisher AS s_publisher, s.published AS s_published, s.tlp AS s_tlp";

export async function listIncidents(sql: Sql, filter: IncidentFilter = {}): Promise<IncidentList> {
  const f = normalizeFilter(filter);
  const { where, params } = whereClause(f);
  const total =
    (await sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM incidents i ${where}`, params))?.n ?? 0;
  const rows = await sql.rows<IncidentListRow>(
    `SELECT i.*, ${SOURCE_COLUMNS}
    FROM incidents i JOIN sources s ON s.id = i.source_id ${where}
    ORDER BY i.date_start IS NULL, i.date_start DESC, i.date_end DESC, i.id
    LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
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
      accused: distinctParties(parties(r.accused_json)),
      claims: r.claim_count,
      responses: r.response_count,
      source: joinedSource(r),
      sources: r.source_count,
    })),
  };
}

function whereClause(f: NormalizedFilter): { where: string; params: unknown[] } {
  const conditions: string[] = [];
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
        JOIN parties p ON p.id = c.${role}_party_id WHERE ${party(m, role)})`);
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
        AND e.local_id = x.local_id AND e.fact_id = x.incident_id
        WHERE x.incident_id = i.id AND e.quote ILIKE ${like}))`);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

export async function getIncident(sql: Sql, id: string): Promise<IncidentDetail | null> {
  const row = await sql.one<IncidentRow>("SELECT * FROM incidents WHERE id = $1", [id]);
  if (!row) return null;
  const claims = await sql.rows<ClaimRow>(
    `SELECT c.*, (SELECT string_agg(x.incident_id, ',') FROM claim_incidents x WHERE x.claim_id = c.id)
      AS incident_ids
    FROM claims c JOIN sources s ON s.id = c.source_id
    WHERE c.id IN (SELECT claim_id FROM claim_incidents WHERE incident_id = $1)
    ORDER BY s.seq, c.position, c.id`,
    [id],
  );
  const responses = await sql.rows<ResponseRow>(
    `SELECT r.*, (SELECT string_agg(x.incident_id, ',') FROM response_incidents x WHERE x.response_id = r.id)
      AS incident_ids
    FROM responses r JOIN sources s ON s.id = r.source_id
    WHERE r.id IN (SELECT response_id FROM response_incidents WHERE incident_id = $1)
    ORDER BY s.seq, r.position, r.id`,
    [id],
  );
  const evidence = new Map<string, QuotedEvidence[]>();
  const evidenceRows = await sql.rows<EvidenceRow>(
    `SELECT e.fact_kind, e.fact_id, e.local_id, e.position, e.start, e."end", e.quote, e.source_id,
      ${SOURCE_COLUMNS}
    FROM (SELECT incident_id AS fact_id, source_id, local_id FROM incident_sources WHERE incident_id = $1
      UNION ALL SELECT claim_id, source_id, local_id FROM claim_sources WHERE claim_id = ANY($2::text[])
      UNION ALL SELECT response_id, source_id, local_id FROM response_sources
        WHERE response_id = ANY($3::text[])) r
    JOIN evidence e ON e.source_id = r.source_id AND e.local_id = r.local_id AND e.fact_id = r.fact_id
    JOIN sources s ON s.id = e.source_id
    ORDER BY e.fact_id, s.seq, e.local_id, e.position`,
    [id, claims.map((c) => c.id), responses.map((r) => r.id)],
  );
  for (const e of evidenceRows) {
    const list = evidence.get(e.fact_id) ?? [];
    list.push(quoted(e));
    evidence.set(e.fact_id, list);
  }
  const sources = (
    await sql.rows<EvidenceRow>(
      `SELECT DISTINCT s.id AS source_id, ${SOURCE_COLUMNS}, s.seq FROM incident_sources x
      JOIN sources s ON s.id = x.source_id WHERE x.incident_id = $1 ORDER BY s.seq`,
      [id],
    )
  ).map(joinedSource);
  return {
    id: row.id,
    label: row.label,
    ...dateField(row),
    victims: parties(row.victims_json),
    types: types(row.types_json),
    systems: strings(row.systems_json),
    ...(row.campaign_id === null ? {} : { campaign: await campaign(sql, row.campaign_id) }),
    sources,
    evidence: evidence.get(id) ?? [],
    claims: claims.map((c) => claimView(c, evidence.get(c.id) ?? [])),
    responses: responses.map((r) => responseView(r, evidence.get(r.id) ?? [])),
  };
}

async function campaign(sql: Sql, campaignId: string): Promise<NonNullable<IncidentDetail["campaign"]>> {
  const rows = await sql.rows<IncidentRow>(
    "SELECT * FROM incidents WHERE campaign_id = $1 ORDER BY date_start IS NULL, date_start, id",
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

export async function findIncidentIds(sql: Sql, prefix: string, limit = 10): Promise<string[]> {
  const p = prefix.trim().toLowerCase();
  if (p === "") return [];
  const rows = await sql.rows<{ id: string }>(
    "SELECT id FROM incidents WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3",
    [p, `${p}\uffff`, limit],
  );
  return rows.map((r) => r.id);
}

function distinctParties(list: readonly Party[]): Party[] {
  const seen = new Map<string, Party>();
  for (const p of list) if (!seen.has(partyKey(p))) seen.set(partyKey(p), p);
  return [...seen.values()];
}
