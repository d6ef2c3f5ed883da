import { extract, type GroupRow } from "../extract/index.ts";
import { fromHtml, fromText } from "../intake/index.ts";
import type { DocumentRecord, Tlp } from "../model/index.ts";
import type { SaveResult } from "../model/knowledge.ts";
import { resolverFor } from "../resolve/index.ts";
import type { Store } from "../store/index.ts";

/** One article as a person pastes or uploads it: exactly one of `text` and `html`. */
export interface ArticleInput {
  text?: string;
  html?: string;
  title?: string;
  /** YYYY-MM-DD (or an ISO timestamp); an HTML page may carry its own */
  published?: string;
  url?: string;
  publisher?: string;
  tlp?: Tlp;
}

export interface ArticleResult {
  /** the plain text the evidence offsets index (an HTML page reduced to its article) */
  text: string;
  record: DocumentRecord;
  /** absent for a preview */
  saved?: SaveResult & { incidents: Array<{ id: string; label: string }> };
}

/**
 * Reads one article, extracts it and, unless `preview`, stores it merged into the knowledge base (one
 * transaction). Bad input is refused by intake with a sentence, before anything is written.
 */
export async function ingestArticle(
  store: Store,
  input: ArticleInput,
  options: { preview?: boolean; groups?: readonly GroupRow[] } = {},
): Promise<ArticleResult> {
  const meta = {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.published === undefined ? {} : { published: input.published }),
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.publisher === undefined ? {} : { publisher: input.publisher }),
    ...(input.tlp === undefined ? {} : { tlp: input.tlp }),
  };
  const doc = input.html !== undefined ? fromHtml(input.html, meta) : fromText(input.text ?? "", meta);
  const record = extract(doc, options.groups?.length ? { groups: options.groups } : {});
  if (options.preview) return { text: doc.text, record };
  const saved = await store.saveDocument(doc, record, resolverFor(record, doc.sha256));
  const source = await store.getSource(saved.sourceId);
  return { text: doc.text, record, saved: { ...saved, incidents: source?.incidents ?? [] } };
}
