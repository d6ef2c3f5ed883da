-- Casebook knowledge base, schema 1 (SQLite). Applied inside a transaction by src/store/sqlite/migrate.ts and
-- recorded in schema_migrations. Facts of one document are stored as extracted; merging across documents comes
-- later. Ids are UUIDv5 over identity fields (src/store/ids.ts), so storing the same text twice is a no-op.

CREATE TABLE sources (
  seq INTEGER PRIMARY KEY,            -- rowid of the full-text index
  id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,               -- the document's id at intake (file name, JSONL id, feed guid)
  sha256 TEXT NOT NULL UNIQUE,
  title TEXT,
  url TEXT,
  publisher TEXT,
  published TEXT,                     -- YYYY-MM-DD
  tlp TEXT NOT NULL CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE source_fts USING fts5(
  title, text, content = 'sources', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
  INSERT INTO source_fts (rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
  INSERT INTO source_fts (rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;

-- One row per actor, named by partyKey(): state:AL, intl:NATO, org:microsoft, group:apt28, person:edi rama.
CREATE TABLE parties (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('state', 'intl', 'organization', 'group', 'person')),
  name TEXT NOT NULL,
  country TEXT                        -- the state itself, an organisation's or person's country, a group's sponsor
);
CREATE INDEX parties_country ON parties (country);
CREATE INDEX parties_name ON parties (lower(name));

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,             -- the id within the record
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  date_value TEXT, date_precision TEXT, date_text TEXT,
  date_start TEXT, date_end TEXT,     -- first and last day the fuzzy date can mean
  victims_json TEXT NOT NULL,         -- the victims as extracted (Party[]); incident_victims indexes them
  types_json TEXT NOT NULL,
  systems_json TEXT NOT NULL,
  campaign_id TEXT,
  UNIQUE (source_id, local_id)
);
CREATE INDEX incidents_date ON incidents (date_start, date_end);
CREATE INDEX incidents_campaign ON incidents (campaign_id);

CREATE TABLE incident_victims (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  party_id TEXT NOT NULL REFERENCES parties (id),
  PRIMARY KEY (incident_id, position)
);
CREATE INDEX incident_victims_party ON incident_victims (party_id);

CREATE TABLE incident_types (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  PRIMARY KEY (incident_id, type)
);
CREATE INDEX incident_types_type ON incident_types (type);

CREATE TABLE claims (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  stance TEXT NOT NULL CHECK (stance IN ('accuses', 'denies', 'claims-responsibility')),
  claimant_party_id TEXT REFERENCES parties (id),
  claimant_json TEXT,                 -- the claimant as extracted, with the official quoted (via)
  accused_party_id TEXT NOT NULL REFERENCES parties (id),
  accused_json TEXT NOT NULL,
  date_value TEXT, date_precision TEXT, date_text TEXT,
  UNIQUE (source_id, local_id)
);
CREATE INDEX claims_claimant ON claims (claimant_party_id);
CREATE INDEX claims_accused ON claims (accused_party_id);

CREATE TABLE claim_incidents (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, incident_id)
);
CREATE INDEX claim_incidents_incident ON claim_incidents (incident_id);

CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor_party_id TEXT NOT NULL REFERENCES parties (id),
  actor_json TEXT NOT NULL,
  target_party_id TEXT REFERENCES parties (id),
  target_json TEXT,
  date_value TEXT, date_precision TEXT, date_text TEXT,
  detail TEXT,
  UNIQUE (source_id, local_id)
);
CREATE INDEX responses_actor ON responses (actor_party_id);
CREATE INDEX responses_target ON responses (target_party_id);

CREATE TABLE response_incidents (
  response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  PRIMARY KEY (response_id, incident_id)
);
CREATE INDEX response_incidents_incident ON response_incidents (incident_id);

-- Every quote behind a fact: the source whose text the offsets index, and the words.
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  fact_kind TEXT NOT NULL CHECK (fact_kind IN ('incident', 'claim', 'response')),
  fact_id TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  quote TEXT NOT NULL,
  UNIQUE (fact_kind, fact_id, position)
);
CREATE INDEX evidence_fact ON evidence (fact_id);

-- Analysts' decisions, apart from the extracted facts: no foreign key, so they outlive re-extraction and
-- re-attach to the facts by their deterministic ids.
CREATE TABLE decisions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  fact_kind TEXT NOT NULL CHECK (fact_kind IN ('incident', 'claim', 'response')),
  fact_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit')),
  field TEXT,
  value_json TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE INDEX decisions_fact ON decisions (fact_id);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  detail_json TEXT NOT NULL
);
