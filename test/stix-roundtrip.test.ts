import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { StixObject } from "../src/interop/stix/index.ts";
import { openKnowledge } from "../src/service/index.ts";
import { corpusKnowledge, exportText, tempDir } from "./helpers/knowledge-base.ts";

describe("STIX round trip", () => {
  const tmp = tempDir("casebook-roundtrip-");
  after(() => tmp.cleanup());

  it("export → import into an empty knowledge base → export gives the same objects, ids and content", async () => {
    const first = await corpusKnowledge(tmp.dir);
    const before = await exportText(first, "stix");
    const counts = await first.counts();
    await first.close();

    const file = join(tmp.dir, "kb.stix.json");
    writeFileSync(file, before);
    const second = await openKnowledge(join(tmp.dir, "empty.db"), { create: true });
    try {
      const summary = await second.import(file);
      assert.equal(summary.sources?.documents.failed, 0);
      const after = await exportText(second, "stix");
      const objects = (text: string) =>
        new Map((JSON.parse(text).objects as StixObject[]).map((o) => [o.id, JSON.stringify(o)]));
      const [a, b] = [objects(before), objects(after)];
      assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
      for (const [id, o] of a) assert.equal(b.get(id), o, `${id} changed`);
      assert.equal(after, before, "the bundle is byte for byte the same");
      const again = await second.counts();
      for (const k of ["incidents", "claims", "responses", "evidence"] as const)
        assert.equal(again[k], counts[k], k);
      process.stderr.write(
        `  round trip: ${a.size} objects, identical; ${summary.seconds.toFixed(1)} s to import\n`,
      );
    } finally {
      await second.close();
    }
  });
});
