/**
 * Runs under `taskset` on one CPU: extraction in batches over the dense texts, round by round beside the machine
 * reference, exactly as the in-memory rounds of extract.bench.ts, but with the garbage collector's helper threads
 * on the same CPU instead of an idle second one. Prints the rates of each round as one JSON line.
 */
import { denseArticles, extractInBatches, roundsBesideReference } from "./dense-texts.ts";
import { chronoReference } from "./reference.ts";

const passes = Number(process.argv[2] ?? 5);
const docs = denseArticles();
const reference = chronoReference(docs.map((d) => d.text));
// a whole pass to warm up: bound, the optimising compiler's threads share the CPU too, and take longer
const warm = extractInBatches(docs);
const { rates, references, incidents } = roundsBesideReference(docs, reference, passes);
process.stdout.write(`${JSON.stringify({ rates, references, incidents: warm + incidents })}\n`);
