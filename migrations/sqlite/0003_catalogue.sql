-- Threat-group catalogues imported from ATT&CK, the MISP galaxy or STIX bundles: names extraction recognises.
CREATE TABLE catalogue_entries (
  catalogue    TEXT NOT NULL,          -- attack, misp-galaxy, stix
  entry_id     TEXT NOT NULL,          -- the entry's id in that catalogue
  name         TEXT NOT NULL,
  aliases      TEXT NOT NULL,          -- JSON array of strings
  sponsor      TEXT,                   -- ISO 3166-1 alpha-2
  country      TEXT,
  external_ids TEXT NOT NULL,          -- JSON array of {source, id}
  revoked_by   TEXT,                   -- the name of the replacing entry
  deprecated   INTEGER NOT NULL DEFAULT 0,
  description  TEXT,
  seq          INTEGER NOT NULL,       -- order of first import
  PRIMARY KEY (catalogue, entry_id)
);
