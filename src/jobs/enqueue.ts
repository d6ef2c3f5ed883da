import type PgBoss from "pg-boss";
import { type Document, stableId } from "../model/index.ts";
import type { IngestJob } from "./payload.ts";
import { INGEST_QUEUE, openQueue } from "./queue.ts";

/** A producer of ingest jobs: `casebook ingest --queue` and the feed scheduler hand documents to it. */
export interface Enqueuer {
  /** Queues a document; false when a job for the same text was queued before (its id derives from the sha256). */
  enqueue(doc: Document, where?: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function openEnqueuer(url: string): Promise<Enqueuer> {
  const boss: PgBoss = await openQueue(url);
  return {
    async enqueue(doc, where) {
      const job: IngestJob = { document: doc, ...(where === undefined ? {} : { where }) };
      // one job per text: sending the same document again (a re-run, a feed polled twice) adds nothing
      const id = await boss.send(INGEST_QUEUE, job, { id: stableId("ingest-job", doc.sha256) });
      return id !== null;
    },
    async close() {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
    },
  };
}
