import { type FuzzyDate, fuzzyDate } from "../../model/index.ts";

/**
 * "The following month, hackers broke into …", "two days later": a time counted from the event the story told
 * last, not from the publication date. Resolved here against that event's date, at the precision the phrase has.
 */
const LATER =
  /\b(?:the (?:following|next) (day|week|month|year)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (days?|weeks?|months?|years?) later)\b/gi;

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const PLURAL_S = /s$/;

export interface LaterPhrase {
  /** where the phrase stands in the sentence */
  index: number;
  text: string;
  unit: "day" | "week" | "month" | "year";
  count: number;
}

/** The phrases of relative later time in a sentence. */
export function laterPhrases(sentence: string): LaterPhrase[] {
  const out: LaterPhrase[] = [];
  for (const m of sentence.matchAll(LATER)) {
    const unit = (m[1] ?? m[3] ?? "").toLowerCase().replace(PLURAL_S, "") as LaterPhrase["unit"];
    const count = m[1] ? 1 : (NUMBERS[(m[2] ?? "").toLowerCase()] ?? Number(m[2]));
    if (count > 0) out.push({ index: m.index ?? 0, text: m[0], unit, count });
  }
  return out;
}

/** The date `phrase` names after `from`, or undefined when `from` is too coarse for it ("a day after 2015"). */
export function dateAfter(from: FuzzyDate, phrase: LaterPhrase): FuzzyDate | undefined {
  const [y, m, d] = from.value.split("-").map(Number) as [number, number?, number?];
  if (phrase.unit === "year") return fuzzyDate(y + phrase.count, undefined, undefined, phrase.text);
  if (m === undefined) return undefined;
  if (phrase.unit === "month") {
    const months = y * 12 + (m - 1) + phrase.count;
    return fuzzyDate(Math.floor(months / 12), (months % 12) + 1, undefined, phrase.text);
  }
  if (d === undefined) return undefined;
  return shiftDays(from, phrase.unit === "week" ? 7 * phrase.count : phrase.count, phrase.text);
}

/** The day `days` after a day-precise date (before it, when negative). */
function shiftDays(day: FuzzyDate, days: number, text: string): FuzzyDate {
  const [y, m, d] = day.value.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return fuzzyDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), text);
}

/**
 * "on Monday, four days after hackers drained …": the event after "after" came that long before the date;
 * "on Aug. 10, the day before the attack began": the event after "before" came that long after it.
 */
const APART_BY =
  /^,?\s+(?:the|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})) (days?|weeks?) (after|before)\b/i;

const WEEKS = /^week/i;
const LEADING_GAP = /^,?\s+/;
const AFTER = /^after$/i;

/** The date of the event a phrase of relative time right after `day` speaks of ("two days after …"); else undefined. */
export function dateApart(
  day: FuzzyDate,
  following: string,
): { date: FuzzyDate; offset: number; text: string } | undefined {
  const m = APART_BY.exec(following);
  if (!m || day.precision !== "day") return undefined;
  const count = m[1] === undefined ? 1 : (NUMBERS[m[1].toLowerCase()] ?? Number(m[1]));
  const days = WEEKS.test(m[2] ?? "") ? 7 * count : count;
  const text = m[0].replace(LEADING_GAP, "");
  const sign = AFTER.test(m[3] ?? "") ? -1 : 1;
  return { date: shiftDays(day, sign * days, text), offset: m[0].length - text.length, text };
}

/**
 * "days after intrusions at Uber", "a week after a ransomware attack forced …": the words right before an attack
 * that count back to it from the sentence's own time. The count is rough where the words are ("days" is taken
 * as three): what it dates is kept to the month.
 */
const INTERVAL_BEFORE =
  /\b(?:(?:just|only|barely|about|some|nearly|less than)\s+)?(hours|(a|an|one|two|three|four|five|six|\d{1,2}|a few|several) (days?|weeks?|months?)|days|weeks)\s+after\s+(?:(?:an?|the|its|their)\s+)?(?:(?!(?:said|says|announced|told|reported|confirmed|disclosed|revealed|warned|accused|blamed)\b)[\w$'’-]+\s+){0,3}$/i;

const ROUGH: Record<string, number> = { hours: 1, days: 3, weeks: 21 };
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 };

/** The phrase of INTERVAL_BEFORE ending `before`, with where it starts there and how many days back it counts. */
export function intervalBefore(before: string): { index: number; text: string; days: number } | undefined {
  const m = INTERVAL_BEFORE.exec(before);
  if (!m) return undefined;
  const whole = (m[1] ?? "").toLowerCase();
  const unit = UNIT_DAYS[(m[3] ?? "").toLowerCase().replace(PLURAL_S, "")];
  const count = (m[2] ?? "").toLowerCase();
  const n = count === "a few" || count === "several" ? 3 : (NUMBERS[count] ?? Number(count));
  const days = unit ? unit * n : ROUGH[whole];
  if (!days) return undefined;
  return { index: m.index, text: m[0].trimEnd(), days };
}

/** The month `days` before a day-precise date, the phrase `text` as what it was read from. */
export function monthBefore(day: FuzzyDate, days: number, text: string): FuzzyDate {
  const back = shiftDays(day, -days, text);
  return fuzzyDate(Number(back.value.slice(0, 4)), Number(back.value.slice(5, 7)), undefined, text);
}
