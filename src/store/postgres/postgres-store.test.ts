import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { rejects } from "../assert.case.ts";
import { tirana } from "../fixtures.case.ts";
import { runStoreConformance } from "../store.case.ts";
import type { Store } from "../store.ts";
import { Db } from "./db.ts";
import { loadPgMigrations } from "./migrate.ts";
import { openPostgresStore } from "./pg-store.ts";
import { StatisticsKeeper } from "./statistics.ts";
import { createTestDatabase, SKIP_MESSAGE } from "./test-database.ts";

const testDb = await createTestDatabase("store");
if (!testDb) console.log(`# ${SKIP_MESSAGE}`);
after(() => testDb?.drop());

const urls = new WeakMap<Store, string>();
async function openAt(url: string): Promise<Store> {
  const store = await openPostgresStore(url);
  urls.set(store, url);
  return store;
}

if (testDb) {
  runStoreConformance("postgres (fresh schema)", async () => openAt(await testDb.freshSchema()), {
    reopen: async (store) => {
      const url = urls.get(store);
      assert.ok(url);
      await store.close();
      return openAt(url);
    },
  });
}

describe("PostgreSQL store", { skip: testDb ? false : SKIP_MESSAGE }, () => {
  let url = "";
  before(async () => {
    url = (await testDb?.freshSchema()) ?? "";
  });

  it("records its migrations, numbered as SQLite's", async () => {
    await (await openPostgresStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT version, name FROM schema_migrations ORDER BY version");
      assert.deepEqual(rows, [
        { version: 1, name: "init" },
        { version: 2, name: "merge" },
        { version: 3, name: "catalogue" },
        { version: 4, name: "access" },
        { version: 5, name: "covering" },
        { version: 6, name: "report_order" },
      ]);
      assert.equal(loadPgMigrations().length, 6);
    } finally {
      await client.end();
    }
  });

  it("refuses a database written by a newer Casebook, with a sentence", async () => {
    const future = (await testDb?.freshSchema()) ?? "";
    await (await openPostgresStore(future)).close();
    const client = new pg.Client({ connectionString: future });
    await client.connect();
    await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9, 'future', 'x')");
    await client.end();
    await rejects(
      () => openPostgresStore(future),
      "SCHEMA_TOO_NEW",
      /^This database was written by a newer Casebook \(schema 9; this version knows up to 6\)\./,
    );
  });

  it("refuses a database of another program, an empty one when it must exist, and an unreachable server", async () => {
    const other = (await testDb?.freshSchema()) ?? "";
    const client = new pg.Client({ connectionString: other });
    await client.connect();
    await client.query("CREATE TABLE recipes (name text)");
    await client.end();
    await rejects(() => openPostgresStore(other), "DB_UNREADABLE", /another program/);
    const empty = (await testDb?.freshSchema()) ?? "";
    await rejects(() => openPostgresStore(empty, { mustExist: true }), "DB_UNREADABLE", /no knowledge base/);
    await rejects(
      () => openPostgresStore("postgres://nobody:secret@127.0.0.1:1/none"),
      "DB_UNREADABLE",
      /"postgres:\/\/nobody:\*\*\*@127.0.0.1:1\/none" cannot be opened/,
    );
  });

  it("keeps what it stored across reopening, and takes the clock it is given", async () => {
    const at = new Date("2024-05-01T12:00:00Z");
    const store = await openPostgresStore(url, { now: () => at });
    const { doc, record } = tirana();
    const saved = await store.saveDocument(doc, record);
    await store.close();
    await rejects(() => store.counts(), "DB_UNREADABLE", /closed/);
    const again = await openPostgresStore(url, { mustExist: true });
    assert.equal((await again.getSource(saved.sourceId))?.ingestedAt, at.toISOString());
    assert.equal((await again.saveDocument(doc, record)).status, "duplicate");
    await again.close();
  });

  it("analyzes the tables that grew, once, whatever autovacuum does", async () => {
    const fresh = (await testDb?.freshSchema()) ?? "";
    const store = await openPostgresStore(fresh);
    const { doc, record } = tirana();
    // the same story under ten texts: ten sources, with their facts and quotes
    for (let k = 0; k < 10; k++) {
      const sha256 = `${k}`.padStart(64, "0");
      const copy = { ...doc, id: `tirana-${k}`, sha256 };
      await store.saveDocument(copy, { ...record, document: { ...record.document, sha256 } });
    }
    await store.close();
    const pool = new pg.Pool({ connectionString: fresh });
    try {
      const keeper = new StatisticsKeeper(new Db(pool, () => new Date()));
      const analyzed = await keeper.refresh();
      assert.ok(analyzed.includes("evidence"), `analyzed: ${analyzed.join(", ")}`);
      assert.ok(!analyzed.includes("parties"), "a table that barely changed is left alone");
      const { rows } = await pool.query(
        "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'evidence' AND relnamespace = current_schema()::regnamespace AND reltuples > 0",
      );
      assert.equal(rows[0].n, 1, "the planner knows how many quotes there are");
      assert.deepEqual(await keeper.refresh(), [], "nothing changed since: nothing to analyze");
    } finally {
      await pool.end();
    }
  });
});
