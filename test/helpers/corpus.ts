import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The team-written sample stories: NNN-slug.txt beside NNN-slug.json (whose "published" dates the story). */
export const CORPUS_DIR = fileURLToPath(new URL("../../data/corpus/", import.meta.url));

export interface CorpusFixture {
  id: string;
  text: string;
  published: string;
}

export function corpusFixtures(): CorpusFixture[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(".txt") && existsSync(join(CORPUS_DIR, name.replace(/\.txt$/, ".json"))))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(join(CORPUS_DIR, name.replace(/\.txt$/, ".json")), "utf8"));
      return {
        id: name.replace(/\.txt$/, ""),
        text: readFileSync(join(CORPUS_DIR, name), "utf8"),
        published: String(gold.published),
      };
    });
}

/** Sentences of the corpus, split at sentence ends and line breaks: material to recombine into new documents. */
export function corpusSentences(fixtures: readonly CorpusFixture[]): string[] {
  return fixtures.flatMap((f) => f.text.split(/(?<=[.!?"”])\s+|\n+/).filter((s) => s.trim().length > 0));
}
