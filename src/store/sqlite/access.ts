import { randomUUID } from "node:crypto";
import type { TokenEntry, TokenInput } from "../../model/access.ts";
import { ROLES, TlpSchema } from "../../model/index.ts";
import { StoreError } from "../../model/store-errors.ts";
import type { Db } from "./db.ts";

/** Access tokens (kept as hashes) and analysts' merges of incidents, each change written to the audit log. */

interface TokenRow {
  id: string;
  name: string;
  role: string;
  clearance: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

const tokenEntry = (r: TokenRow): TokenEntry => ({
  id: r.id,
  name: r.name,
  role: r.role as TokenEntry["role"],
  clearance: r.clearance as TokenEntry["clearance"],
  createdAt: r.created_at,
  ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at }),
});

function audit(db: Db, at: string, actor: string, action: string, kind: string, id: string, detail: unknown) {
  db.prep(
    "INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail_json) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(at, actor, action, kind, id, JSON.stringify(detail));
}

export function createToken(db: Db, input: TokenInput): TokenEntry {
  const bad = (why: string) => new StoreError("BAD_TOKEN", why);
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (name === "") throw bad("A token needs a name.");
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw bad(`A token's role is one of ${ROLES.join(", ")}, not "${input.role}".`);
  }
  if (!TlpSchema.safeParse(input.clearance).success) {
    throw bad(`A token's clearance is a TLP level, not "${input.clearance}".`);
  }
  if (!/^[0-9a-f]{64}$/.test(input.hash)) throw bad("A token is stored as the hex SHA-256 of its secret.");
  const by = input.by?.trim() || "unknown";
  return db.raw
    .transaction((): TokenEntry => {
      if (db.prep("SELECT 1 FROM access_tokens WHERE hash = ?").get(input.hash)) {
        throw bad("A token with this secret already exists.");
      }
      const at = db.now();
      const id = randomUUID();
      db.prep(
        "INSERT INTO access_tokens (id, name, role, clearance, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      ).run(id, name, input.role, input.clearance, input.hash, at);
      audit(db, at, by, "token.create", "token", id, { name, role: input.role, clearance: input.clearance });
      return { id, name, role: input.role, clearance: input.clearance, createdAt: at };
    })
    .immediate();
}

export function findToken(db: Db, hash: string): TokenEntry | null {
  const row = db
    .prep<TokenRow>("SELECT * FROM access_tokens WHERE hash = ? AND revoked_at IS NULL")
    .get(hash);
  return row ? tokenEntry(row) : null;
}

export function listTokens(db: Db): TokenEntry[] {
  return db.prep<TokenRow>("SELECT * FROM access_tokens ORDER BY created_at, id").all().map(tokenEntry);
}

export function revokeToken(db: Db, id: string, by: string): TokenEntry {
  return db.raw
    .transaction((): TokenEntry => {
      const row = db.prep<TokenRow>("SELECT * FROM access_tokens WHERE id = ?").get(id);
      if (!row) throw new StoreError("UNKNOWN_ID", `No token has the id "${id}".`);
      if (row.revoked_at !== null) return tokenEntry(row);
      const at = db.now();
      db.prep("UPDATE access_tokens SET revoked_at = ? WHERE id = ?").run(at, id);
      audit(db, at, by.trim() || "unknown", "token.revoke", "token", id, { name: row.name });
      return tokenEntry({ ...row, revoked_at: at });
    })
    .immediate();
}

export function mergeIncidents(db: Db, fromId: string, intoId: string, by: string): void {
  const bad = (why: string) => new StoreError("BAD_DECISION", why);
  const who = by.trim();
  if (who === "") throw bad("A merge must say who made it.");
  if (fromId === intoId) throw bad("An incident cannot be merged into itself.");
  db.raw
    .transaction(() => {
      for (const id of [fromId, intoId]) {
        if (!db.prep("SELECT 1 FROM incidents WHERE id = ?").get(id)) {
          throw bad(`There is no incident with the id "${id}" to merge.`);
        }
      }
      if (db.prep("SELECT 1 FROM incident_merges WHERE from_id = ?").get(fromId)) {
        throw bad(`The incident "${fromId}" is already merged into another; split it first.`);
      }
      if (db.prep("SELECT 1 FROM incident_merges WHERE from_id = ?").get(intoId)) {
        throw bad(`The incident "${intoId}" is itself merged into another; merge into that one.`);
      }
      if (db.prep("SELECT 1 FROM incident_merges WHERE into_id = ?").get(fromId)) {
        throw bad(`Other incidents are merged into "${fromId}"; split them first.`);
      }
      const at = db.now();
      db.prep("INSERT INTO incident_merges (from_id, into_id, merged_by, merged_at) VALUES (?, ?, ?, ?)").run(
        fromId,
        intoId,
        who,
        at,
      );
      audit(db, at, who, "incident.merge", "incident", fromId, { into: intoId });
    })
    .immediate();
}

export function splitIncident(db: Db, fromId: string, by: string): void {
  const who = by.trim();
  if (who === "") throw new StoreError("BAD_DECISION", "A split must say who made it.");
  db.raw
    .transaction(() => {
      const row = db
        .prep<{ into_id: string }>("SELECT into_id FROM incident_merges WHERE from_id = ?")
        .get(fromId);
      if (!row) {
        throw new StoreError("BAD_DECISION", `The incident "${fromId}" is not merged into another.`);
      }
      db.prep("DELETE FROM incident_merges WHERE from_id = ?").run(fromId);
      audit(db, db.now(), who, "incident.split", "incident", fromId, { from: row.into_id });
    })
    .immediate();
}
