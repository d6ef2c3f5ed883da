-- Casebook knowledge base, schema 2 (PostgreSQL): facts merged across documents. 0001 already creates the
-- merged layout (no PostgreSQL knowledge base predates it), so this migration only records the version and
-- keeps the numbering the same as SQLite's.
SELECT 1;
