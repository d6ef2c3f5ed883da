/**
 * Runs under `taskset` on one CPU: extraction in batches over the dense texts, round by round beside the machine
 * reference, exactly as the in-memory rounds of extract.bench.ts, but with the garbage collector's helper threads
 * on the same CPU instead of an idle second one. Prints the rates of each round as one JSON line.
 */
import { denseArticles, extractInBatches, seconds } from "./dense-texts.ts";
import { chronoReference } from "./reference.ts";

const passes = Number(process.argv[2] ?? 5);
const docs = denseArticles();
const reference = chronoReference(docs.map((d) => d.text));
// a whole pass to warm up: bound, the optimising compiler's threads share the CPU too, and take longer
let incidents = extractInBatches(docs);
const rates: number[] = [];
const references: number[] = [];
for (let round = 0; round < passes; round++) {
  references.push(reference.pass());
  rates.push(docs.length / seconds(() => (incidents += extractInBatches(docs))));
}
process.stdout.write(`${JSON.stringify({ rates, references, incidents })}\n`);
