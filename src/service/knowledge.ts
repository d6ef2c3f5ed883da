import { existsSync } from "node:fs";
import type { GroupRow } from "../extract/index.ts";
import { extract } from "../extract/index.ts";
import type { CatalogueEntry, Document, ReadScope, Role, Tlp, TokenEntry } from "../model/index.ts";
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
import { StoreError } from "../model/store-errors.ts";
import { resolverFor } from "../resolve/index.ts";
import { isPostgresUrl, openStore, type Store } from "../store/index.ts";
import { authenticate, createToken } from "./access.ts";
import { catalogueGroups } from "./catalogue.ts";
import { type ExportFormat, type ExportScope, type ExportSummary, type Sink, writeExport } from "./export.ts";
import { type Extractor, inlineExtractorWith, startExtractPool } from "./extract-pool.ts";
import { type ImportSummary, importFile } from "./import.ts";
import { type IngestOptions, type IngestSummary, ingestPaths } from "./ingest.ts";
import { type ArticleInput, type ArticleResult, ingestArticle } from "./ingest-article.ts";
import { type BatchOutcome, ingestBatch, ingestDocument } from "./ingest-document.ts";
import { partyFilterValue } from "./party-names.ts";
import { applyDecisions } from "./review.ts";
import { TaxiiCollection } from "./taxii.ts";

/** Where the knowledge base lives unless told otherwise. */
export const DEFAULT_DB = "./casebook.db";

/** The knowledge base: the --db flag, else CASEBOOK_DB, else ./casebook.db (a file, or a postgres:// URL). */
export function dbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag?.trim() || env.CASEBOOK_DB?.trim() || DEFAULT_DB;
}

/** Shortest id prefix `show` accepts. */
export const MIN_ID_PREFIX = 4;

/**
 * The knowledge base as the CLI (and later the server) uses it: ingest and the queries, over a store opened
 * once. Entry points reach the store only through this.
 */
export class Knowledge {
  private groupCache?: { entries: number; groups: GroupRow[] };
  private taxiiCollection?: TaxiiCollection;
  private batchThreads = 0;
  private batchExtractor?: { groups: GroupRow[]; extractor: Extractor };
  constructor(private readonly store: Store) {}

  async ingest(paths: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
    const groups = await this.catalogueGroups();
    return ingestPaths(paths, this.store, { ...opts, ...(groups.length ? { groups } : {}) });
  }

  /**
   * The threat groups of imported catalogues as extraction takes them; the same list (so the same compiled
   * gazetteer) until the catalogue changes.
   */
  async catalogueGroups(): Promise<GroupRow[]> {
    const entries = await this.store.catalogueEntries();
    if (this.groupCache?.entries !== entries.length)
      this.groupCache = { entries: entries.length, groups: catalogueGroups(entries) };
    return this.groupCache.groups;
  }

  catalogue(): Promise<CatalogueEntry[]> {
    return this.store.catalogueEntries();
  }

  /** Imports a STIX bundle or a MISP galaxy cluster file (see `importFile`). */
  async import(path: string, opts: IngestOptions = {}): Promise<ImportSummary> {
    const summary = await importFile(path, this.store, opts);
    this.groupCache = undefined;
    return summary;
  }

  /**
   * Writes the knowledge base, or one incident (by id or prefix), as STIX 2.1, MISP events or CSV, keeping only
   * what `clearance` admits.
   */
  async export(
    format: ExportFormat,
    sink: Sink,
    options: { incident?: string; clearance?: Tlp; withText?: boolean } = {},
  ): Promise<ExportSummary> {
    const scope: ExportScope = {
      ...(options.clearance ? { clearance: options.clearance } : {}),
      ...(options.withText === false ? { withText: false } : {}),
      ...(options.incident ? { incidentId: (await this.findIncident(options.incident)).id } : {}),
    };
    return writeExport(format, this.store, scope, sink);
  }

  /** The knowledge base as the objects of a TAXII collection. */
  taxii(): TaxiiCollection {
    this.taxiiCollection ??= new TaxiiCollection(this.store);
    return this.taxiiCollection;
  }

  /** One document through extract → resolve → store, as a queue worker takes it (see `ingestDocument`). */
  async ingestDocument(doc: Document): Promise<SaveResult> {
    return ingestDocument(this.store, doc, await this.catalogueGroups());
  }

  /**
   * Documents through extract → resolve → store, as a queue worker takes a batch of jobs (see `ingestBatch`);
   * extracted by the threads `startBatchExtraction` started, if any.
   */
  async ingestBatch(
    docs: readonly Document[],
    onOutcome?: (index: number, outcome: BatchOutcome) => void | Promise<void>,
  ): Promise<BatchOutcome[]> {
    const groups = await this.catalogueGroups();
    if (this.batchThreads > 0 && this.batchExtractor?.groups !== groups) {
      // the catalogue changed: threads that know its threat groups
      await this.batchExtractor?.extractor.close();
      this.batchExtractor = { groups, extractor: startExtractPool(this.batchThreads, groups) };
    }
    const extractor = this.batchExtractor?.extractor ?? inlineExtractorWith(groups);
    return ingestBatch(this.store, docs, extractor, onOutcome);
  }

