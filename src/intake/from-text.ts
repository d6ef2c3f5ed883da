import { type Document, DocumentSchema } from "../model/index.ts";
import { decodeInput } from "./decode.ts";
import { MAX_TEXT_BYTES, MAX_TITLE_CHARS } from "./limits.ts";
import type { IntakeMeta, IntakeOptions } from "./meta.ts";
import { normalizePublished } from "./published.ts";
import { sha256Hex } from "./sha256.ts";

/**
 * Plain text → Document. The text is kept exactly as given (only a leading BOM goes), because evidence
 * offsets index it and quoting must reproduce the source's own characters, CRLFs and all.
 */
export function fromText(
  raw: Uint8Array | string,
  meta: IntakeMeta = {},
  options: IntakeOptions = {},
): Document {
  const text = decodeInput(raw, MAX_TEXT_BYTES, "text");
  return buildDocument(text, meta, options, headline(text));
}

/** Assembles a Document from decoded text; shared by the text and HTML paths so both validate alike. */
export function buildDocument(
  text: string,
  meta: IntakeMeta,
  options: IntakeOptions,
  fallbackTitle: string | undefined,
): Document {
  const published = normalizePublished(meta.published, options.now);
  const sha256 = sha256Hex(text);
  const title = nonEmpty(meta.title) ?? fallbackTitle;
  return DocumentSchema.parse({
    id: nonEmpty(meta.id) ?? `doc-${sha256.slice(0, 16)}`,
    ...(title === undefined ? {} : { title }),
    published,
    ...(nonEmpty(meta.url) === undefined ? {} : { url: meta.url?.trim() }),
    ...(nonEmpty(meta.publisher) === undefined ? {} : { publisher: meta.publisher?.trim() }),
    sha256,
    tlp: meta.tlp ?? "clear",
    text,
  });
}

/** The first non-blank line when it is short enough to be a headline. */
function headline(text: string): string | undefined {
  const first = /^\s*([^\r\n]*)/.exec(text)?.[1]?.trim();
  return first && first.length <= MAX_TITLE_CHARS ? first : undefined;
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}
