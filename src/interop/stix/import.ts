import { z } from "zod";
import { type CatalogueEntry, CountryCodeSchema, type Tlp, TlpSchema } from "../../model/index.ts";
import { EXTENSION_IDS } from "./extensions.ts";
import { InteropError, isRecord, parseJsonSafely } from "./parse.ts";
import { tlpOfMarking } from "./tlp.ts";

/** More objects than this in one bundle is refused before anything is read from it. */
export const MAX_BUNDLE_OBJECTS = 500_000;

/** A source carried by a Casebook bundle: a report with the casebook-source extension and the source's text. */
export interface ImportedSource {
  docId: string;
  title?: string;
  published: string;
  url?: string;
  publisher?: string;
  tlp: Tlp;
  sha256: string;
  text: string;
  position: number;
}

/** What a bundle holds that Casebook keeps, and what it passed over and why. */
export interface BundleContents {
  objects: number;
  /** intrusion sets and threat actors as catalogue entries (names, aliases, sponsor, revoked → replacement) */
  catalogue: CatalogueEntry[];
  /** the sources of a Casebook export, in the order the exporting knowledge base read them */
  sources: ImportedSource[];
  /** objects not kept, by reason */
  skipped: Record<string, number>;
  /** `__proto__`, `constructor` and `prototype` keys dropped while reading */
  droppedKeys: number;
}

const Ref = z.string().regex(/^[a-z0-9-]+--[0-9a-fA-F-]{36}$/);
const Base = z.object({ type: z.string(), id: Ref, spec_version: z.string().optional() });
const ExternalRef = z.object({ source_name: z.string(), external_id: z.string().optional() });
const GroupObject = Base.extend({
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  description: z.string().optional(),
  revoked: z.boolean().optional(),
  x_mitre_deprecated: z.boolean().optional(),
  threat_actor_types: z.array(z.string()).optional(),
  external_references: z.array(ExternalRef).optional(),
  created_by_ref: z.string().optional(),
});
const RelationshipObject = Base.extend({ relationship_type: z.string(), source_ref: Ref, target_ref: Ref });
const LocationObject = Base.extend({ country: z.string().optional() });
const SourceExtension = z.object({
  doc_id: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  tlp: TlpSchema,
  publisher: z.string().optional(),
  position: z.number().int().nonnegative(),
  text: z.string().optional(),
});
const ReportObject = Base.extend({
  name: z.string(),
  published: z.string(),
  external_references: z.array(z.object({ url: z.string().optional() }).loose()).optional(),
  object_marking_refs: z.array(z.string()).optional(),
  extensions: z.record(z.string(), z.unknown()),
});

/**
 * Reads a STIX 2.1 bundle. Unknown types, objects of another spec version, objects that do not parse and
 * relationships to objects the bundle lacks are skipped and counted; a file that is not JSON, not a bundle, a
 * STIX 2.0 bundle or one of more than MAX_BUNDLE_OBJECTS objects is refused with a sentence saying so.
 */
export function readBundle(text: string): BundleContents {
  const { value, droppedKeys } = parseJsonSafely(text, "bundle");
  return readBundleValue(value, droppedKeys);
}

/** `readBundle` over JSON already parsed (with `parseJsonSafely`). */
export function readBundleValue(value: unknown, droppedKeys = 0): BundleContents {
  if (!isRecord(value) || value.type !== "bundle")
    throw new InteropError(
      "NOT_A_BUNDLE",
      'The file is not a STIX bundle (an object with "type": "bundle").',
    );
  if (value.spec_version !== undefined && value.spec_version !== "2.1")
    throw new InteropError(
      "WRONG_SPEC_VERSION",
      `The bundle declares STIX ${String(value.spec_version)}; Casebook reads STIX 2.1 bundles.`,
    );
  const raw = value.objects ?? [];
  if (!Array.isArray(raw)) throw new InteropError("NOT_A_BUNDLE", 'The bundle\'s "objects" is not a list.');
  if (raw.length > MAX_BUNDLE_OBJECTS)
    throw new InteropError(
      "TOO_MANY_OBJECTS",
      `The bundle holds ${raw.length.toLocaleString("en")} objects; Casebook reads at most ` +
        `${MAX_BUNDLE_OBJECTS.toLocaleString("en")} per bundle. Split it, and import the parts one by one.`,
    );

  const skipped: Record<string, number> = {};
  const skip = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const ids = new Set<string>();
  const objects: Array<z.infer<typeof Base> & Record<string, unknown>> = [];
  for (const o of raw) {
    const base = Base.safeParse(o);
    if (!base.success) {
      skip("not a STIX object (no type or id)");
      continue;
    }
    if (base.data.spec_version !== "2.1" && !base.data.type.startsWith("x-")) {
      skip(`spec_version ${base.data.spec_version ?? "missing"} (not 2.1)`);
      continue;
    }
    if (ids.has(base.data.id) && base.data.type !== "relationship") {
      skip("a second version of an object (the first is kept)");
      continue;
    }
    ids.add(base.data.id);
    objects.push(o as z.infer<typeof Base> & Record<string, unknown>);
  }

  const fromCasebook = objects.some((o) => o.id === EXTENSION_IDS.source);
  const byId = new Map(objects.map((o) => [o.id, o]));
  const sources: ImportedSource[] = [];
  const groups = new Map<string, z.infer<typeof GroupObject>>();
  const relationships: Array<z.infer<typeof RelationshipObject>> = [];
  const casebookTypes = new Set([
    "identity",
    "location",
    "threat-actor",
    "intrusion-set",
    "campaign",
    "incident",
  ]);
  for (const o of objects) {
    switch (o.type) {
      case "intrusion-set":
      case "threat-actor": {
        const g = GroupObject.safeParse(o);
        if (!g.success) skip(`${o.type} that does not parse`);
        else if (fromCasebook) skip(`${o.type} of a Casebook export (its sources are read instead)`);
        else if (g.data.threat_actor_types?.includes("nation-state"))
          skip("nation-state threat-actor (read as a sponsor, not a group)");
        else groups.set(g.data.id, g.data);
        break;
      }
      case "relationship": {
        const r = RelationshipObject.safeParse(o);
        if (!r.success) skip("relationship that does not parse");
        else if (!byId.has(r.data.source_ref) || !byId.has(r.data.target_ref))
          skip("relationship to an object the bundle lacks");
        else relationships.push(r.data);
        break;
      }
      case "report": {
        const source = fromCasebook ? casebookSource(o) : undefined;
        if (source) sources.push(source);
        else skip("report without a Casebook source text");
        break;
      }
      case "marking-definition":
      case "extension-definition":
      case "location":
        break;
      default:
        if (fromCasebook && (casebookTypes.has(o.type) || ["note", "opinion"].includes(o.type))) break;
        skip(`${o.type}: not kept (no source text to quote)`);
    }
  }

  return {
    objects: raw.length,
    catalogue: catalogueOf(groups, relationships, byId, skip),
    sources: sources.sort((a, b) => a.position - b.position),
    skipped,
    droppedKeys,
  };
}

