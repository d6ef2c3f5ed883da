import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { IncidentDetail } from "../model/knowledge.ts";
import { type Knowledge, openKnowledge } from "./knowledge.ts";

// An incident read with its first quotes per fact is the whole incident with each fact's quotes cut, also when
// analysts merged other incidents into it (their quotes come after its own).
const CORPUS = fileURLToPath(new URL("../../data/corpus/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "casebook-quotes-"));
after(() => rmSync(dir, { recursive: true, force: true }));

type Fact = Pick<IncidentDetail, "evidence" | "evidenceCount">;

/** Each fact of `inc` with at most `n` quotes, and the count of all where some were left out. */
function cut(inc: IncidentDetail, n: number): IncidentDetail {
  const one = <T extends Fact>(f: T): T =>
    f.evidence.length <= n ? f : { ...f, evidence: f.evidence.slice(0, n), evidenceCount: f.evidence.length };
  return { ...one(inc), claims: inc.claims.map(one), responses: inc.responses.map(one) };
}

describe("an incident's first quotes per fact", () => {
  let kb: Knowledge;
  let ids: string[];
  before(async () => {
    kb = await openKnowledge(join(dir, "kb.db"), { create: true });
    await kb.ingest([CORPUS]);
    // the incidents with the most sources, so that facts have several quotes
    ids = (await kb.incidents({ sort: "-sources", limit: 3 })).incidents.map((i) => i.id);
    assert.equal(ids.length, 3);
  });
  after(() => kb.close());

  it("are the whole read's first quotes, with the count of all", async () => {
    const full = await kb.incident(ids[0] ?? "");
    assert.ok([full, ...full.claims, ...full.responses].some((f) => f.evidence.length > 2));
    for (const n of [1, 2, 3, 1000])
      assert.deepEqual(await kb.incident(full.id, {}, { quotes: n }), cut(full, n));
  });

  it("count what merged incidents lend too", async () => {
    const [into, ...from] = ids as [string, ...string[]];
    for (const id of from) await kb.merge(id, into, "ana");
    const full = await kb.incident(into);
    assert.equal(full.merged?.length, 2);
    for (const n of [1, 2, 3, 1000])
      assert.deepEqual(await kb.incident(into, {}, { quotes: n }), cut(full, n));
  });
});
