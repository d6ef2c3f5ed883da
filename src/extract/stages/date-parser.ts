import * as chrono from "chrono-node";
import { HOLIDAY_WORDS } from "./holidays.ts";

/**
 * chrono-node, trimmed to news dates and made cheaper without changing a single result. One pass over a sentence
 * finds the words chrono's parsers need (`dateWords`); a parser runs only where its words, and a cheaper pattern
 * its own pattern implies, are found. A sentence none of them matches has no dates, and one whose only match is a
 * lone weekday ("on Friday") or a lone month ("in July 2015") is read here, as chrono would read it. Every other
 * sentence is parsed and refined as chrono's `parse` does, with the parsers that matched. The shortcuts were
 * compared with chrono on 192,000 sentences and variants without a difference.
 */

/** What extraction reads of one result: where it is, its words, and which date components it states. */
export interface DateReading {
  index: number;
  text: string;
  start: {
    get(component: "year" | "month" | "day" | "weekday"): number | null;
    isCertain(c: string): boolean;
  };
}

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

type Parser = (typeof chrono.casual.parsers)[number];
/** chrono's parsers that news dates need */
export const PARSERS = chrono.casual.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));
const REFINERS = chrono.casual.refiners;
const ANY_CONTEXT = new chrono.ParsingContext("", new Date(0));
// The words starting a word of a sentence, as bits: what a parser's pattern must find there (case-insensitive)
export const MONTH_WORD = 1;
const WEEKDAY_WORD = 2;
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
const WORDS = new RegExp(`\\b(?:${trie([...WORD_BITS.keys()])})`, "gi");
const HAS_DIGIT = /\d/;
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
const IN_WORD = new RegExp(`\\B(?:${[...IN_WORD_FAMILY.keys()].join("|")})`, "gi");

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

/** An alternation of words as a tree of their letters, which V8 searches faster; the longest word wins. */
function trie(words: readonly string[]): string {
  const first = new Map<string, string[]>();
  for (const w of words) first.set(w[0] as string, [...(first.get(w[0] as string) ?? []), w.slice(1)]);
  const branches = [...first].map(([c, rests]) => {
    const longer = rests.filter((r) => r !== "");
    const tail = longer.length === 0 ? "" : `(?:${trie(longer)})${rests.includes("") ? "?" : ""}`;
    return `${c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${tail}`;
  });
  return branches.join("|");
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
const SPACE = /\s/;
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));
/** what may stand before a weekday in chrono's weekday pattern: ",", "(", "on", "this", "last", "past", "next" */
const WEEKDAY_LEAD = new Set([..."oOnNtThHiIsSlLaApPeExX,(（"].map((c) => c.charCodeAt(0)));
const beforeWeekday = (c: number) => WEEKDAY_LEAD.has(c) || isSpace(c);
/** …before a month in its month-name pattern: "in" */
const beforeMonth = (c: number) => c === 105 || c === 110 || c === 73 || c === 78 || isSpace(c);
/** …between a year and a month in its year-month pattern: "-", ".", "/", ",", "of" */
const MONTH_AFTER_YEAR = new Set([..."-./,oOfF"].map((c) => c.charCodeAt(0)));
const beforeMonthAfterYear = (c: number) => MONTH_AFTER_YEAR.has(c) || isSpace(c);

/**
 * For each parser: the word bits its pattern needs (`inWord`: the family whose words it may also find inside a
 * word, see IN_WORD) and a cheaper pattern `may` that matches wherever its pattern matches (each derived from
 * the pattern, as chrono 2.10 writes it: a day, as a number or an ordinal, ends in a digit or st/nd/rd/th; a time
 * unit ends in one of [smhdwyrekcno]). Where to search: `family`, whose first word (or digit) may begins at or
 * after; `mayFrom`, how far before that the cheaper pattern's match may begin; `from`, how far before that
 * match (or the family's first word, without one) the pattern's own match may begin. `rest`: what must be in
 * the text after a result for the pattern to match again there, for the parsers without a cheaper pattern.
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
const READERS = PARSERS.map((parser) => {
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
type ReaderOf = (typeof READERS)[number];
const WEEKDAY = READERS.findIndex((r) => r.parser.constructor.name === "ENWeekdayParser");
/** each parser's first match in the sentence being read (readDates does not call itself) */
const FOUND: Array<RegExpExecArray | null> = [];
const MONTH = READERS.findIndex((r) => r.parser.constructor.name === "ENMonthNameParser");

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
function nextMatch(r: ReaderOf, rest: string): RegExpExecArray | null {
  if (r.may) return firstMatch(r, rest, 0);
  const words = r.rest as RegExp;
  words.lastIndex = 0;
  const w = words.exec(rest);
  return w ? firstMatch(r, rest, w.index) : null;
}

