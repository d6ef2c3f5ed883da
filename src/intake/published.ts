import { CasebookError, parseIsoDay } from "../model/index.ts";
import { EARLIEST_PUBLICATION_YEAR, FUTURE_DATE_SLACK_DAYS } from "./limits.ts";

// YYYY-MM-DD, optionally followed by an ISO time and zone: "2022-09-10T08:15:00Z", "2022-09-10 08:15+02:00".
const ISO_DATE_OR_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/i;

/**
 * Normalises a publication date to YYYY-MM-DD. Relative dates in the text ("on Friday") resolve against it,
 * so a wrong one silently corrupts every date in the record: anything doubtful is refused, never guessed.
 * A timestamp keeps the calendar day it names, which is the day its readers saw, whatever its zone.
 */
export function normalizePublished(value: string | null | undefined, now: Date = new Date()): string {
  if (value === undefined || value === null || value.trim() === "") {
    throw new CasebookError(
      "MISSING_DATE",
      "The publication date is missing; give it as YYYY-MM-DD so relative dates in the text can be resolved.",
    );
  }
  const given = value.trim();
  const m = ISO_DATE_OR_TIMESTAMP.exec(given);
  const day = m?.[1];
  if (day === undefined) {
    throw new CasebookError(
      "BAD_DATE",
      `The publication date "${clip(given)}" is not a date in the form YYYY-MM-DD (or an ISO timestamp).`,
    );
  }
  if (Number(day.slice(0, 4)) < EARLIEST_PUBLICATION_YEAR) {
    throw new CasebookError(
      "BAD_DATE",
      `The publication date "${clip(given)}" is before ${EARLIEST_PUBLICATION_YEAR}, which is surely a mistake.`,
    );
  }
  if (parseIsoDay(day) === null) {
    throw new CasebookError(
      "BAD_DATE",
      `The publication date "${clip(given)}" names a day that does not exist.`,
    );
  }
  const latest = new Date(now.getTime() + FUTURE_DATE_SLACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (day > latest) {
    throw new CasebookError("BAD_DATE", `The publication date "${clip(given)}" is in the future.`);
  }
  return day;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
