/**
 * Extraction throughput: `extract` alone over ≥ 2,000 article-sized texts (median of 5 passes, on one thread and
 * again bound to one CPU), then the whole batch path (parse line → intake → extract → JSON) streaming 20,000
 * articles in a child process whose peak RSS is the memory figure. Targets (issue 2): ≥ 1,500 articles/s, ≤ 300 MB.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extract } from "../src/extract/index.ts";
import { fromText } from "../src/intake/index.ts";
import type { Document } from "../src/model/index.ts";
import { BATCH_SIZE } from "../src/service/index.ts";
import { ARTICLES_DIR, corpusFixtures } from "../test/helpers/corpus.ts";
import { usingFallback } from "./articles.ts";
import {
  ARTICLES,
  denseArticles,
  extractInBatches,
  median,
  PASSES,
  roundsBesideReference,
  SEED,
  seconds,
} from "./dense-texts.ts";
import { NODE_ARGS } from "./node-args.ts";
import { chronoReference, REFERENCE_CHRONO, type Reference, scaledRate } from "./reference.ts";
import type { Benchmark, BenchRow } from "./types.ts";

const STREAMED = 20_000;

/**
 * `extract` over the texts in memory, two ways: in batches of BATCH_SIZE (`extractBatch`, as the batch command
 * and the stream run it) and one document per call (as a single article is extracted). The two passes are
 * interleaved so that a change in the machine's speed during the run touches both alike, and each round also
 * times the machine reference (./reference.ts): the machines here drift by half within minutes, so a round's
 * rate is scaled by the reference measured beside it, not by one taken at another time.
 */
function inMemory(
  docs: readonly Document[],
  log: (line: string) => void,
): { rows: BenchRow[]; batchedRate: number; reference: Reference } {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, "utf8"), 0);
  let sink = 0;
  const batched = () => {
    sink += extractInBatches(docs);
  };
  const single = () => {
    for (const d of docs) sink += extract(d).incidents.length;
  };
  // the reference warms up first: extraction calls into chrono-node's parsers too, and whichever use the engine
  // optimises chrono's code for first stays fast; started after extraction, chrono's own parse ran about 1.55×
  // slower for the rest of the process (measured both ways), which read the machine as that much slower
  const reference = chronoReference(docs.map((d) => d.text));
  // warm up the JIT and lazy tables
  for (const d of docs.slice(0, 200)) sink += extract(d).incidents.length;
  const sBatched: number[] = [];
  const sSingle: number[] = [];
  const references: number[] = [];
  const scaled: number[] = [];
  for (let round = 0; round < PASSES; round++) {
    const ref = reference.pass();
    sBatched.push(seconds(batched));
    sSingle.push(seconds(single));
    references.push(ref);
    const batchedRate = docs.length / (sBatched[round] ?? 1);
    scaled.push(scaledRate(batchedRate, ref));
    log(
      `  round ${round + 1}: ${batchedRate.toFixed(0)} articles/s in batches of ${BATCH_SIZE}, ` +
        `${(docs.length / (sSingle[round] ?? 1)).toFixed(0)} one per call; reference ${ref.toFixed(0)}/s ` +
        `(${(ref / REFERENCE_CHRONO).toFixed(2)}×), so ${(scaled[round] ?? 0).toFixed(0)} scaled`,
    );
  }
  // Printing the incident count keeps the results alive, so the engine cannot skip the work as dead code.
  log(`  ${sink} incidents and ${reference.dates()} reference dates found over all passes`);
  log(`  where the time goes (one more pass in batches): ${stageShares(docs)}`);
  const b = median(sBatched);
  const one = median(sSingle);
  const ref = median(references);
  const note = `${ARTICLES} texts, ${(bytes / ARTICLES / 1000).toFixed(1)} KB each, median of ${PASSES}`;
  const rows: BenchRow[] = [
    { name: `extract (in memory, batches of ${BATCH_SIZE})`, value: ARTICLES / b, unit: "articles/s", note },
    {
      name: `extract (in memory, batches of ${BATCH_SIZE})`,
      value: bytes / 1e6 / b,
      unit: "MB/s",
      note: "one thread (the collector's helpers may use a second core: see the bound-CPU row)",
    },
    {
      name: `extract (batches of ${BATCH_SIZE}), scaled`,
      value: median(scaled),
      unit: "articles/s",
      note: `as on the machine the targets were set on: each round ÷ its reference's ratio, median of ${PASSES}`,
    },
    { name: "extract (in memory, one per call)", value: ARTICLES / one, unit: "articles/s", note },
    {
      name: "machine reference (chrono-node's parse)",
      value: ref,
      unit: "articles/s",
      note: `${(ref / REFERENCE_CHRONO).toFixed(2)}× the machine the targets were set on (~${REFERENCE_CHRONO.toLocaleString("en-US")}/s there)`,
    },
  ];
  return { rows, batchedRate: ARTICLES / b, reference };
}

