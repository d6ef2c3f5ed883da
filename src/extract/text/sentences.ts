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

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g;

/** Splits text into sentences with exact offsets; never crosses a line break. Cheap, deterministic, no model. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      for (const [s, e] of splitLine(line)) {
        out.push({
          start: lineStart + s,
          end: lineStart + e,
          text: text.slice(lineStart + s, lineStart + e),
          index: out.length,
          paragraph,
        });
      }
      paragraph++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function splitLine(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
    const dot = m.index;
    if (m[0].startsWith(".") && isAbbreviation(line, dot)) continue;
    pushTrimmed(line, from, m.index + m[0].length, spans);
    from = m.index + m[0].length;
  }
  pushTrimmed(line, from, line.length, spans);
  return spans;
}

const isLetterOrDot = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;

function isAbbreviation(line: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && isLetterOrDot(line.charCodeAt(i))) i--;
  const word = line.slice(i + 1, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // a single capital letter is an initial ("John F. Kennedy")
  return /^[a-z]$/.test(word) && /[A-Z]/.test(line[dot - 1] as string);
}

function pushTrimmed(line: string, s: number, e: number, spans: Array<[number, number]>): void {
  while (s < e && isSpaceCode(line.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(line.charCodeAt(e - 1))) e--;
  if (e > s) spans.push([s, e]);
}
