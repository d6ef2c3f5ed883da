/**
 * Answers of read routes, kept until the knowledge base changes: each entry remembers the store's data version
 * it was computed at (see `Store.dataVersion`), so a write by this server or by any other process (a
 * `casebook ingest` beside it) makes it stale. Keys include the reader's clearance. Least recently used entries
 * go first; large answers are not kept.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { version: string; body: string }>();
  constructor(
    private readonly maxEntries = 1000,
    private readonly maxBytes = 512 * 1024,
  ) {}

  get(key: string, version: string | null): string | undefined {
    if (version === null) return undefined;
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.body;
  }

  set(key: string, version: string | null, body: string): void {
    if (version === null || body.length > this.maxBytes) return;
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
