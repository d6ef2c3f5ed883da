import { failedJobs, jobCounts, runWorker } from "../jobs/index.ts";
import { CasebookError } from "../model/index.ts";
import { dbPath, redactUrl } from "../service/index.ts";
import type { CliIo } from "./io.ts";

export interface WorkerCommandOptions {
  db?: string;
  concurrency?: string;
  exitWhenIdle?: boolean;
  quiet?: boolean;
}

/**
 * `casebook worker`: works on the ingest queue until stopped (SIGINT/SIGTERM finish the jobs in hand), printing
 * a line per failed job and a summary every ten seconds of work, on stderr.
 */
export async function runWorkerCommand(opts: WorkerCommandOptions, io: CliIo): Promise<void> {
  const url = dbPath(opts.db);
  const concurrency = opts.concurrency === undefined ? 1 : Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new CasebookError(
      "BAD_FIELD",
      `--concurrency takes a whole number from 1 to 64, not "${opts.concurrency}".`,
    );
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let done = 0;
  let lastReport = Date.now();
  io.stderr.write(`worker ${process.pid} on ${redactUrl(url)}: waiting for jobs\n`);
  const stats = await runWorker({
    url,
    concurrency,
    exitWhenIdle: opts.exitWhenIdle === true,
    signal: stop.signal,
    onEvent: (e) => {
      if (e.kind === "failed") io.stderr.write(`job ${e.job} failed: ${e.reason}\n`);
      else if (e.kind === "unavailable")
        io.stderr.write(`the database is unavailable (${e.reason}); retrying\n`);
      else if (e.kind === "notice") io.stderr.write(`${e.message}\n`);
      else done++;
      if (!opts.quiet && Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        io.stderr.write(`worker ${process.pid}: ${done} documents done\n`);
      }
    },
  });
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  io.stdout.write(
    `worker ${process.pid} stopped: ${stats.stored} stored, ${stats.duplicates} duplicates, ${stats.failed} failed attempts\n`,
  );
}

export interface JobsCommandOptions {
  db?: string;
  failed?: boolean;
  json?: boolean;
  limit?: string;
}

/** `casebook jobs [--failed]`: the queue's progress, or the jobs that failed for good with their reasons. */
export async function runJobsCommand(opts: JobsCommandOptions, io: CliIo): Promise<void> {
  const url = dbPath(opts.db);
  if (opts.failed) {
    const limit = opts.limit === undefined ? 100 : Number(opts.limit);
    const list = await failedJobs(url, Number.isInteger(limit) && limit > 0 ? limit : 100);
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return;
    }
    if (list.length === 0) io.stdout.write("no job has failed\n");
    for (const j of list) {
      io.stdout.write(
        `${j.failedAt}  ${j.document}${j.where ? ` (${j.where})` : ""}  after ${j.attempts} attempts: ${j.reason}\n`,
      );
    }
    return;
  }
  const c = await jobCounts(url);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(c)}\n`);
    return;
  }
  const all = c.queued + c.retrying + c.active + c.completed + c.failed;
  const pct = all === 0 ? 100 : Math.round(((c.completed + c.failed) / all) * 100);
  io.stdout.write(
    `jobs: ${c.queued} queued, ${c.retrying} waiting to retry, ${c.active} active, ${c.completed} completed, ` +
      `${c.failed} failed (${pct} % done)\n`,
  );
}
