import * as chrono from "chrono-node";
import { isSpaceCode } from "../text/char-codes.ts";
import {
  type DateReading,
  MIDDLE,
  MONTH,
  nextMatch,
  READERS,
  RELATIVE,
  type ReaderOf,
  WEEKDAY,
} from "./date-readers.ts";
import { ordered } from "./ordered.ts";

/**
 * What chrono reads from sentences whose dates are all weekdays, months, days of a month and relative years,
 * months or weeks, read here without its refiners where none of them would change a result.
 */

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
export function readAlone(
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
  ordered(results, byIndex);
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
// kept for the last reference only: a stream of documents from many days would otherwise keep a tree per day
let knownRef: object | undefined;
let known: Known = new Map();
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
  if (ref !== knownRef || knownCount > 100_000) {
    known = new Map();
    knownRef = ref;
    knownCount = 0;
  }
  // a tree of maps, keyed by the parser, then by each group (no key string is built)
  let node = known;
  const keys = i === RELATIVE ? 2 : 4;
  for (let g = 1; g <= keys; g++) {
    const key = g === 1 ? String(i) : m[g];
    let next = node.get(key) as Known | undefined;
    if (!next) {
      next = new Map();
      node.set(key, next);
    }
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
  while (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
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

/** the years found for each reference (by its time), by month (0: not yet found) */
const closestYears = new Map<number, Int32Array>();
// those of the reference asked for last: a document's sentences all share one
let lastTime = Number.NaN;
let lastYears: Int32Array = new Int32Array(13);

/** chrono's findYearClosestToRef for the first of a month, remembered for each reference and month. */
function yearClosestTo(refDate: Date, month: number): number {
  const time = refDate.getTime();
  if (time !== lastTime) {
    let years = closestYears.get(time);
    if (!years) {
      if (closestYears.size > 1_000) closestYears.clear();
      years = new Int32Array(13);
      closestYears.set(time, years);
    }
    lastTime = time;
    lastYears = years;
  }
  let year = lastYears[month] as number;
  if (year === 0) {
    year = computeYearClosestTo(refDate, month);
    lastYears[month] = year;
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
