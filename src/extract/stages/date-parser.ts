import * as chrono from "chrono-node";

/**
 * chrono-node, trimmed to news dates and made cheaper without changing a single result. Each sentence is first
 * scanned with the parsers' own patterns (those whose words appear in it): a sentence none of them matches has
 * no dates, and one whose only match is a lone weekday ("on Friday") or a lone month ("in July 2015") is read
 * here, as chrono would read it. Every other sentence goes to chrono, which skips the parsers the scan found
 * nothing for. The shortcuts were compared with chrono on 179,000 sentences and variants without a difference.
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
/**
 * What a sentence must contain (case-insensitive) for a parser's pattern to match at all: most sentences hold
 * words for one or two parsers, and the others' patterns are not run.
 */
const MONTH_WORD = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const PARSER_NEEDS: Record<string, RegExp> = {
  ENYearMonthDayParser: /\d{4}/,
  ISOFormatParser: /\d{4}-\d/,
  ENMonthNameLittleEndianParser: MONTH_WORD,
  ENMonthNameMiddleEndianParser: MONTH_WORD,
  ENYearMonthNameParser: MONTH_WORD,
  ENMonthNameParser: MONTH_WORD,
  ENWeekdayParser: /mon|tue|wed|thu|fri|sat|sun|week/i,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last/i,
  ENRelativeDateFormatParser: /this|last|past|next|after/i,
};

type Parser = (typeof chrono.casual.parsers)[number];
/** chrono's parsers that news dates need */
export const PARSERS = chrono.casual.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));
// each distinct test once (the four month parsers share theirs), and which one each parser needs
const TESTS = [...new Set(Object.values(PARSER_NEEDS))];
const NEEDS = PARSERS.map((p) => {
  const needs = PARSER_NEEDS[p.constructor.name];
  if (!needs) throw new Error(`No key word is known for chrono's ${p.constructor.name}.`);
  return TESTS.indexOf(needs);
});
const WEEKDAY = PARSERS.findIndex((p) => p.constructor.name === "ENWeekdayParser");
const MONTH = PARSERS.findIndex((p) => p.constructor.name === "ENMonthNameParser");

/**
 * The parsers' first matches in the sentence last scanned (null where a parser's pattern does not match): chrono
 * runs only the parsers that matched, and takes each one's first match from the scan instead of searching again.
 */
let scanned: { text: string; found: Array<RegExpExecArray | null> } = { text: "", found: [] };
const NEVER = /^(?!)/;
const newsDates = chrono.casual.clone();
newsDates.parsers = PARSERS.map(
  (parser, i): Parser => ({
    pattern: (context) => {
      if (scanned.text !== context.text) return parser.pattern(context);
      const first = scanned.found[i];
      if (!first) return NEVER;
      const re = parser.pattern(context);
      // chrono searches the whole text first, then what follows each result: the first search was the scan's
      let pending: RegExpExecArray | null = first;
      return {
        exec(s: string) {
          if (pending && s === context.text) {
            const m = pending;
            pending = null;
            return m;
          }
          return re.exec(s);
        },
      } as RegExp;
    },
    extract: (context, match) => parser.extract(context, match),
  }),
);

