import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IngestError } from "../model/ingest-errors.ts";
import { feedDate, feedEntryDocument, parseFeed } from "./from-feed.ts";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Harbour Gazette</title>
    <item>
      <title>Port booking system down after ransomware</title>
      <link>https://gazette.example/port</link>
      <guid isPermaLink="false">gz-101</guid>
      <pubDate>Tue, 04 Jun 2024 21:30:00 -0700</pubDate>
      <description><![CDATA[<p>The port authority said on <b>Monday</b> that ransomware had taken its booking system offline.</p>]]></description>
    </item>
    <item>
      <title>Ministry sites defaced</title>
      <link>https://gazette.example/sites</link>
      <pubDate>Wed, 5 Jun 2024 08:00:00 GMT</pubDate>
      <description>Three ministry websites were defaced on Tuesday &amp; restored within hours.</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Signals Weekly</title>
  <entry>
    <title type="text">Water utility hit</title>
    <link rel="alternate" href="https://signals.example/water"/>
    <id>urn:uuid:1</id>
    <updated>2024-03-02T10:00:00Z</updated>
    <content type="html">&lt;p&gt;A water utility said hackers reached its control systems on Friday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Grid operator warns</title>
    <link href="https://signals.example/grid"/>
    <published>2024-03-03T09:00:00+01:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The grid operator issued an advisory.</p></div></content>
  </entry>
</feed>`;

describe("parseFeed", () => {
  it("reads RSS items with their title, link, guid, date and HTML or text description", () => {
    const feed = parseFeed(RSS);
    assert.equal(feed.title, "Harbour Gazette");
    assert.equal(feed.entries.length, 2);
    const [a, b] = feed.entries;
    assert.deepEqual(
      [a?.title, a?.link, a?.guid, a?.published, a?.html],
      [
        "Port booking system down after ransomware",
        "https://gazette.example/port",
        "gz-101",
        "Tue, 04 Jun 2024 21:30:00 -0700",
        true,
      ],
    );
    assert.equal(b?.html, false);
    assert.equal(b?.body, "Three ministry websites were defaced on Tuesday & restored within hours.");
    assert.ok(a);
    const doc = feedEntryDocument(a, feed, { tlp: "green" });
    assert.deepEqual(
      [doc.id, doc.title, doc.url, doc.publisher, doc.published, doc.tlp],
      ["gz-101", a?.title, "https://gazette.example/port", "Harbour Gazette", "2024-06-04", "green"],
    );
    assert.equal(
      doc.text,
      "The port authority said on Monday that ransomware had taken its booking system offline.",
    );
  });

  it("reads Atom entries, escaped HTML and XHTML content alike", () => {
    const feed = parseFeed(ATOM);
    assert.equal(feed.title, "Signals Weekly");
    const docs = feed.entries.map((e) => feedEntryDocument(e, feed));
    assert.deepEqual(
      docs.map((d) => [d.id, d.url, d.published, d.text]),
      [
        [
          "urn:uuid:1",
          "https://signals.example/water",
          "2024-03-02",
          "A water utility said hackers reached its control systems on Friday.",
        ],
        [
          "https://signals.example/grid",
          "https://signals.example/grid",
          "2024-03-03",
          "The grid operator issued an advisory.",
        ],
      ],
    );
  });

  it("reads RSS 1.0 (RDF) items", () => {
    const feed = parseFeed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.example/"><title>X</title></channel>
  <item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link>
    <dc:date>2023-11-20</dc:date><description>A bank reported a breach.</description></item>
</rdf:RDF>`);
    assert.deepEqual(
      feed.entries.map((e) => [e.title, e.link, e.published]),
      [["One", "https://x.example/1", "2023-11-20"]],
    );
  });

  it("refuses what is not XML, and XML that is not a feed, with a sentence", () => {
    const refuses = (xml: string, pattern: RegExp) =>
      assert.throws(
        () => parseFeed(xml),
        (err: unknown) => err instanceof IngestError && err.code === "BAD_FEED" && pattern.test(err.message),
      );
    refuses("<rss><channel><item><title>open", /not well-formed XML \(line 1, column/);
    refuses("just some words", /not well-formed XML/);
    refuses(
      `<?xml version="1.0"?><recipes><recipe/></recipes>`,
      /not an RSS or Atom feed \(its root element is <recipes>\)/,
    );
  });
});

describe("feedDate", () => {
  it("keeps the calendar day an RSS date names, in its own zone", () => {
    assert.equal(feedDate("Tue, 04 Jun 2024 21:30:00 -0700"), "2024-06-04");
    assert.equal(feedDate("5 June 2024 08:00 GMT"), "2024-06-05");
    assert.equal(feedDate("2024-03-02T10:00:00Z"), "2024-03-02T10:00:00Z");
    assert.equal(feedDate("someday"), "someday");
  });
});
