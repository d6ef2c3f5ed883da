import { type Party, partyKey } from "../../model/index.ts";
import type { IncidentDetail, IncidentFilter, IncidentList, QuotedEvidence } from "../../model/knowledge.ts";
import { type NormalizedFilter, normalizeFilter, type PartyMatch } from "../filter.ts";
import type { Db } from "./db.ts";
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
} from "./map.ts";
import type { ClaimRow, EvidenceRow, IncidentListRow, IncidentRow, ResponseRow } from "./rows.ts";

const SOURCE_COLUMNS =
  "s.title AS s_title, s.url AS s_url, s.publisher AS s_publisher, s.published AS s_published, s.tlp AS s_tlp";

/** The incidents matching `filter`, newest first (undated last), with how many match in all. */
export function listIncidents(db: Db, filter: IncidentFilter = {}): IncidentList {
  const f = normalizeFilter(filter);
  const { where, params } = whereClause(f);
  const total =
    db.prep<{ n: number }>(`SELECT count(*) AS n FROM incidents i ${where}`).get(...params)?.n ?? 0;
  const rows = db
    .prep<IncidentListRow>(
      `SELECT i.*, ${SOURCE_COLUMNS}
      FROM incidents i JOIN sources s ON s.id = i.source_id ${where}
      ORDER BY i.date_start IS NULL, i.date_start DESC, i.date_end DESC, i.id
      LIMIT ? OFFSET ?`,
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
        JOIN parties p ON p.id = c.${role}_party_id WHERE ${party(m, role)})`);
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
        AND e.local_id = x.local_id AND e.fact_id = x.incident_id
        WHERE x.incident_id = i.id AND e.quote LIKE ? ESCAPE '\\'))`);
    params.push(like, like, like);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

/** The incident, its claims and responses, and every quote with its source. */
export function getIncident(db: Db, id: string): IncidentDetail | null {
  const row = db.prep<IncidentRow>("SELECT * FROM incidents WHERE id = ?").get(id);
  if (!row) return null;
  const claims = db
    .prep<ClaimRow>(
      `SELECT c.*, (SELECT group_concat(x.incident_id) FROM claim_incidents x WHERE x.claim_id = c.id) AS incident_ids
      FROM claims c JOIN sources s ON s.id = c.source_id
      WHERE c.id IN (SELECT claim_id FROM claim_incidents WHERE incident_id = ?)
      ORDER BY s.seq, c.position, c.id`,
    )
    .all(id);
  const responses = db
    .prep<ResponseRow>(
      `SELECT r.*, (SELECT group_concat(x.incident_id) FROM response_incidents x WHERE x.response_id = r.id)
        AS incident_ids
      FROM responses r JOIN sources s ON s.id = r.source_id
      WHERE r.id IN (SELECT response_id FROM response_incidents WHERE incident_id = ?)
      ORDER BY s.seq, r.position, r.id`,
    )
    .all(id);
  const evidence = new Map<string, QuotedEvidence[]>();
  const evidenceRows = db
    .prep<EvidenceRow>(
      `SELECT e.fact_kind, e.fact_id, e.local_id, e.position, e.start, e."end", e.quote, e.source_id,
        ${SOURCE_COLUMNS}
      FROM (SELECT incident_id AS fact_id, source_id, local_id FROM incident_sources WHERE incident_id = ?
        UNION ALL SELECT claim_id, source_id, local_id FROM claim_sources
          WHERE claim_id IN (SELECT value FROM json_each(?))
        UNION ALL SELECT response_id, source_id, local_id FROM response_sources
          WHERE response_id IN (SELECT value FROM json_each(?))) r
      JOIN evidence e ON e.source_id = r.source_id AND e.local_id = r.local_id AND e.fact_id = r.fact_id
      JOIN sources s ON s.id = e.source_id
      ORDER BY e.fact_id, s.seq, e.local_id, e.position`,
    )
    .all(id, JSON.stringify(claims.map((c) => c.id)), JSON.stringify(responses.map((r) => r.id)));
  for (const e of evidenceRows) {
    const list = evidence.get(e.fact_id) ?? [];
    list.push(quoted(e));
    evidence.set(e.fact_id, list);
  }
  const sources = db
    .prep<EvidenceRow>(
      `SELECT DISTINCT s.id AS source_id, ${SOURCE_COLUMNS}, s.seq FROM incident_sources x
      JOIN sources s ON s.id = x.source_id WHERE x.incident_id = ? ORDER BY s.seq`,
    )
    .all(id)
    .map(joinedSource);
  return {
    id: row.id,
    label: row.label,
    ...dateField(row),
    victims: parties(row.victims_json),
    types: types(row.types_json),
    systems: strings(row.systems_json),
    ...(row.campaign_id === null ? {} : { campaign: campaign(db, row.campaign_id) }),
    sources,
    evidence: evidence.get(id) ?? [],
    claims: claims.map((c) => claimView(c, evidence.get(c.id) ?? [])),
    responses: responses.map((r) => responseView(r, evidence.get(r.id) ?? [])),
  };
}

function campaign(db: Db, campaignId: string): NonNullable<IncidentDetail["campaign"]> {
  const rows = db
    .prep<IncidentRow>(
      "SELECT * FROM incidents WHERE campaign_id = ? ORDER BY date_start IS NULL, date_start, id",
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

/** Ids starting with `prefix`, in order. */
export function findIncidentIds(db: Db, prefix: string, limit = 10): string[] {
  const p = prefix.trim().toLowerCase();
  if (p === "") return [];
  return db
    .prep<{ id: string }>("SELECT id FROM incidents WHERE id >= ? AND id < ? ORDER BY id LIMIT ?")
    .all(p, `${p}\uffff`, limit)
    .map((r) => r.id);
}

function distinctParties(list: readonly Party[]): Party[] {
  const seen = new Map<string, Party>();
  for (const p of list) if (!seen.has(partyKey(p))) seen.set(partyKey(p), p);
  return [...seen.values()];
}
