import { CasebookError, type ErrorCode } from "./errors.ts";
import { IngestError, type IngestErrorCode } from "./ingest-errors.ts";
import { InteropError } from "./interop-errors.ts";

/**
 * Errors of the knowledge base. Kept apart from `CasebookError` so that the extraction contract's codes stay
 * as they are; like it, `code` is stable for programs and `message` is a sentence for people.
 */
export type StoreErrorCode =
  /** the database was written by a newer Casebook than this one */
  | "SCHEMA_TOO_NEW"
  /** the file is not a Casebook database, or it cannot be opened */
  | "DB_UNREADABLE"
  /** a record cannot be stored: its evidence does not quote the text, it refers to facts it does not hold… */
  | "BAD_RECORD"
  /** a save plan does not fit its record or the knowledge base (a fault of resolution, not of the source) */
  | "BAD_PLAN"
  /** a query's filter or search words cannot be understood */
  | "BAD_QUERY"
  /** an analyst's decision names a fact that is not in the knowledge base, or is incomplete */
  | "BAD_DECISION"
  /** an id or id prefix matches nothing, or more than one thing */
  | "UNKNOWN_ID"
  /** an access token cannot be created: no name, an unknown role or clearance, a secret already used */
  | "BAD_TOKEN";

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = "StoreError";
    this.code = code;
  }
}

/** Every code a user-facing Casebook error may carry. */
export type AnyErrorCode = ErrorCode | StoreErrorCode | IngestErrorCode;

/** True for the errors whose message is a sentence meant for the user (as opposed to bugs). */
export function isSentenceError(
  err: unknown,
): err is CasebookError | StoreError | IngestError | InteropError {
  return (
    err instanceof CasebookError ||
    err instanceof StoreError ||
    err instanceof IngestError ||
    err instanceof InteropError
  );
}
