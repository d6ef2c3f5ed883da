import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { extract } from "../extract/index.ts";
import {
  detectFormat,
  formatBytes,
  fromHtml,
  fromText,
  type InputFormat,
  type IntakeMeta,
  type IntakeOptions,
  MAX_HTML_BYTES,
  MAX_TEXT_BYTES,
} from "../intake/index.ts";
import { CasebookError, type DocumentRecord } from "../model/index.ts";

export interface OneInputMeta extends IntakeMeta {
  /** Where the content came from: its extension helps tell text from HTML. */
  path?: string;
  /** Force a format instead of detecting it. */
  format?: InputFormat;
}

/** The single-document use case: content of a text or HTML file → its record. */
export function extractOne(
  content: Uint8Array | string,
  meta: OneInputMeta = {},
  options: IntakeOptions = {},
): DocumentRecord {
  const { path, format, ...intakeMeta } = meta;
  const kind = format ?? detectFormat(path, content);
  const doc =
    kind === "html" ? fromHtml(content, intakeMeta, options) : fromText(content, intakeMeta, options);
  return extract(doc);
}

/** Reads `path` and extracts it; the document id defaults to the file's name without its extension. */
export function extractFile(
  path: string,
  meta: OneInputMeta = {},
  options: IntakeOptions = {},
): DocumentRecord {
  const content = readInputFile(path);
  const id = meta.id ?? (basename(path, extname(path)) || undefined);
  return extractOne(content, { ...meta, id, path }, options);
}

/** Reads a file whole, refusing what is missing, not a file, or larger than any input intake accepts. */
export function readInputFile(path: string): Buffer {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CasebookError("NOT_FOUND", `The path "${path}" is not a file.`);
    // Refuse before reading: a huge file should not be loaded only to be refused.
    if (stat.size > MAX_HTML_BYTES) {
      throw new CasebookError(
        "TOO_LARGE",
        `The file "${path}" is too large (${formatBytes(stat.size)}); the limit is ${formatBytes(MAX_TEXT_BYTES)} ` +
          `for text and ${formatBytes(MAX_HTML_BYTES)} for HTML.`,
      );
    }
    return readFileSync(path);
  } catch (err) {
    if (err instanceof CasebookError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CasebookError("NOT_FOUND", `The file "${path}" does not exist.`);
    if (code === "EACCES")
      throw new CasebookError("NOT_FOUND", `The file "${path}" cannot be read: permission denied.`);
    throw new CasebookError("NOT_FOUND", `The file "${path}" cannot be read (${code ?? "unknown error"}).`);
  }
}
