import { z } from "zod";
import type { CatalogueEntry } from "../../model/index.ts";
import { CountryCodeSchema } from "../../model/index.ts";
import { InteropError, parseJsonSafely } from "../stix/parse.ts";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
/** Country names as the galaxy writes them (UN style) that the runtime's English names do not cover. */
const UN_NAMES: Record<string, string> = {
  "iran (islamic republic of)": "IR",
  "korea (democratic people's republic of)": "KP",
  "korea (republic of)": "KR",
  "russian federation": "RU",
  "people's republic of china": "CN",
  palestine: "PS",
  us: "US",
  usa: "US",
  uk: "GB",
};
let byName: Map<string, string> | undefined;

/** The ISO code of a country named in English ("Russian Federation" → RU); undefined for "Unknown". */
export function countryCode(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (UN_NAMES[wanted]) return UN_NAMES[wanted];
  if (!byName) {
    byName = new Map();
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const n = regionNames.of(code);
        if (n && n !== code) byName.set(n.toLowerCase(), code);
      }
  }
  return byName.get(wanted);
}

const ClusterValue = z.object({
  value: z.string().min(1),
  uuid: z.string().min(1),
  description: z.string().optional(),
  meta: z
    .object({
      synonyms: z.array(z.string()).optional(),
      country: z.string().optional(),
      "cfr-suspected-state-sponsor": z.string().optional(),
    })
    .loose()
    .optional(),
});
const Cluster = z.object({
  type: z.string(),
  uuid: z.string(),
  name: z.string(),
  values: z.array(z.unknown()),
});
const Galaxy = z.object({ uuid: z.string(), type: z.string() });

export interface GalaxyContents {
  entries: CatalogueEntry[];
  skipped: number;
  droppedKeys: number;
}

/**
 * A MISP galaxy cluster file (threat-actor.json) as catalogue entries: each value's name, synonyms, country and
 * suspected state sponsor, with the value's uuid, the cluster's and (given the galaxy definition) the galaxy's,
 * so that a MISP export can name the same cluster. Values that do not parse are counted and passed over.
 */
export function readGalaxyCluster(text: string, galaxyText?: string): GalaxyContents {
  const { value, droppedKeys } = parseJsonSafely(text, "galaxy cluster file");
  return readGalaxyClusterValue(value, droppedKeys, galaxyText);
}

/** `readGalaxyCluster` over JSON already parsed (with `parseJsonSafely`). */
export function readGalaxyClusterValue(value: unknown, droppedKeys = 0, galaxyText?: string): GalaxyContents {
  const cluster = Cluster.safeParse(value);
  if (!cluster.success)
    throw new InteropError(
      "NOT_A_BUNDLE",
      'The file is not a MISP galaxy cluster (an object with "type", "uuid", "name" and "values").',
    );
  const galaxy = galaxyText
    ? Galaxy.safeParse(parseJsonSafely(galaxyText, "galaxy definition").value)
    : undefined;
  const galaxyUuid = galaxy?.success ? galaxy.data.uuid : undefined;
  let skipped = 0;
  const entries: CatalogueEntry[] = [];
  for (const raw of cluster.data.values) {
    const v = ClusterValue.safeParse(raw);
    if (!v.success) {
      skipped++;
      continue;
    }
    const meta = v.data.meta ?? {};
    const country = meta.country?.toUpperCase();
    const sponsorName = meta["cfr-suspected-state-sponsor"];
    const sponsor = sponsorName ? countryCode(sponsorName) : undefined;
    entries.push({
      catalogue: "misp-galaxy",
      entryId: v.data.uuid,
      name: v.data.value,
      aliases: [...new Set(meta.synonyms ?? [])].filter((s) => s !== v.data.value && s.trim()),
      ...(sponsor ? { sponsor } : {}),
      ...(country && CountryCodeSchema.safeParse(country).success ? { country } : {}),
      externalIds: [
        { source: "misp-galaxy-cluster", id: v.data.uuid },
        { source: `misp-galaxy-collection:${cluster.data.type}`, id: cluster.data.uuid },
        ...(galaxyUuid ? [{ source: `misp-galaxy:${cluster.data.type}`, id: galaxyUuid }] : []),
      ],
      ...(v.data.description ? { description: v.data.description.slice(0, 400) } : {}),
    });
  }
  return { entries, skipped, droppedKeys };
}
