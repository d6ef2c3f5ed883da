import type { ReadScope } from "../../model/access.ts";
import type { ClaimList, FactListOptions, ResponseList } from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { claimView, responseView } from "../row-map.ts";
import type { ClaimRow, ResponseRow } from "../row-types.ts";
import { Visibility } from "../visibility.ts";
import type { Sql } from "./db.ts";

/** Claims and responses across incidents, newest first (undated last), as sqlite/facts.ts lists them. */

export async function listClaims(
  sql: Sql,
  options: FactListOptions = {},
  scope: ReadScope = {},
): Promise<ClaimList> {
  const { limit, offset } = paging(options);
  const vis = new Visibility(scope);
  const where = `WHERE ${vis.claim("c.id")}`;
  const total = (await sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM claims c ${where}`))?.n ?? 0;
  const rows = await sql.rows<ClaimRow>(
    `SELECT c.*, (SELECT string_agg(x.incident_id, ',') FROM claim_incidents x WHERE x.claim_id = c.id
        AND ${vis.incident("x.incident_id")}) AS incident_ids
    FROM claims c ${where}
    ORDER BY c.date_value IS NULL, c.date_value COLLATE "C" DESC NULLS LAST, c.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return { total, claims: rows.map((r) => claimView(r, { evidence: [] })) };
}

export async function listResponses(
  sql: Sql,
  options: FactListOptions = {},
  scope: ReadScope = {},
): Promise<ResponseList> {
  const { limit, offset } = paging(options);
  const vis = new Visibility(scope);
  const where = `WHERE ${vis.response("r.id")}`;
  const total = (await sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM responses r ${where}`))?.n ?? 0;
  const rows = await sql.rows<ResponseRow>(
    `SELECT r.*, (SELECT string_agg(x.incident_id, ',') FROM response_incidents x WHERE x.response_id = r.id
        AND ${vis.incident("x.incident_id")}) AS incident_ids
    FROM responses r ${where}
    ORDER BY r.date_start IS NULL, r.date_start DESC NULLS LAST, r.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return { total, responses: rows.map((r) => responseView(r, { evidence: [] })) };
}

function paging(options: FactListOptions): { limit: number; offset: number } {
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new StoreError("BAD_QUERY", `The limit must be a whole number from 1 to 10000, not ${limit}.`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new StoreError("BAD_QUERY", `The offset must be a whole number of at least 0, not ${offset}.`);
  }
  return { limit, offset };
}
