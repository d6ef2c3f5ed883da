/**
 * Article-sized benchmark texts, recombined from the bundled corpus: paragraphs of real stories shuffled with
 * a seeded generator, so every run measures the same texts and the texts read like the news Casebook is for.
 */
import { corpusFixtures } from "../test/helpers/corpus.ts";

/** Target size of one article, in characters (a typical news story is 3–4 KB). */
export const ARTICLE_CHARS = 3_500;

/** mulberry32: a tiny, fast, seedable PRNG; Math.random cannot be seeded and would make runs incomparable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Used only while data/corpus/ is empty, so the bench still runs on a bare checkout.
const FALLBACK = [
  "The interior ministry said on Friday that police computer systems had been hit by the same actors who attacked government services in July.",
  "Prime Minister Edi Rama accused Iran of directing the attack and ordered its diplomats to leave within 24 hours.",
  "Tehran's foreign ministry rejected the accusation as baseless and said Iran itself was a victim of cyberattacks.",
  "The United States sanctioned the Ministry of Intelligence and Security for its alleged involvement.",
  "Border crossings, seaports and airports switched their computer control systems off as a precaution.",
  "A ransomware attack on a regional hospital forced staff to divert ambulances, officials said on Tuesday.",
  "No country has been blamed for the outage, and investigators declined to speculate about who was behind it.",
  "The national cyber agency issued an advisory urging operators to patch their remote-access gateways.",
];

let cached: string[] | undefined;

/** Paragraphs of the corpus bodies (the headline line of each story is left out). */
export function paragraphs(): string[] {
  if (cached) return cached;
  const fromCorpus = corpusFixtures().flatMap((f) =>
    f.text
      .split(/\r?\n\s*\r?\n/)
      .slice(1)
      .map((p) => p.trim())
      .filter((p) => p.length > 40),
  );
  cached = fromCorpus.length >= 20 ? fromCorpus : FALLBACK;
  return cached;
}

export interface BenchArticle {
  id: string;
  title: string;
  published: string;
  text: string;
}

/** The i-th article of the stream seeded with `seed`; independent of every other, so it can be made lazily. */
export function makeArticle(seed: number, i: number): BenchArticle {
  const rng = seededRandom(seed * 1_000_003 + i);
  const pool = paragraphs();
  const pick = () => pool[Math.floor(rng() * pool.length)] ?? "";
  const body: string[] = [];
  let size = 0;
  while (size < ARTICLE_CHARS) {
    const p = pick();
    body.push(p);
    size += p.length + 2;
  }
  const title = (body[0]?.split(/(?<=[.!?])\s/)[0] ?? "Untitled").slice(0, 120);
  const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(rng() * 5_000) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { id: `bench-${seed}-${i}`, title, published: day, text: `${title}\n\n${body.join("\n\n")}` };
}

/** JSON lines of `count` articles, made one at a time: the stream bench must not hold them all in memory. */
export function* articleLines(count: number, seed: number): Generator<string> {
  for (let i = 0; i < count; i++) yield JSON.stringify(makeArticle(seed, i));
}

export function usingFallback(): boolean {
  return paragraphs() === FALLBACK;
}