function casebookSource(o: Record<string, unknown>): ImportedSource | undefined {
  const r = ReportObject.safeParse(o);
  if (!r.success) return undefined;
  const ext = SourceExtension.safeParse(r.data.extensions[EXTENSION_IDS.source]);
  if (!ext.success || ext.data.text === undefined) return undefined;
  const url = r.data.external_references?.find((e) => typeof e.url === "string")?.url;
  const marked = r.data.object_marking_refs?.map(tlpOfMarking).find((t) => t !== undefined);
  return {
    docId: ext.data.doc_id,
    title: r.data.name,
    published: r.data.published.slice(0, 10),
    ...(url ? { url } : {}),
    ...(ext.data.publisher ? { publisher: ext.data.publisher } : {}),
    tlp: marked ?? ext.data.tlp,
    sha256: ext.data.sha256,
    text: ext.data.text,
    position: ext.data.position,
  };
}

/**
 * Intrusion sets and threat actors as catalogue entries: `revoked-by` names the replacement, `attributed-to` a
 * nation-state threat actor located in a country names the sponsor, `located-at`/`originates-from` a country.
 */
function catalogueOf(
  groups: Map<string, z.infer<typeof GroupObject>>,
  relationships: ReadonlyArray<z.infer<typeof RelationshipObject>>,
  byId: Map<string, Record<string, unknown>>,
  skip: (reason: string) => void,
): CatalogueEntry[] {
  const countryOf = (id: string): string | undefined => {
    const loc = LocationObject.safeParse(byId.get(id));
    const code = loc.success ? loc.data.country?.toUpperCase() : undefined;
    return code && CountryCodeSchema.safeParse(code).success ? code : undefined;
  };
  const located = new Map<string, string>();
  for (const r of relationships)
    if (r.relationship_type === "located-at" || r.relationship_type === "originates-from") {
      const c = countryOf(r.target_ref);
      if (c) located.set(r.source_ref, c);
    }
  const revokedBy = new Map<string, string>();
  const sponsor = new Map<string, string>();
  for (const r of relationships) {
    if (r.relationship_type === "revoked-by") {
      const target = groups.get(r.target_ref);
      if (target) revokedBy.set(r.source_ref, target.name);
    } else if (r.relationship_type === "attributed-to") {
      const state = byId.get(r.target_ref);
      const c = located.get(r.target_ref);
      if (
        c &&
        isRecord(state) &&
        Array.isArray(state.threat_actor_types) &&
        state.threat_actor_types.includes("nation-state")
      )
        sponsor.set(r.source_ref, c);
    }
  }
  const entries: CatalogueEntry[] = [];
  for (const g of groups.values()) {
    const attack = g.external_references?.find((e) => e.source_name === "mitre-attack" && e.external_id);
    const aliases = [...new Set(g.aliases ?? [])].filter((a) => a !== g.name && a.trim());
    if (!g.name.trim()) {
      skip(`${g.type} without a name`);
      continue;
    }
    const replacement = revokedBy.get(g.id);
    entries.push({
      catalogue: attack ? "attack" : "stix",
      entryId: g.id,
      name: g.name,
      aliases,
      ...(sponsor.get(g.id) ? { sponsor: sponsor.get(g.id) } : {}),
      ...(located.get(g.id) ? { country: located.get(g.id) } : {}),
      externalIds: [
        { source: "stix", id: g.id },
        ...(attack?.external_id ? [{ source: "mitre-attack", id: attack.external_id }] : []),
      ],
      ...(replacement ? { revokedBy: replacement } : {}),
      ...(g.x_mitre_deprecated ? { deprecated: true } : {}),
      ...(g.description ? { description: firstSentence(g.description) } : {}),
    });
  }
  return entries.sort((a, b) => (a.entryId < b.entryId ? -1 : 1));
}

function firstSentence(text: string): string {
  const plain = text.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1").replace(/\(Citation:[^)]*\)/g, "");
  const m = /^.{20,400}?[.!?](?=\s|$)/s.exec(plain);
  return (m ? m[0] : plain.slice(0, 400)).trim();
}
