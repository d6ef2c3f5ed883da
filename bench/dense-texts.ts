/**
 * The dense benchmark texts and the timing helpers that the extraction benchmark and its pinned child
 * (pinned-child.ts) share, so both time the same texts the same way.
 */
import { extractBatch } from "../src/extract/index.ts";
import { fromText } from "../src/intake/index.ts";
import type { Document } from "../src/model/index.ts";
import { BATCH_SIZE } from "../src/service/index.ts";
import { makeArticle } from "./articles.ts";
import type { Reference } from "./reference.ts";

export const ARTICLES = 2_000;
export const PASSES = 5;
export const SEED = 7;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The ARTICLES recombined texts of the stream seeded with SEED, read in as the CLI reads a text file. */
export function denseArticles(): Document[] {
  const docs: Document[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const a = makeArticle(SEED, i);
    docs.push(fromText(a.text, { id: a.id, title: a.title, published: a.published }));
  }
  return docs;
}

/** Extracts `docs` in batches as the batch command does; returns how many incidents were found. */
export function extractInBatches(docs: readonly Document[], timings?: Map<string, number>): number {
  let found = 0;
  for (let i = 0; i < docs.length; i += BATCH_SIZE)
    for (const o of extractBatch(docs.slice(i, i + BATCH_SIZE), { timings }))
      found += "record" in o ? o.record.incidents.length : 0;
  return found;
}

/** Wall-clock seconds of one call of `pass`. */
export function seconds(pass: () => void): number {
  const t0 = process.hrtime.bigint();
  pass();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * `passes` rounds of `extractInBatches` over `docs`, each after a pass of the machine reference, so that each
 * round's rate can be scaled by the reference timed beside it. Returns both rates of each round and the incidents
 * found (which keeps the work alive).
 */
export function roundsBesideReference(
  docs: readonly Document[],
  reference: Reference,
  passes: number,
): { rates: number[]; references: number[]; incidents: number } {
  let incidents = 0;
  const rates: number[] = [];
  const references: number[] = [];
  for (let round = 0; round < passes; round++) {
    references.push(reference.pass());
    rates.push(docs.length / seconds(() => (incidents += extractInBatches(docs))));
  }
  return { rates, references, incidents };
}
