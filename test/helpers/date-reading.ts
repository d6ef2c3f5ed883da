import type { DateReading } from "../../src/extract/stages/date-parser.ts";

/** What a date reading states, as plain data: two readings compare equal when they read the same date. */
export function readingFacts(r: DateReading) {
  return {
    index: r.index,
    text: r.text,
    weekday: r.start.isCertain("weekday") ? r.start.get("weekday") : null,
    day: r.start.isCertain("day") ? r.start.get("day") : null,
    month: r.start.isCertain("month") ? r.start.get("month") : null,
  };
}
