import { z } from "zod";
import { CountryCodeSchema } from "./party.ts";

/**
 * A threat group as a catalogue that analysts trust describes it (MITRE ATT&CK, the MISP galaxy, a STIX bundle):
 * kept by the knowledge base and added to the names extraction recognises.
 */
export const CatalogueEntrySchema = z.object({
  /** the catalogue it comes from: "attack", "misp-galaxy", or "stix" for any other bundle */
  catalogue: z.string().min(1),
  /** the entry's id in that catalogue (a STIX id, a galaxy cluster value's uuid); unique within it */
  entryId: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  /** ISO code of the state the catalogue says sponsors the group */
  sponsor: CountryCodeSchema.optional(),
  /** ISO code of the country the group operates from */
  country: CountryCodeSchema.optional(),
  /** ids the entry has elsewhere: ATT&CK's G-number, the galaxy's uuids, the STIX id */
  externalIds: z.array(z.object({ source: z.string(), id: z.string() })),
  /** the name of the entry that replaces a revoked one; its names then stand for the replacement */
  revokedBy: z.string().optional(),
  deprecated: z.boolean().optional(),
  description: z.string().optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

/** What saving catalogue entries did: entries are replaced by catalogue and id, so re-importing adds nothing. */
export interface CatalogueSaveResult {
  added: number;
  updated: number;
}
