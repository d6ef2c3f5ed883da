/** Character tests by UTF-16 code unit, for scans that read a text char by char without making strings. */

/** JavaScript's \s: the characters a pattern's whitespace matches */
export function isSpaceCode(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/** An ASCII letter, either case: c | 32 folds capitals onto lowercase, the unsigned difference tests the range */
export function isAsciiLetterCode(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/** ASCII white space: the space, tab, line feed, vertical tab, form feed and carriage return */
export function isAsciiSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** \w without the u flag (and \b's idea of a word): ASCII letters, digits and underscore */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The text before its first white space: `text.split(/\s+/)[0]`, without the list of every word. */
export function firstWordOf(text: string): string {
  let i = 0;
  while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++;
  return i === text.length ? text : text.slice(0, i);
}

/** The text after its last white space: `text.split(/\s+/).pop()`, without the list of every word. */
export function lastWordOf(text: string): string {
  let i = text.length;
  while (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i === 0 ? text : text.slice(i);
}
