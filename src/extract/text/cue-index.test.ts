import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CueIndex } from "./cue-index.ts";
import { firstWords } from "./first-words.ts";

/** sixty-four continuations of one word ("xaa" to "xhh"): more than are listed whole */
const MANY = [..."abcdefgh"].flatMap((a) => [..."abcdefgh"].map((b) => `x${a}${b}`));

const words = (source: string, flags = "i") =>
  firstWords(source, flags)
    ?.map((w) => `${w.word}${w.complete ? "" : "…"}`)
    .sort();

describe("firstWords", () => {
  it("lists whole words and stems a pattern's matches can open with", () => {
    assert.deepEqual(words("\\b(?:blam(?:ed|es)|pinned(?: [^.;]{0,60}?)? on)\\b"), [
      "blamed",
      "blames",
      "pinned",
    ]);
    // no \b after the alternatives: "accus" may open "accusation"
    assert.deepEqual(words("\\b(?:accus|deni(?:al|ed))"), ["accus…", "denial…", "denied…"]);
    assert.deepEqual(words("\\b(?:cyber[- ]?attacks?)\\b"), ["cyber", "cyberattack", "cyberattacks"]);
    assert.deepEqual(words("\\b(?:(?:was|were) claimed by)"), ["was", "were"]);
    assert.equal(words("\\b(?:\\d+ hours)")?.length, 10);
    // with the u flag alone, \b is still ASCII: the words are listed as without it
    assert.deepEqual(words("\\b(?:airline|bank)\\s+(\\p{Lu}[\\p{L}-]*)", "u"), ["airline…", "bank…"]);
  });

  it("lists what may follow a whole word, cut shorter where there are many ways", () => {
    const next = (source: string, word: string) =>
      firstWords(source, "i")?.find((w) => w.word === word)?.next;
    assert.deepEqual(next("\\b(?:the hand of|the same (?:actors|hackers))\\b", "the"), [
      " hand of",
      " same ac",
      " same ha",
    ]);
    assert.deepEqual(next("\\bpinned(?: [^.;:]{0,60}?)? on\\b", "pinned"), [" "]);
    assert.equal(next("\\bsaid\\b", "said"), null);
    assert.deepEqual(
      next(`\\bsaid (?:${MANY.join("|")})\\b`, "said"),
      [..."abcdefgh"].map((a) => ` x${a}`),
    );
  });

  it("refuses patterns whose matches may start inside a word, on punctuation, or anywhere", () => {
    assert.equal(firstWords("(?:cyber|hack)", "i"), null); // no \b: "anti-hacking" matches at "hack"
    assert.equal(firstWords("\\b(?:\\$\\d+|ransom)", "i"), null);
    assert.equal(firstWords("\\b(?:\\w+ ministry)", ""), null);
    assert.equal(firstWords("\\b(?:hack)", "iu"), null); // Unicode case folding: "ſ" matches "s"
  });
});

describe("CueIndex", () => {
  const index = new CueIndex();
  const patterns = [
    /\b(?:blam(?:ed|es|ing|e)|accus(?:ed|es|ing|e)|pinned(?: [^.;:]{0,60}?)? on)\b/gi,
    /\b(?:sanction(?:ed|s|ing)?|expel(?:led|s)?|\d+ hours to leave)/gi,
    /\b(?:the hand of|the same (?:actors|hackers))\b/i,
    /(?:cyber|hack)/i, // not indexable: run over the whole text
    /\b(?:Stuxnet|NotPetya)\b/g, // case-sensitive
    /\b(?:airline|bank)\s+(\p{Lu}[\p{L}-]*)/gu, // Unicode classes after ASCII words
    // what may follow a first word is read too: spaces, sets, repeats, back-references, non-ASCII characters
    /\b(?:the hand of|was\s(?:carried|closely) out|blamed\s+on|cyber[- ]?attacks?|o['’]brien|café (?:au|du))\b/gi,
    /\b(is|was) \1\b|\bcalled\s+(?:the )?(\w+)|\bApple (?:Inc|Corp)\b/g,
    new RegExp(`\\bsaid (?:${MANY.join("|")})\\b`, "gi"),
  ];
  const cues = patterns.map((re) => index.add(re));
  const texts = [
    "Albania blamed Iran and expelled its diplomats, giving them 24 hours to leave.",
    "The BLAME was pinned squarely on Moscow; Washington sanctioned two men.",
    "Officials saw the hand of the same actors behind Stuxnet and notpetya, not NotPetya2.",
    "Accusing, accused, accuses: blamedly blame_d. Sanctions! anti-hacking cyberspace",
    "The Irish airline Ærlingus and the bank Østbank; databank Zeta, airline zed, Airline Über.",
    "The hand\tof O'Brien, was\tcarried out, was\u2003closely out, WAS CLOSELY OUT, blamed\u00a0 on, cyber-attacks; was was; Apple Inc, CAFÉ au lait.",
    "the hands of o’brien: was carried outright, blamed online, cyberattack, is is, called the Shark, Apple İnc",
    "He said XHH, then said xab and said xa; said\u00a0xee.",
    "",
  ];

  it("finds exactly what the pattern finds over the whole text", () => {
    for (const text of texts) {
      const hits = index.read(text);
      patterns.forEach((re, i) => {
        const cue = cues[i];
        assert.ok(cue);
        const global = new RegExp(re.source, `${re.flags.replace("g", "")}g`);
        const want = [...text.matchAll(global)].map((m) => [m.index, m[0]]);
        assert.deepEqual(
          cue.matchAll(hits).map((m) => [m.index, m[0]]),
          want,
        );
        assert.equal(cue.test(hits), want.length > 0);
        assert.equal(cue.exec(hits)?.index, want[0]?.[0]);
      });
    }
  });

  it("agrees with the pattern on arbitrary text", () => {
    const alphabet = fc.constantFrom(
      ..."blamed accus sanction pinned on the hand of same actors 24 hours to leave Stuxnet hack , . ; é _ B airline bank Ørsted was WAS carried closely out cyber - attacks o'brien O’Brien is called Apple INC Inc Corp ſ İnc café CAFÉ au said xab XHH xa xi".split(
        " ",
      ),
      " ",
      "\t",
      "\u00a0",
      "",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join(parts.length % 3 ? " " : "");
        const hits = index.read(text);
        patterns.forEach((re, i) => {
          const global = new RegExp(re.source, `${re.flags.replace("g", "")}g`);
          const want = [...text.matchAll(global)].map((m) => [m.index, m[0]]);
          assert.deepEqual(
            cues[i]?.matchAll(hits).map((m) => [m.index, m[0]]),
            want,
          );
        });
      }),
    );
  });

  it("refuses hits read by another index", () => {
    const other = new CueIndex().read("blamed");
    assert.throws(() => cues[0]?.test(other), /another CueIndex/);
  });
});

describe("Cue.reader", () => {
  it("reads a pattern whose first words cannot be listed in full, finding what the pattern finds", () => {
    const index = new CueIndex();
    const cue = index.add(/(?:cyber|hack)\w*/gi);
    assert.equal(cue.indexed, false);
    assert.deepEqual(index.unindexed(), [cue.pattern]);
    const hits = index.read("Cyberattacks and hacking, a cyber-hack.");
    const reader = cue.reader(hits);
    reader.readTo(Number.POSITIVE_INFINITY);
    assert.deepEqual(
      reader.matches.map((m) => [m.index, m[0]]),
      [
        [0, "Cyberattacks"],
        [17, "hacking"],
        [28, "cyber"],
        [34, "hack"],
      ],
    );
  });
});
