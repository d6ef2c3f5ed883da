import { isSpaceCode } from "./char-codes.ts";

/** A span of the document's plain text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  index: number;
  /** index of the paragraph (blank-line or newline separated block) the sentence belongs to */
  paragraph: number;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "gen",
  "col",
  "lt",
  "sgt",
  "capt",
  "gov",
  "sen",
  "rep",
  "st",
  "jr",
  "sr",
  "no",
  "vs",
  "inc",
  "corp",
  "ltd",
  "co",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "u.s",
  "u.k",
  "u.n",
  "e.u",
  "u.s.a",
  "e.g",
  "i.e",
  "etc",
  "approx",
  "dept",
  "est",
  "fig",
  "mt",
  "ft",
]);

/** the longest abbreviation: a longer word before a full stop is not one, and is not made into a string */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

// Run over the whole text at once, not line by line: [^\S\n] is \s short of the line break, so a boundary is
// still never found by looking past the end of its line.
const BOUNDARY = /[.!?]+["'”’)\]]*(?=[^\S\n]+["'“‘([]?[A-Z0-9])/g;

/** Splits text into sentences with exact offsets; never crosses a line break. Cheap, deterministic, no model. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  BOUNDARY.lastIndex = 0;
  let m = BOUNDARY.exec(text);
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // a line of white space alone holds no boundary: the next one found is on a later line
    if (!blank(text, lineStart, lineEnd)) {
      let from = lineStart;
      for (; m && m.index < lineEnd; m = BOUNDARY.exec(text)) {
        const end = m.index + m[0].length;
        if (text.charCodeAt(m.index) === 46 && isAbbreviation(text, lineStart, m.index)) continue;
        pushTrimmed(text, from, end, paragraph, out);
        from = end;
      }
      pushTrimmed(text, from, lineEnd, paragraph, out);
      paragraph++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

const isLetterOrDot = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;

function isAbbreviation(text: string, lineStart: number, dot: number): boolean {
  let i = dot - 1;
  while (i >= lineStart && isLetterOrDot(text.charCodeAt(i))) i--;
  const length = dot - i - 1;
  // a single capital letter is an initial ("John F. Kennedy")
  if (length === 1 && isCapital(text.charCodeAt(dot - 1))) return true;
  return length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(i + 1, dot).toLowerCase());
}

const isCapital = (c: number) => c >= 65 && c <= 90;

function pushTrimmed(text: string, s: number, e: number, paragraph: number, out: Sentence[]): void {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), index: out.length, paragraph });
}
