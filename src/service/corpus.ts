import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../extract/index.ts";
import { fromText } from "../intake/index.ts";
import { CasebookError, type DocumentRecord } from "../model/index.ts";
import { errorRecord } from "./error-record.ts";

/** One story of the bundled corpus: NNN-slug.txt (headline, blank line, body) beside NNN-slug.json (gold). */
export interface CorpusStory {
  id: string;
  textPath: string;
  goldPath: string;
}

export interface CorpusResult {
  id: string;
  record?: DocumentRecord;
  error?: string;
}

/** The stories of a corpus folder in name order; a .txt without its .json is skipped (it has no date). */
export function listCorpus(dir: string): CorpusStory[] {
  if (!existsSync(dir)) throw new CasebookError("NOT_FOUND", `The corpus folder "${dir}" does not exist.`);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => {
      const stem = name.slice(0, -".txt".length);
      return { id: stem, textPath: join(dir, name), goldPath: join(dir, `${stem}.json`) };
    })
    .filter((story) => existsSync(story.goldPath));
}

/** Reads one story into a Document's metadata: the publication date comes from the gold file beside it. */
export function readStoryMeta(story: CorpusStory): { id: string; title?: string; published?: string } {
  let gold: unknown;
  try {
    gold = JSON.parse(readFileSync(story.goldPath, "utf8"));
  } catch {
    throw new CasebookError("BAD_JSON", `The gold file "${story.goldPath}" is not valid JSON.`);
  }
  const g = (typeof gold === "object" && gold !== null ? gold : {}) as Record<string, unknown>;
  return {
    id: typeof g.id === "string" && g.id !== "" ? g.id : story.id,
    ...(typeof g.title === "string" ? { title: g.title } : {}),
    ...(typeof g.published === "string" ? { published: g.published } : {}),
  };
}

/** Extracts every story of the corpus; a story that fails is reported with its reason, not thrown. */
export function extractCorpus(dir: string): CorpusResult[] {
  return listCorpus(dir).map((story) => {
    try {
      const meta = readStoryMeta(story);
      return { id: meta.id, record: extract(fromText(readFileSync(story.textPath), meta)) };
    } catch (err) {
      return { id: story.id, error: errorRecord(story.id, err).error };
    }
  });
}
