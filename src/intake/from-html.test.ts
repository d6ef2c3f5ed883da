import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertSentenceError } from "../../test/helpers/sentence-error.ts";
import { fromHtml } from "./from-html.ts";
import { blocksToText } from "./html-text.ts";
import { MAX_HTML_BYTES } from "./limits.ts";
import { sha256Hex } from "./sha256.ts";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/html/${name}`, import.meta.url));

describe("fromHtml: a full article page", () => {
  const doc = fromHtml(fixture("article.html"), { id: "port" });

  it("separates paragraphs, headings and list items by blank lines", () => {
    const paragraphs = doc.text.split("\n\n");
    assert.ok(paragraphs.length >= 6, doc.text);
    assert.ok(paragraphs[0]?.startsWith("The authority that runs the northern container terminal"));
    assert.ok(paragraphs.includes("What was affected"));
    assert.ok(paragraphs.includes("the online booking portal"));
    assert.ok(paragraphs.includes("gate scheduling for lorries"));
    assert.ok(paragraphs.includes("We will not pay the criminals who did this."));
    assert.doesNotMatch(doc.text, /ring road\.Staff/);
  });

  it("collapses source line breaks inside a paragraph", () => {
    assert.match(doc.text, /a ransomware attack had taken its cargo booking system/);
    assert.doesNotMatch(doc.text, / {2}/);
  });

  it("decodes entities", () => {
    assert.match(doc.text, /“No customer payment data was taken,” a spokeswoman said — a claim/);
    assert.match(doc.text, /on Tuesday & urged/);
  });

  it("leaves out scripts, styles, navigation and the footer", () => {
    for (const junk of [
      "tracker",
      "console.log",
      "font-family",
      "Home",
      "Subscribe",
      "All rights reserved",
    ]) {
      assert.ok(!doc.text.includes(junk), `found ${junk}`);
    }
  });

  it("takes title, publication day, url and publisher from the page's meta tags", () => {
    assert.equal(doc.title, "Port authority says ransomware halted cargo booking for two days");
    assert.equal(doc.published, "2023-03-14");
    assert.equal(doc.url, "https://ledger.example/news/port-ransomware");
    assert.equal(doc.publisher, "The Harbour Ledger");
    assert.equal(doc.sha256, sha256Hex(doc.text));
    assert.equal(doc.id, "port");
  });

  it("lets given values win over the page's own", () => {
    const given = fromHtml(fixture("article.html"), { title: "Mine", published: "2023-03-15", url: "u" });
    assert.equal(given.title, "Mine");
    assert.equal(given.published, "2023-03-15");
    assert.equal(given.url, "u");
  });
});

describe("fromHtml: other pages", () => {
  it("reads the date from <time datetime> and the title from <title>", () => {
    const doc = fromHtml(fixture("time-only.html"));
    assert.equal(doc.published, "2021-11-02");
    assert.equal(doc.title, "Ministry website defaced overnight");
    assert.match(doc.text, /^Visitors to the agriculture ministry's website/);
    assert.equal(doc.text.split("\n\n").length, 3);
  });

  it("reads a bare fragment", () => {
    const doc = fromHtml("<p>First &amp; foremost.</p><p>Second<br>line.</p>", { published: "2022-01-01" });
    assert.equal(doc.text, "First & foremost.\n\nSecond\nline.");
  });

  it("refuses a page with no article body", () => {
    assertSentenceError(
      () => fromHtml(fixture("no-body.html"), { published: "2022-01-01" }),
      "NO_ARTICLE_BODY",
      /no article body/,
    );
    assertSentenceError(
      () => fromHtml("<html><body></body></html>", { published: "2022-01-01" }),
      "NO_ARTICLE_BODY",
      /no article body/,
    );
  });

  it("refuses a page whose date is missing", () => {
    assertSentenceError(() => fromHtml("<p>Some words here.</p>"), "MISSING_DATE", /missing/);
  });

  it("refuses an empty, binary or oversized page", () => {
    assertSentenceError(
      () => fromHtml("   ", { published: "2022-01-01" }),
      "EMPTY_INPUT",
      /HTML page contains only whitespace/,
    );
    assertSentenceError(
      () => fromHtml(Buffer.from([0x3c, 0x70, 0x00, 0x3e]), {}),
      "BINARY_INPUT",
      /HTML page looks like binary/,
    );
    assertSentenceError(
      () => fromHtml("<p>".repeat(MAX_HTML_BYTES / 3 + 1), {}),
      "TOO_LARGE",
      /HTML page is too large/,
    );
  });
});

describe("blocksToText", () => {
  it("keeps line breaks inside <pre>", () => {
    const pre = {
      nodeType: 1,
      nodeName: "PRE",
      nodeValue: null,
      childNodes: [{ nodeType: 3, nodeName: "#text", nodeValue: "a\r\nb", childNodes: [] }],
    };
    assert.equal(blocksToText(pre), "a\nb");
  });
});
