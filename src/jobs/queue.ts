import PgBoss from "pg-boss";
import { CasebookError } from "../model/index.ts";
import { isPostgresUrl } from "../service/index.ts";

/** The queue of documents waiting to be extracted and stored. */
export const INGEST_QUEUE = "casebook-ingest";

/** How jobs are retried and when a silent worker's job is given to another; tests shorten them. */
export interface QueueSettings {
  /** attempts after the first before a job is failed for good (default 4) */
  retryLimit: number;
  /** seconds before the first retry; each later one waits about twice as long (default 10) */
  retryDelay: number;
  /** seconds a job may stay active before it is taken to have died with its worker (default 120) */
  expireSeconds: number;
}

export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback;
  };
  return {
    retryLimit: num("CASEBOOK_JOB_RETRIES", 4),
    retryDelay: num("CASEBOOK_JOB_RETRY_DELAY", 10),
    expireSeconds: Math.max(1, num("CASEBOOK_JOB_TIMEOUT", 120)),
  };
}

/**
 * The job queue, kept by pg-boss in the schema `pgboss` of the knowledge base's own PostgreSQL database: one
 * engine for facts and work, so a deployment runs one server. The queue is created on first use.
 */
export async function openQueue(url: string, settings: QueueSettings = queueSettings()): Promise<PgBoss> {
  if (!isPostgresUrl(url)) {
    throw new CasebookError(
      "BAD_FIELD",
      `The queue lives in a PostgreSQL knowledge base; "${url}" is not a postgres:// URL (give it with --db or CASEBOOK_DB).`,
    );
  }
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    // workers keep their own time: expiry is checked by `expireStale`, archiving by the defaults
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, settings.expireSeconds)),
  });
  // a lost connection (a server restart) is reported here; the pool reconnects on the next statement
  boss.on("error", () => {});
  await boss.start();
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss
      .createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelay,
        retryBackoff: true,
        expireInSeconds: settings.expireSeconds,
      })
      .catch(async (err) => {
        // another process created it at the same moment
        if (!(await boss.getQueue(INGEST_QUEUE))) throw err;
      });
  }
  return boss;
}
