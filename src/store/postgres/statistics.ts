import type { Db } from "./db.ts";

/**
 * The tables the write path looks facts up in. Without statistics PostgreSQL plans a lookup by id as if the
 * table were as small as when the connection first ran it: the plan it keeps for a prepared statement then
 * reads the whole table for every document, and a store of 100,000 documents slows to a crawl.
 */
const TABLES = [
  "sources",
  "parties",
  "incidents",
  "incident_victims",
  "incident_types",
  "incident_sources",
  "claims",
  "claim_incidents",
  "claim_sources",
  "responses",
  "response_incidents",
  "response_sources",
  "evidence",
];

/** Documents a process saves between two looks at how much the tables changed. */
const LOOK_EVERY = 256;

/**
 * A table whose rows changed by more than it held at its last ANALYZE (and by more than 50) is analyzed again;
 * one never analyzed counts as empty. Between two, the planner scales the row counts by the table's size, so
 * a plan only needs the shape of the data, and a table that doubled is analyzed some 17 times on its way to
 * 100,000 documents (autovacuum's own rule, a tenth, would make that 70).
 */
const STALE = `SELECT c.relname AS name FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.schemaname = current_schema() AND c.relname = ANY($1::text[])
    AND s.n_mod_since_analyze > 50 + greatest(c.reltuples, 0)
  ORDER BY c.relname`;

/** One process at a time analyzes: the others find the tables fresh when they look next. */
const LOCK_KEY = "casebook:analyze";

/**
 * Keeps the planner's statistics of the knowledge base's tables up to date as documents are saved, whether or
 * not the server's autovacuum runs (it may be turned off, and it comes round only once a minute; a busy
 * ingest doubles a young store in less). After every LOOK_EVERY documents a process saves, the tables that
 * changed by more than they held are analyzed, in the background: saves go on meanwhile, and ANALYZE makes every
 * connection plan its statements again.
 */
export class StatisticsKeeper {
  private saved = 0;
  private running: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  /** Counts `n` documents saved; may start an ANALYZE of the tables that need one. */
  noteSaved(n: number): void {
    const before = this.saved;
    this.saved += n;
    if (Math.floor(before / LOOK_EVERY) === Math.floor(this.saved / LOOK_EVERY) || this.running) return;
    this.running = this.refresh()
      .then(() => {})
      // statistics are an aid to the planner: a failure (the server restarting) waits for the next look
      .catch(() => {})
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Waits for an ANALYZE under way, before the pool closes. */
  async settle(): Promise<void> {
    await this.running;
  }

  /** Analyzes the tables that changed enough; returns their names (none when another process is at it). */
  async refresh(): Promise<string[]> {
    return this.db.transaction(
      async (sql) => {
        const lock = await sql.one<{ ok: boolean }>(
          "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok",
          [LOCK_KEY],
        );
        if (!lock?.ok) return [];
        const stale = (await sql.rows<{ name: string }>(STALE, [TABLES])).map((r) => r.name);
        if (stale.length > 0) await sql.exec(`ANALYZE ${stale.join(", ")}`);
        return stale;
      },
      { versioned: false },
    );
  }
}