export function parseDates(text: string, ref: { instant: Date; timezone: number }): DateReading[] {
  const context = new chrono.ParsingContext(text, ref);
  const passed = TESTS.map((t) => t.test(text));
  const found: Array<RegExpExecArray | null> = [];
  let count = 0;
  for (let i = 0; i < PARSERS.length; i++) {
    const m = passed[NEEDS[i] as number] ? (PARSERS[i] as Parser).pattern(context).exec(text) : null;
    found.push(m);
    if (m) count++;
  }
  if (count === 0) return [];
  if (count === 1 && found[WEEKDAY]) {
    const lone = loneWeekday(text, context);
    if (lone) return [lone];
  }
  if (count === 1 && found[MONTH]) {
    const lone = loneMonth(text, context, ref.instant);
    if (lone) return [lone];
  }
  scanned = { text, found };
  return newsDates.parse(text, ref);
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

/**
 * The one result chrono gives a sentence whose only date is a weekday named once, without "this", "last" or
 * "next" ("on Friday,"): the words its weekday pattern matched, stating the weekday alone. With one result
 * none of chrono's merging refiners applies, nor do its filters; a timezone after it sends the sentence to chrono.
 */
function loneWeekday(text: string, context: chrono.ParsingContext): DateReading | null {
  const pattern = (PARSERS[WEEKDAY] as Parser).pattern(context);
  const m = pattern.exec(text);
  if (!m) return null;
  // as chrono's word-boundary parsers do: the boundary group is not part of the result
  const header = m[1] ?? "";
  const index = m.index + header.length;
  const words = m[0].slice(header.length);
  if (m[2] !== undefined || m[4] !== undefined) return null; // "last Friday", "Friday of next week"
  const weekday = WEEKDAYS[(m[3] as string).toLowerCase()];
  if (weekday === undefined) return null; // "weekend", "weekday"
  const rest = text.substring(index + words.length);
  if (pattern.exec(rest) || TIMEZONE_OFFSET.test(rest)) return null;
  // chrono appends a timezone name to a date-only result only when it is written in capitals ("Friday, EST")
  const zone = TIMEZONE_NAME.exec(rest)?.[1];
  if (zone !== undefined && zone === zone.toUpperCase()) return null;
  return { index, text: words, start: new WeekdayOnly(weekday) };
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
const YEAR_AFTER =
  /^\s*((?:[1-9][0-9]{0,3}\s{0,2}(?:BE|AD|BC|BCE|CE)|[1-9][0-9]{3}|[0-9]{2}(?!\w|:\d|\s+(?:am|pm|o\s*clock|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))))/i;

/**
 * The one result chrono gives a sentence whose only date is a month named once ("in July", "July 2015"), read
 * as its month-name parser reads it: the month stated, the year stated when written as four digits, else the
 * year closest to the reference. Whatever a refiner or filter of chrono could change ("end of July", a year or
 * a timezone after it, "may") sends the sentence to chrono.
 */
function loneMonth(text: string, context: chrono.ParsingContext, refDate: Date): DateReading | null {
  const pattern = (PARSERS[MONTH] as Parser).pattern(context);
  const m = pattern.exec(text);
  if (!m) return null;
  // groups: the word boundary, "in", the month, the year
  const at = m.index + (m[1] ?? "").length;
  const matched = m[0].slice((m[1] ?? "").length);
  const name = (m[3] as string).toLowerCase();
  const month = MONTHS[name];
  // chrono passes over a bare abbreviation ("Jan"); and only four-digit years are read here
  if (month === undefined || (matched.length <= 3 && !FULL_MONTHS.includes(name))) return null;
  const year = m[4];
  if (year !== undefined && !/^[1-9][0-9]{3}$/.test(year)) return null;
  const index = at + (m[2] ?? "").length;
  const end = at + matched.length;
  const words = text.substring(index, end);
  const rest = text.substring(end);
  if (pattern.exec(rest) || TIMEZONE_OFFSET.test(rest) || END_OF_BEFORE.test(text.substring(0, index)))
    return null;
  const zone = TIMEZONE_NAME.exec(rest)?.[1];
  if (zone !== undefined && zone === zone.toUpperCase()) return null;
  if (year === undefined && (YEAR_AFTER.exec(rest)?.[0].trim().length ?? 0) > 3) return null;
  if (words.trim().toLowerCase() === "may") return null;
  const y = year !== undefined ? Number(year) : yearClosestTo(refDate, month);
  return { index, text: words, start: new MonthOnly(month, y, year !== undefined) };
}

/** chrono's findYearClosestToRef for the first of a month, step for step (in local time, as it does). */
function yearClosestTo(refDate: Date, month: number): number {
  let date = new Date(refDate);
  date.setMonth(month - 1);
  date.setDate(1);
  const nextYear = new Date(date);
  nextYear.setFullYear(date.getFullYear() + 1);
  const lastYear = new Date(date);
  lastYear.setFullYear(date.getFullYear() - 1);
  const from = (d: Date) => Math.abs(d.getTime() - refDate.getTime());
  if (from(nextYear) < from(date)) date = nextYear;
  else if (from(lastYear) < from(date)) date = lastYear;
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
