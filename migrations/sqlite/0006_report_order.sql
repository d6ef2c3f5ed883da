-- Casebook knowledge base, schema 6 (SQLite): each report (a fact as one source tells it) keeps its source's
-- place in the store's order and how many quotes it gives.
--
-- An incident's page shows each fact's first quotes, in the order the sources were stored, and how many there are
-- in all. With the order and the count on the report, an index on (fact, source order) answers both without
-- reading a source row or a quote for every report: an incident the press covered thousands of times has tens
-- of thousands of them.

ALTER TABLE incident_sources ADD COLUMN source_seq INTEGER;
ALTER TABLE incident_sources ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
UPDATE incident_sources SET source_seq = (SELECT s.seq FROM sources s WHERE s.id = incident_sources.source_id),
  quotes = (SELECT count(*) FROM evidence e
    WHERE e.source_id = incident_sources.source_id AND e.local_id = incident_sources.local_id AND e.fact_id = incident_sources.incident_id);
CREATE INDEX incident_sources_order ON incident_sources (incident_id, source_seq, local_id, quotes);

ALTER TABLE claim_sources ADD COLUMN source_seq INTEGER;
ALTER TABLE claim_sources ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
UPDATE claim_sources SET source_seq = (SELECT s.seq FROM sources s WHERE s.id = claim_sources.source_id),
  quotes = (SELECT count(*) FROM evidence e
    WHERE e.source_id = claim_sources.source_id AND e.local_id = claim_sources.local_id AND e.fact_id = claim_sources.claim_id);
CREATE INDEX claim_sources_order ON claim_sources (claim_id, source_seq, local_id, quotes);

ALTER TABLE response_sources ADD COLUMN source_seq INTEGER;
ALTER TABLE response_sources ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
UPDATE response_sources SET source_seq = (SELECT s.seq FROM sources s WHERE s.id = response_sources.source_id),
  quotes = (SELECT count(*) FROM evidence e
    WHERE e.source_id = response_sources.source_id AND e.local_id = response_sources.local_id AND e.fact_id = response_sources.response_id);
CREATE INDEX response_sources_order ON response_sources (response_id, source_seq, local_id, quotes);
