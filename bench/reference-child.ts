/**
 * The machine reference timed alone: chrono-node's parse over the first 500 benchmark texts, in a fresh process
 * that runs nothing else first, as a probe of a machine would time it. Prints the rate of each pass as JSON.
 */
import * as chrono from "chrono-node";
import { makeArticle } from "./articles.ts";

const seed = Number(process.argv[2] ?? 7);
const passes = Number(process.argv[3] ?? 5);
const texts = Array.from({ length: 500 }, (_, i) => makeArticle(seed, i).text);
const ref = new Date(Date.UTC(2022, 8, 10, 12));
let dates = 0;
// two passes first: its first thousand parses run slower
for (let i = 0; i < 2; i++) for (const t of texts) dates += chrono.parse(t, ref).length;
const rates: number[] = [];
for (let pass = 0; pass < passes; pass++) {
  const t0 = process.hrtime.bigint();
  for (const t of texts) dates += chrono.parse(t, ref).length;
  rates.push(texts.length / (Number(process.hrtime.bigint() - t0) / 1e9));
}
process.stdout.write(`${JSON.stringify({ rates, dates })}\n`);
