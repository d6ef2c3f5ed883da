import { openPostgresStore } from "./postgres/pg-store.ts";
import { openSqliteStore } from "./sqlite/sqlite-store.ts";
import type { Store } from "./store.ts";

/** True for a PostgreSQL connection URL (postgres:// or postgresql://); anything else names an SQLite file. */
export function isPostgresUrl(where: string): boolean {
  return /^postgres(ql)?:\/\//i.test(where.trim());
}

export interface OpenOptions {
  /** Refuse to create a knowledge base: for commands that only read. */
  mustExist?: boolean;
  /** Connections to keep open (PostgreSQL only). */
  connections?: number;
}

/** Opens the knowledge base `where` names: PostgreSQL for a postgres:// URL, else the SQLite file. */
export function openStore(where: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(where)) return openPostgresStore(where.trim(), options);
  return openSqliteStore(where, options.mustExist ? { mustExist: true } : {});
}
