import type {
  CandidateQuery,
  Candidates,
  CatalogueEntry,
  CatalogueSaveResult,
  Document,
  DocumentRecord,
  ReadScope,
  Resolver,
  SaveItem,
  TokenEntry,
  TokenInput,
} from "../model/index.ts";
import type {
  AuditEntry,
  ClaimList,
  Decision,
  DecisionInput,
  FactListOptions,
  IncidentDetail,
  IncidentFilter,
  IncidentList,
  IncidentReadOptions,
  KnowledgeStats,
  PartyEntry,
  ReprocessResult,
  ResponseList,
  SaveResult,
  Source,
  SourceHit,
  SourceQuote,
  StoreCounts,
} from "../model/knowledge.ts";
import type { StoreError } from "../model/store-errors.ts";

/**
 * The knowledge base as the rest of Casebook sees it. Every method is asynchronous so that a networked backend
 * (PostgreSQL) can implement the same interface as the embedded one (SQLite); `store.case.ts` is the suite
 * every backend must pass. Errors meant for users are `StoreError`s whose message is a sentence.
 *
 * Reading with a clearance: every read method takes an optional `ReadScope`. With `{ clearance }`, a source
 * marked above the clearance is invisible (getSource answers null, search skips it) and so is every quote from
 * it; an incident, claim or response is visible only when at least one source that reports it is within the
 * clearance; lists, counts shown in lists, parties (and their role counts), statistics, campaigns and the
 * incident ids a fact lists count only visible things. Backends filter in their queries (`access.case.ts` checks
 * it), so that nothing above a reader's clearance ever leaves the store.
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
  /** Those of `sha256s` whose text is stored: one look-up for a batch of documents. */
  storedSha256s(sha256s: readonly string[]): Promise<Set<string>>;
  getSource(id: string, scope?: ReadScope): Promise<Source | null>;
  /**
   * Every quote of the source, with the fact it supports, in the order of its record (fact by fact, each
   * fact's quotes in order). The caller has checked that the reader may see the source.
   */
  sourceQuotes(sourceId: string): Promise<SourceQuote[]>;
  /** Every source's id, in the order the sources were first stored (exports keep that order). */
  sourceIds(): Promise<string[]>;
  /** Full-text search over the titles and texts of the sources, best matches first. */
  searchSources(query: string, options?: { limit?: number } & ReadScope): Promise<SourceHit[]>;

  /**
   * Incidents matching the filter, sorted and paged. Incidents merged into another (`mergeIncidents`) are left
   * out; each carries its review state, and `filter.review` selects by it.
   */
  listIncidents(filter?: IncidentFilter, scope?: ReadScope): Promise<IncidentList>;
  /**
   * The incident with its claims, responses and every quote with its source, and what it was merged into or
   * with; null when there is none (or none visible). With `quotes`, each fact carries at most that many of its
   * quotes (the first in the order every quote would come) and, when some were left out, `evidenceCount`: how
   * many it has in all. The cut is made in the query, so an incident reported hundreds of times is read in
   * pages of quotes, not whole.
   */
  getIncident(id: string, scope?: ReadScope, options?: IncidentReadOptions): Promise<IncidentDetail | null>;
  /** Ids of the incidents starting with `prefix` (at most `limit`), for short ids typed by people. */
  findIncidentIds(prefix: string, limit?: number, scope?: ReadScope): Promise<string[]>;
  /** Claims across incidents, newest first (undated last), without evidence. */
  listClaims(options?: FactListOptions, scope?: ReadScope): Promise<ClaimList>;
  /** Responses across incidents, newest first (undated last), without evidence. */
  listResponses(options?: FactListOptions, scope?: ReadScope): Promise<ResponseList>;
  listParties(scope?: ReadScope): Promise<PartyEntry[]>;
  stats(scope?: ReadScope): Promise<KnowledgeStats>;
  /** Row counts of everything stored, whatever its marking (for the owner of the store, never for readers). */
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
   * Records that incident `fromId` is incident `intoId` told differently: `fromId` leaves the incident list and
   * both show the link. Refused (`BAD_DECISION`) for unknown ids, an incident into itself, or chains (either one
   * already merged). Written to the audit log as `incident.merge`.
   */
  mergeIncidents(fromId: string, intoId: string, by: string): Promise<void>;
  /** Undoes a merge of `fromId` (`BAD_DECISION` when it is not merged); audit log `incident.split`. */
  splitIncident(fromId: string, by: string): Promise<void>;

  /**
   * Stores an access token as the SHA-256 hash of its secret (never the secret); audit log `token.create`.
   * Refused with `BAD_TOKEN` for an empty name, an unknown role or clearance, a malformed or reused hash.
   */
  createToken(input: TokenInput): Promise<TokenEntry>;
  /** The token whose secret hashes to `hash`, unless revoked. */
  findToken(hash: string): Promise<TokenEntry | null>;
  /** Every token, revoked ones included, oldest first. */
  listTokens(): Promise<TokenEntry[]>;
  /** Revokes a token (`UNKNOWN_ID` when there is none); audit log `token.revoke`. Revoking twice is harmless. */
  revokeToken(id: string, by: string): Promise<TokenEntry>;

  /**
   * A value that differs whenever the knowledge base may have changed since it was last read — by this store or
   * by any other process writing the same database — so that readers (the server) may cache answers until it
   * changes. Cheap: asked on every request. A backend that cannot tell returns null, and nothing is cached.
   */
  dataVersion(): Promise<string | null>;

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
