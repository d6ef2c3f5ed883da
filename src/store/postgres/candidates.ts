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
import { type Sql, together } from "./db.ts";

const yearBefore = (day: string) => `${String(Number(day.slice(0, 4)) - 1).padStart(4, "0")}-01-01`;

type SeqResponseRow = ResponseRow & { seq: number; about: string | null };

/** The answers of the candidates' lookups: stored incidents, and responses with the incident they were found by. */
export type CandidateRows = [CandidateIncidentRow[], SeqResponseRow[]];

/** A statement's parameters as it is written: `add` gives the placeholder of the next one. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** Placeholders of the columns of `rows` (arrays of `width` values each), cast to text arrays. */
  columns(rows: ReadonlyArray<readonly string[]>, width: number): string {
    return Array.from({ length: width }, (_, k) => `${this.add(rows.map((r) => r[k]))}::text[]`).join(", ");
  }
}

/**
 * The lookups of the SQLite backend (sqlite/candidates.ts), `seq` standing for SQLite's rowid, as at most two
 * statements sent together: the incidents found, and the responses. Every lookup of a kind goes in one branch,
 * its parameters as arrays (a victim lookup naming several parties is one row per party), and a statement has
 * only the branches its query needs: a branch costs planning even when its arrays are empty.
 */
class Lookups {
  private readonly victims: string[][];
  private readonly dated: string[][];
  private readonly undated: string[];
  private readonly keys: string[];
  private readonly responseDates: string[][];

  constructor(query: CandidateQuery) {
    this.victims = query.byVictim.flatMap((v) =>
      v.victims.map((k) => [partyId(k), yearBefore(v.from), v.to, v.from]),
    );
    this.dated = query.byName.flatMap((n) =>
      n.from !== undefined && n.to !== undefined ? [[n.name, yearBefore(n.from), n.to, n.from]] : [],
    );
    this.undated = query.byName.filter((n) => n.from === undefined || n.to === undefined).map((n) => n.name);
    this.keys = [...new Set(query.responses.map((r) => r.key))];
    this.responseDates = query.responses.flatMap((r) =>
      r.from !== undefined && r.to !== undefined ? [[r.key, yearBefore(r.from), r.to, r.from]] : [],
    );
  }

  get findsIncidents(): boolean {
    return this.victims.length + this.dated.length + this.undated.length > 0;
  }

  /** The ids of the incidents found, as a query. */
  private found(p: Params): string {
    const branches: string[] = [];
    if (this.victims.length > 0) {
      branches.push(`SELECT v.incident_id AS id
        FROM unnest(${p.columns(this.victims, 4)}) AS q(party, floor, upto, since)
        JOIN incident_victims v ON v.party_id = q.party AND v.date_start BETWEEN q.floor AND q.upto
          AND v.date_end >= q.since`);
    }
    if (this.dated.length > 0) {
      branches.push(`SELECT i.id FROM unnest(${p.columns(this.dated, 4)}) AS n(name, floor, upto, since)
        JOIN incidents i ON i.name_key = n.name
          AND (i.date_start IS NULL OR (i.date_start BETWEEN n.floor AND n.upto AND i.date_end >= n.since))`);
    }
    if (this.undated.length > 0) {
      branches.push(`SELECT x.id FROM unnest(${p.add(this.undated)}::text[]) AS u(name)
        CROSS JOIN LATERAL (SELECT id FROM incidents WHERE name_key = u.name ORDER BY seq
          LIMIT ${NAME_LOOKUP_LIMIT}) x`);
    }
    return branches.join(" UNION ");
  }

  incidents(): [string, unknown[]] {
    const p = new Params();
    return [
      `SELECT ${CANDIDATE_INCIDENT_COLUMNS} FROM incidents WHERE id IN (${this.found(p)}) ORDER BY seq`,
      p.values,
    ];
  }

  /**
   * The responses of the keys asked for that are about one of the incidents found (with which one), then the
   * dated ones of each key; undefined when nothing is asked.
   */
  responses(): [string, unknown[]] | undefined {
    const p = new Params();
    const branches: string[] = [];
    if (this.findsIncidents && this.keys.length > 0) {
      branches.push(`SELECT ri.incident_id AS about, r.* FROM response_incidents ri
        JOIN responses r ON r.id = ri.response_id
        WHERE ri.incident_id IN (${this.found(p)}) AND ri.key = ANY(${p.add(this.keys)}::text[])`);
    }
    if (this.responseDates.length > 0) {
      branches.push(`SELECT NULL AS about, r.*
        FROM unnest(${p.columns(this.responseDates, 4)}) AS q(key, floor, upto, since)
        JOIN responses r ON r.key = q.key AND r.date_start BETWEEN q.floor AND q.upto AND r.date_end >= q.since`);
    }
    return branches.length === 0 ? undefined : [branches.join(" UNION ALL "), p.values];
  }
}

/** The statements of `findCandidates`, sent at once; `candidatesOf` reads their answers. */
export function sendCandidateLookups(sql: Sql, query: CandidateQuery): Promise<CandidateRows> {
  const lookups = new Lookups(query);
  const responses = lookups.responses();
  return together<CandidateRows>([
    lookups.findsIncidents ? sql.rows<CandidateIncidentRow>(...lookups.incidents()) : Promise.resolve([]),
    responses ? sql.rows<SeqResponseRow>(...responses) : Promise.resolve([]),
  ]);
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
