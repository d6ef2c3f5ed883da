-- Casebook knowledge base, schema 2 (SQLite): facts merged across documents.
--
-- An incident, claim or response is one row however many sources report it. *_sources tables say which source
-- reported which fact under which id of its record; evidence keeps the source and that record id. Claims are
-- one per (incident, claimant, accused, stance): `identity` holds that key and the id derives from it, so a
-- repeated report can only add quotes. Responses are one per (kind, actor, target) and agreeing date, `identity`
-- naming each uniquely. Fact rows keep the source that reported them first (source_id, position).
--
-- Applied by src/store/sqlite/migrate.ts in one transaction with foreign keys off (the SQLite procedure for
-- rebuilding tables), checked with PRAGMA foreign_key_check before it commits. Rows stored under schema 1 stay
-- as they were reported, each with its one source: `casebook reprocess` merges them.

-- Which sources reported each fact. ------------------------------------------------------------------------
CREATE TABLE incident_sources (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,             -- the incident's id in that source's record
  PRIMARY KEY (incident_id, source_id, local_id)
) WITHOUT ROWID;
CREATE INDEX incident_sources_source ON incident_sources (source_id);
INSERT INTO incident_sources (incident_id, source_id, local_id) SELECT id, source_id, local_id FROM incidents;

CREATE TABLE claim_sources (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  PRIMARY KEY (claim_id, source_id, local_id)
) WITHOUT ROWID;
INSERT INTO claim_sources (claim_id, source_id, local_id) SELECT id, source_id, local_id FROM claims;

CREATE TABLE response_sources (
  response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  PRIMARY KEY (response_id, source_id, local_id)
) WITHOUT ROWID;
INSERT INTO response_sources (response_id, source_id, local_id) SELECT id, source_id, local_id FROM responses;

-- Incidents: the named operation they are looked up by; victims carry the incident's dates, so that looking up
-- "this victim at about this date" (resolution, and `incidents --victim X --since Y`) reads one index range.
-- What the incident list shows of each incident's claims, responses and sources is kept on the incident (and
-- brought up to date by every save that touches it), so that listing reads one row per incident.
ALTER TABLE incidents ADD COLUMN name_key TEXT;
ALTER TABLE incidents ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN response_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN accused_json TEXT NOT NULL DEFAULT '[]';  -- each accused party once, first quoted
CREATE INDEX incidents_name ON incidents (name_key) WHERE name_key IS NOT NULL;
ALTER TABLE incident_victims ADD COLUMN date_start TEXT;
ALTER TABLE incident_victims ADD COLUMN date_end TEXT;
UPDATE incident_victims SET
  date_start = (SELECT date_start FROM incidents WHERE id = incident_victims.incident_id),
  date_end = (SELECT date_end FROM incidents WHERE id = incident_victims.incident_id);
DROP INDEX incident_victims_party;
CREATE INDEX incident_victims_party ON incident_victims (party_id, date_start, date_end, incident_id);
CREATE INDEX incident_types_type_incident ON incident_types (type, incident_id);
DROP INDEX incident_types_type;

-- Claims: no longer one row per record claim, so (source_id, local_id) is no longer unique. ------------------
CREATE TABLE claims_v2 (
  id TEXT PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,      -- incident|stance|claimant|accused; 'reported:<id>' for schema-1 rows
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,  -- the source that reported it first
  position INTEGER NOT NULL,          -- its place in that source's record
  stance TEXT NOT NULL CHECK (stance IN ('accuses', 'denies', 'claims-responsibility')),
  claimant_party_id TEXT REFERENCES parties (id),
  claimant_json TEXT,                 -- the claimant as first reported, with the official quoted (via)
  accused_party_id TEXT NOT NULL REFERENCES parties (id),
  accused_json TEXT NOT NULL,
  date_value TEXT, date_precision TEXT, date_text TEXT   -- when the claim was made
);
INSERT INTO claims_v2 (id, identity, source_id, position, stance, claimant_party_id, claimant_json,
  accused_party_id, accused_json, date_value, date_precision, date_text)
SELECT id, 'reported:' || id, source_id, position, stance, claimant_party_id, claimant_json,
  accused_party_id, accused_json, date_value, date_precision, date_text FROM claims;
