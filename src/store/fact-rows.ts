import type { FuzzyDate, Party } from "../model/index.ts";
import { datesCompatible } from "../model/index.ts";

// How facts' values become table rows and back, the same for every SQL backend.

export interface DateRow {
  date_value: string | null;
  date_precision: string | null;
  date_text: string | null;
}

export interface IncidentValues extends DateRow {
  label: string;
  name_key: string | null;
  victims_json: string;
  types_json: string;
  systems_json: string;
}

export function dateRow(d: FuzzyDate | undefined): DateRow {
  return { date_value: d?.value ?? null, date_precision: d?.precision ?? null, date_text: d?.text ?? null };
}

export function dateOf(r: DateRow): FuzzyDate | undefined {
  if (r.date_value === null || r.date_precision === null) return undefined;
  return {
    value: r.date_value,
    precision: r.date_precision as FuzzyDate["precision"],
    ...(r.date_text === null ? {} : { text: r.date_text }),
  };
}

/** A claim's date as more reports come: the first one given, made more precise by a compatible later one. */
export function refineDate(
  known: FuzzyDate | undefined,
  reported: FuzzyDate | undefined,
): FuzzyDate | undefined {
  if (!reported) return known;
  if (!known) return reported;
  return reported.value.length > known.value.length && datesCompatible(known, reported) ? reported : known;
}

export function dateColumns(d: FuzzyDate | undefined): [string | null, string | null, string | null] {
  return d ? [d.value, d.precision, d.text ?? null] : [null, null, null];
}

export function partyName(p: Party): string {
  switch (p.kind) {
    case "state":
      return p.country;
    default:
      return p.name;
  }
}

export function partyCountry(p: Party): string | undefined {
  switch (p.kind) {
    case "state":
      return p.country;
    case "intl":
      return undefined;
    case "group":
      return p.sponsor;
    default:
      return p.country;
  }
}
