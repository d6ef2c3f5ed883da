/**
 * Runs in its own process so its peak RSS measures one import alone: imports the given file into a fresh
 * knowledge base and prints one JSON line of figures for the parent.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openKnowledge } from "../src/service/index.ts";

const file = process.argv[2] ?? "";
const dir = mkdtempSync(join(tmpdir(), "casebook-bench-import-"));
try {
  const kb = await openKnowledge(join(dir, "kb.db"), { create: true });
  const started = process.hrtime.bigint();
  const s = await kb.import(file);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await kb.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ seconds, peakRssMb, objects: s.objects, groups: s.catalogue.entries, aliases: s.catalogue.aliases })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
