import { createHash, randomBytes } from "node:crypto";
import type { Role, TokenEntry } from "../model/access.ts";
import type { Tlp } from "../model/index.ts";
import type { Store } from "../store/index.ts";

/** Secrets start with this, so that one pasted into a chat or a log is recognisable as a Casebook token. */
const PREFIX = "cb_";

/** The hex SHA-256 of a token's secret: all the store keeps of it. */
export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new secret: 32 random bytes, base64url, prefixed. */
export function newSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Creates a token and returns its secret, which exists nowhere else afterwards: the store keeps its hash. */
export async function createToken(
  store: Store,
  input: { name: string; role: Role; clearance: Tlp; by: string },
): Promise<{ secret: string; token: TokenEntry }> {
  const secret = newSecret();
  const token = await store.createToken({ ...input, hash: hashToken(secret) });
  return { secret, token };
}

/** The live token a secret stands for, or null (unknown, revoked, or not a token at all). */
export async function authenticate(store: Store, secret: string): Promise<TokenEntry | null> {
  const s = secret.trim();
  if (!s.startsWith(PREFIX) || s.length > 200) return null;
  return store.findToken(hashToken(s));
}
