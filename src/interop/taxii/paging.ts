import type { StixObject } from "../stix/types.ts";

/** An object of a collection with the time it was added to it. */
export interface CollectionEntry {
  object: StixObject;
  /** STIX timestamp with milliseconds */
  dateAdded: string;
}

/** The filters and paging of a TAXII 2.1 GET (objects, manifest, versions), as parsed from the query string. */
export interface TaxiiQuery {
  addedAfter?: string;
  limit?: number;
  next?: string;
  ids?: string[];
  types?: string[];
  versions?: string[];
  specVersions?: string[];
}

export interface TaxiiPage {
  entries: CollectionEntry[];
  more: boolean;
  next?: string;
  /** date_added of the first and last entry of the page (for X-TAXII-Date-Added-First/Last) */
  first?: string;
  last?: string;
}

export type QueryProblem = { problem: string };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Reads the query string of a TAXII request; a malformed filter is a problem for a 400 answer. */
export function parseTaxiiQuery(
  q: Record<string, unknown>,
  maxPage: number,
  defaultPage: number,
): TaxiiQuery | QueryProblem {
  const str = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : undefined);
  const list = (k: string) =>
    str(k)
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const out: TaxiiQuery = {};
  const added = str("added_after");
  if (added !== undefined) {
    if (!TIMESTAMP.test(added) || Number.isNaN(Date.parse(added)))
      return { problem: `added_after "${added}" is not a timestamp such as 2022-09-10T00:00:00.000Z.` };
    out.addedAfter = new Date(added).toISOString();
  }
  const limit = str("limit");
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1)
      return { problem: `limit "${limit}" is not a positive whole number.` };
    out.limit = Math.min(Number(limit), maxPage);
  } else out.limit = defaultPage;
  const next = str("next");
  if (next !== undefined) {
    if (decodeNext(next) === undefined) return { problem: "next is not a value this server gave." };
    out.next = next;
  }
  const ids = list("match[id]");
  if (ids) out.ids = ids;
  const types = list("match[type]");
  if (types) out.types = types;
  const versions = list("match[version]");
  if (versions) {
    for (const v of versions)
      if (!["first", "last", "all"].includes(v) && !TIMESTAMP.test(v))
        return { problem: `match[version] "${v}" is not first, last, all or a timestamp.` };
    out.versions = versions;
  }
  const specs = list("match[spec_version]");
  if (specs) out.specVersions = specs;
  return out;
}

export function encodeNext(e: CollectionEntry): string {
  return Buffer.from(`${e.dateAdded}|${e.object.id}`, "utf8").toString("base64url");
}

function decodeNext(token: string): { dateAdded: string; id: string } | undefined {
  const raw = Buffer.from(token, "base64url").toString("utf8");
  const bar = raw.indexOf("|");
  if (bar < 0 || !TIMESTAMP.test(raw.slice(0, bar))) return undefined;
  return { dateAdded: raw.slice(0, bar), id: raw.slice(bar + 1) };
}

const after = (e: CollectionEntry, key: { dateAdded: string; id: string }) =>
  e.dateAdded > key.dateAdded || (e.dateAdded === key.dateAdded && e.object.id > key.id);

/**
 * One page of a collection. Entries are ordered by date added, then id; `next` names the last entry returned,
 * so paging is stable: walking every page gives every matching object exactly once, even when objects are
 * added meanwhile (they come after). Casebook keeps one version of each object, so `match[version]` first,
 * last and all all select it, and a timestamp selects it when it equals its `modified`.
 */
export function taxiiPage(all: readonly CollectionEntry[], q: TaxiiQuery): TaxiiPage {
  const key = q.next ? decodeNext(q.next) : undefined;
  const ids = q.ids ? new Set(q.ids) : undefined;
  const types = q.types ? new Set(q.types) : undefined;
  const specs = q.specVersions ? new Set(q.specVersions) : undefined;
  const timestamps = q.versions?.filter((v) => TIMESTAMP.test(v)).map((v) => new Date(v).toISOString());
  const anyVersion = !q.versions || q.versions.some((v) => v === "first" || v === "last" || v === "all");
  const sorted = [...all].sort((a, b) =>
    a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : a.object.id < b.object.id ? -1 : 1,
  );
  const matching = sorted.filter(
    (e) =>
      (!q.addedAfter || e.dateAdded > q.addedAfter) &&
      (!key || after(e, key)) &&
      (!ids || ids.has(e.object.id)) &&
      (!types || types.has(e.object.type)) &&
      (!specs || specs.has(String(e.object.spec_version ?? "2.1"))) &&
      (anyVersion || timestamps?.includes(versionOf(e))),
  );
  const limit = q.limit ?? matching.length;
  const entries = matching.slice(0, limit);
  const more = matching.length > entries.length;
  const lastEntry = entries[entries.length - 1];
  return {
    entries,
    more,
    ...(more && lastEntry ? { next: encodeNext(lastEntry) } : {}),
    ...(entries[0] ? { first: entries[0].dateAdded } : {}),
    ...(lastEntry ? { last: lastEntry.dateAdded } : {}),
  };
}

/** The version of an object: its `modified`, else its `created` (marking definitions), else its date added. */
export function versionOf(e: CollectionEntry): string {
  const v = e.object.modified ?? e.object.created;
  return typeof v === "string" ? new Date(v).toISOString() : e.dateAdded;
}

/** The objects envelope of a page. */
export function objectsEnvelope(page: TaxiiPage) {
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    objects: page.entries.map((e) => e.object),
  };
}

/** The manifest of a page. */
export function manifestEnvelope(page: TaxiiPage, mediaType: string) {
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    objects: page.entries.map((e) => ({
      id: e.object.id,
      date_added: e.dateAdded,
      version: versionOf(e),
      media_type: mediaType,
    })),
  };
}

/** The versions envelope of one object's entries. */
export function versionsEnvelope(page: TaxiiPage) {
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    versions: page.entries.map(versionOf),
  };
}
