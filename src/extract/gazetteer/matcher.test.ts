import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type GazetteerMatch, SurfaceMatcher } from "./matcher.ts";
import type { GazetteerEntry } from "./types.ts";

// Surfaces chosen to share first words, nest, start or end off a word, and carry accents and digits.
const SURFACES = [
  "The Guardian",
  "The Base",
  "The Times of India",
  "The Times",
  "the Kremlin",
  "New York",
  "New York City",
  "New Zealand",
  "New Zealander",
  "Iran",
  "Iranian",
  "Iranians",
  "U.S.",
  "U.S. Cyber Command",
  "APT28",
  "APT 28",
  "Côte d'Ivoire",
  "Sandworm Team",
  "Sandworm",
  "(ISC)2",
  "Lazarus Group",
  "Lazarus",
  "Fancy Bear",
  "Bear",
  // first words whose hashes collide ("Aa" and "BB" hash alike, as do "AaAa", "AaBB", "BBAa" and "BBBB")
  "Aa Team",
  "BB",
  "AaAa Group",
];
const ENTRIES: GazetteerEntry[] = SURFACES.map((surface, i) => ({ kind: "org", surface, name: `org ${i}` }));
// a second entry for one surface: the first listed wins
ENTRIES.push({ kind: "place", surface: "New York", country: "US" });

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The matcher's contract, written plainly: at each word from `from` on (not inside a match already made), the
 * longest surface whose first word it is and that stands at that place between word boundaries of the whole
 * text; earlier entries win a tie.
 */
function reference(
  entries: readonly GazetteerEntry[],
  text: string,
  from = 0,
  to = text.length,
): GazetteerMatch[] {
  const unique = entries.filter((e, i) => entries.findIndex((x) => x.surface === e.surface) === i);
  const ordered = [...unique].sort((a, b) => b.surface.length - a.surface.length);
  const out: GazetteerMatch[] = [];
  let skipUntil = 0;
  // (a word cut by the window's end is looked up as cut; a surface it opens may go on past the end)
  for (const word of text.slice(from, to).matchAll(/[\p{L}\p{N}]+/gu)) {
    const at = from + word.index;
    if (at < skipUntil) continue;
    for (const e of ordered) {
      const first = e.surface.match(/[\p{L}\p{N}]+/u)?.[0];
      if (first !== word[0]) continue;
      const start = at - Math.max(0, e.surface.indexOf(first));
      const end = start + e.surface.length;
      if (start < 0 || !text.startsWith(e.surface, start)) continue;
      if (isWord(text[start - 1]) || (isWord(text[end]) && isWord(e.surface[e.surface.length - 1]))) continue;
      out.push({ start, end, entry: e });
      skipUntil = end;
      break;
    }
  }
  return out;
}

const FILLER = [
  "said",
  "the",
  "Times",
  "York",
  "of",
  "India",
  "Team",
  "Group",
  "Newer",
  "Iranian-backed",
  "28",
  "Aa",
  "BBBB",
  "AaBB",
  "BBAa Group",
];
// (with the ASCII characters beside the letters' and digits' ranges: "@", "[", "`", "{", "/", ":")
const SEPARATORS = [
  " ",
  " ",
  " ",
  ", ",
  ". ",
  "-",
  "’s ",
  "'s ",
  "(",
  ")",
  "",
  "\n",
  "@",
  "[",
  "`",
  "{",
  "/",
  ":",
  "_",
];

describe("SurfaceMatcher", () => {
  const matcher = new SurfaceMatcher(ENTRIES);

  it("finds the longest surface at each word, not inside a longer one", () => {
    const text = "Officials in New York City and the Kremlin said The Times of India and APT28 were named.";
    assert.deepEqual(
      matcher.match(text).map((m) => text.slice(m.start, m.end)),
      ["New York City", "the Kremlin", "The Times of India", "APT28"],
    );
  });

  it("keeps the first entry listed for a surface", () => {
    const [m] = matcher.match("in New York on Friday");
    assert.equal(m?.entry.kind, "org");
  });

  it("matches a surface glued to no word only at word boundaries", () => {
    assert.deepEqual(
      matcher.match("Iranianism Iranians U.S.A. U.S. (ISC)2").map((m) => m.entry.surface),
      ["Iranians", "U.S.", "U.S.", "(ISC)2"],
    );
  });

  it("agrees with the plain reference on random texts", () => {
    const token = fc.oneof(
      fc.constantFrom(...SURFACES),
      fc.constantFrom(...SURFACES).map((s) => s.toUpperCase()),
      fc.constantFrom(...FILLER),
    );
    const text = fc
      .array(fc.tuple(token, fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
      .map((parts) => parts.map(([t, sep]) => t + sep).join(""));
    fc.assert(
      fc.property(text, fc.nat(10), fc.nat(10), (t, cut, endCut) => {
        assert.deepEqual(matcher.match(t), reference(ENTRIES, t));
        // read from a place inside the text (a sentence of a document): words begin there, the text around
        // still decides the boundaries
        const from = Math.min(cut, t.length);
        assert.deepEqual(matcher.match(t, from), reference(ENTRIES, t, from));
        // and to a place inside it, which may cut a word
        const to = Math.max(from, t.length - endCut);
        assert.deepEqual(matcher.match(t, from, to), reference(ENTRIES, t, from, to));
      }),
      { numRuns: 3000 },
    );
  });
});
