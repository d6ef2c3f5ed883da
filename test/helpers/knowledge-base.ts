import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Knowledge, openKnowledge } from "../../src/service/index.ts";
import { CORPUS_DIR } from "./corpus.ts";

/** A temporary folder removed by `cleanup`. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh knowledge base in `dir`, holding the team-written corpus (and, if given, more JSONL documents). */
export async function corpusKnowledge(dir: string, extraLines: readonly string[] = []): Promise<Knowledge> {
  const kb = await openKnowledge(join(dir, `kb-${Math.random().toString(36).slice(2)}.db`), { create: true });
  const paths = [CORPUS_DIR];
  if (extraLines.length) {
    const file = join(dir, "extra.jsonl");
    writeFileSync(file, `${extraLines.join("\n")}\n`);
    paths.push(file);
  }
  const summary = await kb.ingest(paths, { workers: 0 });
  if (summary.documents.failed)
    throw new Error(`the corpus did not ingest: ${JSON.stringify(summary.failures)}`);
  return kb;
}

/** Exports into a string. */
export async function exportText(
  kb: Knowledge,
  format: "stix" | "misp" | "csv",
  options: Parameters<Knowledge["export"]>[2] = {},
): Promise<string> {
  const chunks: string[] = [];
  await kb.export(
    format,
    (c) => {
      chunks.push(c);
    },
    options,
  );
  return chunks.join("");
}
