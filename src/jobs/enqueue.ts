import { createHash } from "node:crypto";
import pg from "pg";
import type PgBoss from "pg-boss";
import { type Document, stableId } from "../model/index.ts";
import type { IngestJob } from "./payload.ts";
import { INGEST_QUEUE, openQueue } from "./queue.ts";

/** A producer of ingest jobs: `casebook ingest --queue` and the feed scheduler hand documents to it. */
export interface Enqueuer {
  /**
   * Queues a document; false when a job for the same text was queued before (its id derives from the sha256).
   * Documents handed over without waiting for the ones before are queued in the order they were handed over.
   */
  enqueue(doc: Document, where?: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function openEnqueuer(url: string): Promise<Enqueuer> {
  const boss: PgBoss = await openQueue(url);
  const line = pipelinedConnection(url);
  return {
    async enqueue(doc, where) {
      const job: IngestJob = { document: doc, ...(where === undefined ? {} : { where }) };
      // one job per text: sending the same document again (a re-run, a feed polled twice) adds nothing
      const id = await boss.send(INGEST_QUEUE, job, { id: stableId("ingest-job", doc.sha256), db: line });
      return id !== null;
    },
    async close() {
      await line.close();
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
    },
  };
}

/**
 * Makes everything committed on the connection before it durable: a transaction that commits with
 * synchronous_commit on waits until the log is on disk up to its commit, and the log is written in order.
 * (`pg_current_xact_id` gives the transaction an id, without which its commit would write nothing.)
 */
const FLUSH = "BEGIN; SET LOCAL synchronous_commit = on; SELECT pg_current_xact_id(); COMMIT";

/**
 * One connection on which each statement is sent as it comes, without waiting for the answers of those before:
 * jobs sent one after another are inserted in that order (their creation times, by which workers take them,
 * follow it), at the pace of the server rather than of round trips. Inserts commit without waiting for the
 * disk; after each burst of them one commit that does wait makes the whole burst durable, and each insert is
 * answered only then, so a queued job survives a crash of the server as it always did, for one disk write per
 * burst instead of one per job. A connection that breaks (a server restart) fails the statements in flight and
 * is replaced by the next one.
 */
function pipelinedConnection(url: string): PgBoss.Db & { close(): Promise<void> } {
  let connection: Promise<pg.Client> | undefined;
  /** the flush that the inserts sent in this tick wait for, before it is sent */
  let nextFlush: Promise<unknown> | undefined;
  const open = (): Promise<pg.Client> => {
    connection ??= (async () => {
      const client = new pg.Client({ connectionString: asyncCommitUrl(url), pipeline: true });
      client.on("error", () => {
        connection = undefined;
      });
      await client.connect();
      return client;
    })();
    const opening = connection;
    opening.catch(() => {
      if (connection === opening) connection = undefined;
    });
    return opening;
  };
  const flushAfter = (client: pg.Client): Promise<unknown> => {
    nextFlush ??= new Promise((resolve, reject) => {
      // after every insert of this tick has been sent
      setImmediate(() => {
        nextFlush = undefined;
        client.query(FLUSH).then(resolve, reject);
      });
    });
    return nextFlush;
  };
  return {
    async executeSql(text: string, values?: unknown[]) {
      const client = await open();
      // prepared once per connection: the server plans pg-boss's insert once, not for every job
      const answer = client.query({ name: statementName(text), text, values: values ?? [] });
      const durable = flushAfter(client);
      durable.catch(() => {});
      const result = await answer;
      await durable;
      return result;
    },
    async close() {
      const client = await connection?.catch(() => undefined);
      connection = undefined;
      await client?.end().catch(() => {});
    },
  };
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `cb_job_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/** The URL with commits that do not wait for the disk (see `FLUSH` for when they do). */
function asyncCommitUrl(url: string): string {
  try {
    const u = new URL(url);
    u.searchParams.set("options", `${u.searchParams.get("options") ?? ""} -c synchronous_commit=off`.trim());
    return u.toString();
  } catch {
    return url;
  }
}
