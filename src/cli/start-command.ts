import { fileURLToPath } from "node:url";
import { CasebookError } from "../model/index.ts";
import { extractCorpus } from "../service/index.ts";
import { corpusTable } from "./corpus-table.ts";
import type { CliIo } from "./io.ts";

/** The bundled sample stories, found from this file so `npm start` works from any working directory. */
export const BUNDLED_CORPUS = fileURLToPath(new URL("../../data/corpus/", import.meta.url));

/**
 * `casebook start`: until the web app exists, the main job reads the bundled stories and shows what it found,
 * so a first-time user sees the extractor work before feeding it their own sources.
 */
export async function runStart(opts: { corpus?: string }, io: CliIo): Promise<void> {
  const dir = opts.corpus ?? BUNDLED_CORPUS;
  const started = process.hrtime.bigint();
  const results = extractCorpus(dir);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (results.length === 0) {
    throw new CasebookError(
      "NOT_FOUND",
      `No stories (NNN-slug.txt with NNN-slug.json beside it) were found in "${dir}".`,
    );
  }
  io.stdout.write(`Casebook: extracted the ${results.length} stories in ${dir}\n\n`);
  io.stdout.write(`${corpusTable(results, seconds)}\n`);
  const failed = results.filter((r) => r.record === undefined).length;
  if (failed > 0) {
    throw new CasebookError(
      "BAD_FIELD",
      `${failed} of the ${results.length} stories could not be extracted (see the table).`,
    );
  }
}
