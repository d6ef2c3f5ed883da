import { randomUUID } from "node:crypto";
import type { TokenEntry, TokenInput } from "../../model/access.ts";
import { ROLES, TlpSchema } from "../../model/index.ts";
import { StoreError } from "../../model/store-errors.ts";
import type { Db, Sql } from "./db.ts";

/**
 * Access tokens (kept as hashes) and analysts' merges of incidents, each change written to the audit log in the
 * same transaction (as sqlite/access.ts).
 */

interface TokenRow {
  id: string;
  name: string;
  role: string;
  clearance: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

const TOKEN_COLUMNS = "id, name, role, clearance, hash, created_at, revoked_at";

const tokenEntry = (r: TokenRow): TokenEntry => ({
  id: r.id,
  name: r.name,
  role: r.role as TokenEntry["role"],
  clearance: r.clearance as TokenEntry["clearance"],
  createdAt: r.created_at,
  ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at }),
});

async function audit(
  sql: Sql,
  at: string,
  actor: string,
  action: string,
  kind: string,
  id: string,
  detail: unknown,
) {
  await sql.run(
    `INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail_json)
    VALUES ($1, $2, $3, $4, $5, $6)`,
    [at, actor, action, kind, id, JSON.stringify(detail)],
  );
}

export async function createToken(db: Db, input: TokenInput): Promise<TokenEntry> {
  const bad = (why: string) => new StoreError("BAD_TOKEN", why);
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (name === "") throw bad("A token needs a name.");
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw bad(`A token's role is one of ${ROLES.join(", ")}, not "${input.role}".`);
  }
  if (!TlpSchema.safeParse(input.clearance).success) {
    throw bad(`A token's clearance is a TLP level, not "${input.clearance}".`);
  }
  if (typeof input.hash !== "string" || !/^[0-9a-f]{64}$/.test(input.hash)) {
    throw bad("A token is stored as the hex SHA-256 of its secret.");
  }
  const by = input.by?.trim() || "unknown";
  return db.transaction(async (sql): Promise<TokenEntry> => {
    const at = db.now();
    const id = randomUUID();
    // ON CONFLICT rather than a look-up first: two processes creating the same secret at once cannot both win
    const inserted = await sql.run(
      `INSERT INTO access_tokens (id, name, role, clearance, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (hash) DO NOTHING`,
      [id, name, input.role, input.clearance, input.hash, at],
    );
    if (inserted === 0) throw bad("A token with this secret already exists.");
    await audit(sql, at, by, "token.create", "token", id, {
      name,
      role: input.role,
      clearance: input.clearance,
    });
    return { id, name, role: input.role, clearance: input.clearance, createdAt: at };
  });
}

export async function findToken(sql: Sql, hash: string): Promise<TokenEntry | null> {
  const row = await sql.one<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM access_tokens WHERE hash = $1 AND revoked_at IS NULL`,
    [hash],
  );
  return row ? tokenEntry(row) : null;
}

export async function listTokens(sql: Sql): Promise<TokenEntry[]> {
  return (await sql.rows<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM access_tokens ORDER BY created_at, id`)).map(
    tokenEntry,
  );
}

export async function revokeToken(db: Db, id: string, by: string): Promise<TokenEntry> {
  return db.transaction(async (sql): Promise<TokenEntry> => {
    // FOR UPDATE: of two revocations at once, the second sees the first and writes nothing
    const row = await sql.one<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM access_tokens WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new StoreError("UNKNOWN_ID", `No token has the id "${id}".`);
    if (row.revoked_at !== null) return tokenEntry(row);
    const at = db.now();
    await sql.run("UPDATE access_tokens SET revoked_at = $1 WHERE id = $2", [at, id]);
    await audit(sql, at, by.trim() || "unknown", "token.revoke", "token", id, { name: row.name });
    return tokenEntry({ ...row, revoked_at: at });
  });
}

/**
 * Merges run one at a time (the table is locked for the transaction), so that two merges made at once cannot
 * together build the chain each one alone would refuse.
 */
export async function mergeIncidents(db: Db, fromId: string, intoId: string, by: string): Promise<void> {
  const bad = (why: string) => new StoreError("BAD_DECISION", why);
  const who = by.trim();
  if (who === "") throw bad("A merge must say who made it.");
  if (fromId === intoId) throw bad("An incident cannot be merged into itself.");
  await db.transaction(async (sql) => {
    await sql.exec("LOCK TABLE incident_merges IN SHARE ROW EXCLUSIVE MODE");
    for (const id of [fromId, intoId]) {
      if (!(await sql.one("SELECT 1 FROM incidents WHERE id = $1", [id]))) {
        throw bad(`There is no incident with the id "${id}" to merge.`);
      }
    }
    const mergedFrom = "SELECT 1 FROM incident_merges WHERE from_id = $1";
    if (await sql.one(mergedFrom, [fromId])) {
      throw bad(`The incident "${fromId}" is already merged into another; split it first.`);
    }
    if (await sql.one(mergedFrom, [intoId])) {
      throw bad(`The incident "${intoId}" is itself merged into another; merge into that one.`);
    }
    if (await sql.one("SELECT 1 FROM incident_merges WHERE into_id = $1", [fromId])) {
      throw bad(`Other incidents are merged into "${fromId}"; split them first.`);
    }
    const at = db.now();
    await sql.run(
      "INSERT INTO incident_merges (from_id, into_id, merged_by, merged_at) VALUES ($1, $2, $3, $4)",
      [fromId, intoId, who, at],
    );
    await audit(sql, at, who, "incident.merge", "incident", fromId, { into: intoId });
  });
}

export async function splitIncident(db: Db, fromId: string, by: string): Promise<void> {
  const who = by.trim();
  if (who === "") throw new StoreError("BAD_DECISION", "A split must say who made it.");
  await db.transaction(async (sql) => {
    const row = await sql.one<{ into_id: string }>(
      "DELETE FROM incident_merges WHERE from_id = $1 RETURNING into_id",
      [fromId],
    );
    if (!row) throw new StoreError("BAD_DECISION", `The incident "${fromId}" is not merged into another.`);
    await audit(sql, db.now(), who, "incident.split", "incident", fromId, { from: row.into_id });
  });
}
