import { createHash } from "node:crypto";

/** A kept answer: its JSON as bytes, ready to send as is, and the entity tag that names it. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
}

/**
 * Answers of read routes, kept until the knowledge base changes: each entry remembers the store's data version
 * it was computed at (see `Store.dataVersion`), so a write by this server or by any other process (a
 * `casebook ingest` beside it) makes it stale. Keys include the reader's clearance. Least recently used entries
 * go first; large answers are not kept. Answers are kept as bytes, so a hit costs no encoding.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { version: string; answer: CachedAnswer }>();
  constructor(
    private readonly maxEntries = 1000,
    private readonly maxBytes = 512 * 1024,
  ) {}

  get(key: string, version: string | null): CachedAnswer | undefined {
    if (version === null) return undefined;
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.answer;
  }

  /** Keeps `json` (when the version is known and it is small enough) and returns it as an answer either way. */
  set(key: string, version: string | null, json: string): CachedAnswer {
    const answer = answerOf(json);
    if (version === null || answer.body.length > this.maxBytes) return answer;
    this.entries.delete(key);
    this.entries.set(key, { version, answer });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return answer;
  }
}

export function answerOf(json: string): CachedAnswer {
  const body = Buffer.from(json, "utf8");
  // a strong tag from the bytes themselves: equal answers get equal tags across restarts and servers
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  return { body, etag };
}

/** True when the request's If-None-Match names `etag` (or is `*`). */
export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  if (value.trim() === "*") return true;
  return value.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}
