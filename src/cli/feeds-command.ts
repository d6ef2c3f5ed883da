import { FeedRegistry, parseEvery, runFeedScheduler } from "../jobs/index.ts";
import { CasebookError, type Tlp } from "../model/index.ts";
import { dbPath, isPostgresUrl } from "../service/index.ts";
import type { CliIo } from "./io.ts";

interface FeedsOptions {
  db?: string;
}

function queueDb(opts: FeedsOptions): string {
  const url = dbPath(opts.db);
  if (!isPostgresUrl(url)) {
    throw new CasebookError(
      "BAD_FIELD",
      "Feeds feed the queue of a PostgreSQL knowledge base: give it with --db postgres://… or CASEBOOK_DB.",
    );
  }
  return url;
}

async function withRegistry<T>(opts: FeedsOptions, fn: (reg: FeedRegistry) => Promise<T>): Promise<T> {
  const reg = await FeedRegistry.open(queueDb(opts));
  try {
    return await fn(reg);
  } finally {
    await reg.close();
  }
}

export async function runFeedsAdd(
  url: string,
  opts: FeedsOptions & { every?: string; tlp?: Tlp },
  io: CliIo,
): Promise<void> {
  const every = parseEvery(opts.every ?? "15m");
  const feed = await withRegistry(opts, (reg) => reg.add(url, every, opts.tlp ?? "clear"));
  io.stdout.write(
    `feed ${feed.id}: ${feed.url}, polled every ${describeEvery(feed.everySeconds)}, TLP ${feed.tlp}\n`,
  );
}

export async function runFeedsList(opts: FeedsOptions & { json?: boolean }, io: CliIo): Promise<void> {
  const feeds = await withRegistry(opts, (reg) => reg.list());
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(feeds, null, 2)}\n`);
    return;
  }
  if (feeds.length === 0) io.stdout.write('no feeds; add one with "casebook feeds add URL"\n');
  for (const f of feeds) {
    const last = f.lastPolledAt
      ? `last polled ${f.lastPolledAt.toISOString()} (${f.lastStatus})`
      : "not polled yet";
    const failing = f.failures > 0 ? `, ${f.failures} failures in a row` : "";
    io.stdout.write(
      `${f.id}  ${f.url}  every ${describeEvery(f.everySeconds)}, TLP ${f.tlp}, ${f.itemsTaken} items taken, ` +
        `${last}${failing}, next ${f.nextPollAt.toISOString()}\n`,
    );
  }
}

export async function runFeedsRemove(which: string, opts: FeedsOptions, io: CliIo): Promise<void> {
  const removed = await withRegistry(opts, (reg) => reg.remove(which));
  if (!removed)
    throw new CasebookError("NOT_FOUND", `No feed is "${which}"; "casebook feeds list" lists them.`);
  io.stdout.write(`removed feed ${which}\n`);
}

/** `feeds poll` (every feed once, now) and `feeds run` (the scheduler, until stopped). */
export async function runFeedsPoll(opts: FeedsOptions & { once: boolean }, io: CliIo): Promise<void> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await runFeedScheduler({
      url: queueDb(opts),
      once: opts.once,
      signal: stop.signal,
      onPoll: (r) => {
        const what = r.error
          ? `failed: ${r.error}`
          : r.notModified
            ? "not modified (304), nothing fetched"
            : `${r.items} items: ${r.queued} queued, ${r.known} seen before, ${r.failed} failed`;
        io.stdout.write(`${r.feed}: ${what}\n`);
      },
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function describeEvery(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
