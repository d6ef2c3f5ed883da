import type { IncidentType, ReadScope, Stance, Tlp } from "../../model/index.ts";
import type {
  KnowledgeStats,
  PartyEntry,
  Source,
  SourceHit,
  SourceQuote,
  StoreCounts,
} from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { ftsQuery } from "../filter.ts";
import { sourceRef } from "../row-map.ts";
import type { PartyEntryRow, SearchRow, SourceRow } from "../row-types.ts";
import { Visibility } from "../visibility.ts";
import type { Db } from "./db.ts";

/** Parties, statistics, sources and search: the catalogue around the incidents. */

export function hasSha256(db: Db, sha256: string): boolean {
  return db.prep("SELECT 1 FROM sources WHERE sha256 = ?").get(sha256) !== undefined;
}

export function storedSha256s(db: Db, sha256s: readonly string[]): Set<string> {
  const rows = db
    .prep<{ sha256: string }>("SELECT sha256 FROM sources WHERE sha256 IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(sha256s));
  return new Set(rows.map((r) => r.sha256));
}

export function getSource(db: Db, id: string, scope: ReadScope = {}): Source | null {
  const vis = new Visibility(scope);
  const row = db.prep<SourceRow>(`SELECT * FROM sources s WHERE s.id = ? AND ${vis.source("s")}`).get(id);
  if (!row) return null;
  const incidents = db
    .prep<{ id: string; label: string }>(
      `SELECT i.id, i.label FROM incident_sources x JOIN incidents i ON i.id = x.incident_id
      WHERE x.source_id = ? GROUP BY i.id ORDER BY min(length(x.local_id)), min(x.local_id)`,
    )
    .all(id);
  return {
    ...sourceRef(row),
    tlp: row.tlp as Tlp,
    docId: row.doc_id,
    sha256: row.sha256,
    text: row.text,
    ingestedAt: row.ingested_at,
    incidents,
  };
}

/** The source's quotes in the order of its key: report by report, each fact's quotes in order. */
export function sourceQuotes(db: Db, sourceId: string): SourceQuote[] {
  return db
    .prep<SourceQuote>(
      `SELECT fact_id AS factId, start, "end", quote FROM evidence WHERE source_id = ?
      ORDER BY local_id, fact_id, position`,
    )
    .all(sourceId);
}

export function searchSources(db: Db, query: string, limit = 20, scope: ReadScope = {}): SourceHit[] {
  const vis = new Visibility(scope);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new StoreError("BAD_QUERY", `The limit must be a whole number of at least 1, not ${limit}.`);
  }
  // The best matches are chosen first, by bm25 and SQLite's bounded sort (ORDER BY rank would have FTS5 sort
  // every match, position lists and all); only they are then matched again for their snippets, one by one.
  const best = vis.restricted
    ? `SELECT f.rowid AS seq, bm25(source_fts) AS score FROM source_fts f JOIN sources s ON s.seq = f.rowid
      WHERE source_fts MATCH @query AND ${vis.source("s")} ORDER BY score, f.rowid LIMIT @limit`
    : `SELECT rowid AS seq, bm25(source_fts) AS score FROM source_fts
      WHERE source_fts MATCH @query ORDER BY score, rowid LIMIT @limit`;
  const rows = db
    .prep<SearchRow>(
      `WITH best AS MATERIALIZED (${best})
      SELECT s.id, s.title, s.url, s.publisher, s.published, s.tlp,
        snippet(source_fts, -1, '[', ']', '…', 16) AS snippet
      FROM best CROSS JOIN source_fts ON source_fts.rowid = best.seq CROSS JOIN sources s ON s.seq = best.seq
      WHERE source_fts MATCH @query ORDER BY best.score, best.seq`,
    )
    .all({ query: ftsQuery(query), limit: Math.min(limit, 1000) });
  return rows.map((r) => ({ source: sourceRef(r), snippet: r.snippet.replace(/\s+/g, " ").trim() }));
}

