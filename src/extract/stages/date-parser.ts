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
/** where a month, a weekday or "ago" may stand inside a word ("5March", "onFriday", "2hago"): anywhere */
const IN_WORD: Record<number, RegExp> = {
  [MONTH_WORD]: new RegExp(MONTHS3.join("|"), "i"),
  [WEEKDAY_WORD]: /mon|tue|wed|thu|fri|sat|sun|week/i,
  [AGO_WORD]: /ago|before|earlier/i,
};

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

/** The bits of the words that start a word of a sentence (HOLIDAY_WORD only as written); DIGIT is the caller's. */
export function dateWords(text: string): number {
  let bits = 0;
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    const word = m[0].toLowerCase();
    let b = WORD_BITS.get(word) as number;
    if (b & HOLIDAY_WORD && m[0] !== WRITTEN.get(word)) b &= ~HOLIDAY_WORD;
    bits |= b;
    if (bits === ALL_WORDS) break;
    WORDS.lastIndex = m.index + 1;
  }
  return bits;
}

const MONTH_ALT = MONTHS3.join("|");
const ORDINAL_START =
  "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt";
/** chrono's own pattern, `(\W|^)word…(?=\W|$)`, as the same test with word boundaries, which V8 runs faster */
const bounded = (name: string, end: string) => {
  const source = (PARSERS.find((p) => p.constructor.name === name) as Parser).pattern(ANY_CONTEXT).source;
  if (!source.startsWith(String.raw`(\W|^)`) || !source.endsWith(end))
    throw new Error(`chrono's ${name} is not the pattern the extraction was written for.`);
  return new RegExp(String.raw`\b${source.slice(6, -end.length)}\b`, "i");
};

/**
 * For each parser: the word bits its pattern needs, and a cheaper pattern that matches wherever its pattern
 * matches (each derived from the pattern, as chrono 2.10 writes it: a day, as a number or an ordinal, ends in a
 * digit or st/nd/rd/th; a time unit ends in one of [smhdwyrekcno]). `near`: a match of the pattern begins at most
 * one character before the cheaper one's first match, and is searched for from there. `inWord`: the bit of
 * words the pattern may also find inside a word (IN_WORD). `rest`: what must be in the text after a result for
 * the pattern to match again there, for the parsers without a cheaper pattern.
 */
const NEEDS: Record<string, { bits: number; may?: RegExp; near?: boolean; inWord?: number; rest?: RegExp }> =
  {
    ENYearMonthDayParser: {
      bits: DIGIT,
      may: new RegExp(String.raw`\d{4}[-.\/\s](?:\d|${MONTH_ALT})`, "i"),
      near: true,
    },
    ISOFormatParser: { bits: DIGIT, may: /\d{4}-\d/, near: true },
    ENMonthNameLittleEndianParser: {
      bits: MONTH_WORD,
      inWord: MONTH_WORD,
      may: new RegExp(String.raw`(?:\d|st|nd|rd|th)(?:[-\/]|\s{0,3}(?:of)?\s{0,3})(?:${MONTH_ALT})`, "i"),
    },
    ENMonthNameMiddleEndianParser: {
      bits: MONTH_WORD,
      may: new RegExp(String.raw`\b(?:${MONTH_ALT})[a-z]*\.?(?:[-\/]|\s*,?\s*)(?:\d|${ORDINAL_START})`, "i"),
      near: true,
    },
    ENYearMonthNameParser: {
      bits: MONTH_WORD | DIGIT,
      inWord: MONTH_WORD,
      may: new RegExp(String.raw`(?:\d|BE|AD|BC|CE)\s*(?:[-.\/,]\s*|of\s+)?(?:${MONTH_ALT})`, "i"),
    },
    ENMonthNameParser: { bits: MONTH_WORD, inWord: MONTH_WORD, rest: IN_WORD[MONTH_WORD] },
    ENWeekdayParser: { bits: WEEKDAY_WORD, inWord: WEEKDAY_WORD, rest: IN_WORD[WEEKDAY_WORD] },
    ENTimeUnitAgoFormatParser: {
      bits: AGO_WORD,
      inWord: AGO_WORD,
      may: /[smhdwyrekcno]\s{0,5}(?:ago|before|earlier)\b/i,
    },
    ENCasualDateParser: { bits: CASUAL_WORD, may: bounded("ENCasualDateParser", "(?=\\W|$)"), near: true },
    ENRelativeDateFormatParser: {
      bits: RELATIVE_WORD,
      may: bounded("ENRelativeDateFormatParser", "(?=\\s*)(?=\\W|$)"),
      near: true,
    },
  };

/** each parser's pattern (the same in every context), searched from a given place */
const READERS = PARSERS.map((parser) => {
  const needs = NEEDS[parser.constructor.name];
  if (!needs) throw new Error(`No key word is known for chrono's ${parser.constructor.name}.`);
  const pattern = parser.pattern(ANY_CONTEXT);
  return { parser, ...needs, from: new RegExp(pattern.source, `${pattern.flags}g`) };
});
type ReaderOf = (typeof READERS)[number];
const WEEKDAY = READERS.findIndex((r) => r.parser.constructor.name === "ENWeekdayParser");
const MONTH = READERS.findIndex((r) => r.parser.constructor.name === "ENMonthNameParser");

