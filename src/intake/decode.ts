import { CasebookError } from "../model/index.ts";
import { formatBytes, MAX_CONTROL_SHARE } from "./limits.ts";

/**
 * Turns raw input into a string, refusing what is not text. The checks run in the order that gives the most
 * useful message: a 20 MB upload is "too large" before it is anything else, and a PNG is "binary" rather than
 * "invalid UTF-8" although it is both.
 */
export function decodeInput(raw: Uint8Array | string, limitBytes: number, what: string): string {
  const size = typeof raw === "string" ? utf8Length(raw, limitBytes) : raw.byteLength;
  if (size > limitBytes) {
    throw new CasebookError(
      "TOO_LARGE",
      `The ${what} is too large (${formatBytes(size)}); the limit is ${formatBytes(limitBytes)}.`,
    );
  }
  if (size === 0) throw new CasebookError("EMPTY_INPUT", `The ${what} is empty.`);

  let text: string;
  if (typeof raw === "string") {
    text = raw;
  } else {
    if (raw.includes(0))
      throw binary(what, "it contains NUL bytes; if it is UTF-16 text, convert it to UTF-8");
    try {
      // fatal: a single malformed sequence refuses the input instead of silently becoming U+FFFD,
      // which would change the text that evidence offsets point into. The decoder drops a leading BOM.
      text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
    } catch {
      throw new CasebookError(
        "INVALID_UTF8",
        `The ${what} is not valid UTF-8 (at byte ${firstInvalidUtf8(raw)}); save it as UTF-8 and try again.`,
      );
    }
  }
  // Only a leading byte-order mark is removed; everything else is kept as given because offsets index it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  checkControlCharacters(text, what);
  if (text.trim() === "") throw new CasebookError("EMPTY_INPUT", `The ${what} contains only whitespace.`);
  return text;
}

/**
 * UTF-8 length of a string, or a cheaper stand-in when the answer cannot matter: a string of at most limit/3
 * units is certainly within the limit (a UTF-16 unit takes at most 3 UTF-8 bytes), so its length is returned.
 */
function utf8Length(s: string, limit: number): number {
  // Every UTF-16 unit takes at least one UTF-8 byte, so a string longer than the limit is over it.
  if (s.length > limit) return Buffer.byteLength(s, "utf8");
  return s.length * 3 <= limit ? s.length : Buffer.byteLength(s, "utf8");
}

/** True for C0/C1 control characters other than the whitespace a text legitimately holds. */
function isControl(c: number): boolean {
  if (c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d) return false;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/** One pass over the decoded text: NULs, lone surrogates (from JSON escapes) and the share of control characters. */
function checkControlCharacters(text: string, what: string): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw binary(what, "it contains NUL characters");
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed surrogate pair
        continue;
      }
      throw new CasebookError(
        "INVALID_UTF8",
        `The ${what} is not valid Unicode: it has a lone surrogate at character ${i}, which UTF-8 cannot encode.`,
      );
    }
    if (isControl(c)) controls++;
  }
  if (controls > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    const share = ((100 * controls) / text.length).toFixed(1);
    throw binary(what, `${share}% of its characters are control characters`);
  }
}

function binary(what: string, why: string): CasebookError {
  return new CasebookError("BINARY_INPUT", `The ${what} looks like binary data, not text: ${why}.`);
}

/** Byte offset of the first malformed UTF-8 sequence, for the error message (RFC 3629 well-formed table). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range is narrower after these leads: no overlongs, surrogates or code points past U+10FFFF.
    const [lo, hi] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const cont = bytes[i + k];
      if (cont === undefined || (cont & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
