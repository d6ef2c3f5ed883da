import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A throwaway database on the machine's PostgreSQL for one test run: created under a unique name prefixed
 * `casebook_test_`, dropped by `drop()`. Without a reachable server, `createTestDatabase` returns null and
 * the caller skips its PostgreSQL tests, saying so; with CASEBOOK_REQUIRE_POSTGRES=1 it throws instead.
 */
export interface TestDatabase {
  /** The database's URL. */
  url: string;
  /** A URL of a fresh, empty schema of the database: one store each. */
  freshSchema(): Promise<string>;
  drop(): Promise<void>;
}

export const TEST_SERVER = process.env.CASEBOOK_TEST_PG ?? "postgres://postgres@127.0.0.1:5432";

export async function createTestDatabase(label = "run"): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: `${TEST_SERVER}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    if (process.env.CASEBOOK_REQUIRE_POSTGRES === "1") {
      throw new Error(
        `PostgreSQL is required (CASEBOOK_REQUIRE_POSTGRES=1) but ${TEST_SERVER} cannot be reached: ${String(err)}`,
      );
    }
    return null;
  }
  const name = `casebook_test_${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = `${TEST_SERVER}/${name}`;
  // a connection per statement: none is left open to break when a test restarts the server
  const setup = async (statement: string) => {
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => {});
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await setup("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public");
  let schemas = 0;
  return {
    url,
    async freshSchema() {
      const schema = `s${++schemas}`;
      await setup(`CREATE SCHEMA ${schema}`);
      return `${url}?options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
    },
    async drop() {
      const a = new pg.Client({ connectionString: `${TEST_SERVER}/postgres` });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** The message of a skipped PostgreSQL suite. */
export const SKIP_MESSAGE = `PostgreSQL is not reachable at ${TEST_SERVER}: the PostgreSQL tests are skipped (set CASEBOOK_REQUIRE_POSTGRES=1 to make them fail instead)`;
