import { z } from "zod";
import {
  FuzzyDateSchema,
  IncidentTypeSchema,
  PartySchema,
  ResponseKindSchema,
  StanceSchema,
} from "../model/index.ts";
import type { Decision, FactKind, IncidentDetail, Review } from "../model/knowledge.ts";
import { StoreError } from "../model/store-errors.ts";

/** The fields an analyst may edit, per kind of fact, and what a value of each must be. */
export const EDITABLE: Record<FactKind, Record<string, z.ZodType>> = {
  incident: {
    label: z.string().min(1),
    date: FuzzyDateSchema,
    victims: z.array(PartySchema),
    types: z.array(IncidentTypeSchema),
    systems: z.array(z.string()),
  },
  claim: {
    stance: StanceSchema,
    claimant: PartySchema.nullable(),
    accused: PartySchema,
    date: FuzzyDateSchema,
  },
  response: {
    kind: ResponseKindSchema,
    actor: PartySchema,
    target: PartySchema.nullable(),
    date: FuzzyDateSchema,
    detail: z.string(),
  },
};

/**
 * An incident as analysts decided it should read: each fact shows its edited values (the last edit of each
 * field wins; an edit whose value does not fit the field is not applied) and carries a `review` with the
 * verdict in force (the last acceptance or rejection) and what extraction had said. Decisions are stored apart
 * from the facts and found by the facts' ids, so this holds after re-ingesting and reprocessing too.
 */
export function applyDecisions(detail: IncidentDetail, decisions: readonly Decision[]): IncidentDetail {
  if (decisions.length === 0) return detail;
  const byFact = new Map<string, Decision[]>();
  for (const d of decisions) byFact.set(d.factId, [...(byFact.get(d.factId) ?? []), d]);
  return {
    ...reviewed(detail, "incident", byFact.get(detail.id)),
    claims: detail.claims.map((c) => reviewed(c, "claim", byFact.get(c.id))),
    responses: detail.responses.map((r) => reviewed(r, "response", byFact.get(r.id))),
  };
}

function reviewed<T extends object>(fact: T, kind: FactKind, decisions: readonly Decision[] | undefined): T {
  if (!decisions?.length) return fact;
  const review: Review = { edits: [] };
  const edits = new Map<string, Decision>();
  for (const d of decisions) {
    if (d.action === "edit") {
      const schema = d.field === undefined ? undefined : EDITABLE[kind][d.field];
      if (d.field !== undefined && schema?.safeParse(d.value).success) edits.set(d.field, d);
    } else review.verdict = { action: d.action, by: d.by, at: d.at };
  }
  const out = { ...fact } as Record<string, unknown>;
  for (const [field, d] of edits) {
    review.edits.push({ field, value: d.value, extracted: out[field] ?? null, by: d.by, at: d.at });
    out[field] = d.value;
  }
  out.review = review;
  return out as T;
}

/**
 * Refuses an edit of a field that cannot be edited, or a value that does not fit it, with a sentence, before it
 * is recorded (a stored edit that does not fit would never be applied).
 */
export function checkEdit(kind: FactKind, field: string | undefined, value: unknown): void {
  const schema = field === undefined ? undefined : EDITABLE[kind][field];
  if (schema === undefined) {
    throw new StoreError(
      "BAD_DECISION",
      `The field "${field ?? ""}" of a ${kind} cannot be edited; the fields are ${Object.keys(EDITABLE[kind]).join(", ")}.`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError(
      "BAD_DECISION",
      `The new ${field} does not fit the field (${issue?.message.replace(/\.$/, "") ?? "invalid"}).`,
    );
  }
}
