import { Worker } from "node:worker_threads";
import { extract, type GroupRow } from "../extract/index.ts";
import { CasebookError, type Document, type DocumentRecord, type ErrorCode } from "../model/index.ts";
import { IngestError, type IngestErrorCode } from "../model/ingest-errors.ts";
import { StoreError, type StoreErrorCode } from "../model/store-errors.ts";
import type { ExtractDone } from "./extract-worker.ts";

/** Extraction as a service the ingest pipeline awaits: in this thread, or spread over worker threads. */
export interface Extractor {
  extract(doc: Document): Promise<DocumentRecord>;
  /** Settles once the extractor can take documents without waiting to start (threads take a moment). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Extraction in the calling thread: the default, and what a pool falls back on. */
export const inlineExtractor: Extractor = {
  extract: async (doc) => extract(doc),
  ready: async () => {},
  close: async () => {},
};

/** Extraction in the calling thread that also knows the threat groups of imported catalogues. */
export function inlineExtractorWith(groups?: readonly GroupRow[]): Extractor {
  if (!groups?.length) return inlineExtractor;
  return { extract: async (doc) => extract(doc, { groups }), ready: async () => {}, close: async () => {} };
}

const WORKER = new URL("./extract-worker.mjs", import.meta.url);

interface Job {
  doc: Document;
  resolve: (r: DocumentRecord) => void;
  reject: (e: unknown) => void;
}

/**
 * `size` worker threads extracting documents while the calling thread stores them. Jobs go to the started
 * worker with the fewest in hand (the calling thread extracts while none has started); results come back in any
 * order and each promise settles with its own. A worker that cannot start (no TypeScript loader, say) or dies
 * hands its jobs back to the calling thread, which then extracts everything itself: a pool is an optimisation,
 * never a reason for ingest to fail.
 */
export function startExtractPool(size: number, groups?: readonly GroupRow[]): Extractor {
  const inline = inlineExtractorWith(groups);
  const workers: Array<{ worker: Worker; jobs: Map<number, Job>; ready: boolean }> = [];
  let broken = false;
  let next = 0;
  const started: Array<Promise<void>> = [];
  const fallBack = (jobs: Map<number, Job>) => {
    for (const job of jobs.values()) inline.extract(job.doc).then(job.resolve, job.reject);
    jobs.clear();
  };
  for (let k = 0; k < size; k++) {
    const worker = new Worker(WORKER, { workerData: { groups: groups ?? [] } });
    const slot = { worker, jobs: new Map<number, Job>(), ready: false };
    worker.unref();
    // a worker that fails to start counts as started: its jobs go back to the calling thread
    started.push(
      new Promise<void>((resolve) => {
        worker.once("message", () => resolve());
        worker.once("error", () => resolve());
        worker.once("exit", () => resolve());
      }),
    );
    worker.on("message", (m: ExtractDone | { ready: true }) => {
      if ("ready" in m) {
        slot.ready = true;
        return;
      }
      const job = slot.jobs.get(m.id);
      if (!job) return;
      slot.jobs.delete(m.id);
      if ("record" in m) job.resolve(m.record);
      else job.reject(revive(m.error));
    });
    const fail = () => {
      broken = true;
      for (const w of workers) fallBack(w.jobs);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail();
    });
    workers.push(slot);
  }
  return {
    extract(doc) {
      if (broken) return inline.extract(doc);
      // a thread takes a second or two to load the extractor: until one has, the calling thread extracts
      // rather than wait with nothing to store
      const ready = workers.filter((w) => w.ready);
      if (ready.length === 0) return inline.extract(doc);
      const slot = ready.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = next++;
      return new Promise<DocumentRecord>((resolve, reject) => {
        slot.jobs.set(id, { doc, resolve, reject });
        slot.worker.postMessage({ id, doc });
      });
    },
    async ready() {
      await Promise.all(started);
    },
    async close() {
      broken = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** An error sent across threads as data, made the error it was: sentences stay sentences. */
function revive(e: Extract<ExtractDone, { error: unknown }>["error"]): Error {
  if (e.sentence && e.code !== undefined) {
    if (e.name === "StoreError") return new StoreError(e.code as StoreErrorCode, e.message);
    if (e.name === "IngestError") return new IngestError(e.code as IngestErrorCode, e.message);
    return new CasebookError(e.code as ErrorCode, e.message);
  }
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
