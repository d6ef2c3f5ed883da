-- Casebook knowledge base, schema 5 (SQLite): indexes that answer the incident list and page alone.
--
-- An incident's claims and responses are found by its id; with the fact's id in the index too, the incident
-- list's review state (is any of its facts decided?) and an incident's page read only the index, not a table
-- row per fact. The new indexes begin with the old ones' columns, which they replace.
CREATE INDEX claim_incidents_incident_claim ON claim_incidents (incident_id, claim_id);
DROP INDEX claim_incidents_incident;
CREATE INDEX response_incidents_incident_key ON response_incidents (incident_id, key, response_id);
DROP INDEX response_incidents_incident;
