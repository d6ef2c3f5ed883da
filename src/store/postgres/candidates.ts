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
import { type Sql, together } from "./db.ts";

/**
 * The lookups of the SQLite backend (sqlite/candidates.ts), `seq` standing for SQLite's rowid, as two
 * statements sent together: every lookup of a kind goes in one statement, its parameters as arrays (a victim
 * lookup naming several parties is one row per party).
 */
const FOUND = `found AS (
    SELECT v.incident_id AS id
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS q(party, floor, upto, since)
    JOIN incident_victims v ON v.party_id = q.party AND v.date_start BETWEEN q.floor AND q.upto
      AND v.date_end >= q.since
    UNION
    SELECT i.id FROM unnest($5::text[], $6::text[], $7::text[], $8::text[]) AS n(name, floor, upto, since)
    JOIN incidents i ON i.name_key = n.name
      AND (i.date_start IS NULL OR (i.date_start BETWEEN n.floor AND n.upto AND i.date_end >= n.since))
    UNION
    SELECT x.id FROM unnest($9::text[]) AS u(name)
    CROSS JOIN LATERAL (SELECT id FROM incidents WHERE name_key = u.name ORDER BY seq
      LIMIT ${NAME_LOOKUP_LIMIT}) x
  )`;
const SQL = {
  incidents: `WITH ${FOUND} SELECT * FROM incidents WHERE id IN (SELECT id FROM found) ORDER BY seq`,
  // the responses of the keys asked for that are about one of the incidents found (with which one), then
  // the dated ones of each key
  responses: `WITH ${FOUND}
    SELECT ri.incident_id AS about, r.* FROM response_incidents ri JOIN responses r ON r.id = ri.response_id
    WHERE ri.incident_id IN (SELECT id FROM found) AND ri.key = ANY($10::text[])
    UNION ALL
    SELECT NULL, r.* FROM unnest($11::text[], $12::text[], $13::text[], $14::text[]) AS q(key, floor, upto, since)
    JOIN responses r ON r.key = q.key AND r.date_start BETWEEN q.floor AND q.upto AND r.date_end >= q.since`,
};

const yearBefore = (day: string) => `${String(Number(day.slice(0, 4)) - 1).padStart(4, "0")}-01-01`;

type SeqResponseRow = ResponseRow & { seq: number; about: string | null };

/** The answers of the candidates' lookups: stored incidents, and responses with the incident they were found by. */
export type CandidateRows = [IncidentRow[], SeqResponseRow[]];

/** The statements of `findCandidates`, sent at once; `candidatesOf` reads their answers. */
export function sendCandidateLookups(sql: Sql, query: CandidateQuery): Promise<CandidateRows> {
  const victims = query.byVictim.flatMap((v) =>
    v.victims.map((k) => [partyId(k), yearBefore(v.from), v.to, v.from] as const),
  );
  const dated = query.byName.flatMap((n) =>
    n.from !== undefined && n.to !== undefined ? [[n.name, yearBefore(n.from), n.to, n.from] as const] : [],
  );
  const undated = query.byName.filter((n) => n.from === undefined || n.to === undefined).map((n) => n.name);
  const found = [...columns(victims, 4), ...columns(dated, 4), undated];
  const keys = [...new Set(query.responses.map((r) => r.key))];
  const responseDates = query.responses.flatMap((r) =>
    r.from !== undefined && r.to !== undefined ? [[r.key, yearBefore(r.from), r.to, r.from] as const] : [],
  );
  const lookups = victims.length + dated.length + undated.length;
  if (lookups + responseDates.length === 0) return Promise.resolve([[], []]);
  return together<CandidateRows>([
    sql.rows<IncidentRow>(SQL.incidents, found),
    sql.rows<SeqResponseRow>(SQL.responses, [...found, keys, ...columns(responseDates, 4)]),
  ]);
}

/** The columns of rows of `width` values, as arrays. */
function columns(rows: ReadonlyArray<readonly string[]>, width: number): string[][] {
  return Array.from({ length: width }, (_, k) => rows.map((r) => r[k] as string));
}

/** The stored incidents and responses `query` asks for, in the order they were stored. */
export async function findCandidates(sql: Sql, query: CandidateQuery): Promise<Candidates> {
  return candidatesOf(await sendCandidateLookups(sql, query));
}

/** Candidates from the answers of `sendCandidateLookups`. */
export function candidatesOf([incidentRows, responseRows]: CandidateRows): Candidates {
  const incidents = incidentRows.map(candidateIncident);
  const responses = new Map<string, CandidateResponse & { seq: number }>();
  for (const row of responseRows) {
    const known = responses.get(row.id);
    if (row.about === null) {
      if (!known) responses.set(row.id, candidateResponse(row, []));
    } else if (known) known.incidents.push(row.about);
    else responses.set(row.id, candidateResponse(row, [row.about]));
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
