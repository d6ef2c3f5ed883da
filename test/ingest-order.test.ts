import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { openKnowledge } from "../src/service/index.ts";
import { tempDir } from "./helpers/knowledge-base.ts";
import { outletLines } from "./helpers/outlets.ts";

/** A deterministic shuffle (a linear congruential generator): the same seed gives the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// Queue workers take documents in whatever order they come: the knowledge they build must not depend on it.
describe("the order documents arrive in", () => {
  const { dir, cleanup } = tempDir("casebook-order-");
  after(cleanup);
  const lines = outletLines(32, 2);

  async function countsFor(order: readonly string[], name: string) {
    const file = join(dir, `${name}.jsonl`);
    writeFileSync(file, `${order.join("\n")}\n`);
    const kb = await openKnowledge(join(dir, `${name}.db`), { create: true });
    try {
      await kb.ingest([file], { workers: 0 });
      const counts = await kb.counts();
      const labels = (await kb.incidents({ limit: 1000 })).incidents.map(
        (i) =>
          `${i.date?.value ?? "undated"} ${i.victims.map((v) => (v.kind === "state" ? v.country : v.name)).sort()}`,
      );
      return { counts, incidents: labels.sort() };
    } finally {
      await kb.close();
    }
  }

  it("gives the same incidents, claims and responses whatever the order of the stories' outlets", async () => {
    const inOrder = await countsFor(lines, "in-order");
    // these orders once split a story's background sentence off as an incident of its own
    for (const seed of [1, 3]) {
      const other = await countsFor(shuffled(lines, seed), `seed-${seed}`);
      assert.deepEqual(other, inOrder, `seed ${seed}`);
    }
  });
});
