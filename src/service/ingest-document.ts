import { extract, type GroupRow } from "../extract/index.ts";
import type { Document, DocumentRecord, SaveItem } from "../model/index.ts";
import type { SaveResult } from "../model/knowledge.ts";
import { resolverFor } from "../resolve/index.ts";
import { type Store, sourceId } from "../store/index.ts";

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

/** What became of one document of a batch: stored (new, or a duplicate), or the error that kept it out. */
export type BatchOutcome = SaveResult | Error;

/**
 * Documents through extract → resolve → store together, as a queue worker takes a batch of jobs, with what
 * became of each, in order. One look-up finds those whose text is stored already: they are duplicates and are
 * not extracted again. The others are extracted, then stored one after the other (`Store.saveDocuments`), each
 * all or nothing and resolved against the knowledge base as the documents before it left it, so a batch stores
 * exactly what the same documents one at a time would. A document that cannot be extracted or is refused by the
 * store gets its error in its place; a failure of the store itself is thrown, and may come after some of the
 * documents were stored (they are duplicates when tried again).
 */
export async function ingestBatch(
  store: Store,
  docs: readonly Document[],
  groups: readonly GroupRow[] = [],
): Promise<BatchOutcome[]> {
  const stored = await store.storedSha256s(docs.map((d) => d.sha256));
  const outcomes: Array<BatchOutcome | undefined> = [];
  const items: SaveItem[] = [];
  const saving: number[] = [];
  for (const [k, doc] of docs.entries()) {
    if (stored.has(doc.sha256)) {
      outcomes.push({ status: "duplicate", sourceId: sourceId(doc.sha256) });
      continue;
    }
    try {
      const record = extract(doc, groups.length > 0 ? { groups } : {});
      items.push({ doc, record, resolver: resolverFor(record, doc.sha256) });
      saving.push(k);
      outcomes.push(undefined);
    } catch (err) {
      outcomes.push(err instanceof Error ? err : new Error(String(err)));
    }
  }
  const saved = items.length > 0 ? await store.saveDocuments(items) : [];
  for (const [j, k] of saving.entries()) outcomes[k] = saved[j];
  return outcomes.map((o) => o ?? new Error("the document was not stored"));
}
