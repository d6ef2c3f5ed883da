/**
 * Scale-out (issue 6): CASEBOOK_BENCH_DOCS generated documents (default 100,000) through
 *
 * - the embedded path: one `ingest` into a fresh SQLite file (worker threads extract, the main thread stores);
 * - the queue on PostgreSQL: `ingest --queue` into a fresh database, then 1, 2 and 4 `casebook worker`
 *   processes (CASEBOOK_BENCH_WORKERS=1,2,4) draining it.
 *
 * The workers' rate is documents over the time from the first job taken to the last one completed, read from
 * the queue's own timestamps, so process start-up is left out; the scaling ratio is each rate over the rate of
 * one worker. Each configuration runs once on a fresh database. The PostgreSQL rows are skipped, and say so,
 * when no server answers at CASEBOOK_TEST_PG (default postgres://postgres@127.0.0.1:5432).
 *
 * The documents are those of the knowledge bench's large store (CASEBOOK_BENCH_KIND=stories, the default: corpus
 * stories recombined with their countries and years varied, 1.9 KB, the same attacks told again and again as in
 * the news) or article-sized ones (CASEBOOK_BENCH_KIND=articles: 3.5 KB of paragraphs from several stories, about
 * 15 facts each, bench/articles.ts).
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { INGEST_QUEUE, openEnqueuer } from "../src/jobs/index.ts";
import { openKnowledge } from "../src/service/index.ts";
import { createTestDatabase } from "../src/store/postgres/test-database.ts";
import { generatedDocument } from "../test/helpers/generated.ts";
import { makeArticle } from "./articles.ts";
import { NODE_ARGS } from "./node-args.ts";
import type { Benchmark, BenchRow } from "./types.ts";

const DOCS = Number(process.env.CASEBOOK_BENCH_DOCS ?? 100_000);
const WORKERS = (process.env.CASEBOOK_BENCH_WORKERS ?? "1,2,4").split(",").map(Number);
const KIND = process.env.CASEBOOK_BENCH_KIND === "articles" ? "articles" : "stories";
const MAIN = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));

async function writeArticles(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    const doc = KIND === "articles" ? makeArticle(6, i) : generatedDocument(17, i);
    if (!out.write(`${JSON.stringify(doc)}\n`)) {
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function runWorker(url: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...NODE_ARGS, MAIN, "worker", "--db", url, "--exit-when-idle", "--quiet"],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    child.on("error", reject);
    child.on("close", resolve);
  });
}

/** Seconds from the first job started to the last completed, and how many completed, from pg-boss's tables. */
async function drainSeconds(url: string): Promise<{ seconds: number; completed: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT extract(epoch FROM max(completed_on) - min(started_on))::float AS s, count(*)::int AS n
      FROM (SELECT started_on, completed_on FROM pgboss.job WHERE name = $1 AND state = 'completed'
        UNION ALL SELECT started_on, completed_on FROM pgboss.archive WHERE name = $1 AND state = 'completed') j`,
      [INGEST_QUEUE],
    );
    return { seconds: Number(rows[0]?.s ?? 0), completed: Number(rows[0]?.n ?? 0) };
  } finally {
    await c.end();
  }
}

export const benchmark: Benchmark = {
  title: `scale-out: ${DOCS.toLocaleString("en-US")} generated ${KIND === "articles" ? "article-sized documents" : "stories"}, embedded SQLite and ${WORKERS.join(
    "/",
  )} queue workers on PostgreSQL (${availableParallelism()} cores)`,
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), "casebook-scaleout-"));
    const rows: BenchRow[] = [];
    try {
      const jsonl = join(dir, "articles.jsonl");
      await writeArticles(jsonl, DOCS);

      {
        const kb = await openKnowledge(join(dir, "embedded.db"), { create: true });
        const started = performance.now();
        const summary = await kb.ingest([jsonl]);
        const seconds = (performance.now() - started) / 1000;
        await kb.close();
        const rate = summary.documents.new / seconds;
        log(`  embedded SQLite: ${summary.documents.new} documents in ${seconds.toFixed(1)} s`);
        rows.push({
          name: "embedded SQLite ingest (one process)",
          value: rate,
          unit: "docs/s",
          note: `${DOCS} docs`,
        });
      }

      let one = 0;
      for (const workers of WORKERS) {
        const db = await createTestDatabase(`bench${workers}`);
        if (!db) {
          log("  PostgreSQL is not reachable: the queue rows are skipped");
          break;
        }
        try {
          const queue = await openEnqueuer(db.url);
          const kb = await openKnowledge(db.url, { create: true });
          const started = performance.now();
          const queued = await kb.ingest([jsonl], {
            enqueue: async (doc, where) => {
              await queue.enqueue(doc, where);
            },
          });
          const enqueueSeconds = (performance.now() - started) / 1000;
          await queue.close();
          await kb.close();
          if (workers === WORKERS[0]) {
            rows.push({
              name: "ingest --queue (enqueue only)",
              value: (queued.documents.queued ?? 0) / enqueueSeconds,
              unit: "docs/s",
            });
          }
          const codes = await Promise.all(Array.from({ length: workers }, () => runWorker(db.url)));
          if (codes.some((c) => c !== 0)) throw new Error(`a worker exited with ${codes.join(", ")}`);
          const { seconds, completed } = await drainSeconds(db.url);
          const rate = completed / seconds;
          if (workers === 1) one = rate;
          log(`  ${workers} worker(s) on PostgreSQL: ${completed} documents in ${seconds.toFixed(1)} s`);
          rows.push({
            name: `PostgreSQL, ${workers} worker process${workers === 1 ? "" : "es"}`,
            value: rate,
            unit: "docs/s",
            note: one > 0 ? `${(rate / one).toFixed(2)}× one worker` : `${DOCS} docs`,
          });
        } finally {
          await db.drop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