  /**
   * Starts `threads` extraction threads for `ingestBatch`, so that documents are extracted while others are
   * stored, and waits until they can take documents.
   */
  async startBatchExtraction(threads: number): Promise<void> {
    this.batchThreads = Math.max(0, threads);
    if (this.batchThreads === 0) return;
    const groups = await this.catalogueGroups();
    this.batchExtractor = { groups, extractor: startExtractPool(this.batchThreads, groups) };
    await this.batchExtractor.extractor.ready();
  }

  /**
   * One article (text or HTML) read and extracted; saved into the knowledge base, merged with what it knows,
   * unless `preview`. Nothing is written for a preview or an article that cannot be read.
   */
  async article(input: ArticleInput, options: { preview?: boolean } = {}): Promise<ArticleResult> {
    return ingestArticle(this.store, input, { ...options, groups: await this.catalogueGroups() });
  }

  /** Incidents matching the filter; a party may also be named by its country's name ("Albania"). */
  incidents(filter: IncidentFilter = {}, scope?: ReadScope): Promise<IncidentList> {
    const named = { ...filter };
    for (const role of ["victim", "accused", "claimant"] as const) {
      const value = partyFilterValue(filter[role]);
      if (value !== undefined) named[role] = value;
    }
    return this.store.listIncidents(named, scope);
  }

  /**
   * An incident by its id or by the start of it (at least four characters) as the incident list shows it, as
   * analysts decided it should read (see `applyDecisions`). The incidents analysts merged into it lend it their
   * claims, responses, sources and quotes. With `quotes`, each fact carries at most that many of its quotes (the
   * first reported) and says how many it has in all: an incident the press covered hundreds of times has
   * thousands.
   */
  async incident(
    idOrPrefix: string,
    scope?: ReadScope,
    options: { quotes?: number } = {},
  ): Promise<IncidentDetail> {
    // The store cuts each fact's quotes; what merged incidents lend is cut again below, to the same answer.
    let found = await this.findIncident(idOrPrefix, scope, options);
    for (const id of found.merged ?? []) {
      const part = await this.store.getIncident(id, scope, options);
      if (part) found = absorb(found, part);
    }
    const ids = [found.id, ...found.claims.map((c) => c.id), ...found.responses.map((r) => r.id)];
    const decided = applyDecisions(found, await this.store.decisionsFor(ids));
    return options.quotes === undefined || !found.merged?.length
      ? decided
      : firstQuotes(decided, options.quotes);
  }

  claims(options: FactListOptions = {}, scope?: ReadScope): Promise<ClaimList> {
    return this.store.listClaims(options, scope);
  }

  responses(options: FactListOptions = {}, scope?: ReadScope): Promise<ResponseList> {
    return this.store.listResponses(options, scope);
  }

  merge(fromId: string, intoId: string, by: string): Promise<void> {
    return this.store.mergeIncidents(fromId, intoId, by);
  }

  split(fromId: string, by: string): Promise<void> {
    return this.store.splitIncident(fromId, by);
  }

  auditLog(limit?: number): Promise<AuditEntry[]> {
    return this.store.auditLog(limit === undefined ? {} : { limit });
  }

  /** A new access token; its secret is returned once and stored only as a hash. */
  createToken(input: { name: string; role: Role; clearance: Tlp; by: string }) {
    return createToken(this.store, input);
  }

  authenticate(secret: string): Promise<TokenEntry | null> {
    return authenticate(this.store, secret);
  }

  tokens(): Promise<TokenEntry[]> {
    return this.store.listTokens();
  }

  revokeToken(id: string, by: string): Promise<TokenEntry> {
    return this.store.revokeToken(id, by);
  }

  /**
   * Extracts every stored source again with the current extractor and rebuilds the knowledge base from the
   * new records, resolving them in the order the sources were first stored (so that, extraction unchanged,
   * every fact gets its id back and analysts' decisions still apply). One transaction: all or nothing.
   */
  async reprocess(onProgress?: (done: number, total: number) => void): Promise<ReprocessResult> {
    const groups = await this.catalogueGroups();
    return this.store.reprocess((doc) => {
      const record = extract(doc, { groups });
      return { record, resolver: resolverFor(record, doc.sha256) };
    }, onProgress);
  }

