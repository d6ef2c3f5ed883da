import { createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, extname } from "node:path";
import type { GroupRow } from "../extract/index.ts";
import {
  type Feed,
  feedEntryDocument,
  fromHtml,
  fromText,
  type IntakeMeta,
  normalizePublished,
  parseDocLine,
  parseFeed,
} from "../intake/index.ts";
import {
  CasebookError,
  type Document,
  type DocumentRecord,
  type SaveItem,
  type Tlp,
} from "../model/index.ts";
import type { SaveResult } from "../model/knowledge.ts";
import { isSentenceError, StoreError } from "../model/store-errors.ts";
import { resolverFor } from "../resolve/index.ts";
import type { Store } from "../store/index.ts";
import { errorRecord } from "./error-record.ts";
import { readInputFile } from "./extract-one.ts";
import { type Extractor, inlineExtractorWith, startExtractPool } from "./extract-pool.ts";
import { collectInputs, countDocumentLines, type Input, readSidecar } from "./ingest-inputs.ts";
import { splitLines } from "./split-lines.ts";

export interface IngestOptions {
  /** TLP marking of sources that do not carry their own (a JSONL line's or sidecar's "tlp"); default clear */
  tlp?: Tlp;
  /** publication date of text and HTML files that do not declare one (YYYY-MM-DD) */
  published?: string;
  onProgress?: (progress: IngestProgress) => void;
  /** "today", against which future publication dates are refused (tests) */
  now?: Date;
  /**
   * worker threads extracting ahead of the store (default: one per core but one, for runs of 500 documents
   * or more); 0 extracts in the calling thread
   */
  workers?: number;
  /**
   * Hands each document that is not stored already to a queue instead of extracting and storing it here
   * (`casebook ingest --queue`): workers do the rest. Counted as `documents.queued`. The documents of a group
   * are handed over in order without waiting for each other; the run waits for all of them before the next.
   */
  enqueue?: (doc: Document, where: string) => Promise<void>;
  /** threat groups of imported catalogues, recognised by extraction beside the bundled gazetteer */
  groups?: readonly GroupRow[];
}

export interface IngestProgress {
  /** documents handled so far, whatever became of them */
  done: number;
  /** documents expected in all (files, JSONL lines, feed items) */
  total: number;
  new: number;
  duplicate: number;
  failed: number;
}

export interface IngestFailure {
  /** the file, "file:line (id)" for a JSONL line, or "file item N ("title")" for a feed item */
  where: string;
  reason: string;
  code: string;
}

export interface IngestSummary {
  documents: { new: number; duplicate: number; failed: number; queued?: number };
  /**
   * what the new documents' facts did: incidents, claims and responses the knowledge base did not know, and
   * reports that joined ones it knew (an incident told by a second story is merged, not new)
   */
  incidents: { new: number; merged: number };
  claims: { new: number; merged: number };
  responses: { new: number; merged: number };
  /** files inside folders that are of no kind Casebook reads (images, the .json beside a story …) */
  skipped: number;
  failures: IngestFailure[];
  seconds: number;
}

interface Run {
  store: Store;
  summary: IngestSummary;
  total: number;
  opts: IngestOptions;
  published?: string;
  extractor: Extractor;
  /** documents read and being extracted, stored in the order they were read */
  queue: Pending[];
}

/** A document on its way: read (or failed), its extraction under way, waiting for its turn to be stored. */
interface Pending {
  where: string;
  doc?: Document;
  record?: Promise<DocumentRecord>;
  duplicate?: boolean;
  /** to be handed to the queue rather than stored here */
  enqueue?: boolean;
  error?: unknown;
}

/** Documents read and extracting ahead of those being stored; bounds the memory a long run holds. */
const WINDOW = 192;
/**
 * Documents stored per commit. Each document's facts touch ~40 index pages; committing one document at a time
 * writes ~580 KB of pages per article-sized document; committing 32 together ~116 KB, 64 ~82 KB (measured on a
 * fresh store).
 */
