import { type FuzzyDate, fuzzyDate, type IsoDay } from "../../model/index.ts";
import type { Sentence } from "../text/sentences.ts";
import { type DateReading, readDates } from "./date-parser.ts";
import { dateWords, GATE_WORD, HOLIDAY_WORD, monthWordAt } from "./date-readers.ts";
import { holidayDates } from "./holidays.ts";
import { dateApart } from "./later-dates.ts";
import { ordered } from "./ordered.ts";

export interface DateMention {
  start: number;
  end: number;
  sentence: number;
  date: FuzzyDate;
  /** the date a statement was made ("said on Saturday"), not when something happened */
  statement: boolean;
}

const SPEECH_BEFORE =
  /\b(?:made\s+(?:[\w-]+\s+){0,3}?public|went public|said|says|say|announced|announces|stated|told|reported|disclosed|declared|confirmed|added|wrote|tweeted|accused|blamed|warned|revealed|acknowledged|statement|dismissed|denied|retorted|imposed sanctions|sanctioned|expelled|released|published|issued)\s*(?:on\s+|late\s+|early\s+|last\s+|this\s+|(?:at|over) the\s+)?$/i;
const SPEECH_AFTER =
  /^,?\s*(?:(?:and|or)\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:it\s+(?:said|was\s+(?:announced|reported|revealed|disclosed|confirmed|said|told))|in a statement|,?\s*(?:a|the)\s+(?:statement|spokes)|(?:formally\s+|publicly\s+|officially\s+)?(?:said|says|announced|accused|blamed|attributed|declared|stated|told|imposed|expelled|sanctioned|indicted|charged|severed|condemned|denounced|denied|dismissed|rejected|disclosed|confirmed|revealed|summoned|recalled|published|issued|released|warned|named|linked|pointed|offered|seized|took down|arrested|claimed)\b)/i;
// "published an analysis in June 2017": when a finding was published, not when the attack was
const PUBLISHED_BEFORE =
  /\b(?:published|released|issued|put out)\s+(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,2}(?:analysis|report|advisory|alert|paper|findings|assessment|study)\s+(?:on|in|at the end of)?\s*$/i;
/** after a date that opens a sentence: its subject, up to seven words, then the verb */
const SUBJECT_THEN = String.raw`^[,\s]*(?:(?:the|a|an|[\p{Lu}][\p{L}'’.-]*|[\p{Ll}]+(?:['’]s)?)[,\s]+){1,7}?`;
// "On Wednesday Prime Minister Edi Rama said …": a date that opens a sentence and is followed by its speaker
const SPEAKER_FOLLOWS = new RegExp(
  `${SUBJECT_THEN}(?:said|says|announced|stated|told|declared|accused|blamed|confirmed|disclosed|revealed)\\b`,
  "u",
);
// "In November, the US Justice Department charged …": a date opening a sentence whose verb is a measure taken
const MEASURE_FOLLOWS = new RegExp(
  `${SUBJECT_THEN}(?:charged|indicted|sanctioned|arrested|expelled|summoned|seized|dismantled)\\b`,
  "u",
);
const BLAME_FOLLOWS = new RegExp(
  `${SUBJECT_THEN}(?:formally\\s+|publicly\\s+)?(?:blamed|accused|attributed)\\b(?!\\s+(?:to|on|by)\\b)`,
  "u",
);
// "five times its estimate in July", "an update on Friday": the date of a telling, not of the attack
const TELLING_BEFORE =
  /\b(?:estimates?|statements?|announcements?|disclosures?|updates?|filings?)\s+(?:in|on)\s+$/i;
// "a flaw in Windows that Microsoft patched in March": the day of the fix, not of any attack through the flaw
const PATCHED_BEFORE =
  /\b(?:patched|fixed|plugged)\s+(?:it\s+|them\s+)?(?:in\s+|on\s+|last\s+|this\s+|early\s+|late\s+)?$/i;
// "the Computer Misuse Act, passed in 1990": the year of a law, not of any attack the sentence speaks of
const ENACTED_BEFORE =
  /\b(?:passed|enacted|adopted|ratified|signed into law|(?:came|entered) into (?:force|effect)|took effect)\s+(?:in\s+|on\s+)?$/i;
