import * as chrono from "chrono-node";

/**
 * chrono-node, trimmed to news dates and made cheaper without changing a single result. Each sentence is first
 * scanned with the parsers' own patterns (those whose words appear in it): a sentence none of them matches has
 * no dates, and one whose only match is a lone weekday ("on Friday") is read here, as chrono would read it.
 * Every other sentence goes to chrono, whose parsers found nothing in the first scan are skipped.
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
 * Words a sentence must contain (ignoring case) for a parser's pattern to match at all: most sentences hold
 * words for one or two parsers, and the others' patterns are not run. The patterns ignore ASCII case only, so
 * a lowercased copy of the sentence holds every word they can match.
 */
const MONTH_WORDS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const PARSER_NEEDS: Record<string, readonly string[] | RegExp> = {
  ENYearMonthDayParser: /\d{4}/,
  ISOFormatParser: /\d{4}-\d/,
  ENMonthNameLittleEndianParser: MONTH_WORDS,
  ENMonthNameMiddleEndianParser: MONTH_WORDS,
  ENYearMonthNameParser: MONTH_WORDS,
  ENMonthNameParser: MONTH_WORDS,
  ENWeekdayParser: ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "week"],
  ENTimeUnitAgoFormatParser: ["ago", "before", "earlier"],
  ENCasualDateParser: ["now", "today", "tonight", "tomorrow", "overmorrow", "tmr", "yesterday", "last"],
  ENRelativeDateFormatParser: ["this", "last", "past", "next", "after"],
};

type Parser = (typeof chrono.casual.parsers)[number];
/** chrono's parsers that news dates need */
export const PARSERS = chrono.casual.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));
const NEEDS = PARSERS.map((p) => {
  const needs = PARSER_NEEDS[p.constructor.name];
  if (!needs) throw new Error(`No key word is known for chrono's ${p.constructor.name}.`);
  return needs;
});
const WEEKDAY = PARSERS.findIndex((p) => p.constructor.name === "ENWeekdayParser");

/** The parsers whose patterns match the sentence last scanned: chrono runs only those. */
let scanned: { text: string; matched: boolean[] } = { text: "", matched: [] };
const NEVER = /^(?!)/;
const newsDates = chrono.casual.clone();
newsDates.parsers = PARSERS.map(
  (parser, i): Parser => ({
    pattern: (context) =>
      scanned.text !== context.text || scanned.matched[i] ? parser.pattern(context) : NEVER,
    extract: (context, match) => parser.extract(context, match),
  }),
);

export function parseDates(text: string, ref: { instant: Date; timezone: number }): DateReading[] {
  const context = new chrono.ParsingContext(text, ref);
  const lower = text.toLowerCase();
  const matched: boolean[] = [];
  let count = 0;
  // several parsers need the same words (the months): each test is made once
  const tested = new Map<readonly string[] | RegExp, boolean>();
  for (let i = 0; i < PARSERS.length; i++) {
    const needs = NEEDS[i] as readonly string[] | RegExp;
    let found = tested.get(needs);
    if (found === undefined) {
      found = needs instanceof RegExp ? needs.test(text) : needs.some((w) => lower.includes(w));
      tested.set(needs, found);
    }
    matched[i] = found && (PARSERS[i] as Parser).pattern(context).exec(text) !== null;
    if (matched[i]) count++;
  }
  if (count === 0) return [];
  if (count === 1 && matched[WEEKDAY]) {
    const lone = loneWeekday(text, context);
    if (lone) return [lone];
  }
  scanned = { text, matched };
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

// the table above must read every weekday word as chrono does
for (const [word, weekday] of Object.entries(WEEKDAYS)) {
  const [r] = chrono.casual.parse(`on ${word} x`, new Date(Date.UTC(2020, 0, 1, 12)));
  if (r?.start.get("weekday") !== weekday || !r.start.isCertain("weekday"))
    throw new Error(`chrono reads the weekday "${word}" otherwise than the extraction's table.`);
}
