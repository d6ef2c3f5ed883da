import { z } from "zod";
import {
  DocumentRecordSchema,
  EvidenceSchema,
  FuzzyDateSchema,
  IncidentTypeSchema,
  PartySchema,
  ResponseKindSchema,
  RoleSchema,
  StanceSchema,
  TlpSchema,
} from "../model/index.ts";
import {
  DECISION_ACTIONS,
  DEFAULT_QUOTES,
  FACT_KINDS,
  INCIDENT_SORTS,
  REVIEW_STATES,
} from "../model/knowledge.ts";

/**
 * The HTTP API's shapes, built from the model's zod schemas: requests are parsed with them, and the OpenAPI
 * description (/api/openapi.json) is generated from them, so the two cannot drift apart.
 */

const count = (max: number) => z.coerce.number().int().min(0).max(max);
const words = z.string().trim().max(200);
export const IncidentQuery = z.object({
  victim: words.optional().describe("country code (AL), key (group:apt28) or name of a victim"),
  accused: words.optional(),
  claimant: words.optional(),
  type: IncidentTypeSchema.optional(),
  since: words.optional().describe("YYYY, YYYY-MM or YYYY-MM-DD"),
  until: words.optional(),
  text: words.optional().describe("words in labels, affected systems and quotes"),
  review: z.enum(REVIEW_STATES).optional(),
  sort: z.enum(INCIDENT_SORTS).optional().describe("field, descending with a leading '-'; default -date"),
  limit: count(1000).min(1).optional(),
  offset: count(1_000_000).optional(),
});

export const PageQuery = z.object({
  limit: count(10_000).min(1).optional(),
  offset: count(1_000_000).optional(),
});
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(500),
  limit: count(100).min(1).optional(),
});
export const IdParams = z.object({ id: z.string().trim().min(1).max(100) });

/** How many quotes per fact an incident's page carries: a number, or "all". */
export const IncidentDetailQuery = z.object({
  quotes: z
    .union([z.literal("all"), z.coerce.number().int().min(1).max(10_000)])
    .optional()
    .default(DEFAULT_QUOTES),
});

export const ArticleBody = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().max(1000).optional(),
    published: z.string().max(40).optional().describe("YYYY-MM-DD; an HTML page may carry its own"),
    url: z.string().max(2000).optional(),
    publisher: z.string().max(200).optional(),
    tlp: TlpSchema.optional(),
    preview: z.boolean().optional().describe("extract and show, store nothing"),
  })
  .refine((b) => (b.text === undefined) !== (b.html === undefined), {
    message: "Give exactly one of text and html.",
  });

export const DecisionBody = z.object({
  factKind: z.enum(FACT_KINDS),
  factId: z.string().min(1).max(100),
  action: z.enum(DECISION_ACTIONS),
  field: z.string().max(40).optional(),
  value: z.unknown().optional(),
});

export const MergeBody = z.object({ into: z.string().trim().min(1).max(100) });

export const TokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: RoleSchema,
  clearance: TlpSchema,
});

// Responses (documentation; handlers return the service's values, which have these shapes).
const SourceRef = z.object({
  id: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  publisher: z.string().optional(),
  published: z.string().optional(),
  tlp: TlpSchema,
});
const Quoted = EvidenceSchema.and(z.object({ source: SourceRef }));
const Review = z.object({
  verdict: z.object({ action: z.enum(["accept", "reject"]), by: z.string(), at: z.string() }).optional(),
  edits: z.array(
    z.object({
      field: z.string(),
      value: z.unknown(),
      extracted: z.unknown(),
      by: z.string(),
      at: z.string(),
    }),
  ),
});
const ClaimView = z.object({
  id: z.string(),
  stance: StanceSchema,
  claimant: PartySchema.nullable(),
  accused: PartySchema,
  date: FuzzyDateSchema.optional(),
  incidents: z.array(z.string()),
  evidence: z.array(Quoted),
  evidenceCount: z.number().int().optional(),
  review: Review.optional(),
});
const ResponseView = z.object({
  id: z.string(),
  kind: ResponseKindSchema,
  actor: PartySchema,
  target: PartySchema.nullable(),
  date: FuzzyDateSchema.optional(),
  detail: z.string().optional(),
  incidents: z.array(z.string()),
  evidence: z.array(Quoted),
  evidenceCount: z.number().int().optional(),
  review: Review.optional(),
});

