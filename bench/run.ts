/**
 * `npm run bench [-- NAME…]`: runs the named benchmarks (all by default) and prints their figures as a table.
 * To add one, write bench/NAME.bench.ts exporting `benchmark: Benchmark` and register it below.
 */
import type { Benchmark, BenchRow } from "./types.ts";

const BENCHMARKS: Record<string, () => Promise<{ benchmark: Benchmark }>> = {
  extract: () => import("./extract.bench.ts"),
  knowledge: () => import("./knowledge.bench.ts"),
  server: () => import("./server.bench.ts"),
  interop: () => import("./interop.bench.ts"),
  scaleout: () => import("./scaleout.bench.ts"),
};

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}

function table(rows: readonly (BenchRow & { bench: string })[]): string {
  const cells = rows.map((r) => [r.bench, r.name, format(r.value), r.unit, r.note ?? ""]);
  const header = ["bench", "measure", "value", "unit", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]) =>
    c
      .map((s, i) => (i === 2 ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}.`);
  process.exit(1);
}

const rows: (BenchRow & { bench: string })[] = [];
const started = Date.now();
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
  const load = BENCHMARKS[name];
  if (!load) continue;
  const { benchmark } = await load();
  console.log(`${name}: ${benchmark.title}`);
  for (const row of await benchmark.run((l) => console.log(l))) rows.push({ ...row, bench: name });
}
console.log(
  `\n${table(rows)}\n\nnode ${process.version}, ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
);
