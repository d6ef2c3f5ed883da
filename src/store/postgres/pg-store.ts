import pg from "pg";
import type {
  CandidateQuery,
  CatalogueEntry,
  Document,
  DocumentRecord,
  ReadScope,
  Resolver,
  SaveItem,
  TokenInput,
} from "../../model/index.ts";
import type {
  DecisionInput,
  FactListOptions,
  IncidentFilter,
  IncidentReadOptions,
} from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import type { Store } from "../store.ts";
import * as access from "./access.ts";
import { findCandidates } from "./candidates.ts";
import * as catalog from "./catalog.ts";
import * as catalogue from "./catalogue.ts";
import { Db, dataVersion } from "./db.ts";
import * as decisions from "./decisions.ts";
import * as facts from "./facts.ts";
import * as incidents from "./incidents.ts";
import { loadPgMigrations, migratePg } from "./migrate.ts";
import { reprocess } from "./reprocess.ts";
import { saveDocument, saveDocuments } from "./save.ts";
import { StatisticsKeeper } from "./statistics.ts";

export interface PostgresOptions {
  /** Refuse a database that holds no knowledge base yet: for commands that only read. */
  mustExist?: boolean;
  /** The clock of ingested_at and of decisions; tests set it. */
  now?: () => Date;
  /** Another folder of migrations (tests). */
  migrationsDir?: string;
  /** Connections of the pool (default 4). */
  connections?: number;
}

/** A connection URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@]*@/, "$1***@");
}

/**
 * Opens the PostgreSQL knowledge base at `url` (postgres://user@host:port/database) and brings its schema up to
 * date. Connections come from a pool; one that breaks (a server restart) is dropped and the next statement
 * opens a new one.
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const where = redactUrl(url);
  // pipelined: a transaction sends statements that do not wait for each other's answers together (see db.ts)
  const pool = new pg.Pool({
    connectionString: withAsyncCommit(url),
    max: options.connections ?? 4,
    pipeline: true,
  });
  // an idle connection dropped by the server must not take the process down: the pool replaces it
  pool.on("error", () => {});
  const db = new Db(pool, options.now ?? (() => new Date()));
  try {
    if (options.mustExist) {
      const t = await db.sql.one<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
      if (!t?.t) throw new StoreError("DB_UNREADABLE", `There is no knowledge base at "${where}".`);
    }
    await migratePg(db, loadPgMigrations(options.migrationsDir), where);
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof StoreError) throw err;
    const detail = err instanceof Error ? err.message.replace(/\.?$/, "") : String(err);
    throw new StoreError("DB_UNREADABLE", `The knowledge base "${where}" cannot be opened (${detail}).`);
  }
  return new PostgresStore(db);
}

/**
 * As SQLite's synchronous=NORMAL: a commit does not wait for its WAL to reach the disk. A crash of the server may
 * lose the last moments of writes, never their consistency; a crash of Casebook loses nothing committed. Set as
 * a connection option, beside any the URL gives.
 */
function withAsyncCommit(url: string): string {
  try {
    const u = new URL(url);
    u.searchParams.set("options", `${u.searchParams.get("options") ?? ""} -c synchronous_commit=off`.trim());
    return u.toString();
  } catch {
    return url;
  }
}

class PostgresStore implements Store {
  private closed = false;
  private readonly statistics: StatisticsKeeper;
  constructor(private readonly db: Db) {
    this.statistics = new StatisticsKeeper(db);
  }

  async saveDocument(doc: Document, record: DocumentRecord, resolver?: Resolver) {
    const saved = await saveDocument(this.open(), doc, record, resolver);
    this.statistics.noteSaved(1);
    return saved;
  }
  async saveDocuments(items: readonly SaveItem[]) {
    const saved = await saveDocuments(this.open(), items);
    this.statistics.noteSaved(saved.length);
    return saved;
  }
  async sourceIds() {
    return catalogue.sourceIds(this.open().sql);
  }
  async saveCatalogueEntries(entries: readonly CatalogueEntry[]) {
    return catalogue.saveCatalogueEntries(this.open(), entries);
  }
  async catalogueEntries() {
    return catalogue.catalogueEntries(this.open().sql);
  }
  async findCandidates(query: CandidateQuery) {
    return findCandidates(this.open().sql, query);
  }
  async reprocess(
    redo: (doc: Document) => { record: DocumentRecord; resolver?: Resolver },
    onProgress?: (done: number, total: number) => void,
  ) {
    return reprocess(this.open(), redo, onProgress);
  }
  async hasSha256(sha256: string) {
    return catalog.hasSha256(this.open().sql, sha256);
  }
  async storedSha256s(sha256s: readonly string[]) {
    return catalog.storedSha256s(this.open().sql, sha256s);
  }
  async getSource(id: string, scope?: ReadScope) {
    return catalog.getSource(this.open().sql, id, scope);
  }
  async sourceQuotes(sourceId: string) {
    return catalog.sourceQuotes(this.open().sql, sourceId);
  }
  async searchSources(query: string, options: { limit?: number } & ReadScope = {}) {
    return catalog.searchSources(this.open().sql, query, options.limit, options);
  }
  async listIncidents(filter: IncidentFilter = {}, scope?: ReadScope) {
    return incidents.listIncidents(this.open().sql, filter, scope);
  }
  async getIncident(id: string, scope?: ReadScope, options?: IncidentReadOptions) {
    return incidents.getIncident(this.open().sql, id, scope, options);
  }
  async findIncidentIds(prefix: string, limit?: number, scope?: ReadScope) {
    return incidents.findIncidentIds(this.open().sql, prefix, limit, scope);
  }
  async listClaims(options?: FactListOptions, scope?: ReadScope) {
    return facts.listClaims(this.open().sql, options, scope);
  }
  async listResponses(options?: FactListOptions, scope?: ReadScope) {
    return facts.listResponses(this.open().sql, options, scope);
  }
  async listParties(scope?: ReadScope) {
    return catalog.listParties(this.open().sql, scope);
  }
  async stats(scope?: ReadScope) {
    return catalog.stats(this.open().sql, scope);
  }
  async counts() {
    return catalog.counts(this.open().sql);
  }
  async recordDecision(input: DecisionInput) {
    return decisions.recordDecision(this.open(), input);
  }
  async decisions(factId: string) {
    return decisions.decisions(this.open().sql, factId);
  }
  async decisionsFor(factIds: readonly string[]) {
    return decisions.decisionsFor(this.open().sql, factIds);
  }
  async auditLog(options: { limit?: number } = {}) {
    return decisions.auditLog(this.open().sql, options.limit);
  }
  async mergeIncidents(fromId: string, intoId: string, by: string) {
    await access.mergeIncidents(this.open(), fromId, intoId, by);
  }
  async splitIncident(fromId: string, by: string) {
    await access.splitIncident(this.open(), fromId, by);
  }
  async createToken(input: TokenInput) {
    return access.createToken(this.open(), input);
  }
  async findToken(hash: string) {
    return access.findToken(this.open().sql, hash);
  }
  async listTokens() {
    return access.listTokens(this.open().sql);
  }
  async revokeToken(id: string, by: string) {
    return access.revokeToken(this.open(), id, by);
  }
  /** Exact across processes: every transaction that writes bumps the version as it commits (see db.ts). */
  async dataVersion() {
    return dataVersion(this.open().sql);
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.statistics.settle();
    await this.db.pool.end();
  }

  private open(): Db {
    if (this.closed) throw new StoreError("DB_UNREADABLE", "The knowledge base has been closed.");
    return this.db;
  }
}