// "arrested four young people on Thursday over the attacks": the day of the arrests, not of the attacks
const MEASURE_BEFORE =
  /\b(?:arrested|detained|charged|indicted)\s+(?:(?!(?:over|for|with|after|in|on|of|at)\b)[\w-]+\s+){0,5}(?:on\s+|late\s+|early\s+|last\s+|this\s+)?$/i;
// "who takes office on Jan. 20", "the rules will apply from March": a date still ahead dates nothing reported
const FUTURE_BEFORE =
  /\b(?:will|shall|takes? office|(?:is|are) (?:due|scheduled|set|expected|planned) to|(?:is|are) scheduled for|prepar(?:es|ing) for)\b[^.;:,]{0,60}$/i;
/** the patterns of what, right before a date, makes it the date of a statement or a measure, not of the attack */
export const STATEMENT_BEFORE = [
  SPEECH_BEFORE,
  PUBLISHED_BEFORE,
  MEASURE_BEFORE,
  TELLING_BEFORE,
  PATCHED_BEFORE,
  ENACTED_BEFORE,
];
// All of them as one pattern: it matches where one of them does, and is searched for once instead of six times.
const ANY_STATEMENT_BEFORE = new RegExp(
  STATEMENT_BEFORE.map((p) => {
    if (p.flags !== "i") throw new Error(`${p} is not searched for as the others are.`);
    return `(?:${p.source})`;
  }).join("|"),
  "i",
);

/** Whether one of STATEMENT_BEFORE matches `before`. */
export function statementBefore(before: string): boolean {
  return ANY_STATEMENT_BEFORE.test(before);
}
const IN_ON = /^(?:in|on)\s+$/i;
/** what may open a sentence before its date: "Earlier this month the board said …" */
const OPENER = /^(?:earlier|later|also|and|but|then|late|early)\s+$/i;
// the words both patterns need: most dates have none of them before, and neither pattern runs
const NOT_YET_WORD =
  /will|shall|office|due|schedul|set to|expect|plann|prepar|deadline|pai?d? |payment|met |deleted|released|published|extended|unless|later than|expire/i;
const DEADLINE_BEFORE =
  /\b(?:deadline(?:\s+of)?|(?:paid|pay|payment|met|deleted|released|published|extended)\s+(?:[\w-]+\s+){0,3}?by|unless\s+[^.;]{0,60}?\bby|no later than|expires?(?:\s+on)?)\s+$/i;
const DURATION = /^(?:for\s+)?(?:\d+|a|an|one|two|three)\s+(?:hours?|minutes?|days?|weeks?)$/i;
const BARE_YEAR = /\b(?:(early|mid|late)[- ])?((?:19[89]|20[0-4])\d)s?\b/gi;
/** four digits, always: where a match ends tells where it begins */
const YEAR_DIGITS = /(?:19[89]|20[0-4])\d/g;
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const RANGE_START = new RegExp(
  `\\b(${MONTHS})\\s+(?:and|to|through|or|-|–)\\s+(?:(?:early|mid|late)[- ])?(?:${MONTHS})\\s+((?:19|20)\\d\\d)\\b`,
  "g",
);

const DAY_RANGE = new RegExp(
  `\\b(${MONTHS})\\s+(\\d{1,2})\\s*(?:and|to|through|-|–)\\s*\\d{1,2},?\\s+((?:19|20)\\d\\d)\\b`,
  "g",
);

const LOWER_WEEKDAY_SHORT = /^(?:on\s+)?(?:mon|tues?|wed|thu|thurs?|fri|sat|sun)\.?$/;
const BARE_WEEKDAY_SHORT = /^(?:Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun)$/;
const DATE_AFTER_SHORT = /^(?:[.,]|\s*\d)/;
const PART_OF = /\b(?:mid|early|late)-$/i;
// "late May" with no year or day after it (those the parser reads)
const MAY_AFTER_PART = /\b(?:early|mid|late|last)[- ]May\b(?![- ]\d|,? (?:19|20)\d\d)/g;
const THAT_BEFORE = /\bthat\s+$/i;
/** after a date as the parser read it, with or without its "of" */
const OF_THAT_YEAR = /^,?\s*(?:of\s+)?that year\b/i;
const HAS_DIGIT = /\d/;
// where either range pattern may begin: a month's name and what follows it in one of them; both search from there
const RANGE_AT = new RegExp(`\\b(?:${MONTHS})\\s+(?:and|to|through|or|-|–|\\d)`, "g");

