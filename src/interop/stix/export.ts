import type { Tlp } from "../../model/index.ts";
import type { IncidentDetail, Source } from "../../model/knowledge.ts";
import { CASEBOOK_IDENTITY, EXTENSION_IDS, EXTENSION_NAMES, extensionDefinition } from "./extensions.ts";
import { dayTimestamp, stixId } from "./ids.ts";
import { type Citations, incidentObjects, reportId, sourceReference } from "./incident.ts";
import { PartyObjects } from "./parties.ts";
import { TLP_MARKING_IDS, tlpMarking } from "./tlp.ts";
import type { StixObject } from "./types.ts";

/** A source as the export needs it: what the store holds, and its place in the order sources were read. */
export interface ExportSource {
  source: Source;
  position: number;
}

export interface ExportOptions {
  /** put each source's full text in its report (default true), so that an import can read the source again */
  withText?: boolean;
}

/**
 * Builds a STIX 2.1 export incident by incident, so that a knowledge base of any size streams out: `head()`
 * gives the objects every export starts with, `incident()` the objects of one incident (each object once over
 * the whole export), and `tail()` what can only be known at the end — the shared parties, the reports of the
 * cited sources, the marking definitions in use. The same knowledge base always gives the same objects.
 */
export class StixExport {
  private readonly parties = new PartyObjects();
  private readonly cites: Citations = new Map();
  private readonly emitted = new Set<string>();
  private readonly tlps = new Set<Tlp>();

  head(): StixObject[] {
    return this.fresh([CASEBOOK_IDENTITY, ...EXTENSION_NAMES.map(extensionDefinition)]);
  }

  incident(detail: IncidentDetail): StixObject[] {
    const objects = incidentObjects(detail, this.parties, this.cites);
    for (const o of objects) for (const m of (o.object_marking_refs as string[]) ?? []) this.markUsed(m);
    return this.fresh(objects);
  }

  /** Per cited source id, the ids of the objects it supports. */
  citations(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.cites;
  }

  /** The ids of the sources the incidents so far cite. */
  citedSources(): string[] {
    return [...this.cites.keys()];
  }

  tail(sources: readonly ExportSource[], options: ExportOptions = {}): StixObject[] {
    const reports = [...sources]
      .filter((s) => this.cites.has(s.source.id))
      .sort((a, b) => a.position - b.position)
      .map((s) => reportObject(s, [...(this.cites.get(s.source.id) ?? [])].sort(), options.withText ?? true));
    for (const r of reports) this.markUsed((r.object_marking_refs as string[])[0] ?? "");
    const partyObjects = this.parties.objects();
    for (const t of this.parties.markings()) this.tlps.add(t);
    const markings = [...this.tlps].map(tlpMarking).sort((a, b) => (a.id < b.id ? -1 : 1));
    return this.fresh([...markings, ...partyObjects, ...reports]);
  }

  private markUsed(markingId: string): void {
    for (const [tlp, id] of Object.entries(TLP_MARKING_IDS)) if (id === markingId) this.tlps.add(tlp as Tlp);
  }

  private fresh(objects: readonly StixObject[]): StixObject[] {
    const out: StixObject[] = [];
    for (const o of objects) {
      if (this.emitted.has(o.id)) continue;
      this.emitted.add(o.id);
      out.push(o);
    }
    return out;
  }
}

/** A source as a STIX report: its title, publication, link, the objects it supports, and (optionally) its text. */
export function reportObject(
  { source, position }: ExportSource,
  refs: string[],
  withText: boolean,
): StixObject {
  const published = dayTimestamp(source.published ?? source.ingestedAt);
  return {
    type: "report",
    spec_version: "2.1",
    id: reportId(source.id),
    created_by_ref: CASEBOOK_IDENTITY.id,
    created: published,
    modified: published,
    name: source.title ?? source.docId,
    report_types: ["threat-report"],
    published,
    object_refs: refs,
    external_references: [{ ...sourceReference(source), external_id: source.docId }],
    object_marking_refs: [TLP_MARKING_IDS[source.tlp]],
    extensions: {
      [EXTENSION_IDS.source]: {
        extension_type: "property-extension",
        casebook_id: source.id,
        doc_id: source.docId,
        sha256: source.sha256,
        tlp: source.tlp,
        ...(source.publisher ? { publisher: source.publisher } : {}),
        position,
        ...(withText ? { text: source.text } : {}),
      },
    },
  };
}

/** The id of a bundle: the export's scope names it, so re-exporting the same scope gives the same id. */
export function bundleId(scope: string): string {
  return stixId("bundle", scope);
}
