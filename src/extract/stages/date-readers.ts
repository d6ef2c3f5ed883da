import * as chrono from "chrono-node";
import { isSpaceCode } from "../text/char-codes.ts";
import { wordTree } from "../text/word-tree.ts";
import { HOLIDAY_WORDS } from "./holidays.ts";

/** What extraction reads of one result: where it is, its words, and which date components it states. */
export interface DateReading {
  index: number;
  text: string;
  start: {
    get(component: "year" | "month" | "day" | "weekday"): number | null;
    isCertain(c: string): boolean;
  };
}

/**
 * What chrono's parsers need, and where to look for it: one pass over a sentence finds the words they need
 * (`dateWords`); a parser runs only where its words, and a cheaper pattern its own pattern implies, are found,
 * and from where they are.
 */

// News dates need days, months, years, weekdays and relative phrases, never clock times or "within 24 hours":
// dropping chrono's time parsers halves its cost and removes a source of false dates.
const UNUSED_PARSERS = new Set([
  "ENTimeUnitWithinFormatParser",
  "ENTimeExpressionParser",
  "ENTimeUnitLaterFormatParser",
  "ENCasualTimeParser",
  "ENEndOfCurrentMonthParser",
  "ENTimeUnitCasualRelativeFormatParser",
  "SlashDateFormatParser",
  "ENSlashMonthFormatParser",
]);

export type Parser = (typeof chrono.casual.parsers)[number];
/** chrono's parsers that news dates need */
export const PARSERS = chrono.casual.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));
/** chrono's refiners, all of them */
export const REFINERS = chrono.casual.refiners;
const ANY_CONTEXT = new chrono.ParsingContext("", new Date(0));
// The words starting a word of a sentence, as bits: what a parser's pattern must find there (case-insensitive)
export const MONTH_WORD = 1;
export const WEEKDAY_WORD = 2;
const AGO_WORD = 4;
const CASUAL_WORD = 8;
const RELATIVE_WORD = 16;
/** one of the words findDates parses a sentence for */
export const GATE_WORD = 32;
/** a digit: the caller tests for it */
export const DIGIT = 64;
/** one of HOLIDAY_WORDS, written as they are */
export const HOLIDAY_WORD = 128;
const MONTHS3 = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const FAMILIES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [MONTH_WORD, MONTHS3],
  [WEEKDAY_WORD, ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "week"]],
  [AGO_WORD, ["ago", "before", "earlier"]],
  [CASUAL_WORD, ["now", "today", "tonight", "tomorrow", "overmorrow", "tmr", "yesterday", "last"]],
  [RELATIVE_WORD, ["this", "last", "past", "next", "after"]],
  [
    GATE_WORD,
    [
      ...MONTHS3,
      ..."mon tue wed thu fri sat sun today tonight yesterday last this ago earlier week month year".split(
        " ",
      ),
    ],
  ],
  [HOLIDAY_WORD, HOLIDAY_WORDS.map((w) => w.toLowerCase())],
];
/**
 * Each word and the bits of every word it begins with: at any place the longest word found there stands for
 * all those that match there too, so one search that steps on by a character finds every family's words at a
 * word's start. (Searching only there is several times faster than searching everywhere.)
 */
const WORD_BITS = new Map<string, number>();
for (const [, words] of FAMILIES) for (const w of words) WORD_BITS.set(w, 0);
for (const [bit, words] of FAMILIES)
  for (const u of words)
    for (const w of WORD_BITS.keys())
      if (w.startsWith(u)) WORD_BITS.set(w, (WORD_BITS.get(w) as number) | bit);
/** the words whose bit counts only as written in HOLIDAY_WORDS: none begins another word, nor another it */
const WRITTEN = new Map(HOLIDAY_WORDS.map((w) => [w.toLowerCase(), w]));
for (const h of WRITTEN.keys())
  for (const w of WORD_BITS.keys())
    if (w !== h && (w.startsWith(h) || h.startsWith(w))) throw new Error(`"${h}" and "${w}" overlap.`);
const ALL_WORDS =
  MONTH_WORD | WEEKDAY_WORD | AGO_WORD | CASUAL_WORD | RELATIVE_WORD | GATE_WORD | HOLIDAY_WORD;
const WORDS = new RegExp(`\\b(?:${wordTree([...WORD_BITS.keys()])})`, "gi");
/**
 * Months, weekdays and "ago" inside a word ("5March", "onFriday", "2hago"), where dateWords does not look, and
 * the family of each (its place in IN_WORD_FAMILIES): no word of one family begins a word of another.
 */
