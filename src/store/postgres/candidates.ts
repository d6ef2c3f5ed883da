import type {
  CandidateIncident,
  CandidateQuery,
  CandidateResponse,
  Candidates,
  ResponseKind,
} from "../../model/index.ts";
import { partyId } from "../ids.ts";
import { dateField, parties, strings, types } from "../row-map.ts";
import type { IncidentRow, ResponseRow } from "../row-types.ts";
import { NAME_LOOKUP_LIMIT } from "../sqlite/candidates.ts";
import type { Sql } from "./db.ts";

/** The lookups of the SQLite backend (sqlite/candidates.ts), `seq` standing for SQLite's rowid. */
const SQL = {
  byVictim: `SELECT DISTINCT incident_id AS id FROM incident_victims
    WHERE party_id = ANY($1::text[]) AND date_start BETWEEN $2 AND $3 AND date_end >= $4`,
  byNameDated: `SELECT id FROM incidents WHERE name_key = $1
    AND (date_start IS NULL OR (date_start BETWEEN $2 AND $3 AND date_end >= $4))`,
  byName: `SELECT id FROM incidents WHERE name_key = $1 ORDER BY seq LIMIT ${NAME_LOOKUP_LIMIT}`,
  incidents: "SELECT * FROM incidents WHERE id = ANY($1::text[]) ORDER BY seq",
  responsesDated: `SELECT * FROM responses
    WHERE key = $1 AND date_start BETWEEN $2 AND $3 AND date_end >= $4`,
  responsesLinked: `SELECT ri.incident_id AS about, r.*
    FROM response_incidents ri JOIN responses r ON r.id = ri.response_id
    WHERE ri.incident_id = ANY($1::text[]) AND ri.key = ANY($2::text[])`,
};

const yearBefore = (day: string) => `${String(Number(day.slice(0, 4)) - 1).padStart(4, "0")}-01-01`;

type SeqResponseRow = ResponseRow & { seq: number };

/** The stored incidents and responses `query` asks for, in the order they were stored. */
export async function findCandidates(sql: Sql, query: CandidateQuery): Promise<Candidates> {
  const ids = new Set<string>();
  const add = (rows: Array<{ id: string }>) => {
    for (const r of rows) ids.add(r.id);
  };
  for (const v of query.byVictim) {
    add(await sql.rows(SQL.byVictim, [v.victims.map(partyId), yearBefore(v.from), v.to, v.from]));
  }
  for (const n of query.byName) {
    if (n.from !== undefined && n.to !== undefined) {
      add(await sql.rows(SQL.byNameDated, [n.name, yearBefore(n.from), n.to, n.from]));
    } else add(await sql.rows(SQL.byName, [n.name]));
  }
  const incidentIds = [...ids];
  const incidents =
    ids.size === 0 ? [] : (await sql.rows<IncidentRow>(SQL.incidents, [incidentIds])).map(candidateIncident);

  const responses = new Map<string, CandidateResponse & { seq: number }>();
  if (ids.size > 0 && query.responses.length > 0) {
    const keys = [...new Set(query.responses.map((r) => r.key))];
    const rows = await sql.rows<SeqResponseRow & { about: string }>(SQL.responsesLinked, [incidentIds, keys]);
    for (const row of rows) {
      const known = responses.get(row.id);
      if (known) known.incidents.push(row.about);
      else responses.set(row.id, candidateResponse(row, [row.about]));
    }
  }
  for (const r of query.responses) {
    if (r.from === undefined || r.to === undefined) continue;
    const rows = await sql.rows<SeqResponseRow>(SQL.responsesDated, [
      r.key,
      yearBefore(r.from),
      r.to,
      r.from,
    ]);
    for (const row of rows) if (!responses.has(row.id)) responses.set(row.id, candidateResponse(row, []));
  }
  return {
    incidents,
    responses: [...responses.values()].sort((a, b) => a.seq - b.seq).map(({ seq: _, ...r }) => r),
  };
}

function candidateIncident(r: IncidentRow): CandidateIncident {
  return {
    id: r.id,
    label: r.label,
    ...(r.name_key === null ? {} : { name: r.name_key }),
    ...dateField(r),
    victims: parties(r.victims_json),
    types: types(r.types_json),
    systems: strings(r.systems_json),
    ...(r.campaign_id === null ? {} : { campaign: r.campaign_id }),
  };
}

function candidateResponse(r: SeqResponseRow, incidents: string[]): CandidateResponse & { seq: number } {
  return {
    seq: r.seq,
    id: r.id,
    key: r.key ?? "",
    kind: r.kind as ResponseKind,
    actor: JSON.parse(r.actor_json),
    target: r.target_json === null ? null : JSON.parse(r.target_json),
    ...dateField(r),
    ...(r.detail === null ? {} : { detail: r.detail }),
    incidents,
  };
}
