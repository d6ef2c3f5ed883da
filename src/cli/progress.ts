import { Presets, SingleBar } from "cli-progress";
import type { BatchSummary } from "../service/index.ts";
import type { CliIo } from "./io.ts";

/** Shows a batch's progress on stderr, never on stdout, which carries the records. */
export interface Progress {
  update(summary: BatchSummary): void;
  stop(): void;
}

/** A live bar on a terminal; otherwise (logs, CI) a few plain lines, since a redrawn bar would spam them. */
export function startProgress(io: CliIo, total: number | undefined, verb = "extracting"): Progress {
  return io.stderr.isTTY ? barProgress(io, total, verb) : lineProgress(io, total);
}

function barProgress(io: CliIo, total: number | undefined, verb: string): Progress {
  const format =
    total === undefined
      ? `${verb} {value} documents | {errors} errors | {duration_formatted}`
      : `${verb} |{bar}| {percentage}% | {value}/{total} documents | {errors} errors | ETA {eta_formatted}`;
  const bar = new SingleBar(
    { format, stream: io.stderr, hideCursor: true, clearOnComplete: true, fps: 10 },
    Presets.shades_classic,
  );
  bar.start(total ?? 0, 0, { errors: 0 });
  return {
    update: (s) => bar.update(s.documents, { errors: s.errors }),
    stop: () => bar.stop(),
  };
}

/** Unknown totals (stdin) report every this many documents. */
const PLAIN_EVERY = 10_000;

function lineProgress(io: CliIo, total: number | undefined): Progress {
  let next = total === undefined ? PLAIN_EVERY : Math.ceil(total / 4);
  let quarter = 1;
  return {
    update(s) {
      if (s.documents < next || (total !== undefined && s.documents >= total)) return;
      const share = total === undefined ? "" : ` (${Math.floor((100 * s.documents) / total)}%)`;
      io.stderr.write(
        `progress: ${s.documents} ${s.documents === 1 ? "document" : "documents"}${share}, ${s.errors} ${s.errors === 1 ? "error" : "errors"}\n`,
      );
      if (total === undefined) next += PLAIN_EVERY;
      else next = Math.ceil((total * ++quarter) / 4);
    },
    stop() {},
  };
}