const INSIDE_WORD = /[-\p{L}]/u;
const COUNTED_FROM_ANOTHER = /\b(?:before|after|earlier|later)$/i;
const NONE: readonly DateReading[] = [];

/** one reference per publication day: the parser reads it and never changes it */
const refs = new Map<number, { instant: Date; timezone: number }>();

/** Temporal expressions of each sentence, resolved against the publication date with a bias to the past. */
export function findDates(sentences: readonly Sentence[], published: IsoDay): DateMention[] {
  const key = published.year * 10_000 + published.month * 100 + published.day;
  let ref = refs.get(key);
  if (!ref) {
    if (refs.size > 10_000) refs.clear();
    ref = {
      instant: new Date(Date.UTC(published.year, published.month - 1, published.day, 12)),
      timezone: 0,
    };
    refs.set(key, ref);
  }
  const out: DateMention[] = [];
  for (const s of sentences) {
    const from = out.length;
    const text = s.text;
    // both year patterns need a digit: most sentences have none
    // (search and test give where and whether without building a match)
    const digitAt = text.search(HAS_DIGIT);
    const digits = digitAt >= 0;
    const words = dateWords(text);
    // and both range patterns a month's name, at a word's start
    const monthAt = monthWordAt(text);
    RANGE_AT.lastIndex = Math.max(0, monthAt);
    const rangeAt = digits && monthAt >= 0 ? (RANGE_AT.exec(text)?.index ?? -1) : -1;
    if (rangeAt >= 0) {
      // "on March 22 and 23, 2019": two days of one month and year, and the range takes its start
      DAY_RANGE.lastIndex = rangeAt;
      for (let m = DAY_RANGE.exec(text); m; m = DAY_RANGE.exec(text)) {
        const start = s.start + m.index;
        const date = fuzzyDate(Number(m[3]), monthNumber(m[1] as string), Number(m[2]), m[0]);
        pushDate(out, from, s, start, start + m[0].length, date);
      }
      // "April and May 2015", "between August and September 2013": the range takes its start
      RANGE_START.lastIndex = rangeAt;
      for (let m = RANGE_START.exec(text); m; m = RANGE_START.exec(text)) {
        const start = s.start + m.index;
        const month = monthNumber(m[1] as string);
        pushDate(out, from, s, start, start + m[0].length, fuzzyDate(Number(m[2]), month, undefined, m[0]));
      }
    }
    for (const h of holidayDates(text, published, (words & HOLIDAY_WORD) !== 0))
      pushDate(out, from, s, s.start + h.index, s.start + h.index + h.text.length, h.date);
    // chrono is the costliest stage: it runs only where a digit or a date word (GATE_WORD) appears
    for (const r of digits || words & GATE_WORD ? readDates(text, ref, words, digitAt) : NONE) {
      const start = s.start + r.index;
      // a date inside a word ("pre-July") is none, but "mid-December" is December
      if (
        INSIDE_WORD.test(text[r.index - 1] ?? "") &&
        !PART_OF.test(text.slice(Math.max(0, r.index - 6), r.index))
      )
        continue;
      // "three months before the breach was discovered", "a year earlier": counted from another event the story
      // tells, not from the day it was published
      if (COUNTED_FROM_ANOTHER.test(r.text)) continue;
      // "goods sat in boxes", "The Sun reported": a weekday's short form is a word, not a day, unless written as
      // dates write it ("Sat. 5", "Sun, Sept 4", "on Sat.")
      if (
        LOWER_WEEKDAY_SHORT.test(r.text) ||
        (BARE_WEEKDAY_SHORT.test(r.text) && !DATE_AFTER_SHORT.test(text.slice(r.index + r.text.length)))
      )
        continue;
      const lead = text.slice(Math.max(0, r.index - 70), r.index);
      // a date still ahead, or a deadline ("unless it is paid by Jan. 18"), dates nothing that happened
      if (NOT_YET_WORD.test(lead) && (FUTURE_BEFORE.test(lead) || DEADLINE_BEFORE.test(lead))) continue;
      let date = resolve(r, published);
      // "blamed Russia in October 2020 for a break-in that August", "began in June of that year": the month of
      // the year just named
      const named = out[out.length - 1];
      if (
        date &&
        date.precision !== "year" &&
        named &&
        named.sentence === s.index &&
        (THAT_BEFORE.test(lead) || OF_THAT_YEAR.test(text.slice(r.index + r.text.length)))
      )
        date = fuzzyDate(
          Number(named.date.value.slice(0, 4)),
          Number(date.value.slice(5, 7)),
          date.precision === "day" ? Number(date.value.slice(8, 10)) : undefined,
          r.text,
        );
      if (!date) continue;
      pushDate(out, from, s, start, start + r.text.length, date);
      // "on Monday, four days after hackers drained …": the event after "after" is dated too
      const end = start + r.text.length;
      const earlier = dateApart(date, text.slice(end - s.start, end - s.start + 30));
      if (earlier)
        pushDate(
          out,
          from,
          s,
          end + earlier.offset,
          end + earlier.offset + earlier.text.length,
          earlier.date,
        );
    }
    // "in late May", "mid-May", "last May": the parser reads "May" only after "in" (it may be a name or a verb),
    // but after these words it is the month, as "late June" is
    if (monthAt >= 0)
      for (const m of text.matchAll(MAY_AFTER_PART)) {
        const start = s.start + (m.index ?? 0) + m[0].length - 3;
        const year = published.month >= 5 ? published.year : published.year - 1;
        pushDate(out, from, s, start, start + 3, fuzzyDate(year, 5, undefined, "May"));
      }
    // a bare year's digits come at most six characters ("early-") after where its match begins
    YEAR_DIGITS.lastIndex = Math.max(0, digitAt);
    const yearAt = digits && YEAR_DIGITS.test(text) ? YEAR_DIGITS.lastIndex - 4 : -1;
    BARE_YEAR.lastIndex = Math.max(0, yearAt - 6);
    for (let m = yearAt >= 0 ? BARE_YEAR.exec(text) : null; m; m = BARE_YEAR.exec(text)) {
      const start = s.start + m.index;
      const year = Number(m[2]);
      if (year > published.year) continue;
      pushDate(out, from, s, start, start + m[0].length, fuzzyDate(year, undefined, undefined, m[0]));
    }
  }
  return withYearsJoined(ordered(out, byStart));
}

