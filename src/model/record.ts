import { z } from "zod";
import { EvidenceSchema } from "./evidence.ts";
import { FuzzyDateSchema } from "./fuzzy-date.ts";
import { PartySchema } from "./party.ts";
import { IncidentTypeSchema, ResponseKindSchema, StanceSchema, TlpSchema } from "./vocabulary.ts";

/** A source after intake: plain text plus what is known about it. Offsets of all evidence index `text`. */
export const DocumentSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  /** ISO date (YYYY-MM-DD) the source was published; relative dates resolve against it */
  published: z.string().optional(),
  url: z.string().optional(),
  publisher: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  tlp: TlpSchema.default("clear"),
  text: z.string(),
});
export type Document = z.infer<typeof DocumentSchema>;

export const IncidentSchema = z.object({
  id: z.string(),
  label: z.string(),
  date: FuzzyDateSchema.optional(),
  victims: z.array(PartySchema),
  types: z.array(IncidentTypeSchema),
  systems: z.array(z.string()),
  campaign: z.string().optional(),
  evidence: z.array(EvidenceSchema),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const ClaimSchema = z.object({
  id: z.string(),
  stance: StanceSchema,
  claimant: PartySchema.nullable(),
  accused: PartySchema,
  incidents: z.array(z.string()),
  date: FuzzyDateSchema.optional(),
  evidence: z.array(EvidenceSchema),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ResponseSchema = z.object({
  id: z.string(),
  kind: ResponseKindSchema,
  actor: PartySchema,
  target: PartySchema.nullable(),
  incidents: z.array(z.string()),
  date: FuzzyDateSchema.optional(),
  detail: z.string().optional(),
  evidence: z.array(EvidenceSchema),
});
export type Response = z.infer<typeof ResponseSchema>;

/** The extraction contract of DESIGN.md: one per document. Fields may be added, never renamed. */
export const DocumentRecordSchema = z.object({
  document: z.object({
    id: z.string(),
    title: z.string().optional(),
    published: z.string().optional(),
    url: z.string().optional(),
    sha256: z.string(),
  }),
  incidents: z.array(IncidentSchema),
  claims: z.array(ClaimSchema),
  responses: z.array(ResponseSchema),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

/** What a batch writes in place of a record when a document cannot be read. */
export interface ErrorRecord {
  document: { id: string };
  error: string;
  code: string;
}
