import { CasebookError, type ErrorRecord } from "../model/index.ts";

/** Code of failures that are not the input's fault: a bug in a stage, reported without stopping the batch. */
export const EXTRACT_FAILED = "EXTRACT_FAILED";

/** The error record a batch writes in place of a record; the message is the sentence a person reads. */
export function errorRecord(id: string, err: unknown): ErrorRecord {
  if (err instanceof CasebookError) return { document: { id }, error: err.message, code: err.code };
  const detail = err instanceof Error ? err.message : String(err);
  return {
    document: { id },
    error: `Extraction failed unexpectedly: ${detail.replace(/\.?$/, ".")}`,
    code: EXTRACT_FAILED,
  };
}
