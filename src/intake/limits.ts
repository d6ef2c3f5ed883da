/**
 * Input limits. They exist to keep one hostile or mistaken input from exhausting a worker:
 * a news article is a few kilobytes, so these leave a wide margin for long reports.
 */

/** Largest plain text accepted, in UTF-8 bytes (5 MiB). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Largest HTML page accepted, in UTF-8 bytes (10 MiB): markup, scripts and styles inflate a page well beyond its text. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024;

/** A first line longer than this is a paragraph, not a headline, and is not used as the title. */
export const MAX_TITLE_CHARS = 300;

/** Share of control characters above which a text is taken for binary data. */
export const MAX_CONTROL_SHARE = 0.02;

/** Publication dates later than today plus this many days are refused as impossible. */
export const FUTURE_DATE_SLACK_DAYS = 1;

/** Publication dates before this year are refused: they are typing mistakes, not news about cyberattacks. */
export const EARLIEST_PUBLICATION_YEAR = 1900;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
