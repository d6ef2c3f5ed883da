import type PgBoss from "pg-boss";
import { openKnowledge } from "../service/index.ts";
import { documentOfJob } from "./payload.ts";
import { INGEST_QUEUE, openQueue, type QueueSettings, queueSettings } from "./queue.ts";

export interface WorkerOptions {
  /** the PostgreSQL knowledge base, whose database also holds the queue */
  url: string;
  /** jobs worked on at once in this process (default 1: extraction is CPU-bound, one core each) */
  concurrency?: number;
  /** stop once no job is waiting, retrying or active anywhere (benchmarks, tests, one-off batches) */
  exitWhenIdle?: boolean;
  /** stops the worker after the jobs in hand */
  signal?: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
  settings?: QueueSettings;
}

export type WorkerEvent =
  | { kind: "stored"; job: string; status: "new" | "duplicate" }
  | { kind: "failed"; job: string; reason: string }
  | { kind: "unavailable"; reason: string };

export interface WorkerStats {
  stored: number;
  duplicates: number;
  failed: number;
}

/** Seconds between looks at an empty queue. */
const POLL_MS = 500;

/**
 * A worker: takes documents from the queue and runs them through the same extract → resolve → store path as
 * in-process ingest (`Knowledge.ingestDocument`). Delivery is at least once: a job whose worker dies stays
 * active until its time runs out, then goes back to the queue; storing is idempotent by sha256, so a document
 * delivered twice is stored once. A job that fails is retried with growing pauses, then listed as failed with
 * its reason (`casebook jobs --failed`). When the database goes away (a restart), the worker waits and carries
 * on with new connections.
 */
export async function runWorker(opts: WorkerOptions): Promise<WorkerStats> {
  const settings = opts.settings ?? queueSettings();
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const kb = await openKnowledge(opts.url, { create: true, connections: concurrency + 1 });
  let boss: PgBoss;
  try {
    boss = await openQueue(opts.url, settings);
  } catch (err) {
    await kb.close();
    throw err;
  }
  const stats: WorkerStats = { stored: 0, duplicates: 0, failed: 0 };
  const emit = (e: WorkerEvent) => opts.onEvent?.(e);
  let stopping = false;
  opts.signal?.addEventListener("abort", () => {
    stopping = true;
  });

  async function handle(job: PgBoss.Job<unknown>): Promise<void> {
    try {
      const doc = documentOfJob(job.data);
      const saved = await kb.ingestDocument(doc);
      await boss.complete(INGEST_QUEUE, job.id, { status: saved.status, source: saved.sourceId });
      if (saved.status === "new") stats.stored++;
      else stats.duplicates++;
      emit({ kind: "stored", job: job.id, status: saved.status });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const code = (err as { code?: unknown }).code;
      // when even this fails (the database is down), the job stays active and comes back after its time runs out
      await boss.fail(INGEST_QUEUE, job.id, {
        message: reason,
        ...(typeof code === "string" ? { code } : {}),
      });
      stats.failed++;
      emit({ kind: "failed", job: job.id, reason });
    }
  }

  /** True while some job is waiting, retrying or held by a worker. */
  async function pending(): Promise<boolean> {
    return (await boss.getQueueSize(INGEST_QUEUE, { before: "completed" })) > 0;
  }

  async function loop(): Promise<void> {
    let pause = POLL_MS;
    while (!stopping) {
      try {
        const [job] = await boss.fetch<unknown>(INGEST_QUEUE, { batchSize: 1 });
        pause = POLL_MS;
        if (job) {
          await handle(job);
          continue;
        }
        if (opts.exitWhenIdle && !(await pending())) return;
      } catch (err) {
        emit({ kind: "unavailable", reason: err instanceof Error ? err.message : String(err) });
        pause = Math.min(pause * 2, 5_000);
      }
      await sleep(pause);
    }
  }

  // a job whose worker died is active until its time runs out: look for such jobs often enough
  const expiry = setInterval(
    () => {
      boss.expire().catch(() => {});
    },
    Math.max(1_000, (settings.expireSeconds * 1_000) / 2),
  );
  try {
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    clearInterval(expiry);
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await kb.close();
  }
  return stats;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
