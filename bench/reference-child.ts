/**
 * The machine reference timed alone: chrono-node's parse over the first benchmark texts, in a fresh process that
 * runs nothing else first, as a probe of a machine would time it. Prints the rate of each pass as JSON.
 */
import { makeArticle } from "./articles.ts";
import { chronoReference, REFERENCE_TEXTS } from "./reference.ts";

const seed = Number(process.argv[2] ?? 7);
const passes = Number(process.argv[3] ?? 5);
const reference = chronoReference(
  Array.from({ length: REFERENCE_TEXTS }, (_, i) => makeArticle(seed, i).text),
);
const rates = Array.from({ length: passes }, () => reference.pass());
process.stdout.write(`${JSON.stringify({ rates, dates: reference.dates() })}\n`);
