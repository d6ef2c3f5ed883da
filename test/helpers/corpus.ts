import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The team-written sample stories: NNN-slug.txt beside NNN-slug.json (whose "published" dates the story). */
export const CORPUS_DIR = fileURLToPath(new URL("../../data/corpus/", import.meta.url));
/** The team-written article-length stories (3–5 KB each), annotated the same way. */
export const ARTICLES_DIR = fileURLToPath(new URL("../../data/articles/", import.meta.url));

export interface CorpusFixture {
  id: string;
  text: string;
  published: string;
}

export function corpusFixtures(dir = CORPUS_DIR): CorpusFixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt") && existsSync(join(dir, name.replace(/\.txt$/, ".json"))))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, ".json")), "utf8"));
      return {
        id: name.replace(/\.txt$/, ""),
        text: readFileSync(join(dir, name), "utf8"),
        published: String(gold.published),
      };
    });
}

/** Sentences of the corpus, split at sentence ends and line breaks: material to recombine into new documents. */
export function corpusSentences(fixtures: readonly CorpusFixture[]): string[] {
  return fixtures.flatMap((f) => f.text.split(/(?<=[.!?"”])\s+|\n+/).filter((s) => s.trim().length > 0));
}
