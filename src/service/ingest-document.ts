import { extract, type GroupRow } from "../extract/index.ts";
import type { Document, DocumentRecord, SaveItem } from "../model/index.ts";
import type { SaveResult } from "../model/knowledge.ts";
import { resolverFor } from "../resolve/index.ts";
import { type Store, sourceId } from "../store/index.ts";
import { type Extractor, inlineExtractor } from "./extract-pool.ts";

/**
 * Stores one extracted document, its facts resolved against the knowledge base as it stands (one transaction).
 * In-process ingest and queue workers both store through this, so both merge alike.
 */
export function saveExtracted(store: Store, doc: Document, record: DocumentRecord): Promise<SaveResult> {
  return store.saveDocument(doc, record, resolverFor(record, doc.sha256));
}

/**
 * One document through extract → resolve → store: what a queue worker does with a job. A document whose text
 * is stored already is a duplicate and is not extracted again, so a job delivered twice changes nothing.
 * `groups` are the imported catalogues' threat groups, as in-process ingest passes them to extraction.
 */
export async function ingestDocument(
  store: Store,
  doc: Document,
  groups: readonly GroupRow[] = [],
): Promise<SaveResult> {
  if (await store.hasSha256(doc.sha256)) {
    return { status: "duplicate", sourceId: sourceId(doc.sha256) };
  }
  return saveExtracted(store, doc, extract(doc, groups.length > 0 ? { groups } : {}));
}

/** One document of a batch stored, once its record has come (no record: its text is stored already). */
async function settle(
  store: Store,
  doc: Document,
  pending: Promise<DocumentRecord> | undefined,
): Promise<BatchOutcome> {
  if (pending === undefined) return { status: "duplicate", sourceId: sourceId(doc.sha256) };
  let item: SaveItem;
  try {
    const record = await pending;
    item = { doc, record, resolver: resolverFor(record, doc.sha256) };
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
  const [saved] = await store.saveDocuments([item]);
  return saved ?? new Error(`"${doc.id}" was not stored.`);
}

/** What became of one document of a batch: stored (new, or a duplicate), or the error that kept it out. */
export type BatchOutcome = SaveResult | Error;

/**
 * Documents through extract → resolve → store together, as a queue worker takes a batch of jobs, with what
 * became of each, in order. One look-up finds those whose text is stored already: they are duplicates and are
 * not extracted again. The others are all handed to `extractor` at once and stored one after the other as
 * their records come (`Store.saveDocuments`), each all or nothing and resolved against the knowledge base as
 * the documents before it left it, so a batch stores exactly what the same documents one at a time would;
 * with extraction threads, later documents are extracted while earlier ones are stored. A document that
 * cannot be extracted or is refused by the store gets its error in its place; a failure of the store itself
 * is thrown, and may come after some of the documents were stored (they are duplicates when tried again).
 * `onOutcome` hears of each document as soon as it is settled (a queue worker completes its jobs as it goes),
 * and the next is not stored before it returns.
 */
export async function ingestBatch(
  store: Store,
  docs: readonly Document[],
  extractor: Extractor = inlineExtractor,
  onOutcome?: (index: number, outcome: BatchOutcome) => void | Promise<void>,
): Promise<BatchOutcome[]> {
  const stored = await store.storedSha256s(docs.map((d) => d.sha256));
  const records = docs.map((doc) => {
    if (stored.has(doc.sha256)) return undefined;
    const record = extractor.extract(doc);
    record.catch(() => {}); // awaited in its turn
    return record;
  });
  const outcomes: BatchOutcome[] = [];
  for (const [k, doc] of docs.entries()) {
    const outcome = await settle(store, doc, records[k]);
    outcomes.push(outcome);
    await onOutcome?.(k, outcome);
  }
  return outcomes;
}