const IN_WORD_FAMILIES = [MONTH_WORD, WEEKDAY_WORD, AGO_WORD];
const IN_WORD_FAMILY = new Map(
  FAMILIES.filter(([bit]) => IN_WORD_FAMILIES.includes(bit)).flatMap(([bit, words]) =>
    words.map((w) => [w, IN_WORD_FAMILIES.indexOf(bit)] as const),
  ),
);
for (const [u, f] of IN_WORD_FAMILY)
  for (const [w, g] of IN_WORD_FAMILY)
    if (f !== g && w.startsWith(u)) throw new Error(`"${u}" begins "${w}".`);
// as a tree of letters: it is searched for in every sentence parsed
export const IN_WORD = new RegExp(`\\B(?:${wordTree([...IN_WORD_FAMILY.keys()])})`, "gi");
/** the words IN_WORD finds, as a plain alternation */
export const IN_WORD_WORDS = [...IN_WORD_FAMILY.keys()];

/** where the first month, weekday and "ago" inside a word are (-1: nowhere), in IN_WORD_FAMILIES' order */
const IN_WORD_AT = new Int32Array(IN_WORD_FAMILIES.length);

/** Finds the first month, weekday and "ago" inside a word of `text`, into IN_WORD_AT. */
function findInWord(text: string): void {
  IN_WORD_AT.fill(-1);
  let missing = IN_WORD_AT.length;
  IN_WORD.lastIndex = 0;
  for (let m = IN_WORD.exec(text); m; m = IN_WORD.exec(text)) {
    const f = IN_WORD_FAMILY.get(m[0].toLowerCase()) as number;
    if ((IN_WORD_AT[f] as number) < 0) {
      IN_WORD_AT[f] = m.index;
      if (--missing === 0) break;
    }
    IN_WORD.lastIndex = m.index + 1;
  }
}

const FAMILY_BITS = [MONTH_WORD, WEEKDAY_WORD, AGO_WORD, CASUAL_WORD, RELATIVE_WORD];
/** where the first word of each family starts a word in the text dateWords read last (-1: nowhere) */
const WORD_AT = new Int32Array(FAMILY_BITS.length);
let wordsRead: string | undefined;
/** the words' bits as they are most often written: lower case, capitalised, in capitals */
const WRITTEN_BITS = new Map(
  [...WORD_BITS].flatMap(([w, b]) =>
    [w, w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()].map((v) => [v, b]),
  ),
);
const HOLIDAYS_WRITTEN = new Set(HOLIDAY_WORDS);

/**
 * The bits of the words that start a word of a sentence (HOLIDAY_WORD only as written; DIGIT is the caller's).
 * Where each family's first such word is stays known for readDates and monthWordAt of the same text.
 */
export function dateWords(text: string): number {
  let bits = 0;
  WORD_AT.fill(-1);
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    let b = WRITTEN_BITS.get(m[0]) ?? (WORD_BITS.get(m[0].toLowerCase()) as number);
    if (b & HOLIDAY_WORD && !HOLIDAYS_WRITTEN.has(m[0])) b &= ~HOLIDAY_WORD;
    const fresh = b & ~bits;
    if (fresh)
      for (let f = 0; f < FAMILY_BITS.length; f++)
        if (fresh & (FAMILY_BITS[f] as number)) WORD_AT[f] = m.index;
    bits |= b;
    if (bits === ALL_WORDS) break;
    WORDS.lastIndex = m.index + 1;
  }
  wordsRead = text;
  return bits;
}

/** Where the first month starts a word in `text` (-1: nowhere). */
export function monthWordAt(text: string): number {
  if (wordsRead !== text) dateWords(text);
  return WORD_AT[0] as number;
}

const MONTH_ALT = MONTHS3.join("|");
const ORDINAL_START =
  "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt";
/** chrono's own pattern, `(\W|^)word…(?=\W|$)`, as the same test with word boundaries, which V8 runs faster */
const bounded = (name: string, end: string) => {
  const source = (PARSERS.find((p) => p.constructor.name === name) as Parser).pattern(ANY_CONTEXT).source;
  if (!source.startsWith(String.raw`(\W|^)`) || !source.endsWith(end))
    throw new Error(`chrono's ${name} is not the pattern the extraction was written for.`);
  return new RegExp(String.raw`\b${source.slice(6, -end.length)}\b`, "gi");
};

/** The first place from which, up to `at`, every character is one `allowed` accepts. */
function back(text: string, at: number, allowed: (code: number) => boolean): number {
  let k = at;
  while (k > 0 && allowed(text.charCodeAt(k - 1))) k--;
  return k;
}
/** what may stand before a weekday in chrono's weekday pattern: ",", "(", "on", "this", "last", "past", "next" */
const WEEKDAY_LEAD = new Set([..."oOnNtThHiIsSlLaApPeExX,(（"].map((c) => c.charCodeAt(0)));
const beforeWeekday = (c: number) => WEEKDAY_LEAD.has(c) || isSpaceCode(c);
/** …before a month in its month-name pattern: "in" */
const beforeMonth = (c: number) => c === 105 || c === 110 || c === 73 || c === 78 || isSpaceCode(c);
/** …between a year and a month in its year-month pattern: "-", ".", "/", ",", "of" */
const MONTH_AFTER_YEAR = new Set([..."-./,oOfF"].map((c) => c.charCodeAt(0)));
const beforeMonthAfterYear = (c: number) => MONTH_AFTER_YEAR.has(c) || isSpaceCode(c);

