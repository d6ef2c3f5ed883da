import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertSentenceError } from "../../test/helpers/sentence-error.ts";
import { fromText } from "./from-text.ts";
import { MAX_TEXT_BYTES } from "./limits.ts";
import { sha256Hex } from "./sha256.ts";

const published = "2022-09-10";
const story =
  "Albanian police systems hit\n\nThe national police said on Friday that its systems were attacked.";

describe("fromText: accepted input", () => {
  it("keeps the text byte-for-byte, CRLF and tabs included", () => {
    const text = "Headline\r\n\r\n\tIndented “quoted” café ✈︎ text\r\nnext line  ";
    const doc = fromText(text, { id: "x", published });
    assert.equal(doc.text, text);
    assert.equal(doc.sha256, sha256Hex(text));
  });

  it("strips only a leading byte-order mark", () => {
    const doc = fromText(Buffer.from(`\uFEFF${story}\uFEFF`, "utf8"), { published });
    assert.equal(doc.text, `${story}\uFEFF`);
  });

  it("hashes the UTF-8 text with sha256", () => {
    // The FIPS 180-2 test vector, then a text whose UTF-8 bytes differ from its UTF-16 units.
    assert.equal(
      fromText("abc", { published }).sha256,
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const text = "Ünïcödé headline\n\nbody";
    assert.equal(fromText(text, { published }).sha256, sha256Hex(text));
  });

  it("takes the title from meta, else from a short first line", () => {
    assert.equal(fromText(story, { published, title: "Given title" }).title, "Given title");
    assert.equal(fromText(story, { published }).title, "Albanian police systems hit");
    assert.equal(fromText(`${"word ".repeat(100)}\n\nbody`, { published }).title, undefined);
  });

  it("keeps the date part of a full ISO timestamp", () => {
    assert.equal(fromText(story, { published: "2022-09-10T23:15:00-04:00" }).published, "2022-09-10");
    assert.equal(fromText(story, { published: "2022-09-10T08:00:00.123Z" }).published, "2022-09-10");
  });

  it("derives a stable id from the content when none is given", () => {
    const a = fromText(story, { published });
    const b = fromText(story, { published });
    assert.equal(a.id, b.id);
    assert.match(a.id, /^doc-[0-9a-f]{16}$/);
    assert.equal(fromText(story, { id: "given", published }).id, "given");
  });

  it("accepts the text right at the size limit", () => {
    const text = `Headline\n\n${"a".repeat(MAX_TEXT_BYTES - 10)}`;
    assert.equal(fromText(text, { published }).text.length, MAX_TEXT_BYTES);
  });
});

describe("fromText: refused input", () => {
  it("refuses an empty text", () => {
    assertSentenceError(() => fromText("", { published }), "EMPTY_INPUT", /empty/);
    assertSentenceError(() => fromText(Buffer.alloc(0), { published }), "EMPTY_INPUT", /empty/);
  });

  it("refuses a whitespace-only text", () => {
    assertSentenceError(() => fromText(" \r\n\t\n ", { published }), "EMPTY_INPUT", /only whitespace/);
    assertSentenceError(() => fromText("\uFEFF   ", { published }), "EMPTY_INPUT", /only whitespace/);
  });

  it("refuses binary data with NUL bytes", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    assertSentenceError(() => fromText(png, { published }), "BINARY_INPUT", /binary/);
    assertSentenceError(() => fromText("text\u0000more", { published }), "BINARY_INPUT", /NUL/);
  });

  it("refuses UTF-16 text, which is full of NUL bytes", () => {
    const utf16 = Buffer.from("Headline\n\nbody text", "utf16le");
    assertSentenceError(() => fromText(utf16, { published }), "BINARY_INPUT", /UTF-16/);
  });

  it("refuses text made largely of control characters", () => {
    const noisy = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41)));
    assertSentenceError(() => fromText(noisy, { published }), "BINARY_INPUT", /control characters/);
  });

  it("refuses invalid UTF-8 and says where", () => {
    const latin1 = Buffer.from("Caf\u00e9 attack", "latin1");
    assertSentenceError(
      () => fromText(latin1, { published }),
      "INVALID_UTF8",
      /not valid UTF-8 \(at byte 3\)/,
    );
    const lone = Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62]); // an encoded surrogate
    assertSentenceError(() => fromText(lone, { published }), "INVALID_UTF8", /at byte 1/);
  });

  it("refuses a string with a lone surrogate, which no UTF-8 file can hold", () => {
    assertSentenceError(
      () => fromText("ab\ud800cd", { published }),
      "INVALID_UTF8",
      /lone surrogate at character 2/,
    );
    assertSentenceError(() => fromText("ab\udc00", { published }), "INVALID_UTF8", /lone surrogate/);
    assert.equal(fromText("pair 😀 ok", { published }).text, "pair 😀 ok");
  });

  it("refuses a 20 MB text without reading further", () => {
    const big = "a".repeat(20 * 1024 * 1024);
    assertSentenceError(
      () => fromText(big, { published }),
      "TOO_LARGE",
      /too large \(20\.0 MB\).*limit is 5\.0 MB/,
    );
    assertSentenceError(
      () => fromText(Buffer.alloc(MAX_TEXT_BYTES + 1, 0x61), { published }),
      "TOO_LARGE",
      /too large/,
    );
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    const wide = "é".repeat(MAX_TEXT_BYTES / 2 + 1); // 2 bytes each
    assertSentenceError(() => fromText(wide, { published }), "TOO_LARGE", /too large/);
  });

  it("refuses a missing publication date", () => {
    assertSentenceError(() => fromText(story, {}), "MISSING_DATE", /publication date is missing/);
    assertSentenceError(() => fromText(story, { published: "  " }), "MISSING_DATE", /missing/);
    assertSentenceError(() => fromText(story, { published: null }), "MISSING_DATE", /missing/);
  });

  it("checks the content before the date", () => {
    assertSentenceError(() => fromText("", { published: "yesterday" }), "EMPTY_INPUT", /empty/);
  });
});
