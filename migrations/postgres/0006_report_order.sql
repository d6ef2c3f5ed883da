-- Casebook knowledge base, schema 6 (PostgreSQL): each report keeps its source's place in the store's order and
-- how many quotes it gives (as migrations/sqlite/0006_report_order.sql).

ALTER TABLE incident_sources ADD COLUMN source_seq integer;
ALTER TABLE incident_sources ADD COLUMN quotes integer NOT NULL DEFAULT 0;
UPDATE incident_sources x SET source_seq = s.seq FROM sources s WHERE s.id = x.source_id;
UPDATE incident_sources x SET quotes = q.n
  FROM (SELECT source_id, local_id, fact_id, count(*)::int AS n FROM evidence GROUP BY 1, 2, 3) q
  WHERE q.source_id = x.source_id AND q.local_id = x.local_id AND q.fact_id = x.incident_id;
CREATE INDEX incident_sources_order ON incident_sources (incident_id, source_seq, local_id) INCLUDE (source_id, quotes);

ALTER TABLE claim_sources ADD COLUMN source_seq integer;
ALTER TABLE claim_sources ADD COLUMN quotes integer NOT NULL DEFAULT 0;
UPDATE claim_sources x SET source_seq = s.seq FROM sources s WHERE s.id = x.source_id;
UPDATE claim_sources x SET quotes = q.n
  FROM (SELECT source_id, local_id, fact_id, count(*)::int AS n FROM evidence GROUP BY 1, 2, 3) q
  WHERE q.source_id = x.source_id AND q.local_id = x.local_id AND q.fact_id = x.claim_id;
CREATE INDEX claim_sources_order ON claim_sources (claim_id, source_seq, local_id) INCLUDE (source_id, quotes);

ALTER TABLE response_sources ADD COLUMN source_seq integer;
ALTER TABLE response_sources ADD COLUMN quotes integer NOT NULL DEFAULT 0;
UPDATE response_sources x SET source_seq = s.seq FROM sources s WHERE s.id = x.source_id;
UPDATE response_sources x SET quotes = q.n
  FROM (SELECT source_id, local_id, fact_id, count(*)::int AS n FROM evidence GROUP BY 1, 2, 3) q
  WHERE q.source_id = x.source_id AND q.local_id = x.local_id AND q.fact_id = x.response_id;
CREATE INDEX response_sources_order ON response_sources (response_id, source_seq, local_id) INCLUDE (source_id, quotes);