const GROUP = 64;
/** Below this many documents a run extracts in its own thread: starting workers would cost more. */
const POOL_FROM = 500;

/**
 * The ingest use case: text and HTML files, folders (recursively), docs JSONL and RSS/Atom feeds → intake →
 * extract → resolve → store, one transaction per document: each document's facts join the incidents, claims and
 * responses already known (see `resolverFor`). A document that cannot be read, extracted or stored is counted
 * as failed with its reason and the run goes on; a document whose text is already stored is a duplicate and is
 * not even extracted again. Only a failure of the store itself (a full disk, a broken database) stops the run.
 */
export async function ingestPaths(
  paths: readonly string[],
  store: Store,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const published = opts.published === undefined ? undefined : normalizePublished(opts.published, opts.now);
  const { inputs, skipped, failures } = collectInputs(paths);
  const run: Run = {
    store,
    opts,
    total: failures.length,
    summary: {
      documents: { new: 0, duplicate: 0, failed: 0, ...(opts.enqueue ? { queued: 0 } : {}) },
      incidents: { new: 0, merged: 0 },
      claims: { new: 0, merged: 0 },
      responses: { new: 0, merged: 0 },
      skipped,
      failures: [],
      seconds: 0,
    },
    ...(published === undefined ? {} : { published }),
    extractor: inlineExtractorWith(opts.groups),
    queue: [],
  };
  const feeds = new Map<string, Feed | Error>();
  for (const input of inputs) run.total += await expected(input, feeds);

  for (const f of failures) fail(run, f.where, f.error);
  const workers = Math.min(opts.workers ?? availableParallelism() - 1, 8);
  if (run.total >= POOL_FROM && workers > 0 && !opts.enqueue)
    run.extractor = startExtractPool(workers, opts.groups);
  try {
    for (const input of inputs) {
      if (input.kind === "jsonl") await ingestLines(run, input.path);
      else if (input.kind === "feed") await ingestFeed(run, input.path, feeds.get(input.path));
      else await take(run, input.path, () => fileDocument(run, input));
    }
    await drain(run, 0);
  } finally {
    await run.extractor.close();
  }
  run.summary.seconds = (performance.now() - started) / 1000;
  return run.summary;
}

/**
 * Ingests documents already read (the sources a STIX bundle carries), in the order given, exactly as files are
 * ingested: duplicates change nothing, each document is one transaction, failures are counted with a reason.
 */
export async function ingestDocuments(
  docs: ReadonlyArray<{ where: string; doc: Document }>,
  store: Store,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const run: Run = {
    store,
    opts,
    total: docs.length,
    summary: {
      documents: { new: 0, duplicate: 0, failed: 0 },
      incidents: { new: 0, merged: 0 },
      claims: { new: 0, merged: 0 },
      responses: { new: 0, merged: 0 },
      skipped: 0,
      failures: [],
      seconds: 0,
    },
    extractor: inlineExtractorWith(opts.groups),
    queue: [],
  };
  try {
    for (const { where, doc } of docs) await take(run, where, () => doc);
    await drain(run, 0);
  } finally {
    await run.extractor.close();
  }
  run.summary.seconds = (performance.now() - started) / 1000;
  return run.summary;
}

/** How many documents an input holds, for the progress total; feeds are parsed here once. */
async function expected(input: Input, feeds: Map<string, Feed | Error>): Promise<number> {
  if (input.kind === "jsonl") return countDocumentLines(input.path).catch(() => 1);
  if (input.kind !== "feed") return 1;
  try {
    const feed = parseFeed(readInputFile(input.path));
    feeds.set(input.path, feed);
    return feed.entries.length;
  } catch (err) {
    feeds.set(input.path, err instanceof Error ? err : new Error(String(err)));
    return 1;
  }
}