/**
 * For each parser: the word bits its pattern needs (`inWord`: the family whose words it may also find inside a
 * word, see IN_WORD) and a cheaper pattern `may` that matches wherever its pattern matches (each derived from
 * the pattern, as chrono 2.10 writes it: a day, as a number or an ordinal, ends in a digit or st/nd/rd/th; a time
 * unit ends in one of [smhdwyrekcno]). Where to search: `family`, whose first word (or digit) may begins at or
 * after; `mayFrom`, how far before that the cheaper pattern's match may begin; `from`, how far before that
 * match (or the family's first word, without one) the pattern's own match may begin. `rest`: what must be in
 * the text after a result for the pattern to match again there, searched for before the cheaper pattern (a
 * literal search, faster than it where the text has no more such words).
 */
interface Needs {
  bits: number;
  inWord?: number;
  family: number;
  may?: RegExp;
  mayFrom?: (text: string, at: number) => number;
  from: (text: string, at: number) => number;
  rest?: RegExp;
}
const ONE_BEFORE = (_: string, at: number) => at - 1;
/**
 * Where chrono's weekday pattern may find its weekday: the weekday as it is written there, after what may stand
 * right before it in a match (a non-word character, the start, or the end of "on", "this", "last", "past" or
 * "next") and before what may stand right after it (a non-word character, the end, "of" or one of those words).
 * "Among", "followed", "satellite" and "Monaco" are passed over without running the pattern itself.
 */
const weekdayMay = () => {
  const source = (PARSERS.find((p) => p.constructor.name === "ENWeekdayParser") as Parser).pattern(
    ANY_CONTEXT,
  ).source;
  const words = /\(\((?:\?:)?[a-z.\\|]+\)\|weekend\|weekday\)/.exec(source)?.[0];
  const before = String.raw`(\W|^)(?:(?:\,|\(|\（)\s*)?(?:on\s*?)?(?:(this|last|past|next)\s*)?`;
  const after = String.raw`(?:\s*(?:\,|\)|\）))?(?:\s*(?:of\s*)?(this|last|past|next)\s*week)?(?=\W|$)`;
  if (!words || source !== before + words + after)
    throw new Error("chrono's ENWeekdayParser is not the pattern the extraction was written for.");
  return new RegExp(String.raw`(?<![^\WnstNST])${words}(?=\W|$|of|this|last|past|next)`, "gi");
};
const NEEDS: Record<string, Needs> = {
  ENYearMonthDayParser: {
    bits: DIGIT,
    family: DIGIT,
    may: new RegExp(String.raw`\d{4}[-.\/\s](?:\d|${MONTH_ALT})`, "gi"),
    from: ONE_BEFORE,
  },
  ISOFormatParser: { bits: DIGIT, family: DIGIT, may: /\d{4}-\d/g, from: ONE_BEFORE },
  ENMonthNameLittleEndianParser: {
    bits: MONTH_WORD,
    inWord: MONTH_WORD,
    family: MONTH_WORD,
    may: new RegExp(String.raw`(?:\d|st|nd|rd|th)(?:[-\/]|\s{0,3}(?:of)?\s{0,3})(?:${MONTH_ALT})`, "gi"),
    // a day ends at most 10 characters before its month; the match begins at most 45 before a day's end
    mayFrom: (_, at) => at - 10,
    from: (_, at) => at - 64,
  },
  ENMonthNameMiddleEndianParser: {
    bits: MONTH_WORD,
    family: MONTH_WORD,
    may: new RegExp(String.raw`\b(?:${MONTH_ALT})[a-z]*\.?(?:[-\/]|\s*,?\s*)(?:\d|${ORDINAL_START})`, "gi"),
    from: ONE_BEFORE,
  },
  ENYearMonthNameParser: {
    bits: MONTH_WORD | DIGIT,
    inWord: MONTH_WORD,
    family: MONTH_WORD,
    may: new RegExp(String.raw`(?:\d|BE|AD|BC|CE)\s*(?:[-.\/,]\s*|of\s+)?(?:${MONTH_ALT})`, "gi"),
    mayFrom: (text, at) => back(text, at, beforeMonthAfterYear) - 2,
    // a year ("2020", "1999 BCE") begins at most 8 characters before the cheaper match
    from: (_, at) => at - 10,
  },
  ENMonthNameParser: {
    bits: MONTH_WORD,
    inWord: MONTH_WORD,
    family: MONTH_WORD,
    from: (text, at) => back(text, at, beforeMonth) - 1,
    rest: new RegExp(MONTH_ALT, "gi"),
  },
  ENWeekdayParser: {
    bits: WEEKDAY_WORD,
    inWord: WEEKDAY_WORD,
    family: WEEKDAY_WORD,
    may: weekdayMay(),
    from: (text, at) => back(text, at, beforeWeekday) - 1,
    rest: /mon|tue|wed|thu|fri|sat|sun|week/gi,
  },
  ENTimeUnitAgoFormatParser: {
    bits: AGO_WORD,
    inWord: AGO_WORD,
    family: AGO_WORD,
    may: /[smhdwyrekcno]\s{0,5}(?:ago|before|earlier)\b/gi,
    mayFrom: (_, at) => at - 6,
    from: () => 0,
  },
  ENCasualDateParser: {
    bits: CASUAL_WORD,
    family: CASUAL_WORD,
    may: bounded("ENCasualDateParser", "(?=\\W|$)"),
    from: ONE_BEFORE,
  },
  ENRelativeDateFormatParser: {
    bits: RELATIVE_WORD,
    family: RELATIVE_WORD,
    may: bounded("ENRelativeDateFormatParser", "(?=\\s*)(?=\\W|$)"),
    from: ONE_BEFORE,
  },
};

