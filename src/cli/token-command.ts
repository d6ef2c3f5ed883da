import type { Role, Tlp } from "../model/index.ts";
import { dbPath, withKnowledge } from "../service/index.ts";
import type { CliIo } from "./io.ts";

/** `casebook token create`: prints the secret once; the knowledge base keeps only its hash. */
export async function runTokenCreate(
  opts: { name: string; role: Role; tlp: Tlp; db?: string },
  io: CliIo,
): Promise<void> {
  const { secret, token } = await withKnowledge(dbPath(opts.db), { create: true }, (kb) =>
    kb.createToken({ name: opts.name, role: opts.role, clearance: opts.tlp, by: "cli" }),
  );
  io.stdout.write(`${secret}\n`);
  io.stderr.write(
    `casebook: created the ${token.role} token "${token.name}" (id ${token.id}, clearance ${token.clearance}). ` +
      "This is the only time its secret is shown; keep it somewhere safe.\n",
  );
}

export async function runTokenList(opts: { db?: string }, io: CliIo): Promise<void> {
  const tokens = await withKnowledge(dbPath(opts.db), {}, (kb) => kb.tokens());
  if (tokens.length === 0) io.stdout.write("No tokens: `casebook serve` runs open, on loopback only.\n");
  for (const t of tokens) {
    io.stdout.write(
      `${t.id}  ${t.role.padEnd(7)}  ${t.clearance.padEnd(12)}  ${t.name}${t.revokedAt ? `  (revoked ${t.revokedAt})` : ""}\n`,
    );
  }
}

export async function runTokenRevoke(id: string, opts: { db?: string }, io: CliIo): Promise<void> {
  const t = await withKnowledge(dbPath(opts.db), {}, (kb) => kb.revokeToken(id, "cli"));
  io.stdout.write(`Revoked the token "${t.name}" (${t.id}).\n`);
}
