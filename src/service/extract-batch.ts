import { type ExtractOutcome, extractBatch } from "../extract/index.ts";
import { docLineId, type IntakeOptions, parseDocLine } from "../intake/index.ts";
import { CasebookError, type Document } from "../model/index.ts";
import { errorRecord } from "./error-record.ts";
import { stableStringify } from "./stable-json.ts";
import { type BatchSummary, countError, countRecord, emptySummary } from "./summary.ts";

/**
 * Documents extracted together by default: enough for the stages' caches to pay, little enough to keep memory
 * flat. 32 runs about 1.1× as fast as 64 on one core, whose batch keeps twice as many documents' intermediate
 * results alive for the garbage collector to copy; 16 loses the caches' gain again.
 */
export const BATCH_SIZE = 32;

/**
 * The batch use case: JSON lines of documents in, JSON lines of records out, one for one and in order.
 * A line that cannot be read or extracted becomes an error record and the batch goes on: one bad document in a
 * feed of thousands must not cost the rest. Lines are pulled `batchSize` at a time and extracted together
 * (`extractBatch`), so memory stays flat however long the input is; a batch size of 1 answers each line as it
 * arrives. Output is deterministic: the same lines give byte-identical output, whatever the batch size.
 */
export async function* extractLines(
  lines: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  summary: BatchSummary = emptySummary(),
  options: IntakeOptions = {},
  batchSize = BATCH_SIZE,
): AsyncGenerator<string, BatchSummary, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new CasebookError(
      "BAD_FIELD",
      `The batch size must be a whole number of at least 1, not ${batchSize}.`,
    );
  let lineNo = 0;
  let pending: Array<{ input: string | Uint8Array; lineNo: number }> = [];
  for await (const line of lines) {
    pending.push({ input: line, lineNo: ++lineNo });
    if (pending.length < batchSize) continue;
    yield* extractPending(pending, summary, options);
    pending = [];
  }
  yield* extractPending(pending, summary, options);
  return summary;
}

function extractPending(
  pending: ReadonlyArray<{ input: string | Uint8Array; lineNo: number }>,
  summary: BatchSummary,
  options: IntakeOptions,
): string[] {
  const read = pending.map(({ input, lineNo }) => readLine(input, lineNo, options));
  const docs = read.flatMap((r) => ("doc" in r ? [r.doc] : []));
  const outcomes = extractBatch(docs);
  let next = 0;
  return read.map((r) => {
    const outcome = "doc" in r ? (outcomes[next++] as ExtractOutcome) : { error: r.error };
    return recordLine(outcome, r.id, summary);
  });
}

/**
 * One input line → one output line (without its newline), counted into `summary`: `extractLines` with a batch
 * of one.
 */
export function extractLine(
  input: string | Uint8Array,
  lineNo: number,
  summary: BatchSummary,
  options: IntakeOptions = {},
): string {
  return extractPending([{ input, lineNo }], summary, options)[0] as string;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/**
 * A line read into a document, or the reason it cannot be, with the id its error record is to carry. A line
 * given as bytes is decoded strictly; when it is not UTF-8 its id is still looked for in a lenient decoding.
 * The id is read again from the line (a second JSON parse) only for an error record.
 */
function readLine(
  input: string | Uint8Array,
  lineNo: number,
  options: IntakeOptions,
): { doc: Document; id: () => string } | { error: unknown; id: () => string } {
  let line = typeof input === "string" ? input : "";
  try {
    if (typeof input !== "string") {
      try {
        line = strictUtf8.decode(input);
      } catch {
        line = lenientUtf8.decode(input);
        throw new CasebookError("INVALID_UTF8", `Line ${lineNo} is not valid UTF-8.`);
      }
    }
    if (line.trim() === "") throw new CasebookError("EMPTY_INPUT", `Line ${lineNo} is empty.`);
    return { doc: parseDocLine(line, options), id: () => docLineId(line) ?? `line-${lineNo}` };
  } catch (error) {
    return { error, id: () => docLineId(line) ?? `line-${lineNo}` };
  }
}

/** The output line of one outcome; the error record's id is read from the line only when it is needed. */
function recordLine(outcome: ExtractOutcome, id: () => string, summary: BatchSummary): string {
  if ("error" in outcome) {
    countError(summary);
    return stableStringify(errorRecord(id(), outcome.error));
  }
  countRecord(summary, outcome.record);
  return stableStringify(outcome.record);
}
