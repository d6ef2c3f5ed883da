/**
 * Queue workers take jobs in batches and store a batch's documents one after the other, extracting ahead in a
 * thread of their own. What they store must be exactly what the same documents stored one at a time, in the
 * order they were queued, store: the same incidents, claims and responses, with the same values, links,
 * sources and quotes. The documents are generated from the corpus stories with countries and years changed,
 * plus the same stories told by several outlets: many of them report facts others reported, so what a
 * document joins depends on what was stored before it, and a batch stored out of order would show.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { openEnqueuer, runWorker } from "../src/jobs/index.ts";
import type { Document } from "../src/model/index.ts";
import { type Knowledge, openKnowledge } from "../src/service/index.ts";
import { createTestDatabase, SKIP_MESSAGE } from "../src/store/postgres/test-database.ts";
import { generatedLines } from "./helpers/generated.ts";
import { outletLines } from "./helpers/outlets.ts";

const testDb = await createTestDatabase("batch");
if (!testDb) console.log(`# ${SKIP_MESSAGE}`);

const dir = mkdtempSync(join(tmpdir(), "casebook-batch-"));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await testDb?.drop();
});

const lines = [...generatedLines(60, 11, { paragraphs: 2, countries: 0, years: 0 }), ...outletLines(6, 3)];

/** Everything stored about the facts, as readers see it: each incident in full, and the fact lists. */
async function everything(kb: Knowledge) {
  const list = await kb.incidents({ limit: 10_000, sort: "label" });
  const incidents = [];
  for (const i of list.incidents) incidents.push({ listed: i, detail: await kb.incident(i.id) });
  return {
    counts: await kb.counts(),
    incidents,
    claims: await kb.claims({ limit: 10_000 }),
    responses: await kb.responses({ limit: 10_000 }),
  };
}

describe("queue workers storing in batches", { skip: testDb ? false : SKIP_MESSAGE }, () => {
  it("store exactly what the same documents one at a time store", async () => {
    assert.ok(testDb);
    const docsFile = join(dir, "docs.jsonl");
    writeFileSync(docsFile, `${lines.join("\n")}\n`);

    // one at a time, in the order of the file, as a worker took jobs before batches
    const single = await openKnowledge(await testDb.freshSchema(), { create: true });
    const docs: Document[] = [];
    const collected = await single.ingest([docsFile], {
      enqueue: async (doc) => {
        docs.push(doc);
      },
    });
    assert.equal(collected.documents.queued, lines.length);
    for (const doc of docs) assert.equal((await single.ingestDocument(doc)).status, "new");
    const expected = await everything(single);
    await single.close();
    assert.ok(
      expected.incidents.filter((i) => i.listed.sources > 1).length >= 10,
      "documents join facts stored before them",
    );

    // through the queue: batches, extraction in a thread ahead of the saves
    const url = testDb.url;
    const queue = await openEnqueuer(url);
    for (const doc of docs) assert.equal(await queue.enqueue(doc), true);
    await queue.close();
    const stats = await runWorker({ url, exitWhenIdle: true });
    assert.deepEqual(stats, { stored: lines.length, duplicates: 0, failed: 0 });
    const batched = await openKnowledge(url);
    try {
      assert.deepEqual(await everything(batched), expected);
    } finally {
      await batched.close();
    }
  });
});
