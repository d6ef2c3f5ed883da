import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { readGalaxyClusterValue } from "../interop/misp/index.ts";
import { InteropError, isRecord, parseJsonSafely, readBundleValue } from "../interop/stix/index.ts";
import type { CatalogueSaveResult, Document } from "../model/index.ts";
import type { Store } from "../store/index.ts";
import { catalogueGroups } from "./catalogue.ts";
import { type IngestOptions, type IngestSummary, ingestDocuments } from "./ingest.ts";

/** A file larger than this is refused before it is read. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export interface ImportSummary {
  file: string;
  kind: "stix" | "misp-galaxy";
  /** objects in the bundle, or values in the galaxy cluster */
  objects: number;
  /** threat groups kept in the catalogue */
  catalogue: CatalogueSaveResult & { entries: number; aliases: number; revoked: number };
  /** the sources a Casebook bundle carried, read again (null for catalogues) */
  sources: IngestSummary | null;
  /** objects not kept, by reason */
  skipped: Record<string, number>;
  droppedKeys: number;
  seconds: number;
}

/**
 * Imports a STIX 2.1 bundle or a MISP galaxy cluster file. Everything is read and checked before anything is
 * written: a file that is not JSON, not a bundle, of another STIX version or too large is refused with a
 * sentence and the knowledge base is untouched. Intrusion sets and threat actors (ATT&CK's among them) and
 * galaxy values join the threat-group catalogue in one transaction, and extraction knows their names from then
 * on; the sources a Casebook export carries are read again and their facts merged, one document per transaction.
 */
export async function importFile(
  path: string,
  store: Store,
  opts: IngestOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const text = readText(path);
  const { value, droppedKeys } = parseJsonSafely(text, `file "${basename(path)}"`);
  const isBundle = isRecord(value) && value.type === "bundle";
  const isGalaxy = isRecord(value) && Array.isArray(value.values) && typeof value.uuid === "string";
  if (!isBundle && !isGalaxy)
    throw new InteropError(
      "NOT_A_BUNDLE",
      `The file "${basename(path)}" is neither a STIX bundle ("type": "bundle") nor a MISP galaxy cluster file.`,
    );

  if (isGalaxy) {
    const galaxyFile = join(dirname(path), "galaxies", basename(path));
    const galaxy = readGalaxyClusterValue(
      value,
      droppedKeys,
      existsSync(galaxyFile) ? readFileSync(galaxyFile, "utf8") : undefined,
    );
    const saved = await store.saveCatalogueEntries(galaxy.entries);
    return {
      file: path,
      kind: "misp-galaxy",
      objects: (value as { values: unknown[] }).values.length,
      catalogue: { ...saved, ...countOf(galaxy.entries) },
      sources: null,
      skipped: galaxy.skipped ? { "value that does not parse": galaxy.skipped } : {},
      droppedKeys: galaxy.droppedKeys,
      seconds: (performance.now() - started) / 1000,
    };
  }

  const bundle = readBundleValue(value, droppedKeys);
  const saved = await store.saveCatalogueEntries(bundle.catalogue);
  let sources: IngestSummary | null = null;
  // a source whose text is not the one its fingerprint names was altered on the way: it is not read
  const intact = bundle.sources.filter((s) => createHash("sha256").update(s.text).digest("hex") === s.sha256);
  if (intact.length < bundle.sources.length)
    bundle.skipped["report whose text does not match its sha256"] = bundle.sources.length - intact.length;
  if (intact.length) {
    const groups = catalogueGroups(await store.catalogueEntries());
    const docs = intact.map((s): { where: string; doc: Document } => ({
      where: `${basename(path)}: ${s.docId}`,
      doc: {
        id: s.docId,
        ...(s.title !== undefined ? { title: s.title } : {}),
        published: s.published,
        ...(s.url ? { url: s.url } : {}),
        ...(s.publisher ? { publisher: s.publisher } : {}),
        sha256: s.sha256,
        tlp: s.tlp,
        text: s.text,
      },
    }));
    sources = await ingestDocuments(docs, store, { ...opts, ...(groups.length ? { groups } : {}) });
  }
  return {
    file: path,
    kind: "stix",
    objects: bundle.objects,
    catalogue: { ...saved, ...countOf(bundle.catalogue) },
    sources,
    skipped: bundle.skipped,
    droppedKeys: bundle.droppedKeys,
    seconds: (performance.now() - started) / 1000,
  };
}

function countOf(entries: ReadonlyArray<{ aliases: string[]; revokedBy?: string }>) {
  return {
    entries: entries.length,
    aliases: entries.reduce((n, e) => n + e.aliases.length, 0),
    revoked: entries.filter((e) => e.revokedBy).length,
  };
}

function readText(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InteropError("NOT_FOUND", `The file "${path}" does not exist or cannot be read.`);
  }
  if (size > MAX_IMPORT_BYTES)
    throw new InteropError(
      "TOO_LARGE",
      `The file "${basename(path)}" is ${(size / 2 ** 20).toFixed(0)} MB; Casebook imports files of at most ` +
        `${MAX_IMPORT_BYTES / 2 ** 20} MB.`,
    );
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new InteropError(
      "BAD_JSON",
      `The file "${basename(path)}" is not UTF-8 text, so it cannot be JSON.`,
    );
  }
}
