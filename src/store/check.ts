import type { Document, DocumentRecord, Evidence, SavePlan } from "../model/index.ts";
import { DECISION_ACTIONS, type DecisionInput, FACT_KINDS } from "../model/knowledge.ts";
import { StoreError } from "../model/store-errors.ts";

/** Refuses evidence that does not quote the document's text exactly: every stored quote must be checkable. */
export function checkEvidence(doc: Document, e: Evidence, where: string): void {
  if (e.start < 0 || e.end > doc.text.length || e.end < e.start) {
    throw new StoreError(
      "BAD_RECORD",
      `The evidence of ${where} points at characters ${e.start}–${e.end}, outside the text of "${docName(doc)}" (${doc.text.length} characters).`,
    );
  }
  if (doc.text.slice(e.start, e.end) !== e.quote) {
    throw new StoreError(
      "BAD_RECORD",
      `The evidence of ${where} does not quote the text of "${docName(doc)}" at characters ${e.start}–${e.end}.`,
    );
  }
}

/** The checks that need the whole record before anything is written. */
export function checkRecordFitsDocument(doc: Document, record: DocumentRecord): void {
  if (record.document.sha256 !== doc.sha256) {
    throw new StoreError(
      "BAD_RECORD",
      `The record of "${docName(doc)}" was extracted from another text (its sha256 differs from the document's).`,
    );
  }
  for (const [what, facts] of [
    ["incident", record.incidents],
    ["claim", record.claims],
    ["response", record.responses],
  ] as const) {
    const seen = new Set<string>();
    for (const f of facts) {
      if (seen.has(f.id)) {
        throw new StoreError(
          "BAD_RECORD",
          `The record of "${docName(doc)}" has two ${what}s with the id "${f.id}".`,
        );
      }
      seen.add(f.id);
    }
  }
  const incidents = new Set(record.incidents.map((i) => i.id));
  for (const [kind, facts] of [
    ["claim", record.claims],
    ["response", record.responses],
  ] as const) {
    for (const f of facts) {
      const ref = f.incidents.find((r) => !incidents.has(r));
      if (ref !== undefined) {
        throw new StoreError(
          "BAD_RECORD",
          `The ${kind} "${f.id}" of "${docName(doc)}" refers to the incident "${ref}", which its record does not hold.`,
        );
      }
    }
  }
}

/**
 * The checks of a save plan against its record: every fact of the record is placed (incidents and responses
 * once, claims once per incident at least), and facts refer only to the incidents this save stores or joins.
 */
export function checkPlan(doc: Document, record: DocumentRecord, plan: SavePlan): void {
  const bad = (what: string) =>
    new StoreError("BAD_PLAN", `The save plan of "${docName(doc)}" ${what}; nothing of it was stored.`);
  const once = (kind: string, ids: readonly string[], planned: readonly string[], exactlyOnce: boolean) => {
    const wanted = new Set(ids);
    for (const p of planned)
      if (!wanted.has(p)) throw bad(`places the ${kind} "${p}", which the record does not hold`);
    for (const id of ids) {
      const n = planned.filter((p) => p === id).length;
      if (n === 0 || (exactlyOnce && n > 1)) throw bad(`places the ${kind} "${id}" ${n} times`);
    }
  };
  once(
    "incident",
    record.incidents.map((i) => i.id),
    plan.incidents.map((p) => p.local),
    true,
  );
  once(
    "claim",
    record.claims.map((c) => c.id),
    plan.claims.map((p) => p.local),
    false,
  );
  once(
    "response",
    record.responses.map((r) => r.id),
    plan.responses.map((p) => p.local),
    true,
  );
  const stored = new Set(plan.incidents.map((p) => p.id));
  const facts = [...plan.campaigns, ...plan.claims, ...plan.responses];
  for (const f of facts) {
    const ref = f.incidents.find((id) => !stored.has(id));
    if (ref !== undefined) throw bad(`links a fact to the incident "${ref}", which the save does not store`);
  }
}

export function docName(doc: Document): string {
  return doc.title ?? doc.id;
}

/** An analyst's decision as it may be stored: a known fact kind and action, who made it, a value only for an edit. */
export function checkDecision(input: DecisionInput): DecisionInput {
  const bad = (why: string) => new StoreError("BAD_DECISION", why);
  if (!(FACT_KINDS as readonly string[]).includes(input.factKind)) {
    throw bad(`A decision is about an ${FACT_KINDS.join(", a ")}, not "${input.factKind}".`);
  }
  if (!(DECISION_ACTIONS as readonly string[]).includes(input.action)) {
    throw bad(`A decision is one of ${DECISION_ACTIONS.join(", ")}, not "${input.action}".`);
  }
  const by = typeof input.by === "string" ? input.by.trim() : "";
  if (by === "") throw bad("A decision must say who made it.");
  const field = input.field?.trim() || undefined;
  if (input.action === "edit" && (field === undefined || input.value === undefined)) {
    throw bad("An edit must name the field it changes and give its new value.");
  }
  if (input.action !== "edit" && input.value !== undefined) {
    throw bad(`A decision to ${input.action} carries no value; only an edit does.`);
  }
  return {
    factKind: input.factKind,
    factId: input.factId,
    action: input.action,
    ...(field === undefined ? {} : { field }),
    ...(input.value === undefined ? {} : { value: input.value }),
    by,
  };
}
