import type { Sql } from "./db.ts";

/** Advisory locks held until the end of the current transaction, taken at most once each. */
export interface KeyLocks {
  /** Takes the locks of `keys` not yet held, in a fixed order; true when it took any. */
  take(keys: readonly string[]): Promise<boolean>;
}

/**
 * Keys are hashed to PostgreSQL's 64-bit advisory lock space; two keys sharing a hash only make two saves wait
 * for each other. Taking them sorted keeps two saves from waiting on each other in opposite orders, within
 * one call; keys added after a lookup may still cross, and PostgreSQL then undoes one save (deadlock_detected),
 * which runs again.
 */
export function lockKeys(sql: Sql): KeyLocks {
  const held = new Set<string>();
  return {
    async take(keys) {
      const fresh = [...new Set(keys)].filter((k) => !held.has(k)).sort();
      if (fresh.length === 0) return false;
      await sql.run("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k", [
        fresh,
      ]);
      for (const k of fresh) held.add(k);
      return true;
    },
  };
}