/** The parser's first match in `text`, as its own pattern finds it; searched only where its words are. */
function firstMatch(r: ReaderOf, text: string): RegExpExecArray | null {
  let at = 0;
  if (r.may) {
    const m = r.may.exec(text);
    if (!m) return null;
    if (r.near && m.index > 0) at = m.index - 1;
  }
  r.from.lastIndex = at;
  return r.from.exec(text);
}

/** The same, in what follows a result: the words are searched for there first. */
function nextMatch(r: ReaderOf, rest: string): RegExpExecArray | null {
  return !r.rest || r.rest.test(rest) ? firstMatch(r, rest) : null;
}

/** The date readings of a sentence, as chrono's casual parser with PARSERS reads them. */
export function parseDates(text: string, ref: { instant: Date; timezone: number }): DateReading[] {
  return readDates(text, ref, dateWords(text) | (HAS_DIGIT.test(text) ? DIGIT : 0));
}

/** `parseDates`, given the sentence's `dateWords` and whether it has a DIGIT. */
export function readDates(
  text: string,
  ref: { instant: Date; timezone: number },
  words: number,
): DateReading[] {
  const found: Array<RegExpExecArray | null> = [];
  let count = 0;
  // which of IN_WORD's words the text holds, tested when first needed
  let tested = 0;
  let inWord = 0;
  for (const r of READERS) {
    let wanted = (words & r.bits) === r.bits;
    if (!wanted && r.inWord !== undefined && ((words | r.inWord) & r.bits) === r.bits) {
      if (!(tested & r.inWord)) {
        tested |= r.inWord;
        if ((IN_WORD[r.inWord] as RegExp).test(text)) inWord |= r.inWord;
      }
      wanted = (inWord & r.inWord) !== 0;
    }
    const m = wanted ? firstMatch(r, text) : null;
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
  results.sort((a, b) => a.index - b.index);
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
const TIMEZONE_OFFSET = /^\s*(?:\(?(?:GMT|UTC)\s?)?([+-])(\d{1,2})(?::?(\d{2}))?\)?/i;
const TIMEZONE_NAME = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/i;

/** what may stand between two results that chrono's merging refiners join: a range word, "at", "of", a comma… */
const MERGE_BETWEEN = /^\s*(?:to|-|–|until|through|till|T|at|after|before|on|of|,|\.|∙|:)?\s*$/i;
/** the units of chrono's relative phrases whose results no refiner changes ("last year", "this month") */
const RELATIVE_UNIT = /^(?:year|month|week)s?$/i;
const RELATIVE = READERS.findIndex((r) => r.parser.constructor.name === "ENRelativeDateFormatParser");
type Alone = DateReading & { unlikely?: boolean };

/**
 * What chrono gives a sentence whose only dates are weekdays, months and relative years, months or weeks (see
 * weekdayAt, monthAt and relativeAt), found as its parse loop finds them; null for any other sentence. No
 * merging refiner of chrono joins two such results unless they overlap or little but a range word, "at" or a
 * comma stands between them, which sends the sentence to chrono; its filters drop only a "may" (monthAt).
 */
function readAlone(
  text: string,
  found: Array<RegExpExecArray | null>,
  ref: { instant: Date; timezone: number },
): DateReading[] | null {
  const out: Alone[] = [];
  let context: chrono.ParsingContext | undefined;
  for (let i = 0; i < found.length; i++) {
    let m = found[i] as RegExpExecArray | null;
    if (m && i !== WEEKDAY && i !== MONTH && i !== RELATIVE) return null;
    for (let offset = 0; m; ) {
      let r: Alone | null;
      if (i === WEEKDAY) r = weekdayAt(text, m, offset);
      else if (i === MONTH) r = monthAt(text, m, offset, ref.instant);
      else {
        context ??= new chrono.ParsingContext(text, ref);
        r = relativeAt(text, m, offset, context);
      }
      if (!r) return null;
      out.push(r);
      offset = r.index + r.text.length;
      m = nextMatch(READERS[i] as ReaderOf, text.substring(offset));
    }
  }
  if (out.length > 1) {
    out.sort((a, b) => a.index - b.index);
    for (let k = 1; k < out.length; k++) {
      const [a, b] = [out[k - 1] as Alone, out[k] as Alone];
      const end = a.index + a.text.length;
      if (b.index < end || MERGE_BETWEEN.test(text.substring(end, b.index))) return null;
    }
  }
  return out.some((r) => r.unlikely) ? out.filter((r) => !r.unlikely) : out;
}

/** What chrono appends to a result: an offset, or a timezone's name in capitals ("Friday, EST"), if one follows. */
function zoneAfter(rest: string): boolean {
  if (TIMEZONE_OFFSET.test(rest)) return true;
  // a name not in capitals is appended only to a result with a clock time, which none read here has
  const zone = TIMEZONE_NAME.exec(rest)?.[1];
  return zone !== undefined && zone === zone.toUpperCase();
}

/**
 * The result chrono reads from a weekday ("on Friday,", "last Friday", "the weekend") matched at `offset` in the
 * text: the words its weekday pattern matched, stating the weekday (its day is only implied, and never read).
 * A timezone after it, or "weekday", sends the sentence to chrono.
 */
function weekdayAt(text: string, m: RegExpExecArray, offset: number): Alone | null {
  // as chrono's word-boundary parsers do: the boundary group is not part of the result
  const header = m[1] ?? "";
  const index = offset + m.index + header.length;
  const words = m[0].slice(header.length);
  const word = (m[3] as string).toLowerCase();
  let weekday = WEEKDAYS[word];
  if (weekday === undefined) {
    if (word !== "weekend") return null;
    // as chrono reads it: Sunday after "last" or "past", else Saturday
    const modifier = (m[2] || m[4] || "").toLowerCase();
    weekday = modifier === "last" || modifier === "past" ? 0 : 6;
  }
  if (zoneAfter(text.substring(index + words.length))) return null;
  return { index, text: words, start: new WeekdayOnly(weekday) };
}

/**
 * The result chrono reads from a relative year, month or week ("last year", "this month", "past week") matched
 * at `offset` in the text, read by chrono's own parser. Any other unit, "end of" before it or a timezone after
 * it sends the sentence to chrono.
 */
function relativeAt(
  text: string,
  m: RegExpExecArray,
  offset: number,
  context: chrono.ParsingContext,
): Alone | null {
  // groups: the word boundary, the modifier, the unit
  if (!RELATIVE_UNIT.test(m[3] as string)) return null;
  const header = m[1] ?? "";
  const index = offset + m.index + header.length;
  const words = m[0].slice(header.length);
  if (zoneAfter(text.substring(index + words.length)) || END_OF_BEFORE.test(text.substring(0, index)))
    return null;
  // a copy, which the parser changes as it reads it (chrono may yet read the match itself), placed in the text
  const copy = Object.assign([...m], { index: offset + m.index, input: m.input }) as RegExpExecArray;
  const start = (READERS[RELATIVE] as ReaderOf).parser.extract(context, copy);
  if (!(start instanceof chrono.ParsingComponents)) return null;
  return { index, text: words, start };
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
const FULL_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
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
// what chrono's refiners look for around a month: "end of July", a year after it, "may" as a verb
const END_OF_BEFORE = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;
const IN_BEFORE = /\b(in)$/i;
const FOUR_DIGITS = /^[1-9][0-9]{3}$/;
const YEAR_AFTER =
  /^\s*((?:[1-9][0-9]{0,3}\s{0,2}(?:BE|AD|BC|BCE|CE)|[1-9][0-9]{3}|[0-9]{2}(?!\w|:\d|\s+(?:am|pm|o\s*clock|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))))/i;

/**
 * The result chrono reads from a month ("in July", "July 2015") matched at `offset` in the text, as its
 * month-name parser reads it: the month stated, the year stated when written as four digits, else the year
 * closest to the reference. Whatever a refiner or filter of chrono could change ("end of July", a year or a
 * timezone after it, "may") sends the sentence to chrono.
 */
function monthAt(text: string, m: RegExpExecArray, offset: number, refDate: Date): Alone | null {
  // groups: the word boundary, "in", the month, the year
  const at = offset + m.index + (m[1] ?? "").length;
  const matched = m[0].slice((m[1] ?? "").length);
  const name = (m[3] as string).toLowerCase();
  const month = MONTHS[name];
  // chrono passes over a bare abbreviation ("Jan"); and only four-digit years are read here
  if (month === undefined || (matched.length <= 3 && !FULL_MONTHS.includes(name))) return null;
  const year = m[4];
  if (year !== undefined && !FOUR_DIGITS.test(year)) return null;
  const index = at + (m[2] ?? "").length;
  const end = at + matched.length;
  const words = text.substring(index, end);
  const rest = text.substring(end);
  if (zoneAfter(rest) || END_OF_BEFORE.test(text.substring(0, index))) return null;
  if (year === undefined && (YEAR_AFTER.exec(rest)?.[0].trim().length ?? 0) > 3) return null;
  const y = year !== undefined ? Number(year) : yearClosestTo(refDate, month);
  const reading: Alone = { index, text: words, start: new MonthOnly(month, y, year !== undefined) };
  // chrono's last filter drops "May" unless "in" comes before it or it is all the text ("Theresa May said")
  const trimmed = words.trim();
  if (trimmed.toLowerCase() === "may" && trimmed !== text.trim())
    reading.unlikely = !IN_BEFORE.test(text.substring(0, index).trim());
  return reading;
}

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
