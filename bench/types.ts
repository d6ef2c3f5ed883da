/** One figure a benchmark reports; run.ts prints them as a table. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

/** A benchmark module exports one of these as `benchmark`; register it in run.ts under a short name. */
export interface Benchmark {
  title: string;
  run(log: (line: string) => void): Promise<BenchRow[]>;
}
