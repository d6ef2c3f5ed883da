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
import { sourceRef } from "../row-map.ts";
import type { PartyEntryRow, SearchRow, SourceRow } from "../row-types.ts";
import { Visibility } from "../visibility.ts";
import type { Sql } from "./db.ts";
import { tsQuery } from "./search.ts";

/** Parties, statistics, sources and search: the catalogue around the incidents (as sqlite/catalog.ts). */

export async function hasSha256(sql: Sql, sha256: string): Promise<boolean> {
  return (await sql.one("SELECT 1 FROM sources WHERE sha256 = $1", [sha256])) !== undefined;
}

export async function storedSha256s(sql: Sql, sha256s: readonly string[]): Promise<Set<string>> {
  const rows = await sql.rows<{ sha256: string }>(
    "SELECT sha256 FROM sources WHERE sha256 = ANY($1::text[])",
    [sha256s],
  );
  return new Set(rows.map((r) => r.sha256));
}

const SOURCE_COLUMNS = "seq, id, doc_id, sha256, title, url, publisher, published, tlp, text, ingested_at";

/** The source's quotes in the order of its key: report by report, each fact's quotes in order. */
export async function sourceQuotes(sql: Sql, sourceId: string): Promise<SourceQuote[]> {
  return sql.rows<SourceQuote>(
    `SELECT fact_id AS "factId", start, "end", quote FROM evidence WHERE source_id = $1
    ORDER BY local_id, fact_id, position`,
    [sourceId],
  );
}

export async function getSource(sql: Sql, id: string, scope: ReadScope = {}): Promise<Source | null> {
  const vis = new Visibility(scope);
  const row = await sql.one<SourceRow>(
    `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id = $1 AND ${vis.source("s")}`,
    [id],
  );
  if (!row) return null;
  const incidents = await sql.rows<{ id: string; label: string }>(
    `SELECT i.id, i.label FROM incident_sources x JOIN incidents i ON i.id = x.incident_id
    WHERE x.source_id = $1 GROUP BY i.id ORDER BY min(length(x.local_id)), min(x.local_id)`,
    [id],
  );
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

export async function searchSources(
  sql: Sql,
  query: string,
  limit = 20,
  scope: ReadScope = {},
): Promise<SourceHit[]> {
  const vis = new Visibility(scope);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new StoreError("BAD_QUERY", `The limit must be a whole number of at least 1, not ${limit}.`);
  }
  const rows = await sql.rows<SearchRow>(
    `WITH q AS (SELECT to_tsquery('simple', unaccent($1)) AS q)
    SELECT s.id, s.title, s.url, s.publisher, s.published, s.tlp,
      ts_headline('simple', coalesce(s.title, '') || ' ' || s.text, q.q,
        'StartSel=[, StopSel=], MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter=…') AS snippet
    FROM sources s, q WHERE s.search @@ q.q AND ${vis.source("s")}
    ORDER BY ts_rank(s.search, q.q) DESC, s.seq LIMIT $2`,
    [tsQuery(query), Math.min(limit, 1000)],
  );
  return rows.map((r) => ({ source: sourceRef(r), snippet: r.snippet.replace(/\s+/g, " ").trim() }));
}

export async function listParties(sql: Sql, scope: ReadScope = {}): Promise<PartyEntry[]> {
  const vis = new Visibility(scope);
  // A restricted reader sees only the parties of facts it may see.
  const seen = vis.restricted ? "WHERE victim + claimant + accused + actor + target > 0" : "";
  const rows = await sql.rows<PartyEntryRow>(
    `SELECT * FROM (SELECT p.*,
      (SELECT count(DISTINCT v.incident_id)::int FROM incident_victims v WHERE v.party_id = p.id
        AND ${vis.incident("v.incident_id")}) AS victim,
      (SELECT count(*)::int FROM claims c WHERE c.claimant_party_id = p.id AND ${vis.claim("c.id")}) AS claimant,
      (SELECT count(*)::int FROM claims c WHERE c.accused_party_id = p.id AND ${vis.claim("c.id")}) AS accused,
      (SELECT count(*)::int FROM responses r WHERE r.actor_party_id = p.id AND ${vis.response("r.id")}) AS actor,
      (SELECT count(*)::int FROM responses r WHERE r.target_party_id = p.id AND ${vis.response("r.id")})
        AS target
    FROM parties p) p ${seen}
    ORDER BY CASE p.kind WHEN 'state' THEN 0 WHEN 'intl' THEN 1 WHEN 'group' THEN 2
      WHEN 'organization' THEN 3 ELSE 4 END, p.key`,
  );
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    kind: r.kind as PartyEntry["kind"],
    name: r.name,
    ...(r.country === null ? {} : { country: r.country }),
    roles: { victim: r.victim, claimant: r.claimant, accused: r.accused, actor: r.actor, target: r.target },
  }));
}