/** each parser's pattern (the same in every context), searched from a given place */
export const READERS = PARSERS.map((parser) => {
  const needs = NEEDS[parser.constructor.name];
  if (!needs) throw new Error(`No key word is known for chrono's ${parser.constructor.name}.`);
  const pattern = parser.pattern(ANY_CONTEXT);
  return {
    parser,
    ...needs,
    familyIndex: FAMILY_BITS.indexOf(needs.family),
    inWordIndex: IN_WORD_FAMILIES.indexOf(needs.inWord ?? -1),
    pattern: new RegExp(pattern.source, `${pattern.flags}g`),
  };
});
export type ReaderOf = (typeof READERS)[number];
const readerOf = (name: string) => READERS.findIndex((r) => r.parser.constructor.name === name);
export const WEEKDAY = readerOf("ENWeekdayParser");
export const MONTH = readerOf("ENMonthNameParser");
export const RELATIVE = readerOf("ENRelativeDateFormatParser");
export const MIDDLE = readerOf("ENMonthNameMiddleEndianParser");

/**
 * The parser's first match in `text` at or after where its family's first word is (`at`, -1: nowhere), as its
 * own pattern finds it: searched from the cheaper pattern's first match, or from the word itself.
 */
function firstMatch(r: ReaderOf, text: string, at: number): RegExpExecArray | null {
  if (at < 0) return null;
  let anchor = at;
  if (r.may) {
    r.may.lastIndex = Math.max(0, r.mayFrom ? r.mayFrom(text, at) : at);
    const m = r.may.exec(text);
    if (!m) return null;
    anchor = m.index;
  }
  r.pattern.lastIndex = Math.max(0, r.from(text, anchor));
  return r.pattern.exec(text);
}

/** The same, in what follows a result: where the words or the cheaper pattern are found there. */
export function nextMatch(r: ReaderOf, rest: string): RegExpExecArray | null {
  const words = r.rest;
  if (!words) return firstMatch(r, rest, 0);
  words.lastIndex = 0;
  const w = words.exec(rest);
  return w ? firstMatch(r, rest, w.index) : null;
}

/**
 * Each parser's first match in `text` (null: none), into `found`, as its own pattern finds it; searched only
 * where its words are (`words`, from dateWords; `digitAt`, the first digit's place, -1: none). Returns how many
 * matched.
 */
export function firstMatches(
  text: string,
  words: number,
  digitAt: number,
  found: Array<RegExpExecArray | null>,
): number {
  if (wordsRead !== text) dateWords(text);
  const bits = words | (digitAt >= 0 ? DIGIT : 0);
  found.length = 0;
  let count = 0;
  // where the families' first words inside a word are, looked for when first needed
  let inWordRead = false;
  for (const r of READERS) {
    let m: RegExpExecArray | null = null;
    const other = r.bits & ~(r.inWord ?? 0);
    if ((bits & r.bits) === r.bits || (r.inWord !== undefined && (bits & other) === other)) {
      let at: number;
      if (r.family === DIGIT) at = digitAt;
      else {
        at = WORD_AT[r.familyIndex] as number;
        if (r.inWord !== undefined) {
          if (!inWordRead) findInWord(text);
          inWordRead = true;
          const inside = IN_WORD_AT[r.inWordIndex] as number;
          if (inside >= 0 && (at < 0 || inside < at)) at = inside;
        }
      }
      m = firstMatch(r, text, at);
    }
    found.push(m);
    if (m) count++;
  }
  return count;
}
