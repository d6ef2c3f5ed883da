-- Casebook knowledge base (PostgreSQL), schema 1 and 2 together: no PostgreSQL knowledge base was ever written
-- in the layout of SQLite's schema 1, so the first migration creates the merged layout (the one SQLite reaches
-- with 0002) directly, and 0002 only records the version. Columns and their meaning are the SQLite ones
-- (migrations/sqlite/); ordering columns compare byte-wise (COLLATE "C") so that both backends sort alike.

CREATE TABLE sources (
  seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  doc_id text NOT NULL,
  sha256 text NOT NULL UNIQUE,
  title text,
  url text,
  publisher text,
  published text,
  tlp text NOT NULL CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  text text NOT NULL,
  ingested_at text NOT NULL,
  search tsvector NOT NULL
);
CREATE INDEX sources_search ON sources USING gin (search);

-- The words of the title and text, accents folded and unstemmed (as SQLite's unicode61 tokenizer with
-- remove_diacritics does), computed as a source is stored: unaccent is not immutable, so no generated column.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION casebook_search_vector(title text, body text) RETURNS tsvector
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple', unaccent(coalesce(title, '') || ' ' || body)) $$;

CREATE TABLE parties (
  id text COLLATE "C" PRIMARY KEY,
  key text COLLATE "C" NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('state', 'intl', 'organization', 'group', 'person')),
  name text NOT NULL,
  country text COLLATE "C"
);
CREATE INDEX parties_country ON parties (country);
CREATE INDEX parties_name ON parties (lower(name));

CREATE TABLE incidents (
  seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  source_id text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  label text NOT NULL,
  name_key text COLLATE "C",
  date_value text COLLATE "C", date_precision text, date_text text,
  date_start text COLLATE "C", date_end text COLLATE "C",
  victims_json text NOT NULL,
  types_json text NOT NULL,
  systems_json text NOT NULL,
  campaign_id text COLLATE "C",
  claim_count integer NOT NULL DEFAULT 0,
  response_count integer NOT NULL DEFAULT 0,
  source_count integer NOT NULL DEFAULT 0,
  accused_json text NOT NULL DEFAULT '[]'
);
CREATE INDEX incidents_date ON incidents (date_start, date_end);
CREATE INDEX incidents_campaign ON incidents (campaign_id);
CREATE INDEX incidents_name ON incidents (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX incidents_source ON incidents (source_id);

CREATE TABLE incident_victims (
  incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL,
  party_id text COLLATE "C" NOT NULL REFERENCES parties (id),
  date_start text COLLATE "C",
  date_end text COLLATE "C",
  PRIMARY KEY (incident_id, position)
);
CREATE INDEX incident_victims_party ON incident_victims (party_id, date_start, date_end, incident_id);

CREATE TABLE incident_types (
  incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  type text COLLATE "C" NOT NULL,
  PRIMARY KEY (incident_id, type)
);
CREATE INDEX incident_types_type_incident ON incident_types (type, incident_id);

CREATE TABLE incident_sources (
  incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  source_id text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (incident_id, source_id, local_id)
);
CREATE INDEX incident_sources_source ON incident_sources (source_id);

CREATE TABLE claims (
  seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  identity text COLLATE "C" NOT NULL UNIQUE,
  source_id text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  position integer NOT NULL,
  stance text COLLATE "C" NOT NULL CHECK (stance IN ('accuses', 'denies', 'claims-responsibility')),
  claimant_party_id text COLLATE "C" REFERENCES parties (id),
  claimant_json text,
  accused_party_id text COLLATE "C" NOT NULL REFERENCES parties (id),
  accused_json text NOT NULL,
  date_value text, date_precision text, date_text text
);
CREATE INDEX claims_claimant ON claims (claimant_party_id);
CREATE INDEX claims_accused ON claims (accused_party_id);
CREATE INDEX claims_source ON claims (source_id);

CREATE TABLE claim_incidents (
  claim_id text COLLATE "C" NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, incident_id)
);
CREATE INDEX claim_incidents_incident ON claim_incidents (incident_id);

CREATE TABLE claim_sources (
  claim_id text COLLATE "C" NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  source_id text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (claim_id, source_id, local_id)
);
CREATE INDEX claim_sources_source ON claim_sources (source_id);

CREATE TABLE responses (
  seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  identity text COLLATE "C" NOT NULL UNIQUE,
  key text COLLATE "C",
  source_id text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text COLLATE "C" NOT NULL,
  actor_party_id text COLLATE "C" NOT NULL REFERENCES parties (id),
  actor_json text NOT NULL,
  target_party_id text COLLATE "C" REFERENCES parties (id),
  target_json text,
  date_value text, date_precision text, date_text text,
  date_start text COLLATE "C", date_end text COLLATE "C",
  detail text
);
CREATE INDEX responses_actor ON responses (actor_party_id);
CREATE INDEX responses_target ON responses (target_party_id);
CREATE INDEX responses_source ON responses (source_id);
CREATE INDEX responses_key ON responses (key, date_start) WHERE key IS NOT NULL;

CREATE TABLE response_incidents (
  response_id text COLLATE "C" NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  key text COLLATE "C",
  PRIMARY KEY (response_id, incident_id)
);
CREATE INDEX response_incidents_incident ON response_incidents (incident_id, key);

CREATE TABLE response_sources (
  response_id text COLLATE "C" NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  source_id text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (response_id, source_id, local_id)
);
CREATE INDEX response_sources_source ON response_sources (source_id);

CREATE TABLE evidence (
  source_id text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  local_id text COLLATE "C" NOT NULL,
  fact_id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  fact_kind text NOT NULL CHECK (fact_kind IN ('incident', 'claim', 'response')),
  start integer NOT NULL,
  "end" integer NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (source_id, local_id, fact_id, position)
);

CREATE TABLE decisions (
  seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  fact_kind text NOT NULL CHECK (fact_kind IN ('incident', 'claim', 'response')),
  fact_id text COLLATE "C" NOT NULL,
  action text NOT NULL CHECK (action IN ('accept', 'reject', 'edit')),
  field text,
  value_json text,
  decided_by text NOT NULL,
  decided_at text NOT NULL
);
CREATE INDEX decisions_fact ON decisions (fact_id);

CREATE TABLE audit_log (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_kind text NOT NULL,
  subject_id text NOT NULL,
  detail_json text NOT NULL
);
