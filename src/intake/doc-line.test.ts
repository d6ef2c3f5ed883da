import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertSentenceError } from "../../test/helpers/sentence-error.ts";
import { docLineId, parseDocLine } from "./doc-line.ts";

const line = (o: unknown) => JSON.stringify(o);
const good = { id: "a1", title: "T", published: "2022-09-10", text: "Headline\n\nBody text." };

describe("parseDocLine", () => {
  it("reads a text line", () => {
    const doc = parseDocLine(line({ ...good, url: "https://x.example/a", tlp: "green", extra: 1 }));
    assert.equal(doc.id, "a1");
    assert.equal(doc.title, "T");
    assert.equal(doc.published, "2022-09-10");
    assert.equal(doc.text, "Headline\n\nBody text.");
    assert.equal(doc.url, "https://x.example/a");
    assert.equal(doc.tlp, "green");
  });

  it("reads an html line", () => {
    const doc = parseDocLine(line({ id: "h", published: "2022-09-10", html: "<p>One.</p><p>Two.</p>" }));
    assert.equal(doc.text, "One.\n\nTwo.");
  });

  it("refuses malformed JSON", () => {
    assertSentenceError(() => parseDocLine('{"id": "a", "text": '), "BAD_JSON", /not valid JSON/);
    assertSentenceError(() => parseDocLine("not json at all"), "BAD_JSON", /not valid JSON/);
    assertSentenceError(() => parseDocLine("[1, 2]"), "BAD_JSON", /not an object/);
    assertSentenceError(() => parseDocLine("null"), "BAD_JSON", /not an object/);
  });

  it("names the field that is wrong", () => {
    assertSentenceError(() => parseDocLine(line({ ...good, id: undefined })), "BAD_FIELD", /"id" is missing/);
    assertSentenceError(
      () => parseDocLine(line({ ...good, id: 7 })),
      "BAD_FIELD",
      /"id" must be a string, not a number/,
    );
    assertSentenceError(
      () => parseDocLine(line({ ...good, id: " " })),
      "BAD_FIELD",
      /"id" must not be empty/,
    );
    assertSentenceError(
      () => parseDocLine(line({ ...good, published: 20220910 })),
      "BAD_FIELD",
      /"published" must be a string/,
    );
    assertSentenceError(
      () => parseDocLine(line({ ...good, text: ["a"] })),
      "BAD_FIELD",
      /"text" must be a string, not a list/,
    );
    assertSentenceError(
      () => parseDocLine(line({ ...good, tlp: "blue" })),
      "BAD_FIELD",
      /"tlp" must be one of/,
    );
    assertSentenceError(
      () => parseDocLine(line({ ...good, title: {} })),
      "BAD_FIELD",
      /"title" must be a string, not an object/,
    );
  });

  it("wants exactly one of text and html", () => {
    assertSentenceError(
      () => parseDocLine(line({ ...good, text: undefined })),
      "BAD_FIELD",
      /neither a "text" nor an "html"/,
    );
    assertSentenceError(
      () => parseDocLine(line({ ...good, html: "<p>x</p>" })),
      "BAD_FIELD",
      /both "text" and "html"/,
    );
  });

  it("passes content and date problems through from intake", () => {
    assertSentenceError(() => parseDocLine(line({ ...good, text: "" })), "EMPTY_INPUT", /empty/);
    assertSentenceError(
      () => parseDocLine(line({ ...good, published: "2022-02-30" })),
      "BAD_DATE",
      /does not exist/,
    );
    assertSentenceError(() => parseDocLine(line({ ...good, published: null })), "MISSING_DATE", /missing/);
    assertSentenceError(
      () => parseDocLine(line({ ...good, text: undefined, html: "<div></div>" })),
      "NO_ARTICLE_BODY",
      /no article body/,
    );
  });
});

describe("docLineId", () => {
  it("finds the id of readable lines only", () => {
    assert.equal(docLineId(line({ id: " x1 ", text: "" })), "x1");
    assert.equal(docLineId(line({ id: 3 })), undefined);
    assert.equal(docLineId('{"id": "x", broken'), undefined);
    assert.equal(docLineId("[]"), undefined);
  });
});
