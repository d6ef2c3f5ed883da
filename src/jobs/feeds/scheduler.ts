import { feedItemDocument, feedItemKey, readFeed } from "../../service/index.ts";
import type { Enqueuer } from "../enqueue.ts";
import { openEnqueuer } from "../enqueue.ts";
import { httpGet } from "./http.ts";
import { FeedRegistry, type FeedRow, feedRow } from "./registry.ts";

/** What one poll of one feed did. */
export interface PollResult {
  feed: string;
  /** 304: unchanged since the last poll, nothing fetched */
  notModified: boolean;
  items: number;
  /** items seen before, not fetched again */
  known: number;
  queued: number;
  /** items whose page could not be fetched or read: tried again at the next poll */
  failed: number;
  error?: string;
}

/** Pages of one feed fetched at once. */
const PAGE_CONCURRENCY = 4;
/** Longest pause after repeated failures of a feed. */
const MAX_BACKOFF_SECONDS = 24 * 3600;
/** A feed being polled is not due for others for this long (a scheduler that dies frees it after it). */
const LEASE_SECONDS = 600;

/**
 * Polls one feed: a conditional GET (If-None-Match / If-Modified-Since from the last answer), and for each item
 * not taken before, its page fetched, read into a document and queued. Each item is claimed in the registry
 * before its page is fetched, so no two pollers fetch it and no poll fetches it again; an item whose page fails
 * is released to be tried at the next poll.
 */
export async function pollFeed(reg: FeedRegistry, queue: Enqueuer, feed: FeedRow): Promise<PollResult> {
  const result: PollResult = { feed: feed.url, notModified: false, items: 0, known: 0, queued: 0, failed: 0 };
  const got = await httpGet(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
  if (got.status === 304 || !got.body) {
    result.notModified = true;
    return result;
  }
  const parsed = readFeed(got.body);
  result.items = parsed.entries.length;
  const todo = [...parsed.entries];
  const next = async (): Promise<void> => {
    for (let entry = todo.shift(); entry; entry = todo.shift()) {
      const key = feedItemKey(entry);
      const claimed = await reg.pool.query(
        "INSERT INTO casebook_feed_items (feed_id, item_key) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        [feed.id, key],
      );
      if ((claimed.rowCount ?? 0) === 0) {
        result.known++;
        continue;
      }
      try {
        const page = entry.link ? (await httpGet(entry.link)).body : undefined;
        const doc = feedItemDocument(entry, parsed, page, { tlp: feed.tlp });
        await queue.enqueue(doc, `${feed.url} item ${entry.index}`);
        result.queued++;
      } catch {
        result.failed++;
        await reg.pool.query("DELETE FROM casebook_feed_items WHERE feed_id = $1 AND item_key = $2", [
          feed.id,
          key,
        ]);
      }
    }
  };
  await Promise.all(Array.from({ length: PAGE_CONCURRENCY }, next));
  // the validators are kept only when every item was taken: else the next poll must read the feed again
  const complete = result.failed === 0;
  await reg.pool.query(
    `UPDATE casebook_feeds SET etag = CASE WHEN $5 THEN $2 END, last_modified = CASE WHEN $5 THEN $3 END,
      items_taken = items_taken + $4 WHERE id = $1`,
    [feed.id, got.etag ?? null, got.lastModified ?? null, result.queued, complete],
  );
  return result;
}

export interface SchedulerOptions {
  url: string;
  /** poll every feed once, due or not, then return (`casebook feeds poll`) */
  once?: boolean;
  signal?: AbortSignal;
  onPoll?: (result: PollResult) => void;
}

/**
 * The feed scheduler: polls each feed when it is due (every N minutes), backing off on errors (the pause doubles
 * with each failure in a row, up to a day). Several schedulers may run: a due feed is leased to one of them.
 */
export async function runFeedScheduler(opts: SchedulerOptions): Promise<PollResult[]> {
  const reg = await FeedRegistry.open(opts.url);
  const queue = await openEnqueuer(opts.url);
  const results: PollResult[] = [];
  const poll = async (feed: FeedRow) => {
    const result = await pollAndRecord(reg, queue, feed);
    results.push(result);
    opts.onPoll?.(result);
  };
  try {
    if (opts.once) {
      for (const feed of await reg.list()) await poll(feed);
      return results;
    }
    while (!opts.signal?.aborted) {
      const feed = await lease(reg);
      if (feed) await poll(feed);
      else await new Promise((r) => setTimeout(r, 5_000));
    }
  } finally {
    await queue.close();
    await reg.close();
  }
  return results;
}

/** Polls a feed and records when it is due next: after its interval, or later after failures in a row. */
async function pollAndRecord(reg: FeedRegistry, queue: Enqueuer, feed: FeedRow): Promise<PollResult> {
  try {
    const result = await pollFeed(reg, queue, feed);
    await reg.pool.query(
      `UPDATE casebook_feeds SET failures = 0, last_polled_at = now(), last_status = $2,
        next_poll_at = now() + every_seconds * interval '1 second' WHERE id = $1`,
      [feed.id, result.notModified ? "not modified" : `${result.queued} queued, ${result.failed} failed`],
    );
    return result;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await reg.pool.query(
      `UPDATE casebook_feeds SET failures = failures + 1, last_polled_at = now(), last_status = $2,
        next_poll_at = now() + least($3, every_seconds * power(2, failures + 1)) * interval '1 second'
      WHERE id = $1`,
      [feed.id, error, MAX_BACKOFF_SECONDS],
    );
    return { feed: feed.url, notModified: false, items: 0, known: 0, queued: 0, failed: 0, error };
  }
}

/** Takes the next due feed; its lease moves its next poll on, so no other scheduler takes it meanwhile. */
async function lease(reg: FeedRegistry): Promise<FeedRow | undefined> {
  const { rows } = await reg.pool.query(
    `UPDATE casebook_feeds SET next_poll_at = now() + $1 * interval '1 second'
    WHERE id = (SELECT id FROM casebook_feeds WHERE next_poll_at <= now()
      ORDER BY next_poll_at FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING *`,
    [LEASE_SECONDS],
  );
  return rows[0] ? feedRow(rows[0]) : undefined;
}