/** A text or HTML file as a Document, its metadata from the X.json beside it when there is one. */
function fileDocument(run: Run, input: Input): Document {
  const side = readSidecar(input.path);
  const meta: IntakeMeta = {
    id: basename(input.path, extname(input.path)) || input.path,
    title: side.title,
    url: side.url,
    publisher: side.publisher,
    tlp: side.tlp ?? run.opts.tlp,
  };
  const options = run.opts.now === undefined ? {} : { now: run.opts.now };
  const noDate = () =>
    new CasebookError(
      "MISSING_DATE",
      `No publication date is known for "${input.path}": give --published YYYY-MM-DD, or put ` +
        `{"published": "YYYY-MM-DD"} in ${basename(input.path, extname(input.path))}.json beside it.`,
    );
  if (input.kind === "text") {
    const date = side.published ?? run.published;
    if (date === undefined) throw noDate();
    return fromText(readInputFile(input.path), { ...meta, published: date }, options);
  }
  const bytes = readInputFile(input.path);
  try {
    return fromHtml(bytes, { ...meta, published: side.published }, options);
  } catch (err) {
    if (!(err instanceof CasebookError && err.code === "MISSING_DATE")) throw err;
    if (run.published === undefined) throw noDate();
    return fromHtml(bytes, { ...meta, published: run.published }, options);
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

async function ingestLines(run: Run, path: string): Promise<void> {
  const lines = splitLines(createReadStream(path))[Symbol.asyncIterator]();
  for (let lineNo = 1; ; lineNo++) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await lines.next();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "unknown error";
      return refuse(run, lineNo === 1 ? path : `${path}:${lineNo}`, readFailure(path, code));
    }
    if (next.done) return;
    let line: string;
    try {
      line = strictUtf8.decode(next.value);
    } catch {
      await refuse(
        run,
        `${path}:${lineNo}`,
        new CasebookError("INVALID_UTF8", `Line ${lineNo} is not valid UTF-8.`),
      );
      continue;
    }
    if (line.trim() === "") continue;
    const id = lineId(line);
    const where = `${path}:${lineNo}${id === undefined ? "" : ` (${id})`}`;
    await take(run, where, () => parseDocLine(withDefaults(line, run), nowOption(run)));
  }
}

async function ingestFeed(run: Run, path: string, feed: Feed | Error | undefined): Promise<void> {
  if (feed === undefined || feed instanceof Error) {
    return refuse(run, path, feed ?? new Error("the feed was not read"));
  }
  const defaults = { tlp: run.opts.tlp, published: run.published };
  for (const entry of feed.entries) {
    const title = entry.title === undefined ? "" : ` ("${clip(entry.title)}")`;
    await take(run, `${path} item ${entry.index}${title}`, () =>
      feedEntryDocument(entry, feed, defaults, nowOption(run)),
    );
  }
}

/**
 * One document: read it and, unless its text is stored already, start extracting it; then store, in the order
 * they were read, the documents whose turn has come (see `drain`).
 */
async function take(run: Run, where: string, read: () => Document): Promise<void> {
  let doc: Document;
  try {
    doc = read();
  } catch (err) {
    return refuse(run, where, err);
  }
  if (await run.store.hasSha256(doc.sha256)) run.queue.push({ where, duplicate: true });
  else if (run.opts.enqueue) run.queue.push({ where, doc, enqueue: true });
  else {
    const record = run.extractor.extract(doc);
    record.catch(() => {}); // settled in `settle`, in its turn
    run.queue.push({ where, doc, record });
  }
  await drain(run, WINDOW);
}

/** A document that could not even be read: counted as failed in its turn, after those read before it. */
async function refuse(run: Run, where: string, error: unknown): Promise<void> {
  run.queue.push({ where, error });
  await drain(run, WINDOW);
}

/** Stores the oldest pending documents, a group at a time, until at most `keep` remain. */
async function drain(run: Run, keep: number): Promise<void> {
  while (run.queue.length > keep) await settle(run, run.queue.splice(0, GROUP));
}

/**
 * Stores a group of documents in one commit, each document all-or-nothing (see `Store.saveDocuments`), its
 * facts resolved against the knowledge base as it stands, and counts them in the order they were read.
 * Failures of a document are counted; failures of the store are thrown.
 */
