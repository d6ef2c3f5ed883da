import type { Document, FuzzyDate, Party, SavePlan } from "../model/index.ts";
import { datesCompatible } from "../model/index.ts";
import { sourceId } from "./ids.ts";

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

/**
 * A planned incident's stored columns, and the values of an insert or update from the date on, in column order:
 * date value, precision, text, start, end, victims, types, systems.
 */
export function incidentValues(
  p: SavePlan["incidents"][number],
  bounds: { start: string; end: string } | undefined,
): { row: IncidentValues; values: Array<string | null> } {
  const row: IncidentValues = {
    label: p.label,
    name_key: p.name ?? null,
    ...dateRow(p.date),
    victims_json: JSON.stringify(p.victims),
    types_json: JSON.stringify(p.types),
    systems_json: JSON.stringify(p.systems),
  };
  const values = [
    row.date_value,
    row.date_precision,
    row.date_text,
    bounds?.start ?? null,
    bounds?.end ?? null,
    row.victims_json,
    row.types_json,
    row.systems_json,
  ];
  return { row, values };
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

/**
 * A document's row in `sources`, in the column order (id, doc_id, sha256, title, url, publisher, published, tlp,
 * text, ingested_at) both backends insert it in.
 */
export function sourceValues(doc: Document, ingestedAt: string): unknown[] {
  return [
    sourceId(doc.sha256),
    doc.id,
    doc.sha256,
    doc.title ?? null,
    doc.url ?? null,
    doc.publisher ?? null,
    doc.published ?? null,
    doc.tlp,
    doc.text,
    ingestedAt,
  ];
}