export async function stats(sql: Sql, scope: ReadScope = {}): Promise<KnowledgeStats> {
  const vis = new Visibility(scope);
  const n = async (text: string) => (await sql.one<{ n: number }>(text))?.n ?? 0;
  const perYear = await sql.rows<{ year: string; incidents: number }>(
    `SELECT substr(date_value, 1, 4) AS year, count(*)::int AS incidents FROM incidents i
    WHERE date_value IS NOT NULL AND ${vis.incident("i.id")} GROUP BY year ORDER BY year`,
  );
  const perType = await sql.rows<{ type: IncidentType; incidents: number }>(
    `SELECT type, count(*)::int AS incidents FROM incident_types t WHERE ${vis.incident("t.incident_id")}
    GROUP BY type ORDER BY incidents DESC, type`,
  );
  const claimantAccused = await sql.rows<{
    claimant: string;
    accused: string;
    stance: Stance;
    claims: number;
  }>(
    `SELECT cp.key AS claimant, ap.key AS accused, c.stance, count(*)::int AS claims
    FROM claims c JOIN parties cp ON cp.id = c.claimant_party_id JOIN parties ap ON ap.id = c.accused_party_id
    WHERE ${vis.claim("c.id")}
    GROUP BY cp.key, ap.key, c.stance ORDER BY claims DESC, claimant, accused, c.stance`,
  );
  const victimAccused = await sql.rows<{ victim: string; accused: string; incidents: number }>(
    `SELECT vp.country AS victim, ap.country AS accused, count(DISTINCT v.incident_id)::int AS incidents
    FROM incident_victims v JOIN parties vp ON vp.id = v.party_id
    JOIN claim_incidents ci ON ci.incident_id = v.incident_id
    JOIN claims c ON c.id = ci.claim_id AND c.stance = 'accuses'
    JOIN parties ap ON ap.id = c.accused_party_id
    WHERE vp.country IS NOT NULL AND ap.country IS NOT NULL AND ap.kind IN ('state', 'group')
      AND ${vis.claim("c.id")} AND ${vis.incident("v.incident_id")}
    GROUP BY vp.country, ap.country ORDER BY incidents DESC, victim, accused`,
  );
  return {
    totals: {
      sources: await n(`SELECT count(*)::int AS n FROM sources s WHERE ${vis.source("s")}`),
      incidents: await n(`SELECT count(*)::int AS n FROM incidents i WHERE ${vis.incident("i.id")}`),
      claims: await n(`SELECT count(*)::int AS n FROM claims c WHERE ${vis.claim("c.id")}`),
      responses: await n(`SELECT count(*)::int AS n FROM responses r WHERE ${vis.response("r.id")}`),
    },
    perYear,
    undated: await n(
      `SELECT count(*)::int AS n FROM incidents i WHERE date_value IS NULL AND ${vis.incident("i.id")}`,
    ),
    perType,
    claimantAccused,
    victimAccused,
  };
}

export async function counts(sql: Sql): Promise<StoreCounts> {
  const row = await sql.one<StoreCounts>(
    `SELECT (SELECT count(*)::int FROM sources) AS sources, (SELECT count(*)::int FROM incidents) AS incidents,
      (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM responses) AS responses,
      (SELECT count(*)::int FROM evidence) AS evidence, (SELECT count(*)::int FROM parties) AS parties,
      (SELECT count(*)::int FROM decisions) AS decisions,
      (SELECT count(*)::int FROM incident_sources) + (SELECT count(*)::int FROM claim_sources)
        + (SELECT count(*)::int FROM response_sources) AS reports,
      (SELECT count(DISTINCT campaign_id)::int FROM incidents) AS campaigns`,
  );
  if (!row) throw new Error("counting returned no row");
  return row;
}
