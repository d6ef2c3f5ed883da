import type { Document, DocumentRecord } from "../model/index.ts";
import type {
  AuditEntry,
  Decision,
  DecisionInput,
  IncidentDetail,
  IncidentFilter,
  IncidentList,
  KnowledgeStats,
  PartyEntry,
  SaveResult,
  Source,
  SourceHit,
  StoreCounts,
} from "../model/knowledge.ts";

/**
 * The knowledge base as the rest of Casebook sees it. Every method is asynchronous so that a networked backend
 * (PostgreSQL) can implement the same interface as the embedded one (SQLite); `store.case.ts` is the suite
 * every backend must pass. Errors meant for users are `StoreError`s whose message is a sentence.
 */
export interface Store {
  /**
   * Stores a document and the facts extracted from it, in one transaction: either all of it is stored or none.
   * A document whose sha256 is already stored is a duplicate and changes nothing. A record that does not fit its
   * document (evidence that does not quote the text, references to facts it does not hold) is refused with a
   * `BAD_RECORD` error.
   */
  saveDocument(doc: Document, record: DocumentRecord): Promise<SaveResult>;
  hasSha256(sha256: string): Promise<boolean>;
  getSource(id: string): Promise<Source | null>;
  /** Full-text search over the titles and texts of the sources, best matches first. */
  searchSources(query: string, options?: { limit?: number }): Promise<SourceHit[]>;

  listIncidents(filter?: IncidentFilter): Promise<IncidentList>;
  /** The incident with its claims, responses and every quote with its source; null when there is none. */
  getIncident(id: string): Promise<IncidentDetail | null>;
  /** Ids of the incidents starting with `prefix` (at most `limit`), for short ids typed by people. */
  findIncidentIds(prefix: string, limit?: number): Promise<string[]>;
  listParties(): Promise<PartyEntry[]>;
  stats(): Promise<KnowledgeStats>;
  counts(): Promise<StoreCounts>;

  /**
   * Records an analyst's decision about a fact. Decisions are kept apart from extracted facts and refer to them
   * by id, so they survive re-extraction; each one is also written to the audit log.
   */
  recordDecision(input: DecisionInput): Promise<Decision>;
  /** The decisions about one fact, oldest first. */
  decisions(factId: string): Promise<Decision[]>;
  /** The audit log, newest first. */
  auditLog(options?: { limit?: number }): Promise<AuditEntry[]>;

  close(): Promise<void>;
}
