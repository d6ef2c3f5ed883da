import { extract } from "../extract/index.ts";
import { docLineId, type IntakeOptions, parseDocLine } from "../intake/index.ts";
import { CasebookError, type DocumentRecord } from "../model/index.ts";
import { errorRecord } from "./error-record.ts";
import { stableStringify } from "./stable-json.ts";
import { type BatchSummary, countError, countRecord, emptySummary } from "./summary.ts";

/**
 * The batch use case: JSON lines of documents in, JSON lines of records out, one for one and in order.
 * A line that cannot be read or extracted becomes an error record and the batch goes on: one bad document in a
 * feed of thousands must not cost the rest. Lines are pulled one at a time, so memory stays flat however long
 * the input is. Output is deterministic: the same lines give byte-identical output.
 */
export async function* extractLines(
  lines: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  summary: BatchSummary = emptySummary(),
  options: IntakeOptions = {},
): AsyncGenerator<string, BatchSummary, undefined> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    yield extractLine(line, lineNo, summary, options);
  }
  return summary;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/**
 * One input line → one output line (without its newline), counted into `summary`. A line given as bytes is
 * decoded strictly; when it is not UTF-8 its id is still looked for in a lenient decoding, for the error record.
 */
export function extractLine(
  input: string | Uint8Array,
  lineNo: number,
  summary: BatchSummary,
  options: IntakeOptions = {},
): string {
  let record: DocumentRecord;
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
    record = extract(parseDocLine(line, options));
  } catch (err) {
    countError(summary);
    return stableStringify(errorRecord(docLineId(line) ?? `line-${lineNo}`, err));
  }
  countRecord(summary, record);
  return stableStringify(record);
}