/** Each stage's share of one batched pass over `docs`, largest first. */
function stageShares(docs: readonly Document[]): string {
  const timings = new Map<string, number>();
  extractInBatches(docs, timings);
  const total = [...timings.values()].reduce((a, b) => a + b, 0);
  return [...timings]
    .sort((a, b) => b[1] - a[1])
    .map(([stage, ms]) => `${stage} ${((100 * ms) / total).toFixed(0)} %`)
    .join(", ");
}

/**
 * The recombined texts above are denser than real reporting: every paragraph comes from a different story, so an
 * article names four incidents and a dozen states. The team's article-length stories (data/articles) read as
 * news does, with background, quotes and paragraphs about nothing in particular; they are cycled to the same
 * count and timed the same way, as a second figure beside the first.
 */
function writtenArticles(log: (line: string) => void, reference: Reference): BenchRow[] {
  const written = corpusFixtures(ARTICLES_DIR);
  if (written.length === 0) {
    log("  data/articles/ is empty; the written-articles figure is left out");
    return [];
  }
  const docs = Array.from({ length: ARTICLES }, (_, i) => {
    const f = written[i % written.length] as (typeof written)[number];
    return fromText(f.text, { id: `${f.id}-${i}`, published: f.published });
  });
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, "utf8"), 0);
  const warm = extractInBatches(docs.slice(0, 200));
  // the same reference as the dense rounds', timed beside each pass
  const { rates, references, incidents } = roundsBesideReference(docs, reference, PASSES);
  const scaled = rates.map((rate, i) => scaledRate(rate, references[i] ?? REFERENCE_CHRONO));
  log(
    `  written articles: ${rates.map((r) => r.toFixed(0)).join(", ")} articles/s, ` +
      `${scaled.map((r) => r.toFixed(0)).join(", ")} scaled (${warm + incidents} incidents)`,
  );
  const note = `${written.length} texts of data/articles cycled to ${ARTICLES}, ${(bytes / ARTICLES / 1000).toFixed(1)} KB each`;
  return [
    {
      name: `extract (written articles, batches of ${BATCH_SIZE})`,
      value: median(rates),
      unit: "articles/s",
      note,
    },
    {
      name: `extract (written articles), scaled`,
      value: median(scaled),
      unit: "articles/s",
      note: `each pass ÷ the ratio of the reference timed beside it, median of ${PASSES}`,
    },
  ];
}

/**
 * Runs a bench script in a child process of its own and resolves to what it printed on stdout. `launcher` is a
 * command the child is started through (`taskset -c N`), with its arguments.
 */
function child(script: string, args: string[], what: string, launcher: string[] = []): Promise<string> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const command = [...launcher, process.execPath, ...NODE_ARGS, path, ...args];
  return new Promise((resolve, reject) => {
    const proc = spawn(command[0] as string, command.slice(1), {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    proc.on("error", reject);
    proc.on("close", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`the ${what} exited with code ${code}`)),
    );
  });
}

async function streamed(log: (line: string) => void): Promise<BenchRow[]> {
  log(`  streaming ${STREAMED} articles through the batch service in a child process…`);
  const r = JSON.parse(
    await child("./stream-child.ts", [String(STREAMED), String(SEED)], "stream bench"),
  ) as {
    lines: number;
    seconds: number;
    bytesIn: number;
    peakRssMb: number;
  };
  const note = `${r.lines} articles, ${(r.bytesIn / 1e6).toFixed(0)} MB of JSON lines in ${r.seconds.toFixed(1)} s`;
  return [
    {
      name: "batch stream (parse+intake+extract+JSON)",
      value: r.lines / r.seconds,
      unit: "articles/s",
      note,
    },
    { name: "batch stream peak RSS", value: r.peakRssMb, unit: "MB", note: "process.resourceUsage().maxRSS" },
  ];
}