async function settle(run: Run, group: readonly Pending[]): Promise<void> {
  const outcomes: Outcome[] = [];
  const items: SaveItem[] = [];
  // the group's documents are handed to the queue all at once, in order: a queue may send them without
  // waiting for each answer in turn (see `Enqueuer`)
  const queued: Array<Promise<void>> = [];
  for (const p of group) {
    if (p.error !== undefined) outcomes.push({ where: p.where, error: p.error });
    else if (p.enqueue && p.doc && run.opts.enqueue) {
      queued.push(run.opts.enqueue(p.doc, p.where));
      outcomes.push({ queued: true });
    } else if (p.duplicate || !p.doc || !p.record) outcomes.push({ duplicate: true });
    else {
      try {
        const record = await p.record;
        outcomes.push({ save: items.length });
        items.push({ doc: p.doc, record, resolver: resolverFor(record, p.doc.sha256) });
      } catch (err) {
        outcomes.push({ where: p.where, error: err });
      }
    }
  }
  await Promise.all(queued);
  const saved = items.length > 0 ? await run.store.saveDocuments(items) : [];
  for (const [i, p] of group.entries()) count(run, p.where, outcomes[i], saved);
}

type Outcome = { where: string; error: unknown } | { duplicate: true } | { queued: true } | { save: number };

function count(
  run: Run,
  where: string,
  outcome: Outcome | undefined,
  saved: ReadonlyArray<SaveResult | StoreError>,
): void {
  if (outcome === undefined) return;
  if ("error" in outcome) {
    fail(run, outcome.where, outcome.error);
    return;
  }
  if ("queued" in outcome) {
    run.summary.documents.queued = (run.summary.documents.queued ?? 0) + 1;
    progress(run);
    return;
  }
  const result = "save" in outcome ? saved[outcome.save] : undefined;
  if (result instanceof StoreError) {
    fail(run, where, result);
    return;
  }
  if (result === undefined || result.status === "duplicate") run.summary.documents.duplicate++;
  else {
    run.summary.documents.new++;
    for (const kind of ["incidents", "claims", "responses"] as const) {
      run.summary[kind].new += result.facts?.[kind].new ?? 0;
      run.summary[kind].merged += result.facts?.[kind].merged ?? 0;
    }
  }
  progress(run);
}

function fail(run: Run, where: string, err: unknown): void {
  run.summary.documents.failed++;
  const { reason, code } = isSentenceError(err)
    ? { reason: err.message, code: err.code }
    : (({ error, code }) => ({ reason: error, code }))(errorRecord(where, err));
  run.summary.failures.push({ where, reason, code });
  progress(run);
}

function progress(run: Run): void {
  const d = run.summary.documents;
  run.opts.onProgress?.({ done: d.new + d.duplicate + d.failed + (d.queued ?? 0), total: run.total, ...d });
}

/** A JSONL line with the run's TLP and publication date filled in where the line gives none. */
function withDefaults(line: string, run: Run): string {
  if (run.opts.tlp === undefined && run.published === undefined) return line;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return line; // parseDocLine says what is wrong with it
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return line;
  const obj = value as Record<string, unknown>;
  if (obj.tlp === undefined && run.opts.tlp !== undefined) obj.tlp = run.opts.tlp;
  if ((obj.published === undefined || obj.published === null || obj.published === "") && run.published) {
    obj.published = run.published;
  }
  return JSON.stringify(obj);
}

function lineId(line: string): string | undefined {
  const m = /^\s*\{\s*"id"\s*:\s*"((?:[^"\\]|\\.){1,80})"/.exec(line);
  return m?.[1];
}

const nowOption = (run: Run) => (run.opts.now === undefined ? {} : { now: run.opts.now });

function readFailure(path: string, code: string): CasebookError {
  if (code === "ENOENT") return new CasebookError("NOT_FOUND", `The file "${path}" does not exist.`);
  if (code === "EACCES")
    return new CasebookError("NOT_FOUND", `The file "${path}" cannot be read: permission denied.`);
  return new CasebookError("NOT_FOUND", `The file "${path}" cannot be read (${code}).`);
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
