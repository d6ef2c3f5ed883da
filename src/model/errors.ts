/** Errors users see. `code` is stable for programs; `message` is a sentence for people. */
export type ErrorCode =
  | "EMPTY_INPUT"
  | "BINARY_INPUT"
  | "INVALID_UTF8"
  | "TOO_LARGE"
  | "NO_ARTICLE_BODY"
  | "BAD_DATE"
  | "MISSING_DATE"
  | "BAD_JSON"
  | "BAD_FIELD"
  | "NOT_FOUND";

export class CasebookError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "CasebookError";
    this.code = code;
  }
}
