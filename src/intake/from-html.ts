import { CasebookError, type Document } from "../model/index.ts";
import { decodeInput } from "./decode.ts";
import { buildDocument } from "./from-text.ts";
import { htmlLibraries } from "./html-libraries.ts";
import { type MetaDocument, readPageMeta } from "./html-meta.ts";
import { blocksToText, type DomNode } from "./html-text.ts";
import { formatBytes, MAX_HTML_BYTES, MAX_TEXT_BYTES } from "./limits.ts";
import type { IntakeMeta, IntakeOptions } from "./meta.ts";

/**
 * HTML page → Document. Readability finds the article among navigation, ads and comments; the plain text is
 * then rebuilt from its blocks, and that text is what the Document holds and what evidence offsets index.
 * Values given in `meta` win over what the page declares about itself.
 */
export function fromHtml(
  raw: Uint8Array | string,
  meta: IntakeMeta = {},
  options: IntakeOptions = {},
): Document {
  const html = decodeInput(raw, MAX_HTML_BYTES, "HTML page");
  // linkedom builds a malformed tree from a bare fragment ("<p>…</p>"), so fragments get a document around them.
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { parseHTML, Readability } = htmlLibraries();
  const { document } = parseHTML(page);
  for (const el of document.querySelectorAll("script, style, noscript, template")) el.remove();

  // Read the head before Readability runs: it rewrites the document as it goes.
  const declared = readPageMeta(document as unknown as MetaDocument);
  const article = new Readability<DomNode>(document as unknown as globalThis.Document, {
    serializer: (node) => node as unknown as DomNode,
  }).parse();

  const text = article?.content ? blocksToText(article.content) : "";
  if (text.trim() === "") {
    throw new CasebookError(
      "NO_ARTICLE_BODY",
      "The HTML page has no article body: no paragraphs of text were found in it.",
    );
  }
  if (Buffer.byteLength(text, "utf8") > MAX_TEXT_BYTES) {
    throw new CasebookError(
      "TOO_LARGE",
      `The article text of the HTML page is larger than the ${formatBytes(MAX_TEXT_BYTES)} text limit.`,
    );
  }

  const title = declared.title ?? article?.title?.trim() ?? undefined;
  return buildDocument(
    text,
    {
      ...meta,
      title: meta.title ?? title,
      published: meta.published ?? declared.published ?? article?.publishedTime ?? undefined,
      url: meta.url ?? declared.url,
      publisher: meta.publisher ?? declared.publisher ?? article?.siteName ?? undefined,
    },
    options,
    undefined,
  );
}
