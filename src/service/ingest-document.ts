import { extract, type GroupRow } from "../extract/index.ts";
import type { Document, DocumentRecord } from "../model/index.ts";
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
