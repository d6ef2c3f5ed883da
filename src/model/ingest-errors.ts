/**
 * Errors of reading sources in bulk (feeds, folders) that the extraction contract's codes do not cover. Like
 * `CasebookError`, `code` is stable for programs and `message` is a sentence for people.
 */
export type IngestErrorCode =
  /** an RSS/Atom file that is not well-formed XML, or XML that is neither RSS nor Atom */
  | "BAD_FEED"
  /** a file of a kind Casebook does not read */
  | "UNSUPPORTED_FILE";

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  constructor(code: IngestErrorCode, message: string) {
    super(message);
    this.name = "IngestError";
    this.code = code;
  }
}
