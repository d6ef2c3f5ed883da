import { randomUUID } from "node:crypto";
import type { AuditEntry, Decision, DecisionInput } from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { checkDecision } from "../check.ts";
import { auditEntry, decision } from "../row-map.ts";
import type { AuditRow, DecisionRow } from "../row-types.ts";
import type { Db, Sql } from "./db.ts";

const FACT_TABLE = { incident: "incidents", claim: "claims", response: "responses" } as const;

/** Records an analyst's decision and its audit line in one transaction (as sqlite/decisions.ts). */
export async function recordDecision(db: Db, input: DecisionInput): Promise<Decision> {
  const d = checkDecision(input);
  return db.transaction(async (sql): Promise<Decision> => {
    const exists = await sql.one(`SELECT 1 FROM ${FACT_TABLE[d.factKind]} WHERE id = $1`, [d.factId]);
    if (!exists) {
      throw new StoreError(
        "BAD_DECISION",
        `There is no ${d.factKind} with the id "${d.factId}" to decide on.`,
      );
    }
    const at = db.now();
    const id = randomUUID();
    const valueJson = d.value === undefined ? null : JSON.stringify(d.value);
    await sql.run(
      `INSERT INTO decisions (id, fact_kind, fact_id, action, field, value_json, decided_by, decided_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, d.factKind, d.factId, d.action, d.field ?? null, valueJson, d.by, at],
    );
    await sql.run(
      `INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail_json)
      VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        at,
        d.by,
        `decision.${d.action}`,
        d.factKind,
        d.factId,
        JSON.stringify({ decision: id, field: d.field ?? null, value: d.value ?? null }),
      ],
    );
    return { ...d, id, at };
  });
}

export async function decisions(sql: Sql, factId: string): Promise<Decision[]> {
  return (
    await sql.rows<DecisionRow>("SELECT * FROM decisions WHERE fact_id = $1 ORDER BY seq", [factId])
  ).map(decision);
}

export async function decisionsFor(sql: Sql, factIds: readonly string[]): Promise<Decision[]> {
  if (factIds.length === 0) return [];
  const rows = await sql.rows<DecisionRow>(
    "SELECT * FROM decisions WHERE fact_id = ANY($1::text[]) ORDER BY seq",
    [factIds],
  );
  return rows.map(decision);
}

export async function auditLog(sql: Sql, limit = 100): Promise<AuditEntry[]> {
  const rows = await sql.rows<AuditRow>("SELECT * FROM audit_log ORDER BY seq DESC LIMIT $1", [
    Math.max(1, Math.min(limit, 10_000)),
  ]);
  return rows.map(auditEntry);
}
