import type {
  CandidateQuery,
  Candidates,
  CatalogueEntry,
  CatalogueSaveResult,
  Document,
  DocumentRecord,
  Resolver,
  SaveItem,
} from "../model/index.ts";
import type {
  AuditEntry,
  Decision,
  DecisionInput,
  IncidentDetail,
  IncidentFilter,
  IncidentList,
  KnowledgeStats,
  PartyEntry,
  ReprocessResult,
  SaveResult,
  Source,
  SourceHit,
  StoreCounts,
} from "../model/knowledge.ts";
import type { StoreError } from "../model/store-errors.ts";

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
   *
   * With a `resolver`, the record's facts join the knowledge base as it plans: inside the transaction the store
   * looks up the candidates `resolver.query` asks for, passes them to `resolver.plan`, and writes the plan —
   * new facts, and reports joining stored ones (the source added to their sources, its quotes to their
   * evidence, the values merged as planned). A plan that does not fit the record or the stored facts is
   * refused with `BAD_PLAN`, and identities are unique, so no save can store a fact twice. Without a resolver,
   * every fact is stored as reported, apart from all others.
   */
  saveDocument(doc: Document, record: DocumentRecord, resolver?: Resolver): Promise<SaveResult>;
  /**
   * Stores several documents as `saveDocument` would, one after the other, each all-or-nothing: a document
   * refused with a `StoreError` (`BAD_RECORD`, `BAD_PLAN`) leaves nothing and its error takes its place in the
   * result, while the others are stored. A backend may commit them together (group commit); so any other
   * failure (the disk, the connection) may undo the whole group, and is thrown.
   */
  saveDocuments(items: readonly SaveItem[]): Promise<Array<SaveResult | StoreError>>;
  /** The lookups a resolver's plan is made from, outside any save (for tools and tests). */
  findCandidates(query: CandidateQuery): Promise<Candidates>;
  /**
   * Rebuilds every fact from the stored sources, in the order they were first stored: `redo` gives each
   * source's new record and the resolver to save it with. The old facts are replaced in one transaction, so
   * a failure leaves them as they were. Sources, parties, decisions and the audit log stay; decisions find
   * their facts again when the facts get their ids back. A source that cannot be extracted again, or whose
   * record cannot be stored (`BAD_RECORD`), keeps no facts and is listed in the result; any other failure
   * undoes the whole rebuild.
   */
  reprocess(
    redo: (doc: Document) => { record: DocumentRecord; resolver?: Resolver },
    onProgress?: (done: number, total: number) => void,
  ): Promise<ReprocessResult>;
  hasSha256(sha256: string): Promise<boolean>;
  getSource(id: string): Promise<Source | null>;
  /** Every source's id, in the order the sources were first stored (exports keep that order). */
  sourceIds(): Promise<string[]>;
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
  /** The decisions about any of these facts, oldest first. */
  decisionsFor(factIds: readonly string[]): Promise<Decision[]>;
  /** The audit log, newest first. */
  auditLog(options?: { limit?: number }): Promise<AuditEntry[]>;

  /**
   * Keeps threat-group catalogue entries (ATT&CK, the MISP galaxy, STIX bundles), in one transaction. An entry
   * replaces the stored one of the same `catalogue` and `entryId`, so importing a catalogue twice adds nothing.
   * Backends store each entry whole (aliases and external ids as lists) and give it back unchanged.
   */
  saveCatalogueEntries(entries: readonly CatalogueEntry[]): Promise<CatalogueSaveResult>;
  /** Every catalogue entry, in the order first saved. */
  catalogueEntries(): Promise<CatalogueEntry[]>;

  close(): Promise<void>;
}
