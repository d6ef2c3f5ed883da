import type PgBoss from "pg-boss";
import { INGEST_QUEUE, openQueue } from "./queue.ts";

/** Jobs of the ingest queue by state. */
export interface JobCounts {
  queued: number;
  retrying: number;
  active: number;
  completed: number;
  failed: number;
}

/** A job failed for good: the dead-letter list. */
export interface FailedJob {
  id: string;
  document: string;
  where?: string;
  reason: string;
  attempts: number;
  failedAt: string;
}

/** What the queue holds, from the queue's tables (completed jobs are archived after a while and still count). */
export async function jobCounts(url: string): Promise<JobCounts> {
  return withQueue(url, async (boss) => {
    const { rows } = await boss.getDb().executeSql(
      `SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state
      UNION ALL SELECT 'archived-' || state::text, count(*)::int FROM pgboss.archive WHERE name = $1 GROUP BY state`,
      [INGEST_QUEUE],
    );
    const n = (state: string) =>
      rows
        .filter((r) => r.state === state || r.state === `archived-${state}`)
        .reduce((a, r) => a + Number(r.n), 0);
    return {
      queued: n("created"),
      retrying: n("retry"),
      active: n("active"),
      completed: n("completed"),
      failed: n("failed"),
    };
  });
}

/** The jobs that failed for good, newest first, with the reason of their last attempt. */
export async function failedJobs(url: string, limit = 100): Promise<FailedJob[]> {
  return withQueue(url, async (boss) => {
    const { rows } = await boss.getDb().executeSql(
      `SELECT id::text, data, output, retry_count, completed_on FROM (
        SELECT id, data, output, retry_count, completed_on FROM pgboss.job WHERE name = $1 AND state = 'failed'
        UNION ALL
        SELECT id, data, output, retry_count, completed_on FROM pgboss.archive WHERE name = $1 AND state = 'failed'
      ) f ORDER BY completed_on DESC LIMIT $2`,
      [INGEST_QUEUE, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      document: String(r.data?.document?.id ?? "(unknown)"),
      ...(typeof r.data?.where === "string" ? { where: r.data.where } : {}),
      reason: String(r.output?.message ?? r.output?.value?.message ?? "no reason was recorded"),
      attempts: Number(r.retry_count) + 1,
      failedAt: new Date(r.completed_on).toISOString(),
    }));
  });
}

async function withQueue<T>(url: string, fn: (boss: PgBoss) => Promise<T>): Promise<T> {
  const boss = await openQueue(url);
  try {
    return await fn(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
  }
}
