-- Casebook knowledge base, schema 6 (SQLite): each report (a fact as one source tells it) is keyed by its fact,
-- then by its source's place in the store's order, and counts the quotes it gives.
--
-- An incident's page shows each fact's first quotes in the order the sources were stored, and how many there are
-- in all. Keyed this way, a fact's reports come in that order, with their counts, from the key alone: no source
-- row or quote is read for the reports whose quotes are not shown (an incident the press covered thousands of
-- times has tens of thousands of them). The source's place follows from the source, so the key is as unique as
-- before, and no index is added for saves to keep up. The tables are rebuilt (SQLite cannot change a key).

CREATE TABLE incident_sources_new (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  source_seq INTEGER NOT NULL,        -- sources.seq of source_id
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,  -- the incident's id in that source's record
  quotes INTEGER NOT NULL,            -- how many quotes of the fact the source gives
  PRIMARY KEY (incident_id, source_seq, source_id, local_id)
) WITHOUT ROWID;
INSERT INTO incident_sources_new (incident_id, source_seq, source_id, local_id, quotes)
  SELECT x.incident_id, s.seq, x.source_id, x.local_id,
    (SELECT count(*) FROM evidence e WHERE e.source_id = x.source_id AND e.local_id = x.local_id AND e.fact_id = x.incident_id)
  FROM incident_sources x JOIN sources s ON s.id = x.source_id;
DROP TABLE incident_sources;
ALTER TABLE incident_sources_new RENAME TO incident_sources;
CREATE INDEX incident_sources_source ON incident_sources (source_id);

CREATE TABLE claim_sources_new (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  source_seq INTEGER NOT NULL,        -- sources.seq of source_id
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  quotes INTEGER NOT NULL,            -- how many quotes of the fact the source gives
  PRIMARY KEY (claim_id, source_seq, source_id, local_id)
) WITHOUT ROWID;
INSERT INTO claim_sources_new (claim_id, source_seq, source_id, local_id, quotes)
  SELECT x.claim_id, s.seq, x.source_id, x.local_id,
    (SELECT count(*) FROM evidence e WHERE e.source_id = x.source_id AND e.local_id = x.local_id AND e.fact_id = x.claim_id)
  FROM claim_sources x JOIN sources s ON s.id = x.source_id;
DROP TABLE claim_sources;
ALTER TABLE claim_sources_new RENAME TO claim_sources;

CREATE TABLE response_sources_new (
  response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  source_seq INTEGER NOT NULL,        -- sources.seq of source_id
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  quotes INTEGER NOT NULL,            -- how many quotes of the fact the source gives
  PRIMARY KEY (response_id, source_seq, source_id, local_id)
) WITHOUT ROWID;
INSERT INTO response_sources_new (response_id, source_seq, source_id, local_id, quotes)
  SELECT x.response_id, s.seq, x.source_id, x.local_id,
    (SELECT count(*) FROM evidence e WHERE e.source_id = x.source_id AND e.local_id = x.local_id AND e.fact_id = x.response_id)
  FROM response_sources x JOIN sources s ON s.id = x.source_id;
DROP TABLE response_sources;
ALTER TABLE response_sources_new RENAME TO response_sources;
