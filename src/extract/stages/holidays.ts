import { type FuzzyDate, fuzzyDate, type IsoDay } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";

interface Holiday {
  name: string;
  month: number;
  day?: number;
}

const HOLIDAYS = loadData<{ holidays: Holiday[] }>("lexicon/holidays.json").holidays;
const asPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]");
// longest names first, so "Christmas Day" is read whole before "Christmas"
const BY_LENGTH = [...HOLIDAYS].sort((a, b) => b.name.length - a.name.length);
const HOLIDAY = new RegExp(
  `\\b(${BY_LENGTH.map((h) => asPattern(h.name)).join("|")})(?:,?\\s+((?:19|20)\\d\\d))?\\b`,
  "g",
);
/** the words every name holds one of (case-sensitive): a sentence without them is not searched */
export const HOLIDAY_WORDS = ["Christmas", "New Year", "Boxing", "Halloween", "Valentine"];
const HOLIDAY_WORD = new RegExp(HOLIDAY_WORDS.join("|"));

export interface HolidayDate {
  index: number;
  text: string;
  date: FuzzyDate;
}

/**
 * Fixed-day holidays used as dates ("on New Year's Eve", "the Christmas Day attack", "over Christmas 2014"). A
 * year written after the name is its year; otherwise, as news reports what has happened, the latest such day on
 * or before publication.
 */
export function holidayDates(
  text: string,
  published: IsoDay,
  named = HOLIDAY_WORD.test(text), // whether the text holds one of HOLIDAY_WORDS, when the caller knows
): HolidayDate[] {
  if (!named) return [];
  const out: HolidayDate[] = [];
  for (const m of text.matchAll(HOLIDAY)) {
    const name = (m[1] as string).replace(/’/g, "'");
    const h = BY_LENGTH.find((x) => x.name === name);
    if (!h) continue;
    let year = m[2] ? Number(m[2]) : published.year;
    if (!m[2] && (h.month > published.month || (h.month === published.month && (h.day ?? 1) > published.day)))
      year -= 1;
    if (year > published.year) continue;
    out.push({ index: m.index ?? 0, text: m[0], date: fuzzyDate(year, h.month, h.day, m[0]) });
  }
  return out;
}
