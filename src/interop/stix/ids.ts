import { v5 as uuidv5 } from "uuid";

/** Namespace of Casebook's STIX ids: UUIDv5 over the object type and its canonical identity fields. */
export const STIX_NAMESPACE = "8d3f4b6a-2c1e-5f7a-9b0d-4e6c8a2f1d35";

/** A deterministic STIX id: the same identity always gives the same id, so consumers de-duplicate re-exports. */
export function stixId(type: string, ...identity: readonly string[]): string {
  return `${type}--${uuidv5([type, ...identity].join("\u001f"), STIX_NAMESPACE)}`;
}

/** A STIX timestamp (millisecond precision, UTC) for a day YYYY-MM-DD. */
export function dayTimestamp(day: string): string {
  return `${day.slice(0, 10)}T00:00:00.000Z`;
}

/** Any ISO instant as a STIX timestamp with milliseconds. */
export function stixTimestamp(iso: string): string {
  return new Date(iso).toISOString();
}

/** The type part of a STIX id. */
export function typeOf(id: string): string {
  return id.slice(0, id.indexOf("--"));
}
