import { INCIDENT_TYPES, type IncidentType } from "../model/index.ts";
import {
  INCIDENT_SORTS,
  type IncidentFilter,
  type IncidentReadOptions,
  type IncidentSort,
  REVIEW_STATES,
  type ReviewState,
} from "../model/knowledge.ts";
import { StoreError } from "../model/store-errors.ts";

/** How a filter names a party: by country code, by key (state:AL, group:apt28) or by name. */
export type PartyMatch =
  | { by: "country"; code: string }
  | { by: "key"; key: string }
  | { by: "name"; name: string };

/** A filter checked and put in the form backends query with. */
export interface NormalizedFilter {
  victim?: PartyMatch;
  accused?: PartyMatch;
  claimant?: PartyMatch;
  type?: IncidentType;
  /** first day of `since` (YYYY-MM-DD) */
  from?: string;
  /** last day of `until` (YYYY-MM-DD) */
  to?: string;
  text?: string;
  review?: ReviewState;
  sort: IncidentSort;
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

export function normalizeFilter(filter: IncidentFilter = {}): NormalizedFilter {
  const out: NormalizedFilter = {
    limit: count(filter.limit, "limit", DEFAULT_LIMIT, 1),
    offset: count(filter.offset, "offset", 0, 0),
    sort: oneOf(filter.sort, INCIDENT_SORTS, "sort order", "-date"),
  };
  const review =
    filter.review === undefined ? undefined : oneOf(filter.review, REVIEW_STATES, "review state");
  if (review) out.review = review;
  for (const role of ["victim", "accused", "claimant"] as const) {
    const value = filter[role]?.trim();
    if (value) out[role] = partyMatch(value);
  }
  const type = filter.type?.trim().toLowerCase();
  if (type) {
    if (!(INCIDENT_TYPES as readonly string[]).includes(type)) {
      throw new StoreError(
        "BAD_QUERY",
        `The incident type "${filter.type}" is not one Casebook knows; the types are ${INCIDENT_TYPES.join(", ")}.`,
      );
    }
    out.type = type as IncidentType;
  }
  if (filter.since?.trim()) out.from = dateRange(filter.since.trim(), "since").start;
  if (filter.until?.trim()) out.to = dateRange(filter.until.trim(), "until").end;
  if (out.from !== undefined && out.to !== undefined && out.from > out.to) {
    throw new StoreError(
      "BAD_QUERY",
      `The range is empty: "since" (${filter.since}) is after "until" (${filter.until}).`,
    );
  }
  const text = filter.text?.trim();
  if (text) out.text = text;
  return out;
}

export function partyMatch(value: string): PartyMatch {
  if (/^[A-Za-z]{2}$/.test(value)) return { by: "country", code: value.toUpperCase() };
  const colon = value.indexOf(":");
  if (colon > 0) {
    const kind = value.slice(0, colon).toLowerCase();
    const rest = value.slice(colon + 1).trim();
    return {
      by: "key",
      key:
        kind === "state" || kind === "intl"
          ? `${kind}:${rest.toUpperCase()}`
          : `${kind}:${rest.toLowerCase()}`,
    };
  }
  return { by: "name", name: value.toLowerCase() };
}

/** First and last day of a date given as YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateRange(value: string, what = "date"): { start: string; end: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const year = Number(m?.[1]);
  const month = m?.[2] === undefined ? undefined : Number(m[2]);
  const day = m?.[3] === undefined ? undefined : Number(m[3]);
  const valid =
    m !== null &&
    (month === undefined || (month >= 1 && month <= 12)) &&
    (day === undefined || (month !== undefined && day >= 1 && day <= lastDay(year, month)));
  if (!valid) {
    throw new StoreError(
      "BAD_QUERY",
      `The ${what} date "${value}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.`,
    );
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  if (month === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  const ym = `${m[1]}-${pad(month)}`;
  if (day === undefined) return { start: `${ym}-01`, end: `${ym}-${pad(lastDay(year, month))}` };
  return { start: value, end: value };
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
  fallback?: T,
): T {
  const v = value?.trim();
  if (!v) {
    if (fallback === undefined) throw new StoreError("BAD_QUERY", `The ${what} is empty.`);
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(v)) {
    throw new StoreError("BAD_QUERY", `The ${what} "${value}" is not one of ${allowed.join(", ")}.`);
  }
  return v as T;
}

function count(value: number | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > MAX_LIMIT * 100) {
    throw new StoreError("BAD_QUERY", `The ${name} must be a whole number of at least ${min}, not ${value}.`);
  }
  return name === "limit" ? Math.min(value, MAX_LIMIT) : value;
}

/** The number of quotes per fact an incident is read with (`IncidentReadOptions`), if cut. */
export function quoteCut(options: IncidentReadOptions): number | undefined {
  const n = options.quotes;
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1) {
    throw new StoreError(
      "BAD_QUERY",
      `The number of quotes per fact must be a whole number of at least 1, not ${n}.`,
    );
  }
  return n;
}

/** Words of a search turned into an FTS5 query that cannot be a syntax error: "phrases" kept, prefix* kept. */
export function ftsQuery(query: string): string {
  const terms = [...query.matchAll(/"([^"]*)"|([\p{L}\p{N}_]+)(\*)?/gu)]
    .map((m) => {
      if (m[1] !== undefined) {
        const words = m[1].match(/[\p{L}\p{N}_]+/gu);
        return words ? `"${words.join(" ")}"` : "";
      }
      return `"${m[2]}"${m[3] ?? ""}`;
    })
    .filter((t) => t !== "");
  if (terms.length === 0) {
    throw new StoreError("BAD_QUERY", `The search "${query}" has no words to look for.`);
  }
  return terms.join(" ");
}
