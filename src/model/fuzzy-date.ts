import { z } from "zod";

export const PRECISIONS = ["day", "month", "year"] as const;
export const FuzzyDateSchema = z
  .object({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date value must be YYYY, YYYY-MM or YYYY-MM-DD"),
    precision: z.enum(PRECISIONS),
    /** the words the date was read from ("on Friday") */
    text: z.string().optional(),
  })
  .refine((d) => d.value.length === { day: 10, month: 7, year: 4 }[d.precision], {
    message: "a date value must have as many parts as its precision says",
  });
export type FuzzyDate = z.infer<typeof FuzzyDateSchema>;
export type Precision = FuzzyDate["precision"];

const pad = (n: number) => String(n).padStart(2, "0");

export function fuzzyDate(year: number, month?: number, day?: number, text?: string): FuzzyDate {
  // built field by field, not spread: extraction makes one of these per date it reads
  const [value, precision] =
    day !== undefined && month !== undefined
      ? [`${year}-${pad(month)}-${pad(day)}`, "day" as const]
      : month !== undefined
        ? [`${year}-${pad(month)}`, "month" as const]
        : [String(year), "year" as const];
  return text === undefined ? { value, precision } : { value, precision, text };
}

/** True when two dates can denote the same moment at the coarser of their precisions. */
export function datesCompatible(a: FuzzyDate, b: FuzzyDate): boolean {
  const n = Math.min(a.value.length, b.value.length);
  return a.value.slice(0, n) === b.value.slice(0, n);
}

/** First and last day (YYYY-MM-DD) a date value YYYY, YYYY-MM or YYYY-MM-DD can mean. */
export function dateBounds(value: string): { start: string; end: string } {
  const [y, m, d] = value.split("-");
  if (m === undefined) return { start: `${y}-01-01`, end: `${y}-12-31` };
  if (d !== undefined) return { start: value, end: value };
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return { start: `${y}-${m}-01`, end: `${y}-${m}-${pad(last)}` };
}

/** A calendar day, as numbers. */
export interface IsoDay {
  year: number;
  month: number;
  day: number;
}

/** Parses a strict ISO calendar date (YYYY-MM-DD), rejecting impossible days such as 2022-02-30. */
export function parseIsoDay(value: string): IsoDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}
