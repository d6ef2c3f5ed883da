import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CUES } from "./cues.ts";
import {
  ANAPHOR,
  ANAPHOR_WORDS,
  BARE_ANAPHORS,
  candidates,
  esc,
  officials,
  peopleBySurface,
  REFERENCE_WORDS,
  TITLED_PERSON,
} from "./officials.ts";

const anaphorAt = new RegExp(ANAPHOR.source, "iy");
const TAILS = [
  "",
  " ",
  "'s",
  "’s",
  ",",
  ".",
  "-",
  "2",
  "_",
  " of",
  " the",
  " state",
  " ministry",
  " government",
  " officials",
  " in",
  " Albania",
  " council",
  " said",
];

describe("officials and anaphors", () => {
  it("opens an anaphor on a key word only where the word is a bare anaphor (else on a 'the' before it)", () => {
    // (the scan reads runs of ASCII letters: a key word with other characters, "prosecutors'", is never read)
    const word = fc.constantFrom(...[...ANAPHOR_WORDS].filter((w) => /^[a-z]+$/.test(w)));
    const casing = fc.constantFrom(
      (w: string) => w,
      (w: string) => w.toUpperCase(),
      (w: string) => w.charAt(0).toUpperCase() + w.slice(1),
    );
    const tail = fc.array(fc.constantFrom(...TAILS), { maxLength: 5 }).map((t) => t.join(""));
    fc.assert(
      fc.property(word, casing, tail, (w, cased, rest) => {
        anaphorAt.lastIndex = 0;
        const m = anaphorAt.exec(cased(w) + rest);
        if (m) assert.ok(BARE_ANAPHORS.includes(w), `${m[0]} opens on ${w}`);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds anaphors on their own word and on a 'the' up to three words before a key word", () => {
    const found = candidates(
      CUES.read("The Balkan state said the authorities and the country's police were told by police."),
    );
    assert.deepEqual(
      found.anaphors.map((m) => m[0]),
      ["The Balkan state", "the authorities", "the country's police", "police"],
    );
  });

  it("finds at the cue index's key words what a plain scan of every run of letters finds", () => {
    const sticky = (source: string, flags: string) => new RegExp(source, `${flags}y`);
    const people = [...peopleBySurface.keys()];
    const peopleAt = sticky(
      `\\b(?:${people
        .sort((a, b) => b.length - a.length)
        .map(esc)
        .join("|")})\\b`,
      "",
    );
    const anaphorAt = sticky(ANAPHOR.source, "i");
    const titledAt = sticky(TITLED_PERSON.source, "u");
    const titleWords = new Set(officials.titles.map((t) => (t.split(/\s+/)[0] as string).toLowerCase()));
    const firstNames = new Set(people.map((p) => p.split(/[\s-]+/)[0] as string));
    // the plain version: every run of ASCII letters, and the three runs before it
    const plain = (text: string) => {
      const people: RegExpExecArray[] = [];
      const titles: RegExpExecArray[] = [];
      const anaphors: RegExpExecArray[] = [];
      let references = 0;
      const runs = [...text.matchAll(/[A-Za-z]+/g)];
      const tryAt = (re: RegExp, pos: number, list: RegExpExecArray[]) => {
        if (list.some((m) => m.index <= pos && pos < m.index + m[0].length)) return;
        re.lastIndex = pos;
        const m = re.exec(text);
        if (m) list.push(m);
      };
      runs.forEach((r, k) => {
        const word = r[0];
        const lower = word.toLowerCase();
        if ([...firstNames].some((p) => p.toLowerCase() === lower && text.startsWith(p, r.index)))
          tryAt(peopleAt, r.index, people);
        if (titleWords.has(lower)) tryAt(titledAt, r.index, titles);
        // (a reference opens a pattern that needs its noun whole: a run touching a digit or "_" gates none)
        const whole = !/\w/.test(text.charAt(r.index - 1)) && !/\w/.test(text.charAt(r.index + word.length));
        if (whole) references |= REFERENCE_WORDS.get(lower) ?? 0;
        if (ANAPHOR_WORDS.has(lower)) {
          for (const before of [runs[k - 1], runs[k - 2], runs[k - 3]])
            if (before && before[0].toLowerCase() === "the") tryAt(anaphorAt, before.index, anaphors);
          if (BARE_ANAPHORS.includes(lower)) tryAt(anaphorAt, r.index, anaphors);
        }
      });
      for (const list of [people, titles, anaphors]) list.sort((a, b) => a.index - b.index);
      return { people, titles, anaphors, references };
    };
    const words = fc.constantFrom(
      "the",
      "The",
      "THE",
      "state",
      "Balkan",
      "Central",
      "American",
      "country",
      "country's",
      "nation",
      "police",
      "Police",
      "authorities",
      "government",
      "prosecutors",
      "ministry",
      "interior",
      "minister",
      "foreign",
      "in",
      "of",
      "Albania",
      "said",
      "gang",
      "company",
      "group",
      "the bloc",
      "the Central American country",
      "the Balkan state",
      "the foreign ministry",
      "Prime Minister",
      "President",
      "Edi",
      "Rama",
      ...people.slice(0, 12),
      ...[...ANAPHOR_WORDS].slice(0, 40),
    );
    const gap = fc.constantFrom(" ", " ", " ", ", ", "2", "_", "-", "'", ". ", "\u00a0", "é");
    const sentence = fc.array(fc.tuple(words, gap), { maxLength: 14 }).map((ws) => ws.flat().join(""));
    const written = (list: readonly RegExpExecArray[]) => list.map((m) => `${m.index}:${m[0]}`);
    let matched = 0;
    fc.assert(
      fc.property(sentence, (text) => {
        const found = candidates(CUES.read(text));
        const want = plain(text);
        assert.deepEqual(written(found.people), written(want.people));
        assert.deepEqual(written(found.titles), written(want.titles));
        assert.deepEqual(written(found.anaphors), written(want.anaphors));
        assert.equal(found.references, want.references);
        if (found.anaphors.length + found.titles.length + found.people.length) matched++;
      }),
      { numRuns: 3000 },
    );
    // (the generated sentences hold matches often enough for the comparison to say something)
    assert.ok(matched > 300, `${matched} sentences with a match`);
  });
});