export const IncidentListResponse = z.object({
  total: z.number().int(),
  incidents: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      date: FuzzyDateSchema.optional(),
      victims: z.array(PartySchema),
      types: z.array(IncidentTypeSchema),
      accused: z.array(PartySchema),
      claims: z.number().int(),
      responses: z.number().int(),
      source: SourceRef,
      sources: z.number().int(),
      campaign: z.string().optional(),
      review: z.enum(REVIEW_STATES),
    }),
  ),
});

export const IncidentDetailResponse = z.object({
  id: z.string(),
  label: z.string(),
  date: FuzzyDateSchema.optional(),
  victims: z.array(PartySchema),
  types: z.array(IncidentTypeSchema),
  systems: z.array(z.string()),
  campaign: z
    .object({
      id: z.string(),
      incidents: z.array(z.object({ id: z.string(), label: z.string(), date: FuzzyDateSchema.optional() })),
    })
    .optional(),
  sources: z.array(SourceRef),
  evidence: z.array(Quoted),
  evidenceCount: z.number().int().optional(),
  claims: z.array(ClaimView),
  responses: z.array(ResponseView),
  review: Review.optional(),
  mergedInto: z.string().optional(),
  merged: z.array(z.string()).optional(),
});

export const ClaimListResponse = z.object({ total: z.number().int(), claims: z.array(ClaimView) });
export const ResponseListResponse = z.object({ total: z.number().int(), responses: z.array(ResponseView) });

export const SourceResponse = SourceRef.extend({
  docId: z.string(),
  sha256: z.string(),
  text: z.string(),
  ingestedAt: z.string(),
  incidents: z.array(z.object({ id: z.string(), label: z.string() })),
  spans: z.array(
    z.object({
      start: z.number().int(),
      end: z.number().int(),
      quote: z.string(),
      factKind: z.enum(FACT_KINDS),
      factId: z.string(),
      incidentId: z.string(),
      label: z.string(),
    }),
  ),
});

export const PartiesResponse = z.array(
  z.object({
    id: z.string(),
    key: z.string(),
    kind: z.string(),
    name: z.string(),
    country: z.string().optional(),
    roles: z.object({
      victim: z.number(),
      claimant: z.number(),
      accused: z.number(),
      actor: z.number(),
      target: z.number(),
    }),
  }),
);

export const StatsResponse = z.object({
  totals: z.object({ sources: z.number(), incidents: z.number(), claims: z.number(), responses: z.number() }),
  perYear: z.array(z.object({ year: z.string(), incidents: z.number() })),
  undated: z.number(),
  perType: z.array(z.object({ type: IncidentTypeSchema, incidents: z.number() })),
  claimantAccused: z.array(
    z.object({ claimant: z.string(), accused: z.string(), stance: StanceSchema, claims: z.number() }),
  ),
  victimAccused: z.array(z.object({ victim: z.string(), accused: z.string(), incidents: z.number() })),
});

export const SearchResponse = z.array(z.object({ source: SourceRef, snippet: z.string() }));

export const ArticleResponse = z.object({
  text: z.string(),
  record: DocumentRecordSchema,
  saved: z
    .object({
      status: z.enum(["new", "duplicate"]),
      sourceId: z.string(),
      incidents: z.array(z.object({ id: z.string(), label: z.string() })),
    })
    .optional(),
});

export const TokenEntryResponse = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  clearance: TlpSchema,
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});

export const MeResponse = z.object({
  name: z.string(),
  role: RoleSchema,
  clearance: TlpSchema,
  open: z.boolean().describe("true when the server runs without tokens (loopback only)"),
});

export const ErrorResponse = z.object({ error: z.string(), code: z.string() });
