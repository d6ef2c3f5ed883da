import type { Sql } from "./db.ts";

/** Advisory locks held until the end of the current transaction, taken at most once each. */
export interface KeyLocks {
  /** Takes the locks of `keys` not yet held, in a fixed order; true when it took any. */
  take(keys: readonly string[]): Promise<boolean>;
  /** Takes the locks of `keys` not yet held that are free now, without waiting; returns those it could not. */
  tryTake(keys: readonly string[]): Promise<string[]>;
}

/**
 * Keys are hashed to PostgreSQL's 64-bit advisory lock space; two keys sharing a hash only make two saves wait
 * for each other. A save waits for locks in one call, sorted, so two saves never wait on each other in opposite
 * orders; keys it finds it needs later it only tries to take (see save.ts).
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
    async tryTake(keys) {
      const fresh = [...new Set(keys)].filter((k) => !held.has(k)).sort();
      if (fresh.length === 0) return [];
      const rows = await sql.rows<{ k: string; ok: boolean }>(
        "SELECT k, pg_try_advisory_xact_lock(hashtextextended(k, 0)) AS ok FROM unnest($1::text[]) AS k",
        [fresh],
      );
      const missing: string[] = [];
      for (const r of rows) {
        if (r.ok) held.add(r.k);
        else missing.push(r.k);
      }
      return missing;
    },
  };
}
