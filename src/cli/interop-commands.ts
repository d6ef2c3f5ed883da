import { closeSync, createWriteStream, openSync } from "node:fs";
import type { Writable } from "node:stream";
import { InteropError, type Tlp } from "../model/index.ts";
import {
  dbPath,
  type ExportFormat,
  type ImportSummary,
  openKnowledge,
  withKnowledge,
} from "../service/index.ts";
import { type CliIo, finish, writeOut } from "./io.ts";

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
  incident?: string;
  tlp?: Tlp;
  text?: boolean;
  db?: string;
}

/** `casebook export`: the knowledge base (or one incident) as STIX 2.1, MISP events or CSV, streamed. */
export async function runExport(opts: ExportOptions, io: CliIo): Promise<void> {
  if (opts.out) {
    try {
      closeSync(openSync(opts.out, "w"));
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new InteropError("CANNOT_WRITE", `Casebook cannot write the file "${opts.out}" (${reason}).`);
    }
  }
  const summary = await withKnowledge(dbPath(opts.db), {}, async (kb) => {
    const out: Writable = opts.out ? createWriteStream(opts.out) : io.stdout;
    try {
      return await kb.export(opts.format, (chunk) => writeOut(out, chunk), {
        ...(opts.incident ? { incident: opts.incident } : {}),
        ...(opts.tlp ? { clearance: opts.tlp } : {}),
        ...(opts.text === false ? { withText: false } : {}),
      });
    } finally {
      await finish(out);
    }
  });
  const what = { stix: "STIX objects", misp: "MISP events", csv: "CSV rows" }[summary.format];
  io.stderr.write(
    `exported ${summary.incidents} incidents: ${summary.items} ${what}, ${(summary.bytes / 1024).toFixed(1)} KB` +
      `${opts.out ? ` to ${opts.out}` : ""}\n`,
  );
}

/** `casebook import FILE…`: STIX bundles and MISP galaxy clusters into the knowledge base. */
export async function runImport(files: string[], opts: { db?: string }, io: CliIo): Promise<void> {
  await withKnowledge(dbPath(opts.db), { create: true }, async (kb) => {
    for (const file of files) io.stderr.write(`${describeImport(await kb.import(file))}\n`);
  });
}

export function describeImport(s: ImportSummary): string {
  const lines = [
    `imported ${s.file} (${s.kind === "stix" ? "STIX bundle" : "MISP galaxy"}, ${s.objects} objects) in ` +
      `${s.seconds.toFixed(1)} s: ${s.catalogue.entries} threat groups with ${s.catalogue.aliases} aliases ` +
      `(${s.catalogue.added} new, ${s.catalogue.updated} updated, ${s.catalogue.revoked} revoked with a replacement)`,
  ];
  if (s.sources) {
    const d = s.sources.documents;
    lines.push(
      `  sources read again: ${d.new} new, ${d.duplicate} already known, ${d.failed} failed; ` +
        `${s.sources.incidents.new} incidents, ${s.sources.claims.new} claims, ${s.sources.responses.new} responses new`,
    );
    for (const f of s.sources.failures) lines.push(`  failed: ${f.where}: ${f.reason}`);
  }
  const skipped = Object.entries(s.skipped).sort((a, b) => b[1] - a[1]);
  if (skipped.length) lines.push(`  skipped: ${skipped.map(([why, n]) => `${n} ${why}`).join("; ")}`);
  if (s.droppedKeys) lines.push(`  dropped ${s.droppedKeys} __proto__/constructor/prototype keys`);
  return lines.join("\n");
}

/** `casebook taxii`: a read-only TAXII 2.1 server over the knowledge base, until interrupted. */
export async function runTaxii(
  opts: { port?: string; host?: string; db?: string; tlp?: Tlp },
  io: CliIo,
): Promise<void> {
  const { taxiiServer } = await import("../server/taxii/standalone.ts");
  const kb = await openKnowledge(dbPath(opts.db));
  const app = await taxiiServer(kb, opts.tlp);
  const address = await app.listen({ port: Number(opts.port ?? 6100), host: opts.host ?? "127.0.0.1" });
  io.stderr.write(`TAXII 2.1 at ${address}/taxii2/ (clearance: ${opts.tlp ?? "clear"}); Ctrl-C stops it\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await app.close();
  await kb.close();
}
