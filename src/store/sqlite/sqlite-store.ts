import { existsSync } from "node:fs";
import Database from "better-sqlite3";
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
import { Db } from "./db.ts";
import * as decisions from "./decisions.ts";
import * as facts from "./facts.ts";
import * as incidents from "./incidents.ts";
import { loadMigrations, migrate } from "./migrate.ts";
import { reprocess } from "./reprocess.ts";
import { saveDocument, saveDocuments } from "./save.ts";

/** WAL pages between automatic checkpoints (4 KB each). */
const WAL_CHECKPOINT_PAGES = 16_384;

export interface SqliteOptions {
  /** Refuse to create the file: for commands that only read. */
  mustExist?: boolean;
  /** The clock of ingested_at and of decisions; tests set it. */
  now?: () => Date;
  /** Another folder of migrations (tests). */
  migrationsDir?: string;
}

/**
 * Opens (creating it unless `mustExist`) the SQLite knowledge base at `path` — a file, or ":memory:" — in WAL
 * mode with synchronous=NORMAL (a crash of the machine loses at most the last transactions, never consistency;
 * a crash of the process loses nothing committed) and foreign keys on, and brings its schema up to date.
 */
export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<Store> {
  if (options.mustExist && path !== ":memory:" && !existsSync(path)) {
    throw new StoreError("DB_UNREADABLE", `There is no knowledge base at "${path}".`);
  }
  const clock = options.now ?? (() => new Date());
  let raw: Database.Database;
  try {
    raw = new Database(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  try {
    raw.pragma("busy_timeout = 5000");
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    // Checkpoint every 64 MB of WAL rather than every 4 MB: a page that many saves touch (an index's hot leaf,
    // the full-text index's structure) then reaches the database file once per checkpoint instead of once per
    // few saves. Ingest is bound by the bytes it writes; this halves them.
    raw.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    raw.pragma("foreign_keys = ON");
    migrate(raw, loadMigrations(options.migrationsDir), () => clock().toISOString(), path);
  } catch (err) {
    raw.close();
    if (err instanceof StoreError) throw err;
    throw unreadable(path, err);
  }
  return new SqliteStore(new Db(raw, clock));
}

function unreadable(path: string, err: unknown): StoreError {
  const code = (err as { code?: string }).code;
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StoreError(
      "DB_UNREADABLE",
      `The file "${path}" is not a Casebook knowledge base (SQLite cannot read it).`,
    );
  }
  const detail = err instanceof Error ? err.message.replace(/\.?$/, "") : String(err);
  return new StoreError("DB_UNREADABLE", `The knowledge base "${path}" cannot be opened (${detail}).`);
}

/** The SQLite backend. better-sqlite3 is synchronous; the methods are async only to honour the Store interface. */
class SqliteStore implements Store {
  private closed = false;
  /** writes through this connection (SQLite's data_version counts only other connections' commits) */
  private writes = 0;
  constructor(private readonly db: Db) {}

  async dataVersion() {
    // prepared once: the server asks before every cached answer
    const other = this.open().prep("PRAGMA data_version").pluck().get() as number;
    return `${this.writes}.${other}`;
  }

  async saveDocument(doc: Document, record: DocumentRecord, resolver?: Resolver) {
    this.writes++;
    return saveDocument(this.open(), doc, record, resolver);
  }
  async saveDocuments(items: readonly SaveItem[]) {
    this.writes++;
    return saveDocuments(this.open(), items);
  }
  async findCandidates(query: CandidateQuery) {
    return findCandidates(this.open(), query);
  }
  async reprocess(
    redo: (doc: Document) => { record: DocumentRecord; resolver?: Resolver },
    onProgress?: (done: number, total: number) => void,
  ) {
    this.writes++;
    return reprocess(this.open(), redo, onProgress);
  }
  async hasSha256(sha256: string) {
    return catalog.hasSha256(this.open(), sha256);
  }
  async storedSha256s(sha256s: readonly string[]) {
    return catalog.storedSha256s(this.open(), sha256s);
  }
  async getSource(id: string, scope?: ReadScope) {
    return catalog.getSource(this.open(), id, scope);
  }
  async sourceQuotes(sourceId: string) {
    return catalog.sourceQuotes(this.open(), sourceId);
  }
  async sourceIds() {
    return catalogue.sourceIds(this.open());
  }
  async saveCatalogueEntries(entries: readonly CatalogueEntry[]) {
    return catalogue.saveCatalogueEntries(this.open(), entries);
  }
  async catalogueEntries() {
    return catalogue.catalogueEntries(this.open());
  }
  async searchSources(query: string, options: { limit?: number } & ReadScope = {}) {
    return catalog.searchSources(this.open(), query, options.limit, options);
  }
  async listIncidents(filter: IncidentFilter = {}, scope?: ReadScope) {
    return incidents.listIncidents(this.open(), filter, scope);
  }
  async getIncident(id: string, scope?: ReadScope, options?: IncidentReadOptions) {
    return incidents.getIncident(this.open(), id, scope, options);
  }
  async findIncidentIds(prefix: string, limit?: number, scope?: ReadScope) {
    return incidents.findIncidentIds(this.open(), prefix, limit, scope);
  }
  async listClaims(options?: FactListOptions, scope?: ReadScope) {
    return facts.listClaims(this.open(), options, scope);
  }
  async listResponses(options?: FactListOptions, scope?: ReadScope) {
    return facts.listResponses(this.open(), options, scope);
  }
  async listParties(scope?: ReadScope) {
    return catalog.listParties(this.open(), scope);
  }
  async stats(scope?: ReadScope) {
    return catalog.stats(this.open(), scope);
  }
  async counts() {
    return catalog.counts(this.open());
  }
  async recordDecision(input: DecisionInput) {
    this.writes++;
    return decisions.recordDecision(this.open(), input);
  }
  async decisions(factId: string) {
    return decisions.decisions(this.open(), factId);
  }
  async decisionsFor(factIds: readonly string[]) {
    return decisions.decisionsFor(this.open(), factIds);
  }
  async auditLog(options: { limit?: number } = {}) {
    return decisions.auditLog(this.open(), options.limit);
  }
  async mergeIncidents(fromId: string, intoId: string, by: string) {
    this.writes++;
    access.mergeIncidents(this.open(), fromId, intoId, by);
  }
  async splitIncident(fromId: string, by: string) {
    this.writes++;
    access.splitIncident(this.open(), fromId, by);
  }
  async createToken(input: TokenInput) {
    this.writes++;
    return access.createToken(this.open(), input);
  }
  async findToken(hash: string) {
    return access.findToken(this.open(), hash);
  }
  async listTokens() {
    return access.listTokens(this.open());
  }
  async revokeToken(id: string, by: string) {
    this.writes++;
    return access.revokeToken(this.open(), id, by);
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.db.raw.close();
  }

  private open(): Db {
    if (this.closed) throw new StoreError("DB_UNREADABLE", "The knowledge base has been closed.");
    return this.db;
  }
}
