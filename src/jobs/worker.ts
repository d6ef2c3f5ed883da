import type PgBoss from "pg-boss";
import type { Document } from "../model/index.ts";
import { openKnowledge } from "../service/index.ts";
import { documentOfJob } from "./payload.ts";
import { INGEST_QUEUE, openQueue, type QueueSettings, queueSettings } from "./queue.ts";

export interface WorkerOptions {
  /** the PostgreSQL knowledge base, whose database also holds the queue */
  url: string;
  /** jobs worked on at once in this process (default 1: extraction is CPU-bound, one core each) */
  concurrency?: number;
  /**
   * threads extracting the documents of a batch while the worker stores the ones before (default 1; 0
   * extracts in the worker's own thread, between saves)
   */
  extractThreads?: number;
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
  | { kind: "unavailable"; reason: string }
  | { kind: "notice"; message: string };

export interface WorkerStats {
  stored: number;
  duplicates: number;
  failed: number;
}

/** Milliseconds between looks at an empty queue. */
const POLL_MS = 500;
/**
 * Jobs taken from the queue at once. A batch costs one fetch (the queue's costliest statement) and one look-up
 * for the documents already stored, where one job at a time cost those for every document; a worker still
 * holds no more jobs than it finishes in well under a second.
 */
const BATCH = 32;
/** Stored documents whose jobs are completed together, as a batch goes. */
const COMPLETE_EVERY = 8;

/**
 * A worker: takes documents from the queue, a batch at a time, and runs them through the same extract →
 * resolve → store path as in-process ingest (`Knowledge.ingestBatch`: each document stored on its own, as the
 * ones before it left the knowledge base). Delivery is at least once: a job whose worker dies stays active
 * until its time runs out, then goes back to the queue; storing is idempotent by sha256, so a document
 * delivered twice is stored once. A job that fails is retried with growing pauses, then listed as failed with
 * its reason (`casebook jobs --failed`); a document that fails fails its own job only, never the rest of its
 * batch. When the database goes away (a restart), the worker waits and carries on with new connections.
 */
export async function runWorker(opts: WorkerOptions): Promise<WorkerStats> {
  const settings = opts.settings ?? queueSettings();
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const kb = await openKnowledge(opts.url, { create: true, connections: concurrency + 1 });
  let boss: PgBoss;
  try {
    await kb.startBatchExtraction(opts.extractThreads ?? 1);
    boss = await openQueue(opts.url, settings);
  } catch (err) {
    await kb.close();
    throw err;
  }
  const stats: WorkerStats = { stored: 0, duplicates: 0, failed: 0 };
  const emit = (e: WorkerEvent) => opts.onEvent?.(e);
  if (await autovacuumOff(boss)) emit({ kind: "notice", message: AUTOVACUUM_OFF });
  let stopping = false;
  opts.signal?.addEventListener("abort", () => {
    stopping = true;
  });

  async function fail(job: PgBoss.Job<unknown>, err: unknown): Promise<void> {
    const reason = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown }).code;
    // when even this fails (the database is down), the job stays active and comes back after its time runs out
    await boss
      .fail(INGEST_QUEUE, job.id, { message: reason, ...(typeof code === "string" ? { code } : {}) })
      .catch(() => {});
    stats.failed++;
    emit({ kind: "failed", job: job.id, reason });
  }

  async function handle(jobs: ReadonlyArray<PgBoss.Job<unknown>>): Promise<void> {
    const taken: Array<{ job: PgBoss.Job<unknown>; doc: Document }> = [];
    for (const job of jobs) {
      try {
        taken.push({ job, doc: documentOfJob(job.data) });
      } catch (err) {
        await fail(job, err);
      }
    }
    let done: string[] = [];
    const complete = async () => {
      const ids = done;
      done = [];
      if (ids.length > 0) await boss.complete(INGEST_QUEUE, ids);
    };
    let settled = 0;
    try {
      await kb.ingestBatch(
        taken.map((t) => t.doc),
        async (k, outcome) => {
          settled = k + 1;
          const { job } = taken[k] as (typeof taken)[number];
          if (outcome instanceof Error) return fail(job, outcome);
          if (outcome.status === "new") stats.stored++;
          else stats.duplicates++;
          emit({ kind: "stored", job: job.id, status: outcome.status });
          done.push(job.id);
          if (done.length >= COMPLETE_EVERY) await complete();
        },
      );
    } catch (err) {
      // the store failed, not a document: the jobs not yet settled are tried again (what of them was stored
      // is a duplicate then)
      for (const { job } of taken.slice(settled)) await fail(job, err);
    } finally {
      await complete();
    }
  }

  /**
   * A batch in the order the queue hands jobs out (by priority, then the order they were sent), which the
   * fetch's answer does not keep: the documents are stored as if taken one at a time. Times come to the worker
   * in milliseconds, the queue keeps microseconds: jobs sent within the same millisecond are put in order by
   * the queue itself.
   */
  async function inQueueOrder(
    jobs: ReadonlyArray<PgBoss.JobWithMetadata<unknown>>,
  ): Promise<Array<PgBoss.JobWithMetadata<unknown>>> {
    const rank = (a: PgBoss.JobWithMetadata<unknown>, b: PgBoss.JobWithMetadata<unknown>) =>
      b.priority - a.priority || a.createdOn.getTime() - b.createdOn.getTime();
    const sorted = [...jobs].sort((a, b) => rank(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!sorted.some((job, k) => k > 0 && rank(sorted[k - 1] as typeof job, job) === 0)) return sorted;
    const answer = await boss
      .getDb()
      .executeSql(
        "SELECT id::text FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[]) ORDER BY priority DESC, created_on, id",
        [INGEST_QUEUE, sorted.map((j) => j.id)],
      )
      .catch(() => undefined);
    // without an answer (the database is going away), the saves that follow fail and the jobs come back
    const rows: Array<{ id: string }> = answer?.rows ?? sorted;
    const place = new Map(rows.map((r, k) => [r.id, k]));
    return sorted.sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0));
  }

  /** True while some job is waiting, retrying or held by a worker. */
  async function pending(): Promise<boolean> {
    return (await boss.getQueueSize(INGEST_QUEUE, { before: "completed" })) > 0;
  }

  async function loop(): Promise<void> {
    let pause = POLL_MS;
    while (!stopping) {
      try {
        const jobs = await boss.fetch<unknown>(INGEST_QUEUE, { batchSize: BATCH, includeMetadata: true });
        pause = POLL_MS;
        if (jobs.length > 0) {
          await handle(await inQueueOrder(jobs));
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

const AUTOVACUUM_OFF =
  "PostgreSQL's autovacuum is off on this server: Casebook keeps the planner's statistics up to date itself, " +
  "but nothing removes the row versions that updates leave behind; turn autovacuum on, or VACUUM regularly.";

/** Whether the server runs without autovacuum (a setting some test and bulk-load set-ups choose). */
async function autovacuumOff(boss: PgBoss): Promise<boolean> {
  const answer = await boss
    .getDb()
    .executeSql("SELECT current_setting('autovacuum') = 'off' AS off", [])
    .catch(() => undefined);
  return (answer?.rows[0] as { off?: boolean } | undefined)?.off === true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
