-- Casebook knowledge base, schema 4 (SQLite): access tokens, and incidents analysts merged.
--
-- A token is kept only as the SHA-256 hash of its secret: whoever reads the database cannot use the tokens in
-- it. `clearance` is the highest TLP marking the token may see. A revoked token stays, for the audit log.
CREATE TABLE access_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reader', 'analyst', 'admin')),
  clearance TEXT NOT NULL CHECK (clearance IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- An analyst's judgement that one incident is another told differently: `from_id` is shown as part of `into_id`
-- and leaves the incident list. Splitting them again deletes the row (the audit log keeps both decisions). Like
-- decisions, merges name incidents by id and have no foreign key, so they outlive re-extraction.
CREATE TABLE incident_merges (
  from_id TEXT PRIMARY KEY,
  into_id TEXT NOT NULL,
  merged_by TEXT NOT NULL,
  merged_at TEXT NOT NULL
);
CREATE INDEX incident_merges_into ON incident_merges (into_id);

-- Sources by marking, for readers with a clearance below RED.
CREATE INDEX sources_tlp ON sources (tlp, seq);
