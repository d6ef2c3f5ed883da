/**
 * Many documents made from the few team-written stories, for crash tests and benchmarks: each is a corpus story
 * (its headline and first paragraphs) with a paragraph of another story, its victim country swapped for another
 * and its years and publication date moved back, all chosen by a seeded generator. The same story, country and
 * years come up again and again — as the same attack, told by many outlets, does in the news — so incidents
 * merge; different ones make different incidents. Each document's headline carries its number, so no two
 * texts are the same.
 */
import { corpusFixtures } from "./corpus.ts";

/** mulberry32: a tiny seedable PRNG, so every run generates the same documents. */
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

/** Countries the corpus stories name as victims, swapped for one of REPLACEMENTS (name, adjective). */
const VICTIMS: ReadonlyArray<readonly [string, string]> = [
  ["Albania", "Albanian"],
  ["Ukraine", "Ukrainian"],
  ["Estonia", "Estonian"],
  ["Georgia", "Georgian"],
  ["Germany", "German"],
  ["Costa Rica", "Costa Rican"],
  ["Ireland", "Irish"],
  ["Australia", "Australian"],
  ["Bangladesh", "Bangladeshi"],
  ["the Netherlands", "Dutch"],
  ["Montenegro", "Montenegrin"],
  ["Israel", "Israeli"],
  ["Saudi Arabia", "Saudi"],
];

const REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ["Latvia", "Latvian"],
  ["Lithuania", "Lithuanian"],
  ["Moldova", "Moldovan"],
  ["Poland", "Polish"],
  ["Finland", "Finnish"],
  ["Norway", "Norwegian"],
  ["Denmark", "Danish"],
  ["Portugal", "Portuguese"],
  ["Chile", "Chilean"],
  ["Kenya", "Kenyan"],
  ["Slovakia", "Slovak"],
  ["Croatia", "Croatian"],
  ["Romania", "Romanian"],
  ["Bulgaria", "Bulgarian"],
  ["Greece", "Greek"],
  ["Austria", "Austrian"],
  ["Sweden", "Swedish"],
  ["Belgium", "Belgian"],
];

interface Story {
  headline: string;
  paragraphs: string[];
  published: string;
}

let stories: Story[] | undefined;

function corpusStories(): Story[] {
  stories ??= corpusFixtures().map((f) => {
    const [headline = "", ...paragraphs] = f.text
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    return { headline, paragraphs, published: f.published };
  });
  if (stories.length === 0) throw new Error("data/corpus/ holds no stories to generate documents from");
  return stories;
}

export interface GeneratedDocument {
  id: string;
  title: string;
  published: string;
  text: string;
}

export interface GenerateOptions {
  /** paragraphs of the story kept after its headline (default: all of them) */
  paragraphs?: number;
  /** how many variants of each story (country × years) the documents spread over (default 8 × 7) */
  countries?: number;
  years?: number;
}

/** The i-th generated document of `seed`; each is made on its own, so streams can be made lazily. */
export function generatedDocument(seed: number, i: number, opts: GenerateOptions = {}): GeneratedDocument {
  const rng = seededRandom(seed * 1_000_003 + i);
  const pool = corpusStories();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const story = pick(pool);
  const other = pick(pool);
  const swap = Math.floor(rng() * ((opts.countries ?? 8) + 1)) - 1; // -1: the country as the story has it
  const years = Math.floor(rng() * (opts.years ?? 7)); // moved back 0…6 years, never into the future
  const kept = story.paragraphs.slice(0, opts.paragraphs ?? story.paragraphs.length);
  const extra = pick(other.paragraphs.length > 0 ? other.paragraphs : kept);
  const vary = (s: string) => moveYears(swapCountry(s, story, swap), years);
  const title = `${vary(story.headline)} (report ${i})`;
  const body = [...kept, extra].map(vary);
  return {
    id: `gen-${seed}-${i}`,
    title,
    published: moveDate(story.published, years),
    text: `${title}\n\n${body.join("\n\n")}`,
  };
}

/** JSON lines of `count` generated documents, in the docs JSONL form `casebook ingest` reads. */
export function* generatedLines(count: number, seed: number, opts: GenerateOptions = {}): Generator<string> {
  for (let i = 0; i < count; i++) yield JSON.stringify(generatedDocument(seed, i, opts));
}

function swapCountry(text: string, story: Story, swap: number): string {
  if (swap < 0) return text;
  const victim = VICTIMS.find(
    ([name]) => story.headline.includes(name) || story.paragraphs[0]?.includes(name),
  );
  const replacement = REPLACEMENTS[swap % REPLACEMENTS.length];
  if (!victim || !replacement) return text;
  return text
    .replace(new RegExp(`\\b${victim[0]}\\b`, "g"), replacement[0])
    .replace(new RegExp(`\\b${victim[1]}\\b`, "g"), replacement[1]);
}

function moveYears(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(/\b(19[89]\d|20[0-2]\d)\b/g, (y) => String(Number(y) - years));
}

function moveDate(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC((y ?? 2020) - years, (m ?? 1) - 1, d ?? 1)).toISOString().slice(0, 10);
}
