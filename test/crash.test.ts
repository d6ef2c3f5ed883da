import assert from "node:assert/strict";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { generatedLines } from "./helpers/generated.ts";
import { ingest, snapshot, storedSources } from "./helpers/ingest-process.ts";

// Acceptance 3 of the knowledge base: kill -9 an ingest of ≥ 10,000 documents midway; the database opens
// cleanly, a rerun completes, and every count equals that of an uninterrupted run. The documents are short
// (headline and three paragraphs of a corpus story, one of another) so that two full runs fit in about a
// minute on two cores: the uninterrupted run goes alongside the interrupted one.
const DOCUMENTS = Number(process.env.CASEBOOK_CRASH_DOCS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), "casebook-crash-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("crash safety (acceptance 3)", () => {
  it(`survives kill -9 midway through ingesting ${DOCUMENTS.toLocaleString("en-US")} documents`, {
    timeout: 600_000,
  }, async (t) => {
    const jsonl = join(dir, "docs.jsonl");
    const out = createWriteStream(jsonl);
    for (const line of generatedLines(DOCUMENTS, 3, { paragraphs: 3 })) out.write(`${line}\n`);
    await new Promise((resolve) => out.end(resolve));

    const clean = ingest(jsonl, join(dir, "clean.db"));
    const crashed = join(dir, "crashed.db");
    const killed = ingest(jsonl, crashed);
    const threshold = Math.floor(DOCUMENTS / 4);
    let seen = storedSources(crashed);
    while (seen < threshold) {
      assert.equal(killed.child.exitCode, null, "the ingest ended before it could be killed");
      await sleep(100);
      seen = storedSources(crashed);
    }
    const pid = killed.child.pid;
    assert.ok(pid);
    process.kill(-pid, "SIGKILL");
    const ended = await killed.done;
    assert.equal(ended.code, null, "killed, not finished");

    const raw = new Database(crashed);
    assert.equal(raw.pragma("integrity_check", { simple: true }), "ok");
    assert.deepEqual(raw.pragma("foreign_key_check"), []);
    const survived = (raw.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
    raw.close();
    assert.ok(survived >= seen && survived < DOCUMENTS, `${survived} of ${DOCUMENTS} stored when killed`);

    const rerun = await ingest(jsonl, crashed).done;
    assert.equal(rerun.code, 0, rerun.out);
    assert.match(rerun.out, new RegExp(`: ${DOCUMENTS - survived} new, ${survived} duplicates, 0 failed;`));
    const full = await clean.done;
    assert.equal(full.code, 0, full.out);
    assert.match(full.out, new RegExp(`: ${DOCUMENTS} new, 0 duplicates, 0 failed;`));
    const [a, b] = [snapshot(crashed), snapshot(join(dir, "clean.db"))];
    assert.deepEqual(a, b);
    assert.equal(a.sources, DOCUMENTS);
    assert.equal(a.staleAggregates, 0);
    t.diagnostic(
      `killed with ${survived} documents stored; rerun and uninterrupted run agree: ${JSON.stringify(a)}`,
    );
  });
});