/** The date readings of a sentence, as chrono's casual parser with PARSERS reads them. */
export function parseDates(text: string, ref: { instant: Date; timezone: number }): DateReading[] {
  return readDates(text, ref, dateWords(text), HAS_DIGIT.exec(text)?.index ?? -1);
}

/** `parseDates`, given the sentence's `dateWords` and where its first digit is (-1: nowhere). */
export function readDates(
  text: string,
  ref: { instant: Date; timezone: number },
  words: number,
  digitAt: number,
): DateReading[] {
  if (wordsRead !== text) dateWords(text);
  const bits = words | (digitAt >= 0 ? DIGIT : 0);
  const found = FOUND;
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
  if (count === 0) return [];
  const alone = readAlone(text, found, ref);
  if (alone) return alone;
  // chrono's parse, with the parsers that matched, each starting from its first match
  const context = new chrono.ParsingContext(text, ref);
  let results: chrono.ParsingResult[] = [];
  for (let i = 0; i < READERS.length; i++) {
    const first = found[i];
    if (first) execute(context, READERS[i] as ReaderOf, first, results);
  }
  results.sort(byIndex);
  for (const refiner of REFINERS) results = refiner.refine(context, results);
  return results;
}

/**
 * chrono's executeParser, step for step, with each search after a result made as `nextMatch` makes it; its
 * results are added to `results`.
 */
function execute(
  context: chrono.ParsingContext,
  r: ReaderOf,
  first: RegExpExecArray,
  results: chrono.ParsingResult[],
): void {
  const originalText = context.text;
  let remainingText = originalText;
  let match: RegExpExecArray | null = first;
  while (match) {
    match.index = match.index + originalText.length - remainingText.length;
    const result = r.parser.extract(context, match);
    if (!result) {
      remainingText = originalText.substring(match.index + 1);
      match = nextMatch(r, remainingText);
      continue;
    }
    let parsed: chrono.ParsingResult;
    if (result instanceof chrono.ParsingResult) parsed = result;
    else if (result instanceof chrono.ParsingComponents) {
      parsed = context.createParsingResult(match.index, match[0]);
      parsed.start = result;
    } else parsed = context.createParsingResult(match.index, match[0], result);
    results.push(parsed);
    remainingText = originalText.substring(parsed.index + parsed.text.length);
    match = nextMatch(r, remainingText);
  }
}

// chrono's weekday words (locales/en/constants.ts), checked against chrono itself at start-up below
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  sun: 0,
  "sun.": 0,
  monday: 1,
  mon: 1,
  "mon.": 1,
  tuesday: 2,
  tue: 2,
  "tue.": 2,
  wednesday: 3,
  wed: 3,
  "wed.": 3,
  thursday: 4,
  thurs: 4,
  "thurs.": 4,
  thur: 4,
  "thur.": 4,
  thu: 4,
  "thu.": 4,
  friday: 5,
  fri: 5,
  "fri.": 5,
  saturday: 6,
  sat: 6,
  "sat.": 6,
};
// what chrono's timezone refiners would append to a result: a sentence where one may follow the weekday goes to chrono
// (each tried where a result ends: as chrono tries `^…` on the text after it)
const TIMEZONE_OFFSET = /\s*(?:\(?(?:GMT|UTC)\s?)?([+-])(\d{1,2})(?::?(\d{2}))?\)?/iy;
const TIMEZONE_NAME = /\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/iy;

/** what stands between two results that chrono's range refiner joins ("July to September") */
const RANGE_BETWEEN = /^\s*(to|-|–|until|through|till)\s*$/i;
/** …its date-and-time refiners join (a date and a result stating no day, month, year or weekday: "this week") */
const DATE_TIME_BETWEEN = /^\s*(T|at|after|before|on|of|,|-|\.|∙|:)?\s*$/;
/** …and its weekday refiner joins (a lone weekday and a day: "Friday, July 15") */
const WEEKDAY_BETWEEN = /^,?\s*$/;
/** the units of chrono's relative phrases whose results no refiner changes ("last year", "this month") */
const RELATIVE_UNIT = /^(?:year|month|week)s?$/i;
const RELATIVE = READERS.findIndex((r) => r.parser.constructor.name === "ENRelativeDateFormatParser");
const MIDDLE = READERS.findIndex((r) => r.parser.constructor.name === "ENMonthNameMiddleEndianParser");
/** a result of one of the parsers read here, where chrono's parse loop finds it */
interface Found {
  parser: number;
  index: number;
  text: string;
  match: RegExpExecArray;
  offset: number;
  start?: chrono.ParsingComponents;
}
type Alone = DateReading & { unlikely?: boolean };

