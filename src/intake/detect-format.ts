/** The two content formats intake reads. */
export type InputFormat = "text" | "html";

const HTML_EXTENSIONS = /\.(?:html?|xhtml|shtml)$/i;
const TEXT_EXTENSIONS = /\.(?:txt|text|md)$/i;
// Markers that only an HTML page starts with, after an optional BOM, whitespace and comments.
const HTML_START = /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
// Paragraph-level tags anywhere in the opening kilobytes: an HTML fragment rather than a page.
const HTML_TAGS = /<(?:p|div|article|h[1-6]|br|span|a\s+href)[\s>/]/gi;

/**
 * Text or HTML? The extension decides when it is a known one; otherwise the opening bytes are sniffed, so that
 * a page saved without an extension, or piped in, is still read as a page.
 */
export function detectFormat(path: string | undefined, bytes: Uint8Array | string): InputFormat {
  if (path !== undefined && HTML_EXTENSIONS.test(path)) return "html";
  if (path !== undefined && TEXT_EXTENSIONS.test(path)) return "text";
  const head =
    typeof bytes === "string" ? bytes.slice(0, 4096) : Buffer.from(bytes.subarray(0, 4096)).toString("utf8");
  if (HTML_START.test(head)) return "html";
  // Plain prose may mention "<p>" once; a fragment has several tags.
  return (head.match(HTML_TAGS)?.length ?? 0) >= 3 ? "html" : "text";
}
