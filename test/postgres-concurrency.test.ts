/**
 * Several writers (separate `casebook ingest` processes, each with its own connections) saving overlapping
 * documents into one PostgreSQL knowledge base at once must store exactly what one writer stores alone: no
 * incident, claim or response twice, every duplicate document recognised.
 *
 * The documents are corpus stories each told by several "outlets" (the same story with a line of its own at
 * the end, so each text is new): the same facts come in many documents, which is what makes writers race to
 * create and merge them. Every writer takes all documents, in an order of its own.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openKnowledge } from "../src/service/index.ts";
import { createTestDatabase, SKIP_MESSAGE } from "../src/store/postgres/test-database.ts";
import { seededRandom } from "./helpers/generated.ts";
import { outletLines } from "./helpers/outlets.ts";
import { runCli } from "./helpers/run-cli.ts";

const testDb = await createTestDatabase("concurrency");
if (!testDb) console.log(`# ${SKIP_MESSAGE}`);

const WRITERS = 4;
const OUTLETS = 4;
const STORIES = 12;

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const rng = seededRandom(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("concurrent writers on PostgreSQL", { skip: testDb ? false : SKIP_MESSAGE }, () => {
  const dir = mkdtempSync(join(tmpdir(), "casebook-concurrency-"));
  let lines: string[] = [];
  before(() => {
    lines = outletLines(STORIES, OUTLETS);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await testDb?.drop();
  });

  const file = (name: string, ls: readonly string[]) => {
    const path = join(dir, `${name}.jsonl`);
    writeFileSync(path, `${ls.join("\n")}\n`);
    return path;
  };
  const ingestAlone = async (url: string, path: string) => {
    const kb = await openKnowledge(url, { create: true });
    try {
      const summary = await kb.ingest([path], { workers: 0 });
      assert.equal(summary.documents.new, lines.length);
    } finally {
      await kb.close();
    }
  };
  const countsOf = async (url: string) => {
    const kb = await openKnowledge(url);
    try {
      return await kb.counts();
    } finally {
      await kb.close();
    }
  };

  it("stores what one writer alone stores, however the writers interleave", async () => {
    assert.ok(testDb);
    // one writer, in two orders: the facts of these documents do not depend on the order they come in
    const serial = await testDb.freshSchema();
    await ingestAlone(serial, file("serial", lines));
    const reversed = await testDb.freshSchema();
    await ingestAlone(reversed, file("reversed", [...lines].reverse()));
    const expected = await countsOf(serial);
    assert.deepEqual(await countsOf(reversed), expected);
    assert.equal(expected.sources, lines.length);
    assert.ok(expected.incidents > 0 && expected.incidents < lines.length, "the outlets' reports merge");

    const shared = await testDb.freshSchema();
    const runs = await Promise.all(
      Array.from({ length: WRITERS }, (_, w) =>
        runCli(["ingest", file(`writer-${w}`, shuffled(lines, w + 1)), "--db", shared]),
      ),
    );
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    // every document was stored by exactly one writer; the others found it a duplicate
    const stored = runs.map((r) => Number(/: (\d+) new,/.exec(r.stdout)?.[1]));
    assert.equal(
      stored.reduce((a, b) => a + b, 0),
      lines.length,
      runs.map((r) => r.stdout).join(""),
    );
    assert.deepEqual(await countsOf(shared), expected);
  });
});
