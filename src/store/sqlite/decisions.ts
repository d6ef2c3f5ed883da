import { randomUUID } from "node:crypto";
import type { AuditEntry, Decision, DecisionInput } from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { checkDecision } from "../check.ts";
import { auditEntry, decision } from "../row-map.ts";
import type { AuditRow, DecisionRow } from "../row-types.ts";
import type { Db } from "./db.ts";

const FACT_TABLE = { incident: "incidents", claim: "claims", response: "responses" } as const;

/**
 * Records an analyst's decision and its audit line in one transaction. Decisions name facts by id and have no
 * foreign key to them: a fact re-extracted under the same id finds its decisions again.
 */
export function recordDecision(db: Db, input: DecisionInput): Decision {
  const d = checkDecision(input);
  return db.raw
    .transaction((): Decision => {
      const exists = db.prep(`SELECT 1 FROM ${FACT_TABLE[d.factKind]} WHERE id = ?`).get(d.factId);
      if (!exists) {
        throw new StoreError(
          "BAD_DECISION",
          `There is no ${d.factKind} with the id "${d.factId}" to decide on.`,
        );
      }
      const at = db.now();
      const id = randomUUID();
      const valueJson = d.value === undefined ? null : JSON.stringify(d.value);
      db.prep(
        `INSERT INTO decisions (id, fact_kind, fact_id, action, field, value_json, decided_by, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, d.factKind, d.factId, d.action, d.field ?? null, valueJson, d.by, at);
      db.prep(
        `INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail_json) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        at,
        d.by,
        `decision.${d.action}`,
        d.factKind,
        d.factId,
        JSON.stringify({ decision: id, field: d.field ?? null, value: d.value ?? null }),
      );
      return { ...d, id, at };
    })
    .immediate();
}

export function decisions(db: Db, factId: string): Decision[] {
  return db
    .prep<DecisionRow>("SELECT * FROM decisions WHERE fact_id = ? ORDER BY seq")
    .all(factId)
    .map(decision);
}

export function decisionsFor(db: Db, factIds: readonly string[]): Decision[] {
  if (factIds.length === 0) return [];
  return db
    .prep<DecisionRow>(
      "SELECT * FROM decisions WHERE fact_id IN (SELECT value FROM json_each(?)) ORDER BY seq",
    )
    .all(JSON.stringify(factIds))
    .map(decision);
}

export function auditLog(db: Db, limit = 100): AuditEntry[] {
  return db
    .prep<AuditRow>("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?")
    .all(Math.max(1, Math.min(limit, 10_000)))
    .map(auditEntry);
}
