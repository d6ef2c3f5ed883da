import { StoreError } from "../../model/store-errors.ts";

/**
 * Words of a search as a PostgreSQL tsquery that cannot be a syntax error, meaning what the SQLite backend's
 * FTS5 query means: every term must occur, "phrases" are words in a row, and prefix* matches a word's start.
 */
export function tsQuery(query: string): string {
  const quote = (w: string) => `'${w.toLowerCase().replace(/'/g, "''")}'`;
  const terms = [...query.matchAll(/"([^"]*)"|([\p{L}\p{N}_]+)(\*)?/gu)]
    .map((m) => {
      if (m[1] !== undefined) {
        const words = m[1].match(/[\p{L}\p{N}_]+/gu);
        return words ? `(${words.map(quote).join(" <-> ")})` : "";
      }
      return `${quote(m[2] ?? "")}${m[3] ? ":*" : ""}`;
    })
    .filter((t) => t !== "");
  if (terms.length === 0) {
    throw new StoreError("BAD_QUERY", `The search "${query}" has no words to look for.`);
  }
  return terms.join(" & ");
}
