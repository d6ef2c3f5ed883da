import { parentPort, workerData } from "node:worker_threads";
import { extract, type GroupRow } from "../extract/index.ts";
import type { Document } from "../model/index.ts";
import { isSentenceError } from "../model/store-errors.ts";

/** An extraction worker: documents in, records (or the error, as plain data) out, tagged with the job's id. */
export interface ExtractJob {
  id: number;
  doc: Document;
}

export type ExtractDone =
  | { id: number; record: ReturnType<typeof extract> }
  | { id: number; error: { name: string; code?: string; message: string; sentence: boolean } };

/** threat groups of imported catalogues, handed over when the worker starts */
const groups: GroupRow[] = (workerData as { groups?: GroupRow[] } | null)?.groups ?? [];

parentPort?.on("message", ({ id, doc }: ExtractJob) => {
  let done: ExtractDone;
  try {
    done = { id, record: extract(doc, { groups }) };
  } catch (err) {
    const sentence = isSentenceError(err);
    done = {
      id,
      error: {
        name: err instanceof Error ? err.name : "Error",
        ...(sentence ? { code: err.code } : {}),
        message: err instanceof Error ? err.message : String(err),
        sentence,
      },
    };
  }
  parentPort?.postMessage(done);
});
parentPort?.postMessage({ ready: true });
