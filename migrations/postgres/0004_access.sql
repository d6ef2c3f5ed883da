-- Casebook knowledge base, schema 4 (PostgreSQL): access tokens, incidents analysts merged, and the version of
-- the data (as migrations/sqlite/0004_access.sql, plus the version SQLite reads from its own file header).
--
-- A token is kept only as the SHA-256 hash of its secret: whoever reads the database cannot use the tokens in
-- it. `clearance` is the highest TLP marking the token may see. A revoked token stays, for the audit log.
CREATE TABLE access_tokens (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reader', 'analyst', 'admin')),
  clearance text NOT NULL CHECK (clearance IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  hash text COLLATE "C" NOT NULL UNIQUE,
  created_at text COLLATE "C" NOT NULL,
  revoked_at text
);

-- An analyst's judgement that one incident is another told differently: `from_id` is shown as part of `into_id`
-- and leaves the incident list. Splitting them again deletes the row (the audit log keeps both decisions). Like
-- decisions, merges name incidents by id and have no foreign key, so they outlive re-extraction.
CREATE TABLE incident_merges (
  from_id text COLLATE "C" PRIMARY KEY,
  into_id text COLLATE "C" NOT NULL,
  merged_by text NOT NULL,
  merged_at text COLLATE "C" NOT NULL
);
CREATE INDEX incident_merges_into ON incident_merges (into_id);

-- Sources by marking, for readers with a clearance below RED.
CREATE INDEX sources_tlp ON sources (tlp, seq);

-- One row, bumped as the last statement of every transaction that wrote anything (see db.ts), so that it
-- changes, at the moment the change becomes visible, whenever any process changes the knowledge base. `epoch`
-- tells a database recreated under the same name from the one before it.
CREATE TABLE data_version (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  epoch text NOT NULL,
  version bigint NOT NULL
);
INSERT INTO data_version (epoch, version) VALUES (gen_random_uuid()::text, 0);
