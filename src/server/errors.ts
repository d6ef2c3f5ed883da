import { ZodError } from "zod";
import { isSentenceError } from "../model/store-errors.ts";

/** An HTTP error whose message is a sentence for the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const STATUS: Record<string, number> = {
  UNKNOWN_ID: 404,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  DB_UNREADABLE: 503,
  SCHEMA_TOO_NEW: 503,
};

/** The status, code and sentence a failure is answered with; unexpected failures say so without details. */
export function describeError(err: unknown): { status: number; code: string; error: string } {
  if (err instanceof HttpError) return { status: err.status, code: err.code, error: err.message };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const where = issue?.path.length ? `"${issue.path.join(".")}": ` : "";
    return {
      status: 400,
      code: "BAD_REQUEST",
      error: `The request is not valid (${where}${issue?.message ?? "?"}).`,
    };
  }
  if (isSentenceError(err)) return { status: STATUS[err.code] ?? 400, code: err.code, error: err.message };
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413) {
      return { status: 413, code: "TOO_LARGE", error: "The request body is larger than the server accepts." };
    }
    if (e.statusCode === 429) {
      return { status: 429, code: "RATE_LIMITED", error: "Too many requests; wait a minute and try again." };
    }
    return {
      status: e.statusCode,
      code: e.code ?? "BAD_REQUEST",
      error: sentence(e.message ?? "Bad request"),
    };
  }
  return { status: 500, code: "INTERNAL", error: "Something went wrong that Casebook did not expect." };
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
