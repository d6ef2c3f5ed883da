import type { GazetteerEntry } from "./types.ts";

export interface GazetteerMatch {
  start: number;
  end: number;
  entry: GazetteerEntry;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
};

/**
 * Case-sensitive longest-match lookup of many surface forms. Entries are indexed by their first word, so one
 * pass over the words of a text costs a map lookup per word, however large the gazetteer grows.
 */
export class SurfaceMatcher {
  private readonly byFirstWord = new Map<string, GazetteerEntry[]>();

  constructor(entries: readonly GazetteerEntry[]) {
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.surface)) continue; // earlier entries win: the caller orders sources by priority
      seen.add(e.surface);
      const first = e.surface.match(/[\p{L}\p{N}]+/u)?.[0];
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push(e);
      this.byFirstWord.set(first, list);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  }

  get size(): number {
    let n = 0;
    for (const l of this.byFirstWord.values()) n += l.length;
    return n;
  }

  match(text: string, from = 0, to = text.length): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    WORD.lastIndex = from;
    let skipUntil = from;
    for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
      if (m.index < skipUntil) continue;
      const candidates = this.byFirstWord.get(m[0]);
      if (!candidates) continue;
      for (const e of candidates) {
        // entries are keyed by their first word, which opens the surface: the match starts where the word does
        const start = m.index - Math.max(0, e.surface.indexOf(m[0]));
        if (!text.startsWith(e.surface, start)) continue;
        const end = start + e.surface.length;
        if (
          isWordChar(text[start - 1]) ||
          (isWordChar(text[end]) && isWordChar(e.surface[e.surface.length - 1]))
        )
          continue;
        out.push({ start, end, entry: e });
        skipUntil = end;
        break;
      }
    }
    return out;
  }
}
