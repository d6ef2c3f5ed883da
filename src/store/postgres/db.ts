import { createHash } from "node:crypto";
import type { Writable } from "node:stream";
import type pg from "pg";

/** One connection's way to run a statement: named (prepared once per connection) and parameterised. */
export interface Sql {
  rows<Row>(text: string, values?: readonly unknown[]): Promise<Row[]>;
  one<Row>(text: string, values?: readonly unknown[]): Promise<Row | undefined>;
  /** Runs a statement and returns how many rows it changed. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
  /** Runs several statements separated by semicolons, unprepared and without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/**
 * The statements of a transaction. Its connection pipelines: a statement is sent at once, whether or not the
 * answers of those before it have come, and the server runs them in the order sent. So statements that do not
 * wait for each other's answers cost one round trip together, not one each.
 */
export interface TxSql extends Sql {
  /**
   * Sends a statement whose answer nothing waits for; the first failure among those sent (through `onError`,
   * which may turn it into a sentence) is thrown by `settle`, or by the commit.
   */
  send(text: string, values?: readonly unknown[], onError?: (err: unknown) => unknown): void;
  /** Waits for every statement `send` sent since the last `settle`, and throws the first failure. */
  settle(): Promise<void>;
}

/**
 * The answers of statements sent together, in the order sent. When one fails, those after it in the same
 * transaction fail only because it did ("current transaction is aborted"), so the first failure is thrown.
 */
export async function together<T extends readonly unknown[]>(
  pending: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(pending);
  for (const s of settled) if (s.status === "rejected") throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** SQLSTATEs after which a transaction can simply be run again: a deadlock or a serialization conflict. */
const RETRYABLE = new Set(["40P01", "40001"]);
/** Attempts of one transaction before its conflict is reported. */
const ATTEMPTS = 8;

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `cb_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

export function sqlOf(client: pg.PoolClient | pg.Pool): Sql {
  const query = (text: string, values: readonly unknown[] = []) =>
    client.query({ name: statementName(text), text, values: values as unknown[] });
  return {
    async rows<Row>(text: string, values?: readonly unknown[]) {
      return (await query(text, values)).rows as Row[];
    },
    async one<Row>(text: string, values?: readonly unknown[]) {
      return (await query(text, values)).rows[0] as Row | undefined;
    },
    async run(text: string, values?: readonly unknown[]) {
      return (await query(text, values)).rowCount ?? 0;
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

/**
 * Holds the connection's writes back until the end of the current tick, so that the statements a transaction
 * sends one after the other leave in one write, not one system call each.
 */
function corkUntilNextTick(client: pg.PoolClient): void {
  const stream = (client as unknown as { connection?: { stream?: Writable } }).connection?.stream;
  if (!stream || typeof stream.cork !== "function" || stream.writableCorked > 0) return;
  stream.cork();
  process.nextTick(() => stream.uncork());
}

function txSqlOf(client: pg.PoolClient): TxSql {
  const plain = sqlOf(client);
  const sql: Sql = {
    rows(text, values) {
      corkUntilNextTick(client);
      return plain.rows(text, values);
    },
    one(text, values) {
      corkUntilNextTick(client);
      return plain.one(text, values);
    },
    run(text, values) {
      corkUntilNextTick(client);
      return plain.run(text, values);
    },
    exec: plain.exec,
  };
  let sent: Array<Promise<unknown>> = [];
  return {
    ...sql,
    send(text, values, onError) {
      const answer = sql.run(text, values).catch((err: unknown) => {
        throw onError ? onError(err) : err;
      });
      // awaited by `settle`; until then a failure must not count as unhandled
      answer.catch(() => {});
      sent.push(answer);
    },
    async settle() {
      const waiting = sent;
      sent = [];
      await together(waiting);
    },
  };
}

/**
 * Bumps the data version when the current transaction wrote anything: PostgreSQL assigns a transaction id only
 * on its first write, so a transaction that only read (or found its document a duplicate) leaves it alone.
 */
const BUMP_VERSION =
  "UPDATE data_version SET version = version + 1 WHERE pg_current_xact_id_if_assigned() IS NOT NULL";

/**
 * A value that changes whenever any process commits a change to the knowledge base: the counter every writing
 * transaction bumps, with the database's epoch (a database dropped and created again starts another).
 */
export async function dataVersion(sql: Sql): Promise<string> {
  const row = await sql.one<{ v: string }>("SELECT epoch || '.' || version AS v FROM data_version");
  if (!row) throw new Error("the data version row is missing");
  return row.v;
}

/** A pool of connections to one database, with the clock the store stamps rows with. */
export class Db {
  readonly sql: Sql;
  constructor(
    readonly pool: pg.Pool,
    private readonly clock: () => Date,
  ) {
    this.sql = sqlOf(pool);
  }

  now(): string {
    return this.clock().toISOString();
  }

  /**
   * Runs `fn` in a transaction on one connection, committing what it returns and rolling back what it throws.
   * A deadlock or serialization conflict with another writer runs it again, after a short random pause.
   * A transaction that wrote anything bumps the data version last (see `dataVersion`), unless `versioned` is
   * false (migrations, which run before the version's table exists). BEGIN goes with the first statements of
   * `fn`, and the commit with the last ones it sent (`TxSql.send`): a transaction costs no round trips of its own.
   */
  async transaction<T>(
    fn: (sql: TxSql) => Promise<T>,
    { isolation = "READ COMMITTED", versioned = true }: { isolation?: string; versioned?: boolean } = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      // the server may drop the connection between two statements (a restart): that is an error of the
      // transaction, reported by its next statement, not one that may take the process down
      const onError = (err: Error) => {
        broken = err;
      };
      client.on("error", onError);
      try {
        const sql = txSqlOf(client);
        sql.send(`BEGIN ISOLATION LEVEL ${isolation}`);
        const result = await fn(sql);
        // Last, so that concurrent writers wait on the version's row only for the moment of each commit.
        if (versioned) sql.send(BUMP_VERSION);
        corkUntilNextTick(client);
        const commit = client.query("COMMIT");
        commit.catch(() => {});
        await sql.settle();
        // after a failed statement COMMIT rolls back, and says so: never take that for a commit
        if ((await commit).command !== "COMMIT") throw new Error("the transaction was rolled back");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch((e: Error) => {
          broken = e;
        });
        const code = (err as { code?: string }).code;
        if (code === undefined || !RETRYABLE.has(code) || attempt >= ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    }
  }
}
