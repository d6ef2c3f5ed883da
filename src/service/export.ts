import { CSV_COLUMNS, csvLine, incidentRow } from "../interop/csv/index.ts";
import { mispEvent } from "../interop/misp/index.ts";
import { bundleId, type ExportSource, StixExport, type StixObject } from "../interop/stix/index.ts";
import type { Tlp } from "../model/index.ts";
import type { IncidentDetail } from "../model/knowledge.ts";
import type { Store } from "../store/index.ts";
import { catalogueIndex } from "./catalogue.ts";
import { forClearance } from "./clearance.ts";
import { applyDecisions } from "./review.ts";

export const EXPORT_FORMATS = ["stix", "misp", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportScope {
  /** one incident (its full id) instead of the whole knowledge base */
  incidentId?: string;
  /** the most restricted TLP the reader may see (default red: everything) */
  clearance?: Tlp;
  /** STIX: put each source's full text in its report (default true) */
  withText?: boolean;
}

export interface ExportSummary {
  format: ExportFormat;
  incidents: number;
  /** STIX objects, MISP events or CSV rows written */
  items: number;
  bytes: number;
}

/** Where an export writes, chunk by chunk; a promise makes the export wait (back-pressure). */
export type Sink = (chunk: string) => void | Promise<void>;

const PAGE = 500;

/** Every incident of the scope as the reader may see it, analysts' decisions applied, one at a time. */
/** One incident as a reader of `clearance` may see it, analysts' decisions applied; null when hidden. */
async function visibleIncident(store: Store, id: string, clearance: Tlp): Promise<IncidentDetail | null> {
  const found = await store.getIncident(id);
  if (!found) return null;
  const ids = [found.id, ...found.claims.map((c) => c.id), ...found.responses.map((r) => r.id)];
  return forClearance(applyDecisions(found, await store.decisionsFor(ids)), clearance);
}

export async function* exportedIncidents(store: Store, scope: ExportScope): AsyncGenerator<IncidentDetail> {
  const clearance = scope.clearance ?? "red";
  const one = (id: string) => visibleIncident(store, id, clearance);
  if (scope.incidentId) {
    const d = await one(scope.incidentId);
    if (d) yield d;
    return;
  }
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listIncidents({ limit: PAGE, offset });
    for (const summary of page.incidents) {
      const d = await one(summary.id);
      if (d) yield d;
    }
    if (offset + PAGE >= page.total) return;
  }
}

/**
 * The STIX 2.1 objects of a scope, streamed: Casebook's identity and extension definitions first, then each
 * incident's objects, then the parties, the reports of the cited sources and the marking definitions.
 */
export async function* stixObjects(store: Store, scope: ExportScope = {}): AsyncGenerator<StixObject> {
  const exporter = new StixExport();
  yield* exporter.head();
  for await (const detail of exportedIncidents(store, scope)) yield* exporter.incident(detail);
  yield* exporter.tail(await exportSources(store, exporter.citedSources()), {
    withText: scope.withText ?? true,
  });
}

/**
 * The cited sources with their full text, numbered in the order the knowledge base read them (their rank among
 * the cited ones, so that a knowledge base rebuilt from the export numbers them alike).
 */
export async function exportSources(store: Store, cited: readonly string[]): Promise<ExportSource[]> {
  const wanted = new Set(cited);
  const out: ExportSource[] = [];
  for (const id of await store.sourceIds()) {
    if (!wanted.has(id)) continue;
    const source = await store.getSource(id);
    if (source) out.push({ source, position: out.length });
  }
  return out;
}

/** Writes a STIX bundle of the scope, one object at a time (one object a line, inside the bundle's list). */
export async function writeStix(store: Store, scope: ExportScope, sink: Sink): Promise<ExportSummary> {
  const summary: ExportSummary = { format: "stix", incidents: 0, items: 0, bytes: 0 };
  const put = async (s: string) => {
    summary.bytes += Buffer.byteLength(s);
    await sink(s);
  };
  const id = bundleId(scope.incidentId ? `incident:${scope.incidentId}` : "knowledge-base");
  await put(`{"type":"bundle","id":"${id}","objects":[`);
  for await (const o of stixObjects(store, scope)) {
    if (o.type === "incident") summary.incidents++;
    await put(`${summary.items++ ? "," : ""}\n${JSON.stringify(o)}`);
  }
  await put("\n]}\n");
  return summary;
}

/**
 * Writes MISP events: for one incident a single `{"Event": …}` object (pretty-printed, ready for `events/add`),
 * for the whole knowledge base one event a line (JSON Lines).
 */
export async function writeMisp(store: Store, scope: ExportScope, sink: Sink): Promise<ExportSummary> {
  const summary: ExportSummary = { format: "misp", incidents: 0, items: 0, bytes: 0 };
  const catalogue = catalogueIndex(await store.catalogueEntries());
  for await (const detail of exportedIncidents(store, scope)) {
    const campaign = [];
    for (const other of detail.campaign?.incidents ?? []) {
      if (other.id === detail.id) continue;
      const sibling = await visibleIncident(store, other.id, scope.clearance ?? "red");
      if (sibling) campaign.push(sibling);
    }
    const event = mispEvent(detail, catalogue, campaign);
    const text = scope.incidentId ? `${JSON.stringify(event, null, 2)}\n` : `${JSON.stringify(event)}\n`;
    summary.incidents++;
    summary.items++;
    summary.bytes += Buffer.byteLength(text);
    await sink(text);
  }
  return summary;
}

/** Writes the CSV table (header first), one incident a row. */
export async function writeCsv(store: Store, scope: ExportScope, sink: Sink): Promise<ExportSummary> {
  const summary: ExportSummary = { format: "csv", incidents: 0, items: 0, bytes: 0 };
  const header = csvLine(CSV_COLUMNS);
  summary.bytes += Buffer.byteLength(header);
  await sink(header);
  for await (const detail of exportedIncidents(store, scope)) {
    const line = csvLine(incidentRow(detail));
    summary.incidents++;
    summary.items++;
    summary.bytes += Buffer.byteLength(line);
    await sink(line);
  }
  return summary;
}

export function writeExport(format: ExportFormat, store: Store, scope: ExportScope, sink: Sink) {
  return format === "stix"
    ? writeStix(store, scope, sink)
    : format === "misp"
      ? writeMisp(store, scope, sink)
      : writeCsv(store, scope, sink);
}
