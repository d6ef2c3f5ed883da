/**
 * Interop: importing the ATT&CK Enterprise bundle (target: ≤ 10 s and ≤ 1 GB peak RSS, issue 4) in a child
 * process, and exporting the team-written corpus as STIX, MISP and CSV, and as a TAXII collection.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openKnowledge } from "../src/service/index.ts";
import { NODE_ARGS } from "./node-args.ts";
import type { Benchmark, BenchRow } from "./types.ts";

const SHARED =
  process.env.CASEBOOK_SHARED_DATA ?? fileURLToPath(new URL("../../shared/data", import.meta.url));
const ATTACK = join(SHARED, "attack/enterprise-attack.json");
const CORPUS = fileURLToPath(new URL("../data/corpus/", import.meta.url));
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function importOnce(): Promise<{
  seconds: number;
  peakRssMb: number;
  objects: number;
  groups: number;
  aliases: number;
}> {
  const child = fileURLToPath(new URL("./attack-import-child.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...NODE_ARGS, child, ATTACK], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    proc.on("error", reject);
    proc.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim()))
        : reject(new Error(`the import bench exited with ${code}`)),
    );
  });
}

async function attackImport(log: (line: string) => void): Promise<BenchRow[]> {
  if (!existsSync(ATTACK)) {
    log(`  ${ATTACK} is absent: the ATT&CK import is not measured`);
    return [];
  }
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await importOnce());
  const last = runs[runs.length - 1];
  const note = `${last?.objects} objects → ${last?.groups} groups, ${last?.aliases} aliases; median of ${RUNS}`;
  return [
    { name: "ATT&CK Enterprise import", value: median(runs.map((r) => r.seconds)), unit: "s", note },
    {
      name: "ATT&CK Enterprise import peak RSS",
      value: median(runs.map((r) => r.peakRssMb)),
      unit: "MB",
      note: "maxRSS of the process",
    },
  ];
}

async function corpusExports(log: (line: string) => void): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "casebook-bench-export-"));
  try {
    const kb = await openKnowledge(join(dir, "kb.db"), { create: true });
    await kb.ingest([CORPUS], { workers: 0 });
    const rows: BenchRow[] = [];
    for (const format of ["stix", "misp", "csv"] as const) {
      const times: number[] = [];
      let bytes = 0;
      let items = 0;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const s = await kb.export(format, () => {});
        times.push(performance.now() - started);
        bytes = s.bytes;
        items = s.items;
      }
      log(`  ${format}: ${items} items, ${(bytes / 1024).toFixed(0)} KB`);
      rows.push({
        name: `export corpus as ${format}`,
        value: median(times),
        unit: "ms",
        note: `${items} ${format === "stix" ? "objects" : format === "misp" ? "events" : "rows"}, ${(bytes / 1024).toFixed(0)} KB; median of 5`,
      });
    }
    const started = performance.now();
    const entries = await kb.taxii().entries("red");
    rows.push({
      name: "TAXII collection of the corpus",
      value: performance.now() - started,
      unit: "ms",
      note: `${entries.length} objects, built once and kept until the knowledge base changes`,
    });
    await kb.close();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  title: "interop: ATT&CK import, corpus exports",
  async run(log) {
    return [...(await attackImport(log)), ...(await corpusExports(log))];
  },
};