/**
 * The reference timed alone in a fresh process (reference-child.ts): a check on the one timed beside each
 * round, which should read the same machine speed within the machine's drift.
 */
async function referenceAlone(batched: number, log: (line: string) => void): Promise<BenchRow[]> {
  const r = JSON.parse(await child("./reference-child.ts", [String(SEED), String(PASSES)], "reference")) as {
    rates: number[];
    dates: number;
  };
  log(
    `  machine reference alone: ${r.rates.map((x) => x.toFixed(0)).join(", ")} articles/s (${r.dates} dates)`,
  );
  const alone = median(r.rates);
  return [
    {
      name: "machine reference alone (fresh process)",
      value: alone,
      unit: "articles/s",
      note: `${(alone / REFERENCE_CHRONO).toFixed(2)}× the machine the targets were set on, by this reference`,
    },
    {
      name: `extract (batches of ${BATCH_SIZE}), scaled by it`,
      value: scaledRate(batched, alone),
      unit: "articles/s",
      note: "the in-memory rate above ÷ this reference's ratio",
    },
  ];
}

/**
 * The command that binds a child to one CPU this process may run on (`taskset -c N`), where the system has
 * taskset (util-linux); undefined elsewhere. The CPU is the first of the process's own affinity list, since a
 * container may not allow CPU 0.
 */
function bindToOneCpu(): string[] | undefined {
  if (process.platform !== "linux") return undefined;
  if (spawnSync("taskset", ["--version"], { stdio: "ignore" }).status !== 0) return undefined;
  const allowed = /^Cpus_allowed_list:\s*(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"));
  return ["taskset", "-c", allowed?.[1] ?? "0"];
}

/**
 * The in-memory rounds again, in a child bound to one CPU (pinned-child.ts). Unbound, the garbage collector's
 * helper threads work on the machine's second core beside the extraction; bound, everything the process does is
 * on one, which is what "one core" means for a machine that has only one.
 */
async function pinnedToOneCpu(log: (line: string) => void): Promise<BenchRow[]> {
  const bind = bindToOneCpu();
  if (!bind) {
    log("  taskset is not available here: the figure on one bound CPU is left out");
    return [];
  }
  let r: { rates: number[]; references: number[] };
  try {
    r = JSON.parse(await child("./pinned-child.ts", [String(PASSES)], "pinned bench", bind));
  } catch (err) {
    log(`  the run bound to one CPU failed (${(err as Error).message}): its figure is left out`);
    return [];
  }
  const scaled = r.rates.map((rate, i) => scaledRate(rate, r.references[i] ?? REFERENCE_CHRONO));
  log(
    `  bound to one CPU: ${r.rates.map((x) => x.toFixed(0)).join(", ")} articles/s; reference ` +
      `${r.references.map((x) => x.toFixed(0)).join(", ")}/s`,
  );
  const note = `${bind.join(" ")}: extraction, its garbage collector and the reference share one CPU`;
  return [
    {
      name: `extract (one bound CPU, batches of ${BATCH_SIZE})`,
      value: median(r.rates),
      unit: "articles/s",
      note,
    },
    {
      name: `extract (one bound CPU, batches of ${BATCH_SIZE}), scaled`,
      value: median(scaled),
      unit: "articles/s",
      note: `each round ÷ its reference's ratio (reference ${median(r.references).toFixed(0)}/s bound), median of ${PASSES}`,
    },
  ];
}

export const benchmark: Benchmark = {
  title: "extraction",
  async run(log) {
    if (usingFallback())
      log("  data/corpus/ has too few stories; recombining built-in sample paragraphs instead");
    const docs = denseArticles();
    const memory = inMemory(docs, log);
    return [
      ...memory.rows,
      ...(await referenceAlone(memory.batchedRate, log)),
      ...(await pinnedToOneCpu(log)),
      ...writtenArticles(log, memory.reference),
      ...(await streamed(log)),
    ];
  },
};
