import assert from "node:assert/strict";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { generatedLines } from "./helpers/generated.ts";
import { ingest, snapshot } from "./helpers/ingest-process.ts";

// Two analysts (or two cron jobs) ingesting the same feed into one SQLite file at the same time: every document
// is stored once, every fact once, and the knowledge base is the one a single run builds. Each writer saves in
// the same order and a document is stored by whichever writer commits it first, so the stored order, and with it
// resolution, is that of one run.
const DOCUMENTS = 3_000;
const dir = mkdtempSync(join(tmpdir(), "casebook-concurrent-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const stored = (out: string) => {
  const m = /: (\d+) new, (\d+) duplicates, (\d+) failed;/.exec(out);
  assert.ok(m, out);
  return { new: Number(m[1]), duplicate: Number(m[2]), failed: Number(m[3]) };
};

describe("concurrent writers on one SQLite file", () => {
  it(`two ingests of the same ${DOCUMENTS.toLocaleString("en-US")} documents at once store each fact once`, {
    timeout: 600_000,
  }, async (t) => {
    const jsonl = join(dir, "docs.jsonl");
    const out = createWriteStream(jsonl);
    for (const line of generatedLines(DOCUMENTS, 5, { paragraphs: 3 })) out.write(`${line}\n`);
    await new Promise((resolve) => out.end(resolve));

    const shared = join(dir, "shared.db");
    const [one, two, alone] = await Promise.all([
      ingest(jsonl, shared).done,
      ingest(jsonl, shared).done,
      ingest(jsonl, join(dir, "alone.db")).done,
    ]);
    for (const run of [one, two, alone]) assert.equal(run.code, 0, run.out);
    const [a, b] = [stored(one.out), stored(two.out)];
    assert.equal(a.new + b.new, DOCUMENTS, "each document stored by exactly one writer");
    assert.equal(a.duplicate + b.duplicate, DOCUMENTS, "and seen as a duplicate by the other");
    assert.equal(a.failed + b.failed, 0);
    const [together, single] = [snapshot(shared), snapshot(join(dir, "alone.db"))];
    assert.deepEqual(together, single);
    assert.equal(together.staleAggregates, 0);
    t.diagnostic(`writers stored ${a.new} and ${b.new} documents; ${JSON.stringify(together)}`);
  });
});
