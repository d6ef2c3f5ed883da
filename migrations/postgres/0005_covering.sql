-- Casebook knowledge base, schema 5 (PostgreSQL): indexes that answer the incident list and page alone (as
-- migrations/sqlite/0005_covering.sql).
--
-- An incident's claims and responses are found by its id; with the fact's id in the index too, the incident
-- list's review state and an incident's page can read the index alone (an index-only scan), not a table row per
-- fact. The new indexes begin with the old ones' columns, which they replace.
CREATE INDEX claim_incidents_incident_claim ON claim_incidents (incident_id, claim_id);
DROP INDEX claim_incidents_incident;
CREATE INDEX response_incidents_incident_key ON response_incidents (incident_id, key, response_id);
DROP INDEX response_incidents_incident;