  private async findIncident(
    idOrPrefix: string,
    scope?: ReadScope,
    options: IncidentReadOptions = {},
  ): Promise<IncidentDetail> {
    const wanted = idOrPrefix.trim().toLowerCase();
    const exact = await this.store.getIncident(wanted, scope, options);
    if (exact) return exact;
    if (wanted.length >= MIN_ID_PREFIX) {
      const ids = await this.store.findIncidentIds(wanted, 6, scope);
      if (ids.length > 1) {
        throw new StoreError(
          "UNKNOWN_ID",
          `The id "${idOrPrefix}" is the start of ${ids.length > 5 ? "more than five" : ids.length} incidents' ids; give more of it.`,
        );
      }
      const found = ids[0] === undefined ? null : await this.store.getIncident(ids[0], scope, options);
      if (found) return found;
    }
    throw new StoreError(
      "UNKNOWN_ID",
      `No incident has the id "${idOrPrefix}"; "casebook incidents" lists them.`,
    );
  }

  parties(scope?: ReadScope): Promise<PartyEntry[]> {
    return this.store.listParties(scope);
  }

  stats(scope?: ReadScope): Promise<KnowledgeStats> {
    return this.store.stats(scope);
  }

  /** How many rows of each kind the knowledge base holds. */
  counts(): Promise<StoreCounts> {
    return this.store.counts();
  }

  search(query: string, limit?: number, scope: ReadScope = {}): Promise<SourceHit[]> {
    return this.store.searchSources(query, limit === undefined ? scope : { ...scope, limit });
  }

  /** Every quote of a source, with the fact it supports (see `sourceView`, which checks the reader may see it). */
  sourceQuotes(sourceId: string): Promise<SourceQuote[]> {
    return this.store.sourceQuotes(sourceId);
  }

  source(id: string, scope?: ReadScope): Promise<Source | null> {
    return this.store.getSource(id, scope);
  }

  decide(input: DecisionInput): Promise<Decision> {
    return this.store.recordDecision(input);
  }

  decisions(factId: string): Promise<Decision[]> {
    return this.store.decisions(factId);
  }

  /** Changes whenever the knowledge base may have changed (see `Store.dataVersion`); null: cannot tell. */
  dataVersion(): Promise<string | null> {
    return this.store.dataVersion();
  }

  async close(): Promise<void> {
    await this.batchExtractor?.extractor.close();
    await this.store.close();
  }
}

/** `into` with the claims, responses, sources and quotes of `part` it does not have yet. */
function absorb(into: IncidentDetail, part: IncidentDetail): IncidentDetail {
  const add = <T extends { id: string }>(a: T[], b: T[]) => [
    ...a,
    ...b.filter((x) => !a.some((y) => y.id === x.id)),
  ];
  return {
    ...into,
    sources: add(into.sources, part.sources),
    ...quotesOf([into.evidence, into.evidenceCount], [part.evidence, part.evidenceCount]),
    claims: add(into.claims, part.claims),
    responses: add(into.responses, part.responses),
  };
}

/**
 * Opens the knowledge base at `path`. Ingest creates it; the queries refuse to, so that a mistyped path says so
 * instead of answering from a new, empty database.
 */
export async function openKnowledge(
  path: string,
  options: { create?: boolean; connections?: number } = {},
): Promise<Knowledge> {
  if (isPostgresUrl(path)) {
    const connections = options.connections === undefined ? {} : { connections: options.connections };
    return new Knowledge(await openStore(path, { mustExist: !options.create, ...connections }));
  }
  if (!options.create && path !== ":memory:" && !existsSync(path)) {
    throw new StoreError(
      "DB_UNREADABLE",
      `There is no knowledge base at "${path}"; ingest sources first ("casebook ingest PATH"), or name the ` +
        "database with --db or CASEBOOK_DB.",
    );
  }
  return new Knowledge(await openStore(path, { mustExist: !options.create }));
}

/** Runs `fn` with the knowledge base open, and closes it whatever happens. */
export async function withKnowledge<T>(
  path: string,
  options: { create?: boolean },
  fn: (kb: Knowledge) => Promise<T>,
): Promise<T> {
  const kb = await openKnowledge(path, options);
  try {
    return await fn(kb);
  } finally {
    await kb.close();
  }
}

/** The quotes of two reads of a fact, one after the other, and how many both have when either was cut. */
function quotesOf(
  ...reads: Array<[IncidentDetail["evidence"], number | undefined]>
): Pick<IncidentDetail, "evidence" | "evidenceCount"> {
  const evidence = reads.flatMap(([quotes]) => quotes);
  if (reads.every(([, count]) => count === undefined)) return { evidence };
  return { evidence, evidenceCount: reads.reduce((n, [quotes, count]) => n + (count ?? quotes.length), 0) };
}

/** The incident with at most `n` quotes per fact, and the count of all of them where some were left out. */
function firstQuotes(inc: IncidentDetail, n: number): IncidentDetail {
  const cut = <T extends Pick<IncidentDetail, "evidence" | "evidenceCount">>(fact: T): T => {
    const count = fact.evidenceCount ?? fact.evidence.length;
    return count <= n ? fact : { ...fact, evidence: fact.evidence.slice(0, n), evidenceCount: count };
  };
  return { ...cut(inc), claims: inc.claims.map(cut), responses: inc.responses.map(cut) };
}
