import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { StoreError } from "../../model/store-errors.ts";
import type { MigrationRow } from "../row-types.ts";

/** The versioned SQL migrations of the SQLite backend: NNNN_name.sql, applied in order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations/sqlite/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads the migrations of `dir`, numbered 1, 2, 3 … without gaps. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((file) => {
      const m = /^(\d{4})_([\w-]+)\.sql$/.exec(file);
      if (!m) throw new Error(`The migration file "${file}" is not named NNNN_name.sql.`);
      return { version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), "utf8") };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`The migrations of "${dir}" skip from ${i} to ${m.version}.`);
  });
  return migrations;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/**
 * Brings the database up to the newest migration this code knows, one transaction per migration, and refuses a
 * database written by a newer Casebook: its tables may mean things this version would get wrong.
 * Returns the schema version before and after.
 */
export function migrate(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[],
  now: () => string,
  path: string,
): { from: number; to: number } {
  const known = migrations.length;
  const current = (): number =>
    (db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null }).v ?? 0;

  db.transaction(() => {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    if (!hasTable) {
      const others = db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        .get() as {
        n: number;
      };
      if (others.n > 0) {
        throw new StoreError(
          "DB_UNREADABLE",
          `The file "${path}" is an SQLite database of another program, not a Casebook knowledge base.`,
        );
      }
      db.exec(CREATE_TABLE);
    }
  }).immediate();

  const from = current();
  if (from > known) {
    throw new StoreError(
      "SCHEMA_TOO_NEW",
      `This database was written by a newer Casebook (schema ${from}; this version knows up to ${known}). ` +
        `Upgrade Casebook to open "${path}".`,
    );
  }
  if (from === known) return { from, to: from };
  // Migrations may rebuild tables (create the new one, copy, drop the old, rename): with foreign keys on, the
  // drop would cascade into the tables that refer to it. So they run with foreign keys off, as SQLite's
  // procedure for schema changes says, and must leave no dangling reference behind before they commit.
  const foreignKeys = db.pragma("foreign_keys", { simple: true }) === 1;
  db.pragma("foreign_keys = OFF");
  try {
    for (const m of migrations) {
      db.transaction(() => {
        // Another process may have applied it since we looked: re-read inside the write lock.
        if (current() >= m.version) return;
        db.exec(m.sql);
        const dangling = db.pragma("foreign_key_check") as Array<{ table: string; parent: string }>;
        if (dangling.length > 0) {
          const [first] = dangling;
          throw new Error(
            `Migration ${m.version} (${m.name}) would leave ${dangling.length} rows of ${first?.table} referring to missing rows of ${first?.parent}.`,
          );
        }
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
          m.version,
          m.name,
          now(),
        );
      }).immediate();
    }
  } finally {
    if (foreignKeys) db.pragma("foreign_keys = ON");
  }
  return { from, to: current() };
}

export function appliedMigrations(db: BetterSqlite3.Database): MigrationRow[] {
  return db
    .prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
    .all() as MigrationRow[];
}
