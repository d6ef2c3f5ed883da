import type { CandidateQuery, CandidateResponse, Candidates } from "../../model/index.ts";
import {
  CANDIDATE_INCIDENT_COLUMNS,
  type CandidateIncidentRow,
  candidateIncident,
  candidateResponse,
  NAME_LOOKUP_LIMIT,
} from "../candidate-rows.ts";
import { partyId } from "../ids.ts";
import type { ResponseRow } from "../row-types.ts";
import type { Db } from "./db.ts";

const SQL = {
  // A fuzzy date spans at most a year, so a range ending on or after `from` starts on or after the first day
  // of the year before (`floor`): that bound keeps the lookup to one short stretch of the (party, date_start)
  // index.
  byVictim: `SELECT DISTINCT incident_id AS id FROM incident_victims
    WHERE party_id IN (SELECT value FROM json_each(@parties))
      AND date_start BETWEEN @floor AND @to AND date_end >= @from`,
  byNameDated: `SELECT id FROM incidents WHERE name_key = @name
    AND (date_start IS NULL OR (date_start BETWEEN @floor AND @to AND date_end >= @from))`,
  byName: `SELECT id FROM incidents WHERE name_key = ? ORDER BY rowid LIMIT ${NAME_LOOKUP_LIMIT}`,
  incidents: `SELECT ${CANDIDATE_INCIDENT_COLUMNS} FROM incidents
    WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  responsesDated: `SELECT rowid AS seq, * FROM responses
    WHERE key = @key AND date_start BETWEEN @floor AND @to AND date_end >= @from`,
  // the responses of the keys asked for that are about one of the incidents found, with which ones
  responsesLinked: `SELECT ri.incident_id AS about, r.rowid AS seq, r.*
    FROM response_incidents ri JOIN responses r ON r.id = ri.response_id
    WHERE ri.incident_id IN (SELECT value FROM json_each(@incidents))
      AND ri.key IN (SELECT value FROM json_each(@keys))`,
};

const yearBefore = (day: string) => `${String(Number(day.slice(0, 4)) - 1).padStart(4, "0")}-01-01`;

/** The stored incidents and responses `query` asks for, in the order they were stored. */
export function findCandidates(db: Db, query: CandidateQuery): Candidates {
  const ids = new Set<string>();
  const add = (rows: Array<{ id: string }>) => {
    for (const r of rows) ids.add(r.id);
  };
  for (const v of query.byVictim) {
    const parties = JSON.stringify(v.victims.map(partyId));
    add(
      db
        .prep<{ id: string }>(SQL.byVictim)
        .all({ parties, floor: yearBefore(v.from), to: v.to, from: v.from }),
    );
  }
  for (const n of query.byName) {
    if (n.from !== undefined && n.to !== undefined) {
      add(
        db
          .prep<{ id: string }>(SQL.byNameDated)
          .all({ name: n.name, floor: yearBefore(n.from), to: n.to, from: n.from }),
      );
    } else add(db.prep<{ id: string }>(SQL.byName).all(n.name));
  }
  const incidentIds = JSON.stringify([...ids]);
  const incidents =
    ids.size === 0
      ? []
      : db.prep<CandidateIncidentRow>(SQL.incidents).all(incidentIds).map(candidateIncident);

  const responses = new Map<string, CandidateResponse & { seq: number }>();
  if (ids.size > 0 && query.responses.length > 0) {
    const keys = JSON.stringify([...new Set(query.responses.map((r) => r.key))]);
    const rows = db
      .prep<ResponseRow & { seq: number; about: string }>(SQL.responsesLinked)
      .all({ incidents: incidentIds, keys });
    for (const row of rows) {
      const known = responses.get(row.id);
      if (known) known.incidents.push(row.about);
      else responses.set(row.id, candidateResponse(row, [row.about]));
    }
  }
  for (const r of query.responses) {
    if (r.from === undefined || r.to === undefined) continue;
    const rows = db
      .prep<ResponseRow & { seq: number }>(SQL.responsesDated)
      .all({ key: r.key, floor: yearBefore(r.from), to: r.to, from: r.from });
    for (const row of rows) if (!responses.has(row.id)) responses.set(row.id, candidateResponse(row, []));
  }
  return {
    incidents,
    responses: [...responses.values()].sort((a, b) => a.seq - b.seq).map(({ seq: _, ...r }) => r),
  };
}
