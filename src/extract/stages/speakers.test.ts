import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ARTICLES_DIR, CORPUS_DIR, corpusFixtures } from "../../../test/helpers/corpus.ts";
import { splitSentences } from "../text/sentences.ts";
import { CUES } from "./cues.ts";
import { findMentions, type Mention } from "./mentions.ts";
import { findSpeaker, type SpeakerDoc, speakersOnDemand } from "./speakers.ts";

function speakerDoc(text: string): SpeakerDoc {
  const sentences = splitSentences(text);
  const bySentence: Mention[][] = sentences.map(() => []);
  for (const m of findMentions(text, sentences)) bySentence[m.sentence]?.push(m);
  return { text, sentences, bySentence, cues: sentences.map((s) => CUES.read(s.text)) };
}

/** Every sentence's speaker found in order, each from the speakers already found before it. */
function speakersInOrder(doc: SpeakerDoc): Array<Mention | null> {
  const speakers: Array<Mention | null> = [];
  const view = { ...doc, speakerOf: (i: number) => speakers[i] ?? null };
  for (let i = 0; i < doc.sentences.length; i++) speakers.push(findSpeaker(view, i));
  return speakers;
}

const stories = [...corpusFixtures(CORPUS_DIR), ...corpusFixtures(ARTICLES_DIR)].map((f) =>
  speakerDoc(f.text),
);

describe("speakers on demand", () => {
  it("finds each story's speakers as reading the sentences in order does, whatever order they are asked in", () => {
    assert.ok(stories.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...stories), fc.func(fc.integer()), (doc, rank) => {
        const expected = speakersInOrder(doc);
        const order = doc.sentences.map((_, i) => i).sort((x, y) => rank(x) - rank(y) || x - y);
        const speakerOf = speakersOnDemand(doc);
        const asked: Array<Mention | null> = [];
        for (const i of order) asked[i] = speakerOf(i);
        assert.deepEqual(asked, expected);
      }),
      { numRuns: 300 },
    );
  });

  it("asks for the last sentence first in every story as in order", () => {
    for (const doc of stories) {
      const speakerOf = speakersOnDemand(doc);
      const last = doc.sentences.length - 1;
      const first = speakerOf(last);
      assert.equal(first, speakersInOrder(doc)[last] ?? null);
    }
  });

  it("answers null outside the document", () => {
    const speakerOf = speakersOnDemand(speakerDoc("The ministry said so. He said so."));
    assert.equal(speakerOf(-1), null);
    assert.equal(speakerOf(2), null);
  });

  it("follows a voice through a hundred thousand sentences without running the stack out", () => {
    const doc = speakerDoc(`The Foreign Ministry said so. ${"He said so. ".repeat(100_000)}`);
    assert.equal(doc.sentences.length, 100_001);
    const speakerOf = speakersOnDemand(doc);
    const voice = speakerOf(100_000);
    assert.equal(voice?.text, "The Foreign Ministry");
    assert.equal(speakerOf(50_000), voice);
  });

  it("takes a country named right before its body, then a short clause and ', saying', as one voice", () => {
    const doc = speakerDoc(
      "The US Department of Health and Human Services issued an advisory in August, saying the gang had hit hospitals.",
    );
    const voice = speakersOnDemand(doc)(0);
    assert.equal(voice?.text, "Department of Health and Human Services");
    assert.equal(voice?.country, "US");
  });
});