export function listParties(db: Db, scope: ReadScope = {}): PartyEntry[] {
  const vis = new Visibility(scope);
  // A restricted reader sees only the parties of facts it may see.
  const seen = vis.restricted ? "WHERE victim + claimant + accused + actor + target > 0" : "";
  const rows = db
    .prep<PartyEntryRow>(
      `SELECT * FROM (SELECT p.*,
        (SELECT count(DISTINCT incident_id) FROM incident_victims v WHERE v.party_id = p.id
          AND ${vis.incident("v.incident_id")}) AS victim,
        (SELECT count(*) FROM claims c WHERE c.claimant_party_id = p.id AND ${vis.claim("c.id")}) AS claimant,
        (SELECT count(*) FROM claims c WHERE c.accused_party_id = p.id AND ${vis.claim("c.id")}) AS accused,
        (SELECT count(*) FROM responses r WHERE r.actor_party_id = p.id AND ${vis.response("r.id")}) AS actor,
        (SELECT count(*) FROM responses r WHERE r.target_party_id = p.id AND ${vis.response("r.id")}) AS target
      FROM parties p) p ${seen}
      ORDER BY CASE p.kind WHEN 'state' THEN 0 WHEN 'intl' THEN 1 WHEN 'group' THEN 2
        WHEN 'organization' THEN 3 ELSE 4 END, p.key`,
    )
    .all();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    kind: r.kind as PartyEntry["kind"],
    name: r.name,
    ...(r.country === null ? {} : { country: r.country }),
    roles: { victim: r.victim, claimant: r.claimant, accused: r.accused, actor: r.actor, target: r.target },
  }));
}

export function stats(db: Db, scope: ReadScope = {}): KnowledgeStats {
  const vis = new Visibility(scope);
  const n = (sql: string) => db.prep<{ n: number }>(sql).get()?.n ?? 0;
  const perYear = db
    .prep<{ year: string; incidents: number }>(
      `SELECT substr(date_value, 1, 4) AS year, count(*) AS incidents FROM incidents i
      WHERE date_value IS NOT NULL AND ${vis.incident("i.id")} GROUP BY year ORDER BY year`,
    )
    .all();
  const perType = db
    .prep<{ type: IncidentType; incidents: number }>(
      `SELECT type, count(*) AS incidents FROM incident_types t WHERE ${vis.incident("t.incident_id")}
      GROUP BY type ORDER BY incidents DESC, type`,
    )
    .all();
  const claimantAccused = db
    .prep<{ claimant: string; accused: string; stance: Stance; claims: number }>(
      `SELECT cp.key AS claimant, ap.key AS accused, c.stance, count(*) AS claims
      FROM claims c JOIN parties cp ON cp.id = c.claimant_party_id JOIN parties ap ON ap.id = c.accused_party_id
      WHERE ${vis.claim("c.id")}
      GROUP BY cp.key, ap.key, c.stance ORDER BY claims DESC, claimant, accused, c.stance`,
    )
    .all();
  const victimAccused = db
    .prep<{ victim: string; accused: string; incidents: number }>(
      `SELECT vp.country AS victim, ap.country AS accused, count(DISTINCT v.incident_id) AS incidents
      FROM incident_victims v JOIN parties vp ON vp.id = v.party_id
      JOIN claim_incidents ci ON ci.incident_id = v.incident_id
      JOIN claims c ON c.id = ci.claim_id AND c.stance = 'accuses'
      JOIN parties ap ON ap.id = c.accused_party_id
      WHERE vp.country IS NOT NULL AND ap.country IS NOT NULL AND ap.kind IN ('state', 'group')
        AND ${vis.claim("c.id")} AND ${vis.incident("v.incident_id")}
      GROUP BY vp.country, ap.country ORDER BY incidents DESC, victim, accused`,
    )
    .all();
  return {
    totals: {
      sources: n(`SELECT count(*) AS n FROM sources s WHERE ${vis.source("s")}`),
      incidents: n(`SELECT count(*) AS n FROM incidents i WHERE ${vis.incident("i.id")}`),
      claims: n(`SELECT count(*) AS n FROM claims c WHERE ${vis.claim("c.id")}`),
      responses: n(`SELECT count(*) AS n FROM responses r WHERE ${vis.response("r.id")}`),
    },
    perYear,
    undated: n(`SELECT count(*) AS n FROM incidents i WHERE date_value IS NULL AND ${vis.incident("i.id")}`),
    perType,
    claimantAccused,
    victimAccused,
  };
}

export function counts(db: Db): StoreCounts {
  const row = db
    .prep<StoreCounts>(
      `SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM incidents) AS incidents,
        (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM responses) AS responses,
        (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM parties) AS parties,
        (SELECT count(*) FROM decisions) AS decisions,
        (SELECT count(*) FROM incident_sources) + (SELECT count(*) FROM claim_sources)
          + (SELECT count(*) FROM response_sources) AS reports,
        (SELECT count(DISTINCT campaign_id) FROM incidents) AS campaigns`,
    )
    .get();
  return (
    row ?? {
      sources: 0,
      incidents: 0,
      claims: 0,
      responses: 0,
      evidence: 0,
      parties: 0,
      decisions: 0,
      reports: 0,
      campaigns: 0,
    }
  );
}