DROP TABLE claims;
ALTER TABLE claims_v2 RENAME TO claims;
CREATE INDEX claims_claimant ON claims (claimant_party_id);
CREATE INDEX claims_accused ON claims (accused_party_id);

-- Responses: an identity, the key resolution looks them up by, and their dates' bounds. ---------------------
CREATE TABLE responses_v2 (
  id TEXT PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,      -- kind|actor|target|date or incident; 'reported:<id>' for schema-1 rows
  key TEXT,                           -- kind|actor|target (NULL for schema-1 rows)
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor_party_id TEXT NOT NULL REFERENCES parties (id),
  actor_json TEXT NOT NULL,
  target_party_id TEXT REFERENCES parties (id),
  target_json TEXT,
  date_value TEXT, date_precision TEXT, date_text TEXT,   -- when the response was made
  date_start TEXT, date_end TEXT,
  detail TEXT
);
INSERT INTO responses_v2 (id, identity, key, source_id, position, kind, actor_party_id, actor_json,
  target_party_id, target_json, date_value, date_precision, date_text, date_start, date_end, detail)
SELECT id, 'reported:' || id, NULL, source_id, position, kind, actor_party_id, actor_json,
  target_party_id, target_json, date_value, date_precision, date_text,
  CASE length(date_value) WHEN 4 THEN date_value || '-01-01' WHEN 7 THEN date_value || '-01' ELSE date_value END,
  CASE length(date_value) WHEN 4 THEN date_value || '-12-31'
    WHEN 7 THEN date(date_value || '-01', '+1 month', '-1 day') ELSE date_value END,
  detail FROM responses;
DROP TABLE responses;
ALTER TABLE responses_v2 RENAME TO responses;
CREATE INDEX responses_actor ON responses (actor_party_id);
CREATE INDEX responses_target ON responses (target_party_id);
CREATE INDEX responses_key ON responses (key, date_start) WHERE key IS NOT NULL;
-- A response's links to incidents carry its key, so that "responses of this kind, actor and target about one
-- of these incidents" reads only the links it wants.
ALTER TABLE response_incidents ADD COLUMN key TEXT;
DROP INDEX response_incidents_incident;
CREATE INDEX response_incidents_incident ON response_incidents (incident_id, key);

-- Evidence: keyed by the report it came from (source, record id, fact), so that one document's quotes lie
-- together (a save writes a page or two of them, not one page per fact) and a fact's quotes are found through
-- its reports (*_sources). Positions count within one report.
CREATE TABLE evidence_v2 (
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,             -- the fact's id in that source's record
  fact_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  fact_kind TEXT NOT NULL CHECK (fact_kind IN ('incident', 'claim', 'response')),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  quote TEXT NOT NULL,
  PRIMARY KEY (source_id, local_id, fact_id, position)
) WITHOUT ROWID;
INSERT INTO evidence_v2 (source_id, local_id, fact_id, position, fact_kind, start, "end", quote)
SELECT e.source_id,
  coalesce(
    (SELECT local_id FROM incident_sources WHERE incident_id = e.fact_id AND source_id = e.source_id),
    (SELECT local_id FROM claim_sources WHERE claim_id = e.fact_id AND source_id = e.source_id),
    (SELECT local_id FROM response_sources WHERE response_id = e.fact_id AND source_id = e.source_id),
    ''),
  e.fact_id, e.position, e.fact_kind, e.start, e."end", e.quote
FROM evidence e;
DROP TABLE evidence;
ALTER TABLE evidence_v2 RENAME TO evidence;

UPDATE incidents SET
  claim_count = (SELECT count(*) FROM claim_incidents WHERE incident_id = incidents.id),
  response_count = (SELECT count(*) FROM response_incidents WHERE incident_id = incidents.id),
  source_count = (SELECT count(DISTINCT source_id) FROM incident_sources WHERE incident_id = incidents.id),
  accused_json = (SELECT json_group_array(json(a)) FROM (
    SELECT c.accused_json AS a, min(c.rowid) AS first FROM claim_incidents ci JOIN claims c ON c.id = ci.claim_id
    WHERE ci.incident_id = incidents.id GROUP BY c.accused_party_id ORDER BY first));