/**
 * What chrono gives a sentence whose only dates are weekdays, months, days of a month and relative years, months
 * or weeks, found as its parse loop finds them and read as its parsers read them (see aloneReading); null for any
 * other sentence. Of its refiners, the first ("end of July", which sends the sentence to chrono) and the overlap
 * refiner are done here; no merging refiner joins two of these results unless what stands between them is one
 * it joins on, which sends the sentence to chrono; its filters drop only a "may" and a day its month lacks.
 */
function readAlone(
  text: string,
  found: Array<RegExpExecArray | null>,
  ref: { instant: Date; timezone: number },
): DateReading[] | null {
  let results: Found[] = [];
  let context: chrono.ParsingContext | undefined;
  for (let i = 0; i < found.length; i++) {
    let m = found[i] as RegExpExecArray | null;
    if (m && i !== WEEKDAY && i !== MONTH && i !== RELATIVE && i !== MIDDLE) return null;
    for (let offset = 0; m; ) {
      const at = offset + m.index + (m[1] ?? "").length; // as chrono's word-boundary parsers do: no boundary
      const matched = m[0].slice((m[1] ?? "").length);
      let result: Found | null = null;
      if (i === MONTH) {
        // groups: the word boundary, "in", the month, the year; chrono passes over a bare abbreviation ("Jan")
        const index = at + (m[2] ?? "").length;
        if (matched.length > 3 || FULL_MONTHS.includes((m[3] as string).toLowerCase()))
          result = { parser: i, index, text: text.substring(index, at + matched.length), match: m, offset };
      } else if (i === MIDDLE) {
        // groups: the word boundary, the month, the day, a range's last day, the year; chrono passes over day 32
        if (m[4] !== undefined) return null;
        context ??= new chrono.ParsingContext(text, ref);
        const start = extractAt(MIDDLE, m, offset, context, ref);
        if (start) result = { parser: i, index: at, text: matched, match: m, offset, start };
      } else result = { parser: i, index: at, text: matched, match: m, offset };
      if (result) results.push(result);
      offset = result ? result.index + result.text.length : at + 1;
      m = nextMatch(READERS[i] as ReaderOf, text.substring(offset));
    }
  }
  results.sort(byIndex);
  // chrono's first refiner moves a month or a relative phrase after "end of" to its end
  for (const r of results)
    if ((r.parser === MONTH || r.parser === RELATIVE) && endOfBefore(text, r.index)) return null;
  results = withoutOverlaps(results);
  const out: Alone[] = [];
  for (const r of results) {
    if (r.parser === RELATIVE && !r.start) {
      context ??= new chrono.ParsingContext(text, ref);
      r.start = extractAt(RELATIVE, r.match, r.offset, context, ref) ?? undefined;
    }
    const reading = aloneReading(text, r, ref.instant);
    if (!reading) return null;
    const before = out[out.length - 1];
    if (before && joined(before, reading, text.substring(before.index + before.text.length, reading.index)))
      return null;
    out.push(reading);
  }
  let likely = 0;
  for (const r of out) if (!r.unlikely) out[likely++] = r;
  out.length = likely;
  return out;
}

function byIndex(a: { index: number }, b: { index: number }): number {
  return a.index - b.index;
}

/** chrono's OverlapRemovalRefiner: of two results that overlap, the longer stays (the first, if neither is). */
function withoutOverlaps(results: Found[]): Found[] {
  if (results.length < 2) return results;
  const kept: Found[] = [];
  let previous = results[0] as Found;
  for (let k = 1; k < results.length; k++) {
    const r = results[k] as Found;
    if (r.index >= previous.index + previous.text.length) {
      kept.push(previous);
      previous = r;
    } else if (r.text.length > previous.text.length) previous = r;
  }
  kept.push(previous);
  return kept;
}

/** Whether one of chrono's merging refiners would join two results with `between` them. */
function joined(a: DateReading, b: DateReading, between: string): boolean {
  return (
    RANGE_BETWEEN.test(between) ||
    ((statesNoDate(a) || statesNoDate(b)) && DATE_TIME_BETWEEN.test(between)) ||
    (a.start.isCertain("weekday") &&
      !a.start.isCertain("day") &&
      b.start.isCertain("day") &&
      WEEKDAY_BETWEEN.test(between))
  );
}

/** chrono's "only a time": no weekday, day, month or year stated ("this week") */
function statesNoDate(r: DateReading): boolean {
  const c = r.start;
  return !c.isCertain("weekday") && !c.isCertain("day") && !c.isCertain("month") && !c.isCertain("year");
}

