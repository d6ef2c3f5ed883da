import { fileURLToPath } from "node:url";
import { StoreError } from "../../model/store-errors.ts";
import { loadMigrations, type Migration } from "../sqlite/migrate.ts";
import type { Db } from "./db.ts";

/** The versioned SQL migrations of the PostgreSQL backend, numbered as SQLite's. */
export const PG_MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations/postgres/", import.meta.url));

export function loadPgMigrations(dir: string = PG_MIGRATIONS_DIR): Migration[] {
  return loadMigrations(dir);
}

/** Any key of pg_advisory_xact_lock: migrations of several processes starting at once run one after another. */
const MIGRATION_LOCK = 727_001;

/**
 * Brings the database up to the newest migration this code knows, all in one transaction under an advisory
 * lock (workers starting together migrate once), and refuses a database written by a newer Casebook.
 */
export async function migratePg(
  db: Db,
  migrations: readonly Migration[],
  where: string,
): Promise<{ from: number; to: number }> {
  return db.transaction(
    async (sql) => {
      await sql.run("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const table = await sql.one<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
      if (!table?.t) {
        const others = await sql.one<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`,
        );
        if ((others?.n ?? 0) > 0) {
          throw new StoreError(
            "DB_UNREADABLE",
            `The database "${where}" belongs to another program: it has tables but is not a Casebook knowledge base.`,
          );
        }
        await sql.run(`CREATE TABLE schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
      }
      const current = async () =>
        (await sql.one<{ v: number | null }>("SELECT max(version) AS v FROM schema_migrations"))?.v ?? 0;
      const from = await current();
      const known = migrations.length;
      if (from > known) {
        throw new StoreError(
          "SCHEMA_TOO_NEW",
          `This database was written by a newer Casebook (schema ${from}; this version knows up to ${known}). ` +
            `Upgrade Casebook to open "${where}".`,
        );
      }
      for (const m of migrations) {
        if (m.version <= from) continue;
        // a migration's text may hold several statements: sent unprepared, as one simple query
        await sql.exec(m.sql);
        await sql.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          db.now(),
        ]);
      }
      return { from, to: await current() };
    },
    { versioned: false },
  );
}
