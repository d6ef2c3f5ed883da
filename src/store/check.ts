import type { Document, DocumentRecord, Evidence } from "../model/index.ts";
import { StoreError } from "../model/store-errors.ts";

/** Refuses evidence that does not quote the document's text exactly: every stored quote must be checkable. */
export function checkEvidence(doc: Document, e: Evidence, where: string): void {
  if (e.start < 0 || e.end > doc.text.length || e.end < e.start) {
    throw new StoreError(
      "BAD_RECORD",
      `The evidence of ${where} points at characters ${e.start}–${e.end}, outside the text of "${docName(doc)}" (${doc.text.length} characters).`,
    );
  }
  if (doc.text.slice(e.start, e.end) !== e.quote) {
    throw new StoreError(
      "BAD_RECORD",
      `The evidence of ${where} does not quote the text of "${docName(doc)}" at characters ${e.start}–${e.end}.`,
    );
  }
}

/** The checks that need the whole record before anything is written. */
export function checkRecordFitsDocument(doc: Document, record: DocumentRecord): void {
  if (record.document.sha256 !== doc.sha256) {
    throw new StoreError(
      "BAD_RECORD",
      `The record of "${docName(doc)}" was extracted from another text (its sha256 differs from the document's).`,
    );
  }
  for (const [what, facts] of [
    ["incident", record.incidents],
    ["claim", record.claims],
    ["response", record.responses],
  ] as const) {
    const seen = new Set<string>();
    for (const f of facts) {
      if (seen.has(f.id)) {
        throw new StoreError(
          "BAD_RECORD",
          `The record of "${docName(doc)}" has two ${what}s with the id "${f.id}".`,
        );
      }
      seen.add(f.id);
    }
  }
}

export function docName(doc: Document): string {
  return doc.title ?? doc.id;
}