/**
 * A result as chrono reads it, or null where a refiner of chrono after the overlap refiner could change it: a
 * timezone after it (appended), a year after a month or a day that names none (taken as its year). A weekday
 * ("on Friday,", "last Friday", "the weekend") states the weekday alone (its day is only implied, and never
 * read); a month ("in July", "July 2015") states the month, and the year when written as four digits, else
 * implies the year closest to the reference; days of a month and relative phrases are read by chrono's parsers.
 */
function aloneReading(text: string, r: Found, refDate: Date): Alone | null {
  const m = r.match;
  const end = r.index + r.text.length;
  if (zoneAfter(text, end)) return null;
  if (r.parser === WEEKDAY) {
    // groups: the word boundary, "this"/"last"/…, the weekday, "this"/"last"/… week
    const word = (m[3] as string).toLowerCase();
    let weekday = WEEKDAYS[word];
    if (weekday === undefined) {
      if (word !== "weekend") return null;
      // as chrono reads it: Sunday after "last" or "past", else Saturday
      const modifier = (m[2] || m[4] || "").toLowerCase();
      weekday = modifier === "last" || modifier === "past" ? 0 : 6;
    }
    return { index: r.index, text: r.text, start: new WeekdayOnly(weekday) };
  }
  if (r.parser === MONTH) {
    const month = MONTHS[(m[3] as string).toLowerCase()] as number;
    const year = m[4];
    if (year !== undefined && !FOUR_DIGITS.test(year)) return null;
    if (year === undefined && yearAfter(text, end)) return null;
    const y = year !== undefined ? Number(year) : yearClosestTo(refDate, month);
    const reading: Alone = {
      index: r.index,
      text: r.text,
      start: new MonthOnly(month, y, year !== undefined),
    };
    // chrono's last filter drops "May" unless "in" comes before it or it is all the text ("Theresa May said")
    const trimmed = r.text.trim();
    if (trimmed.toLowerCase() === "may" && trimmed !== text.trim())
      reading.unlikely = !IN_BEFORE.test(text.substring(0, r.index).trim());
    return reading;
  }
  if (!r.start) return null;
  if (r.parser === RELATIVE)
    return RELATIVE_UNIT.test(m[3] as string) ? { index: r.index, text: r.text, start: r.start } : null;
  if (m[5] === undefined && yearAfter(text, end)) return null;
  return { index: r.index, text: r.text, start: r.start, unlikely: !r.start.isValidDate() };
}

/** Whether chrono appends to a result ending at `end` an offset or a timezone's name in capitals ("Friday, EST"). */
function zoneAfter(text: string, end: number): boolean {
  TIMEZONE_OFFSET.lastIndex = end;
  if (TIMEZONE_OFFSET.test(text)) return true;
  // a name not in capitals is appended only to a result with a clock time, which none read here has
  TIMEZONE_NAME.lastIndex = end;
  const zone = TIMEZONE_NAME.exec(text)?.[1];
  return zone !== undefined && zone === zone.toUpperCase();
}

/** Whether chrono takes a year after a result ending at `end` as its year (ENExtractYearSuffixRefiner). */
function yearAfter(text: string, end: number): boolean {
  YEAR_AFTER.lastIndex = end;
  return (YEAR_AFTER.exec(text)?.[0].trim().length ?? 0) > 3;
}

/** what chrono's parsers read from the same groups against the same reference (they read nothing else) */
type Known = Map<string | undefined, Known | chrono.ParsingComponents | null>;
const readings = new WeakMap<object, Known>();
let knownCount = 0;

/**
 * What parser `i` (the middle-endian or the relative one) reads from its match at `offset`, read on a copy
 * (chrono may yet read the match itself), and remembered for the reference: the parser reads the match's
 * groups, which make the key, and the reference alone.
 */
function extractAt(
  i: number,
  m: RegExpExecArray,
  offset: number,
  context: chrono.ParsingContext,
  ref: object,
): chrono.ParsingComponents | null {
  let known = readings.get(ref);
  if (!known || knownCount > 100_000) {
    known = new Map();
    readings.set(ref, known);
    knownCount = 0;
  }
  // a tree of maps, keyed by the parser, then by each group (no key string is built)
  let node = known;
  const keys = i === RELATIVE ? 2 : 4;
  for (let g = 1; g <= keys; g++) {
    const key = g === 1 ? String(i) : m[g];
    let next = node.get(key) as Known | undefined;
    if (!next) node.set(key, (next = new Map()));
    node = next;
  }
  const last = i === RELATIVE ? m[3] : m[5];
  let start = node.get(last) as chrono.ParsingComponents | null | undefined;
  if (start === undefined) {
    const copy = Object.assign([...m], { index: offset + m.index, input: m.input }) as RegExpExecArray;
    const read = (READERS[i] as ReaderOf).parser.extract(context, copy);
    start = read instanceof chrono.ParsingComponents ? read : null;
    node.set(last, start);
    knownCount++;
  }
  return start;
}

