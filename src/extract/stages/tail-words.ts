/**
 * Reading the words that end a window of text, backwards, without a pattern: what lets an end-anchored pattern
 * ("… keyword\s+$"), which V8 tries at every position of its window, run only where its last words stand.
 */

import { isSpaceCode, isWordCode } from "../text/char-codes.ts";
import { CodeUnits } from "../text/code-units.ts";

/**
 * Where the whitespace closing text[from, to) begins, or -1 when it does not close with whitespace. A pattern
 * ending "word\s+$" can match only when the word stands just before it: a check of that word, made first, spares
 * running the pattern over the whole window where it cannot match.
 */
export function closingSpace(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return e === to ? -1 : e;
}

/** The word (\w characters, and hyphens if `hyphens`) ending at `end`, not reaching before `from`, lowercased. */
export function wordBefore(text: string, from: number, end: number, hyphens = false): string {
  let b = end;
  while (b > from) {
    const c = text.charCodeAt(b - 1);
    if (!isWordCode(c) && !(hyphens && c === 45)) break;
    b--;
  }
  return b === end ? "" : text.slice(b, end).toLowerCase();
}

/**
 * The last word of text[from, to) before the whitespace that closes it, looking past one "the" ("handed to the"
 * gives "to"); null where the window does not end in whitespace.
 */
export function lastWordBeforeThe(text: string, from: number, to: number): string | null {
  let space = closingSpace(text, from, to);
  if (space < 0) return null;
  let word = wordBefore(text, from, space);
  if (word === "the") {
    space = closingSpace(text, from, space - 3);
    if (space < 0) return null;
    word = wordBefore(text, from, space);
  }
  return word;
}

/**
 * A pattern that ends "keyword\s+(?:word\s+){0,n}$", run only where it can match: where one of the last
 * `words` words of the window (runs of \w and `wordChars`, each followed by whitespace) ends, in its \w
 * characters, with one of the keywords' last words (or, with `stems`, a word opening with one). Most windows end
 * otherwise, and a pattern anchored at its end alone is tried at every position of the window.
 */
export class TailPattern {
  /**
   * the keys by their first letter (from "a") and, unless they are stems, their length: at
   * `first * (maxLength + 1) + length`; stems at `first`. A word is compared only with those it can be.
   */
  private readonly byFirst: ReadonlyArray<readonly string[]>;
  private readonly stems: boolean;
  private readonly minLength: number;
  private readonly maxLength: number;
  /** the keys' first letters, one bit each from "a" */
  private readonly firstLetters: number;
  /** which ASCII characters make words (\w and those of `wordChars`), and which others do */
  private readonly asciiWord = new Uint8Array(128);
  private readonly wideWord: readonly number[];

  constructor(
    private readonly re: RegExp,
    private readonly words: number,
    /** the keywords' last words (or stems), separated by spaces */
    keyList: string,
    options: { stems?: boolean; wordChars?: string } = {},
  ) {
    const keys = keyList.split(" ");
    this.stems = !!options.stems;
    this.minLength = Math.min(...keys.map((k) => k.length));
    this.maxLength = options.stems ? Number.POSITIVE_INFINITY : Math.max(...keys.map((k) => k.length));
    const lengths = this.stems ? 1 : this.maxLength + 1;
    const byFirst: string[][] = Array.from({ length: 26 * lengths }, () => []);
    for (const k of keys) {
      const first = k.charCodeAt(0) - 97;
      if (first >= 0 && first < 26) byFirst[this.stems ? first : first * lengths + k.length]?.push(k);
    }
    this.byFirst = byFirst;
    this.firstLetters = keys.reduce((bits, k) => bits | (1 << (k.charCodeAt(0) - 97)), 0);
    for (let c = 0; c < 128; c++) if (isWordCode(c)) this.asciiWord[c] = 1;
    const extra = [...(options.wordChars ?? "")].map((ch) => ch.charCodeAt(0));
    for (const c of extra) if (c < 128) this.asciiWord[c] = 1;
    this.wideWord = extra.filter((c) => c >= 128);
  }

  /** `re.test(text.slice(from, to))` */
  test(text: string, from: number, to: number): boolean {
    return this.mayMatch(text, from, to) && this.re.test(text.slice(from, to));
  }

  /** `re.exec(text.slice(from, to))` */
  exec(text: string, from: number, to: number): RegExpExecArray | null {
    return this.mayMatch(text, from, to) ? this.re.exec(text.slice(from, to)) : null;
  }

  private mayMatch(text: string, from: number, to: number): boolean {
    // a window past the text's end does not close with whitespace (charCodeAt there is NaN), as before
    if (to > text.length) return false;
    const units = unitsOf(text);
    let end = to;
    for (let k = 0; k < this.words; k++) {
      let space = end;
      while (space > from && isSpaceCode(units[space - 1] as number)) space--;
      if (space === end) return false;
      let b = space;
      while (b > from && isWordCode(units[b - 1] as number)) b--;
      if (b < space && this.accepts(units, b, space)) return true;
      // every word class here holds \w: the word goes on from there
      while (b > from && this.inWord(units[b - 1] as number)) b--;
      if (b === space) return false;
      end = b;
    }
    return false;
  }

  private inWord(c: number): boolean {
    return c < 128 ? this.asciiWord[c] === 1 : this.wideWord.includes(c);
  }

  /** whether the \w word units[b, e) is a key, told by its length and first letter before any string is made */
  private accepts(units: Uint16Array, b: number, e: number): boolean {
    if (e - b < this.minLength || e - b > this.maxLength) return false;
    // ASCII letters, either case, to 97-122; digits and "_" fall outside
    const first = ((units[b] as number) | 32) - 97;
    if (first < 0 || first > 25 || !(this.firstLetters & (1 << first))) return false;
    // the word is ASCII (\w): compared lowercased, code by code, without making a string of it
    const keys = this.byFirst[this.stems ? first : first * (this.maxLength + 1) + e - b] as readonly string[];
    for (let n = 0; n < keys.length; n++) {
      const key = keys[n] as string;
      if (this.stems && key.length > e - b) continue;
      let k = 1;
      while (k < key.length && lowerCode(units[b + k] as number) === key.charCodeAt(k)) k++;
      if (k === key.length) return true;
    }
    return false;
  }
}

/**
 * The code units of the text the patterns last looked at: they are asked about many windows of one document in
 * turn (a hundred or so per document), each read backwards a few characters at a time.
 */
const UNITS = new CodeUnits();
let unitsText: string | undefined;
let units: Uint16Array = new Uint16Array(0);

function unitsOf(text: string): Uint16Array {
  if (text !== unitsText) {
    units = UNITS.of(text);
    unitsText = text;
  }
  return units;
}

const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** Whether text[from, to) holds `word` (lowercase ASCII letters) in any case. */
export function holds(text: string, from: number, to: number, word: string): boolean {
  const first = word.charCodeAt(0);
  for (let i = from; i + word.length <= to; i++) {
    // an ASCII letter with 32 set is its lowercase; no other character becomes one
    if ((text.charCodeAt(i) | 32) !== first) continue;
    let k = 1;
    while (k < word.length && (text.charCodeAt(i + k) | 32) === word.charCodeAt(k)) k++;
    if (k === word.length) return true;
  }
  return false;
}
