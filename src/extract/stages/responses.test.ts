import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ARTICLES_DIR, CORPUS_DIR, corpusFixtures } from "../../../test/helpers/corpus.ts";
import { splitSentences } from "../text/sentences.ts";
import { CUES } from "./cues.ts";
import { findMentions, type Mention } from "./mentions.ts";
import { isSpeakerCapable, type SpeakerDoc, speakersOnDemand } from "./speakers.ts";

function speakerDoc(text: string): SpeakerDoc {
  const sentences = splitSentences(text);
  const bySentence: Mention[][] = sentences.map(() => []);
  for (const m of findMentions(text, sentences)) bySentence[m.sentence]?.push(m);
  return { text, sentences, bySentence, cues: sentences.map((s) => CUES.read(s.text)) };
}

const texts = [...corpusFixtures(CORPUS_DIR), ...corpusFixtures(ARTICLES_DIR)].map((f) => f.text);
const sentencesOf = texts.flatMap((t) => splitSentences(t).map((s) => s.text));

// a response's target is compared with its sentence's speaker only where the mention is one a speaker can be:
// that holds only while every speaker found is speaker-capable
describe("speakers a response's target is compared with", () => {
  it("are speaker-capable in every story", () => {
    assert.ok(texts.length > 0);
    for (const text of texts) {
      const doc = speakerDoc(text);
      const speakerOf = speakersOnDemand(doc);
      for (let i = 0; i < doc.sentences.length; i++) {
        const who = speakerOf(i);
        assert.ok(who === null || isSpeakerCapable(who), `${who?.text} in: ${doc.sentences[i]?.text}`);
      }
    }
  });

  it("are speaker-capable in stories made of any sentences, in any order, asked in any order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...sentencesOf), { minLength: 1, maxLength: 12 }),
        fc.func(fc.integer()),
        (picked, rank) => {
          const doc = speakerDoc(picked.join(" "));
          const speakerOf = speakersOnDemand(doc);
          const order = doc.sentences.map((_, i) => i).sort((x, y) => rank(x) - rank(y) || x - y);
          for (const i of order) {
            const who = speakerOf(i);
            assert.ok(who === null || isSpeakerCapable(who));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
