import pg from "pg";
import { z } from "zod";
import { CasebookError, type Tlp, TlpSchema } from "../../model/index.ts";

/**
 * The feeds a deployment follows and the items already taken from them, in two tables of the knowledge base's
 * PostgreSQL database beside the queue. Created on first use.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS casebook_feeds (
  id serial PRIMARY KEY,
  url text NOT NULL UNIQUE,
  every_seconds integer NOT NULL CHECK (every_seconds >= 60),
  tlp text NOT NULL,
  etag text,
  last_modified text,
  next_poll_at timestamptz NOT NULL DEFAULT now(),
  last_polled_at timestamptz,
  last_status text,
  failures integer NOT NULL DEFAULT 0,
  items_taken integer NOT NULL DEFAULT 0,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS casebook_feed_items (
  feed_id integer NOT NULL REFERENCES casebook_feeds (id) ON DELETE CASCADE,
  item_key text NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (feed_id, item_key)
);`;

export interface FeedRow {
  id: number;
  url: string;
  everySeconds: number;
  tlp: Tlp;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: Date;
  lastPolledAt: Date | null;
  lastStatus: string | null;
  failures: number;
  itemsTaken: number;
}

export function feedRow(r: Record<string, unknown>): FeedRow {
  return {
    id: Number(r.id),
    url: String(r.url),
    everySeconds: Number(r.every_seconds),
    tlp: r.tlp as Tlp,
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    nextPollAt: r.next_poll_at as Date,
    lastPolledAt: (r.last_polled_at as Date | null) ?? null,
    lastStatus: (r.last_status as string | null) ?? null,
    failures: Number(r.failures),
    itemsTaken: Number(r.items_taken),
  };
}

/** "15m", "1h", "90s", "2d" → seconds; at least a minute, so no feed is hammered. */
export function parseEvery(text: string): number {
  const m = /^\s*(\d+)\s*(s|m|h|d)\s*$/i.exec(text);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(m?.[2] ?? "").toLowerCase() as "s" | "m" | "h" | "d"];
  const seconds = m && unit ? Number(m[1]) * unit : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 60) {
    throw new CasebookError(
      "BAD_FIELD",
      `--every takes a duration of at least a minute such as 15m, 1h or 1d, not "${text}".`,
    );
  }
  return seconds;
}

const FeedUrlSchema = z.url({ protocol: /^https?$/ });

/** The feed registry of one database. */
export class FeedRegistry {
  private constructor(readonly pool: pg.Pool) {}

  static async open(url: string): Promise<FeedRegistry> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {});
    // two processes creating the tables at once would collide: one after the other, in one transaction
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(727002)");
      await client.query(SCHEMA);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      await pool.end();
      throw err;
    } finally {
      client.release();
    }
    return new FeedRegistry(pool);
  }

  async add(feedUrl: string, everySeconds: number, tlp: Tlp = "clear"): Promise<FeedRow> {
    if (!FeedUrlSchema.safeParse(feedUrl).success) {
      throw new CasebookError("BAD_FIELD", `"${feedUrl}" is not an http:// or https:// address of a feed.`);
    }
    TlpSchema.parse(tlp);
    const { rows } = await this.pool.query(
      `INSERT INTO casebook_feeds (url, every_seconds, tlp) VALUES ($1, $2, $3)
      ON CONFLICT (url) DO UPDATE SET every_seconds = excluded.every_seconds, tlp = excluded.tlp RETURNING *`,
      [feedUrl, everySeconds, tlp],
    );
    return feedRow(rows[0]);
  }

  async list(): Promise<FeedRow[]> {
    const { rows } = await this.pool.query("SELECT * FROM casebook_feeds ORDER BY id");
    return rows.map(feedRow);
  }

  /** Removes a feed by its URL or number; false when there was none. */
  async remove(which: string): Promise<boolean> {
    const byId = /^\d+$/.test(which);
    const { rowCount } = await this.pool.query(
      `DELETE FROM casebook_feeds WHERE ${byId ? "id = $1::int" : "url = $1"}`,
      [which],
    );
    return (rowCount ?? 0) > 0;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
