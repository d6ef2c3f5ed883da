/**
 * Evidence is exact: for every fact the extractor reports, text.slice(start, end) === quote. Offsets are
 * JavaScript string indices, and the easiest way to break them is text the extractor did not expect:
 * surrogate pairs, combining marks, characters whose case mapping changes length (İ, ß), CRLF, RTL marks.
 * These properties feed it exactly that, mixed into real sentences from the bundled corpus.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import { extract } from "../src/extract/index.ts";
import {
  type Document,
  type DocumentRecord,
  DocumentRecordSchema,
  DocumentSchema,
} from "../src/model/index.ts";
import { corpusFixtures, corpusSentences } from "./helpers/corpus.ts";

const fixtures = corpusFixtures();
const corpus = corpusSentences(fixtures);

// A few sentences of our own so the generators have cyberattack vocabulary even before the corpus exists.
const OWN_SENTENCES = [
  "Albania's prime minister blamed Iran on Wednesday for the attack on government services in July.",
  "Tehran rejected the accusation as baseless.",
  "The United States sanctioned the Ministry of Intelligence and Security over the hack.",
  "Ukraine's power grid was hit by a wiper attack on Friday, officials said.",
  "No country has been blamed for the ransomware attack on the hospital.",
  "Officials said the systems were shut down as a precaution and later restored.",
];
const sentences = [...corpus, ...OWN_SENTENCES];

// Characters that trip offset arithmetic: astral emoji (surrogate pairs), ZWJ sequences, flags, RTL marks,
// case mappings that change length, ligatures, typographic quotes, non-breaking and odd spaces, CRLF, tabs.
const TRICKY = [
  "😀",
  "👩‍👩‍👧",
  "🇦🇱",
  "𝒳",
  "\u200F",
  "\u200E",
  "\u202B",
  "\u202C",
  "\u200B",
  "\u2028",
  "\r\n",
  "\r",
  "\t",
  "é",
  "e\u0301",
  "ñ",
  "Ş",
  "İ",
  "ß",
  "ﬁ",
  "Å",
  "Ω",
  "“",
  "”",
  "‘",
  "’",
  "«",
  "»",
  '"',
  "'",
  "—",
  "–",
  "…",
  "\u00A0",
  "\u3000",
  "中文",
  "العربية",
  "Україна",
  " ",
  "\n\n",
];
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 });
const noise = fc.oneof(
  trickyText,
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);
const sentence = fc.constantFrom(...sentences);
const separator = fc.constantFrom(" ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", " \u200F", "\u00A0");
const chunk = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: sentence }, { weight: 1, arbitrary: noise }),
  separator,
  noise,
);
const publishedDay = fc
  .date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2024-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const documentArb = fc
  .record({
    chunks: fc.array(chunk, { minLength: 1, maxLength: 25 }),
    published: publishedDay,
    title: fc.option(sentence),
  })
  .map(({ chunks, published, title }) =>
    makeDocument(chunks.map((c) => c.join("")).join(""), published, title ?? undefined),
  )
  .filter((doc) => doc.text.length > 0);

function makeDocument(text: string, published: string, title?: string): Document {
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  return DocumentSchema.parse({ id: `gen-${sha256.slice(0, 12)}`, title, published, sha256, text });
}

interface EvidenceLike {
  start: unknown;
  end: unknown;
  quote: unknown;
}

/** Every evidence object anywhere in the record, with where it sits, so that fields added later are covered. */
function evidenceIn(value: unknown, path = "record", found: Array<[string, EvidenceLike]> = []) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) evidenceIn(v, `${path}[${i}]`, found);
  } else if (value !== null && typeof value === "object") {
    if ("start" in value && "end" in value && "quote" in value) found.push([path, value as EvidenceLike]);
    for (const [k, v] of Object.entries(value)) evidenceIn(v, `${path}.${k}`, found);
  }
  return found;
}

/** Checks the contract on one record; returns how many evidence objects it checked. */
function checkRecord(doc: Document, record: DocumentRecord): number {
  const valid = DocumentRecordSchema.safeParse(record);
  assert.ok(valid.success, `record does not validate: ${valid.error?.message}`);
  const all = evidenceIn({ incidents: record.incidents, claims: record.claims, responses: record.responses });
  for (const [where, ev] of all) {
    const { start, end, quote } = ev;
    assert.ok(Number.isInteger(start) && Number.isInteger(end), `${where}: offsets must be integers`);
    const [s, e] = [start as number, end as number];
    assert.ok(
      0 <= s && s <= e && e <= doc.text.length,
      `${where}: [${s}, ${e}) outside 0..${doc.text.length}`,
    );
    assert.equal(doc.text.slice(s, e), quote, `${where}: slice differs from quote`);
  }
  for (const list of [record.incidents, record.claims, record.responses]) {
    for (const fact of list) assert.ok(fact.evidence.length > 0, `fact ${fact.id} carries no evidence`);
  }
  return all.length;
}

describe("evidence offsets", () => {
  it("are exact for generated documents", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        checkRecord(doc, extract(doc));
      }),
      { numRuns: 300 },
    );
  });

  it("are exact for every corpus story, as written and with CRLF line ends", (t) => {
    if (fixtures.length === 0) {
      t.skip("no stories in data/corpus/ yet");
      return;
    }
    let checked = 0;
    for (const f of fixtures) {
      for (const text of [f.text, f.text.replace(/\r?\n/g, "\r\n"), `\u200F😀 ${f.text}`]) {
        const doc = makeDocument(text, f.published, f.id);
        checked += checkRecord(doc, extract(doc));
      }
    }
    t.diagnostic(`${fixtures.length} stories, ${checked} evidence objects checked`);
  });
});

describe("extract", () => {
  it("is deterministic: the same document twice gives deep-equal records", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        assert.deepStrictEqual(extract(doc), extract({ ...doc }));
      }),
      { numRuns: 100 },
    );
  });
});
