import assert from "node:assert/strict";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { assertSentenceError } from "../../test/helpers/sentence-error.ts";
import { extractFile, extractOne } from "./extract-one.ts";

const dir = mkdtempSync(join(tmpdir(), "casebook-one-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("extractOne", () => {
  it("reads text and HTML alike, detecting which", () => {
    const text = extractOne("Headline\n\nBody.", { published: "2022-09-10", id: "t" });
    assert.equal(text.document.title, "Headline");
    const page = extractOne("<!doctype html><html><body><p>Body of a page.</p></body></html>", {
      published: "2022-09-10",
      id: "h",
    });
    assert.equal(page.document.id, "h");
  });

  it("honours a forced format", () => {
    const asText = extractOne("<p>tag soup</p>", { published: "2022-09-10", format: "text" });
    assert.equal(asText.document.title, "<p>tag soup</p>");
  });
});

describe("extractFile", () => {
  it("names the document after the file", () => {
    const file = join(dir, "017-estonia.txt");
    writeFileSync(file, "Estonia hit\n\nBody.");
    assert.equal(extractFile(file, { published: "2007-05-01" }).document.id, "017-estonia");
  });

  it("refuses what is missing or not a file", () => {
    assertSentenceError(() => extractFile(join(dir, "none.txt")), "NOT_FOUND", /does not exist/);
    assertSentenceError(() => extractFile(dir), "NOT_FOUND", /is not a file/);
  });

  it("refuses a huge file before reading it", () => {
    const file = join(dir, "huge.txt");
    writeFileSync(file, "");
    truncateSync(file, 20 * 1024 * 1024); // sparse: costs no disk
    assertSentenceError(
      () => extractFile(file, { published: "2022-09-10" }),
      "TOO_LARGE",
      /too large \(20\.0 MB\)/,
    );
  });
});
