import type { GazetteerEntry } from "./types.ts";

export interface GazetteerMatch {
  start: number;
  end: number;
  entry: GazetteerEntry;
}

const WORD = /[\p{L}\p{N}]+/gu;
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

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
      // a surface may start with punctuation-free word but begin earlier (e.g. "U.S." starts at "U")
      for (const e of candidates) {
        const start = m.index - (e.surface.indexOf(m[0]) > 0 ? e.surface.indexOf(m[0]) : 0);
        if (!text.startsWith(e.surface, start)) continue;
        const end = start + e.surface.length;
        if (isWordChar(text[start - 1]) || (isWordChar(text[end]) && isWordChar(e.surface[e.surface.length - 1]))) continue;
        out.push({ start, end, entry: e });
        skipUntil = end;
        break;
      }
    }
    return out;
  }
}
