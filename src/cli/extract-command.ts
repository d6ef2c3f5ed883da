import { createReadStream, createWriteStream, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Writable } from "node:stream";
import { CasebookError } from "../model/index.ts";
import {
  BATCH_SIZE,
  describeSummary,
  emptySummary,
  extractFile,
  extractLines,
  splitLines,
  stableStringify,
} from "../service/index.ts";
import { type CliIo, finish, writeOut } from "./io.ts";
import { startProgress } from "./progress.ts";

export interface ExtractOptions {
  input?: string;
  output?: string;
  published?: string;
  title?: string;
  url?: string;
  id?: string;
  format?: "text" | "html";
  batch?: string;
}

/** `casebook extract FILE …` or `casebook extract --input docs.jsonl …`: exactly one of the two forms. */
export async function runExtract(file: string | undefined, opts: ExtractOptions, io: CliIo): Promise<void> {
  if (file !== undefined && opts.input !== undefined) {
    throw new CasebookError("BAD_FIELD", "Give either a FILE or --input, not both.");
  }
  if (opts.batch !== undefined && opts.input === undefined)
    throw new CasebookError("BAD_FIELD", "--batch applies to a batch only: give it with --input.");
  if (opts.input !== undefined) return runBatch(opts.input, opts.output, batchSize(opts.batch), io);
  if (file === undefined) {
    throw new CasebookError(
      "BAD_FIELD",
      "Give a FILE to extract, or --input FILE.jsonl for a batch (see --help).",
    );
  }
  const record = extractFile(file, {
    published: opts.published,
    title: opts.title,
    url: opts.url,
    id: opts.id,
    format: opts.format,
  });
  const out = openOutput(opts.output, io);
  await writeOut(out, `${stableStringify(record, 2)}\n`);
  await finish(out);
}

function batchSize(given: string | undefined): number {
  if (given === undefined) return BATCH_SIZE;
  const n = Number(given);
  if (!/^\d+$/.test(given.trim()) || n < 1 || n > 10_000)
    throw new CasebookError("BAD_FIELD", `--batch takes a whole number from 1 to 10000, not "${given}".`);
  return n;
}

async function runBatch(input: string, output: string | undefined, batch: number, io: CliIo): Promise<void> {
  if (input !== "-" && output !== undefined && output !== "-" && resolve(input) === resolve(output)) {
    // Opening the output would truncate the input before a line of it was read.
    throw new CasebookError(
      "BAD_FIELD",
      "The output file is the input file; write the records somewhere else.",
    );
  }
  const started = process.hrtime.bigint();
  const source = input === "-" ? io.stdin : openInput(input);
  const total = input === "-" ? undefined : await countLines(input);
  const out = openOutput(output, io);
  const summary = emptySummary();
  const progress = startProgress(io, total);
  try {
    for await (const line of extractLines(splitLines(source), summary, {}, batch)) {
      await writeOut(out, `${line}\n`);
      progress.update(summary);
    }
  } finally {
    progress.stop();
  }
  await finish(out);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  io.stderr.write(`${describeSummary(summary, seconds)}\n`);
}

function openInput(path: string) {
  try {
    if (!statSync(path).isFile()) throw new CasebookError("NOT_FOUND", `The input "${path}" is not a file.`);
  } catch (err) {
    if (err instanceof CasebookError) throw err;
    throw new CasebookError("NOT_FOUND", `The input file "${path}" does not exist or cannot be read.`);
  }
  return createReadStream(path);
}

function openOutput(path: string | undefined, io: CliIo): Writable {
  if (path === undefined || path === "-") return io.stdout;
  const stream = createWriteStream(path);
  // Surface a bad output path as a sentence rather than as an unhandled stream error.
  stream.on("error", (err: NodeJS.ErrnoException) => {
    io.stderr.write(`casebook: The output file "${path}" cannot be written (${err.code ?? err.message}).\n`);
    process.exit(1);
  });
  return stream;
}

/** Lines of a file, for the progress bar's total; a final line without a newline counts too. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}
