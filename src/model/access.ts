import { z } from "zod";
import { TLP_LEVELS, type Tlp } from "./vocabulary.ts";

/**
 * Access to the knowledge base: roles, tokens and TLP clearance. A reader reads; an analyst also reviews and
 * ingests; an admin also manages tokens. A token's clearance is the highest TLP marking it may see.
 */
export const ROLES = ["reader", "analyst", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** True when `role` may do what `needed` may do (roles are ordered: reader < analyst < admin). */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The TLP levels a clearance lets through, lowest first (`red` lets every level through). */
export function tlpWithin(clearance: Tlp): Tlp[] {
  return TLP_LEVELS.slice(0, TLP_LEVELS.indexOf(clearance) + 1);
}

/** True when a source marked `level` is visible to a reader cleared for `clearance`. */
export function tlpVisible(level: Tlp, clearance: Tlp | undefined): boolean {
  return clearance === undefined || TLP_LEVELS.indexOf(level) <= TLP_LEVELS.indexOf(clearance);
}

/**
 * Who is reading. Every read method of the Store takes one: with a `clearance`, a source marked above it is
 * invisible, and so is every quote from it; a fact (incident, claim, response) is visible only when at least one
 * of the sources that report it is visible, and counts, statistics, parties and search see only visible facts
 * and sources. Without a clearance (the CLI, the owner of the file) everything is visible.
 */
export interface ReadScope {
  clearance?: Tlp;
}

/** A stored access token, without its secret: the store keeps only the token's SHA-256 hash. */
export interface TokenEntry {
  id: string;
  name: string;
  role: Role;
  clearance: Tlp;
  /** ISO timestamps */
  createdAt: string;
  revokedAt?: string;
}

export interface TokenInput {
  name: string;
  role: Role;
  clearance: Tlp;
  /** hex SHA-256 of the secret token */
  hash: string;
  /** who created it, for the audit log */
  by: string;
}