function byStart(a: DateMention, b: DateMention): number {
  return a.start - b.start;
}

const THIS_OR_LAST_YEAR = /^(?:last|this) year$/i;

/** "in late August last year", "on July 29 last year": a month or day and the year named right after it are one date. */
function withYearsJoined(dates: DateMention[]): DateMention[] {
  for (let i = 0; i + 1 < dates.length; i++) {
    const m = dates[i] as DateMention;
    const y = dates[i + 1] as DateMention;
    if (
      m.date.precision !== "year" &&
      y.date.precision === "year" &&
      y.start - m.end <= 1 &&
      THIS_OR_LAST_YEAR.test(y.date.text ?? "")
    ) {
      // "on July 29 last year" keeps its day
      const month = Number(m.date.value.slice(5, 7));
      const day = m.date.precision === "day" ? Number(m.date.value.slice(8, 10)) : undefined;
      dates[i] = {
        ...m,
        end: y.end,
        date: fuzzyDate(Number(y.date.value), month, day, `${m.date.text} ${y.date.text}`),
      };
      dates.splice(i + 1, 1);
    }
  }
  return dates;
}

/** Adds a date read in a sentence, unless one already read there (from `from` on) overlaps it. */
function pushDate(
  out: DateMention[],
  from: number,
  s: Sentence,
  start: number,
  end: number,
  date: FuzzyDate,
): void {
  for (let k = from; k < out.length; k++) {
    const d = out[k] as DateMention;
    if (start < d.end && end > d.start) return;
  }
  const before = s.text.slice(Math.max(0, start - s.start - 40), start - s.start);
  const after = s.text.slice(end - s.start, end - s.start + 30);
  out.push({
    start,
    end,
    sentence: s.index,
    date,
    statement:
      statementBefore(before) ||
      SPEECH_AFTER.test(after) ||
      ((start === s.start || OPENER.test(s.text.slice(0, start - s.start))) && SPEAKER_FOLLOWS.test(after)) ||
      ((start === s.start || IN_ON.test(s.text.slice(0, start - s.start))) &&
        (MEASURE_FOLLOWS.test(s.text.slice(end - s.start, end - s.start + 80)) ||
          // "In October 2020 the government blamed Russia for a break-in that August": a month of blaming;
          // a year of blaming is, as often as not, the year of the attack
          (date.precision !== "year" &&
            BLAME_FOLLOWS.test(s.text.slice(end - s.start, end - s.start + 80))))),
  });
}