/** Whether END_OF_BEFORE matches the text before `at`: it needs "of" or "the" and a space right before. */
function endOfBefore(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  if (k === at || k < 2) return false;
  const last = text.charCodeAt(k - 1) | 32;
  if (last !== 102 && last !== 101) return false; // "of", "the"
  return END_OF_BEFORE.test(text.substring(0, at));
}

/** The components of a lone weekday: the weekday alone is stated. */
class WeekdayOnly {
  constructor(private readonly weekday: number) {}
  get(component: string): number | null {
    return component === "weekday" ? this.weekday : null;
  }
  isCertain(component: string): boolean {
    return component === "weekday";
  }
}

// chrono's month words (locales/en/constants.ts), checked against chrono itself at start-up below
const FULL_MONTHS =
  "january february march april may june july august september october november december".split(" ");
const MONTHS: Record<string, number> = {
  ...Object.fromEntries(FULL_MONTHS.map((m, i) => [m, i + 1])),
  ...Object.fromEntries(
    ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].flatMap((m, i) =>
      m ? [[m, i + 1] as const, [`${m}.`, i + 1] as const] : [],
    ),
  ),
  sept: 9,
  "sept.": 9,
};
// what chrono's refiners look for around a result: "end of July", a year after it, "in" before "may"
const END_OF_BEFORE = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;
const IN_BEFORE = /\b(in)$/i;
const FOUR_DIGITS = /^[1-9][0-9]{3}$/;
const YEAR_AFTER =
  /\s*((?:[1-9][0-9]{0,3}\s{0,2}(?:BE|AD|BC|BCE|CE)|[1-9][0-9]{3}|[0-9]{2}(?!\w|:\d|\s+(?:am|pm|o\s*clock|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))))/iy;

const closestYears = new Map<number, number>();

/** chrono's findYearClosestToRef for the first of a month, remembered for each reference and month. */
function yearClosestTo(refDate: Date, month: number): number {
  const key = refDate.getTime() * 16 + month;
  let year = closestYears.get(key);
  if (year === undefined) {
    if (closestYears.size > 10_000) closestYears.clear();
    year = computeYearClosestTo(refDate, month);
    closestYears.set(key, year);
  }
  return year;
}

/** chrono's findYearClosestToRef for the first of a month, step for step (in local time, as it does). */
function computeYearClosestTo(refDate: Date, month: number): number {
  let date = new Date(refDate);
  date.setMonth(month - 1);
  date.setDate(1);
  const nextYear = new Date(date);
  nextYear.setFullYear(date.getFullYear() + 1);
  const lastYear = new Date(date);
  lastYear.setFullYear(date.getFullYear() - 1);
  const ref = refDate.getTime();
  const here = Math.abs(date.getTime() - ref);
  if (Math.abs(nextYear.getTime() - ref) < here) date = nextYear;
  else if (Math.abs(lastYear.getTime() - ref) < here) date = lastYear;
  return date.getFullYear();
}

/** The components of a lone month: the month stated, the year stated or implied, the first of the month implied. */
class MonthOnly {
  constructor(
    private readonly month: number,
    private readonly year: number,
    private readonly yearStated: boolean,
  ) {}
  get(component: string): number | null {
    return component === "month"
      ? this.month
      : component === "year"
        ? this.year
        : component === "day"
          ? 1
          : null;
  }
  isCertain(component: string): boolean {
    return component === "month" || (component === "year" && this.yearStated);
  }
}

// the table above must read every weekday word as chrono does
for (const [word, weekday] of Object.entries(WEEKDAYS)) {
  const [r] = chrono.casual.parse(`on ${word} x`, new Date(Date.UTC(2020, 0, 1, 12)));
  if (r?.start.get("weekday") !== weekday || !r.start.isCertain("weekday"))
    throw new Error(`chrono reads the weekday "${word}" otherwise than the extraction's table.`);
}

for (const [word, month] of Object.entries(MONTHS)) {
  const [r] = chrono.casual.parse(`in ${word} x`, new Date(Date.UTC(2020, 0, 1, 12)));
  if (r?.start.get("month") !== month || !r.start.isCertain("month"))
    throw new Error(`chrono reads the month "${word}" otherwise than the extraction's table.`);
}
