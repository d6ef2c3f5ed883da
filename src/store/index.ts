/** The knowledge base: the Store interface and its backends. Imports nothing of ours but the model. */
export { DEFAULT_LIMIT, dateRange, MAX_LIMIT, normalizeFilter } from "./filter.ts";
export { sourceId } from "./ids.ts";
export { isPostgresUrl, type OpenOptions, openStore } from "./open.ts";
export { openPostgresStore, type PostgresOptions, redactUrl } from "./postgres/pg-store.ts";
export { openSqliteStore, type SqliteOptions } from "./sqlite/sqlite-store.ts";
export type { Store } from "./store.ts";
