import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { rejects } from "../assert.case.ts";
import { tirana } from "../fixtures.case.ts";
import { runStoreConformance } from "../store.case.ts";
import type { Store } from "../store.ts";
import { loadMigrations } from "./migrate.ts";
import { openSqliteStore } from "./sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "casebook-sqlite-"));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const paths = new WeakMap<Store, string>();
const tempFile = () => join(dir, `kb-${++n}.db`);

async function openAt(path: string): Promise<Store> {
  const store = await openSqliteStore(path);
  paths.set(store, path);
  return store;
}

runStoreConformance("sqlite (temp file)", () => openAt(tempFile()), {
  reopen: async (store) => {
    const path = paths.get(store);
    assert.ok(path);
    await store.close();
    return openAt(path);
  },
});

describe("SQLite store", () => {
  it("runs in WAL mode with foreign keys on and records its migrations", async () => {
    const path = tempFile();
    await (await openSqliteStore(path)).close();
    const raw = new Database(path, { readonly: true });
    try {
      assert.equal(raw.pragma("journal_mode", { simple: true }), "wal");
      const rows = raw.prepare("SELECT version, name FROM schema_migrations").all();
      assert.deepEqual(rows, [
        { version: 1, name: "init" },
        { version: 2, name: "merge" },
        { version: 3, name: "catalogue" },
        { version: 4, name: "access" },
        { version: 5, name: "covering" },
        { version: 6, name: "report_order" },
      ]);
      assert.equal(loadMigrations().length, 6);
    } finally {
      raw.close();
    }
  });

  it("refuses a database written by a newer Casebook, with a sentence", async () => {
    const path = tempFile();
    await (await openSqliteStore(path)).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9, 'future', 'x')").run();
    raw.close();
    await rejects(
      () => openSqliteStore(path),
      "SCHEMA_TOO_NEW",
      /^This database was written by a newer Casebook \(schema 9; this version knows up to 6\)\./,
    );
  });

  it("refuses files that are not Casebook databases, and a missing file when it must exist", async () => {
    const text = join(dir, "notes.db");
    writeFileSync(text, "These are notes, not a database. ".repeat(200));
    await rejects(() => openSqliteStore(text), "DB_UNREADABLE", /not a Casebook knowledge base/);
    const other = join(dir, "other.db");
    const raw = new Database(other);
    raw.exec("CREATE TABLE recipes (name TEXT)");
    raw.close();
    await rejects(() => openSqliteStore(other), "DB_UNREADABLE", /another program/);
    await rejects(
      () => openSqliteStore(join(dir, "none.db"), { mustExist: true }),
      "DB_UNREADABLE",
      /no knowledge base/,
    );
  });

  it("keeps what it stored across reopening, and takes the clock it is given", async () => {
    const path = tempFile();
    const at = new Date("2024-05-01T12:00:00Z");
    const store = await openSqliteStore(path, { now: () => at });
    const { doc, record } = tirana();
    const saved = await store.saveDocument(doc, record);
    await store.close();
    await rejects(() => store.counts(), "DB_UNREADABLE", /closed/);
    const again = await openSqliteStore(path, { mustExist: true });
    assert.equal((await again.getSource(saved.sourceId))?.ingestedAt, at.toISOString());
    assert.equal((await again.saveDocument(doc, record)).status, "duplicate");
    await again.close();
  });
});
