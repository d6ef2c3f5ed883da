/**
 * The machine reference: chrono-node's default parse over article-sized texts, the workload the issue measured
 * its targets beside (~2,500 articles/s there). Machines here differ by half or more between sessions and drift
 * within one, so a figure is compared with a target only together with this ratio.
 */
import * as chrono from "chrono-node";

/** chrono-node's own parse of article-sized texts on the machine issue 2's targets were set on, articles/s */
export const REFERENCE_CHRONO = 2_500;

/** `rate` as on the machine the targets were set on, given the reference's rate timed beside it */
export function scaledRate(rate: number, reference: number): number {
  return rate / (reference / REFERENCE_CHRONO);
}

/** how many texts one timed pass parses */
export const REFERENCE_TEXTS = 500;

/** A timer of the machine reference: `pass` times one pass and returns its rate; `dates` keeps the work alive. */
export interface Reference {
  pass: () => number;
  dates: () => number;
}

/**
 * A timer of the reference over `texts` (the first REFERENCE_TEXTS of them). It warms up at once, over two passes:
 * chrono's first thousand parses run slower. `pass` times one pass and returns its rate; `dates` counts the dates
 * found, which keeps the work alive.
 */
export function chronoReference(texts: readonly string[]): Reference {
  const sample = texts.slice(0, REFERENCE_TEXTS);
  const ref = new Date(Date.UTC(2022, 8, 10, 12));
  let dates = 0;
  const parseAll = () => {
    for (const t of sample) dates += chrono.parse(t, ref).length;
  };
  parseAll();
  parseAll();
  const pass = () => {
    const t0 = process.hrtime.bigint();
    parseAll();
    return sample.length / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  return { pass, dates: () => dates };
}
