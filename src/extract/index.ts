import type { Document, DocumentRecord } from "../model/index.ts";

/** One document → one DocumentRecord. Pure and deterministic: no I/O, same input, same output. */
export function extract(doc: Document): DocumentRecord {
  return {
    document: { id: doc.id, title: doc.title, published: doc.published, url: doc.url, sha256: doc.sha256 },
    incidents: [],
    claims: [],
    responses: [],
  };
}