// what `resolve` reads in a date's text; constants, as a literal in a function makes a new RegExp each call
const CLOSING_MARK = /[,.]$/;
const MONTH_OR_NOW = /^(?:now|may|march)$/i;
const CAPITAL_FIRST = /^[A-Z]/;
const NOW_OR_THIS = /^(?:now|this)$/i;
const AHEAD = /\b(?:next|tomorrow|coming)\b/i;
const CODE_NAME = /^[A-Z]{2,4}$/;
const CLOCK_UNIT = /\b(?:hours?|minutes?|seconds?)\b/i;
const DAY_NAMED =
  /\d{4}|January|February|March|April|May|June|July|August|September|October|November|December|day\b/i;
const WEEK = /\bweek\b/i;
const LAST = /\blast\b/i;
const YEAR_AGO = /^(?:a|one) year ago$/i;

function resolve(r: DateReading, pub: IsoDay): FuzzyDate | null {
  const text = r.text.trim().replace(CLOSING_MARK, "");
  if (DURATION.test(text) || (MONTH_OR_NOW.test(text) && !CAPITAL_FIRST.test(text))) return null;
  if (NOW_OR_THIS.test(text)) return null;
  // "next week", "tomorrow": news reports what has happened; a date ahead of publication dates nothing here
  if (AHEAD.test(text)) return null;
  // "KA-SAT", "WED" in a code name, "an hour before": not dates
  if (CODE_NAME.test(text) || (CLOCK_UNIT.test(text) && !DAY_NAMED.test(text))) return null;
  const c = r.start;
  const year = c.get("year") as number;
  const month = c.get("month") as number;
  const day = c.get("day") as number;
  const pubTime = Date.UTC(pub.year, pub.month - 1, pub.day);
  if (c.isCertain("weekday") && !c.isCertain("day")) {
    // past-tense reporting: the latest such weekday on or before publication
    const pubDow = new Date(pubTime).getUTCDay();
    const back = (pubDow - (c.get("weekday") as number) + 7) % 7;
    const d = new Date(pubTime - back * 86_400_000);
    return fuzzyDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), text);
  }
  // "this week" is the week being reported on: the publication's month; "last week" is a week before it
  if (WEEK.test(text)) {
    const d = new Date(pubTime - (LAST.test(text) ? 7 : 0) * 86_400_000);
    return fuzzyDate(d.getUTCFullYear(), d.getUTCMonth() + 1, undefined, text);
  }
  if (c.isCertain("day") && c.isCertain("month")) {
    let y = year;
    if (!c.isCertain("year") && Date.UTC(y, month - 1, day) > pubTime) y -= 1;
    return fuzzyDate(y, month, day, text);
  }
  if (c.isCertain("month")) {
    let y = year;
    if (!c.isCertain("year") && Date.UTC(y, month - 1, 1) > pubTime) y -= 1;
    return fuzzyDate(y, month, undefined, text);
  }
  // "a year ago" is this time last year: the month is meant too, as "two years ago" does not mean it
  if (YEAR_AGO.test(text)) return fuzzyDate(year, month, undefined, text);
  if (c.isCertain("year")) return fuzzyDate(year, undefined, undefined, text);
  return null;
}

function monthNumber(name: string): number {
  return MONTHS.split("|").indexOf(name) + 1;
}
