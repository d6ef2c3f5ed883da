-- Casebook knowledge base, schema 6 (PostgreSQL): each report is keyed by its fact, then by its source's place in
-- the store's order, and counts the quotes it gives (as migrations/sqlite/0006_report_order.sql). The key carries
-- the count, so that an incident's page reads a fact's reports in order, with their counts, from the index alone.

ALTER TABLE incident_sources ADD COLUMN source_seq integer;
ALTER TABLE incident_sources ADD COLUMN quotes integer NOT NULL DEFAULT 0;
UPDATE incident_sources x SET source_seq = s.seq FROM sources s WHERE s.id = x.source_id;
UPDATE incident_sources x SET quotes = q.n
  FROM (SELECT source_id, local_id, fact_id, count(*)::int AS n FROM evidence GROUP BY 1, 2, 3) q
  WHERE q.source_id = x.source_id AND q.local_id = x.local_id AND q.fact_id = x.incident_id;
ALTER TABLE incident_sources ALTER COLUMN source_seq SET NOT NULL;
ALTER TABLE incident_sources DROP CONSTRAINT incident_sources_pkey;
ALTER TABLE incident_sources ADD PRIMARY KEY (incident_id, source_seq, source_id, local_id) INCLUDE (quotes);

ALTER TABLE claim_sources ADD COLUMN source_seq integer;
ALTER TABLE claim_sources ADD COLUMN quotes integer NOT NULL DEFAULT 0;
UPDATE claim_sources x SET source_seq = s.seq FROM sources s WHERE s.id = x.source_id;
UPDATE claim_sources x SET quotes = q.n
  FROM (SELECT source_id, local_id, fact_id, count(*)::int AS n FROM evidence GROUP BY 1, 2, 3) q
  WHERE q.source_id = x.source_id AND q.local_id = x.local_id AND q.fact_id = x.claim_id;
ALTER TABLE claim_sources ALTER COLUMN source_seq SET NOT NULL;
ALTER TABLE claim_sources DROP CONSTRAINT claim_sources_pkey;
ALTER TABLE claim_sources ADD PRIMARY KEY (claim_id, source_seq, source_id, local_id) INCLUDE (quotes);

ALTER TABLE response_sources ADD COLUMN source_seq integer;
ALTER TABLE response_sources ADD COLUMN quotes integer NOT NULL DEFAULT 0;
UPDATE response_sources x SET source_seq = s.seq FROM sources s WHERE s.id = x.source_id;
UPDATE response_sources x SET quotes = q.n
  FROM (SELECT source_id, local_id, fact_id, count(*)::int AS n FROM evidence GROUP BY 1, 2, 3) q
  WHERE q.source_id = x.source_id AND q.local_id = x.local_id AND q.fact_id = x.response_id;
ALTER TABLE response_sources ALTER COLUMN source_seq SET NOT NULL;
ALTER TABLE response_sources DROP CONSTRAINT response_sources_pkey;
ALTER TABLE response_sources ADD PRIMARY KEY (response_id, source_seq, source_id, local_id) INCLUDE (quotes);
