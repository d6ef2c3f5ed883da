import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Document, DocumentRecord } from "../model/index.ts";
import { openSqliteStore, type Store } from "../store/index.ts";
import { type IngestProgress, type IngestSummary, ingestPaths } from "./ingest.ts";

const CORPUS = fileURLToPath(new URL("../../data/corpus/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "casebook-ingest-"));
const src = join(dir, "sources");
after(() => rmSync(dir, { recursive: true, force: true }));

// Stories written for this test.
const PORT_STORY =
  "Port operator hit by ransomware\n\nThe operator of the northern container port said on Monday that a " +
  "ransomware attack had taken its cargo booking system offline over the weekend.";
const UNDATED_STORY =
  "Regional council reports intrusion\n\nA regional council said hackers had broken into its email server.";
const LINE_STORY =
  "Bank says attackers drained accounts\n\nA central bank said on Thursday that attackers had stolen funds " +
  "through the payment network.";
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Desk</title>
  <item><title>Utility warns of intrusion</title><link>https://wire.example/utility</link>
    <pubDate>Fri, 03 Mar 2023 09:00:00 +0000</pubDate>
    <description><![CDATA[<p>A water utility said on Thursday that intruders had reached its pump controls.</p>]]></description></item>
  <item><title>Ministry expels diplomats</title><link>https://wire.example/expel</link>
    <pubDate>Sat, 04 Mar 2023 10:00:00 +0000</pubDate>
    <description>The foreign ministry expelled two diplomats over a cyberattack on its servers.</description></item>
</channel></rss>`;
const PAGE = `<!doctype html><html><head><title>Railway</title>
<meta property="article:published_time" content="2023-05-02T08:00:00Z"><meta property="og:url" content="https://rail.example/x">
</head><body><article><h1>Railway ticketing halted</h1>
<p>The national railway said on Monday that a cyberattack had halted its ticketing system for several hours.</p>
</article></body></html>`;

before(() => {
  mkdirSync(join(src, "nested", ".hidden"), { recursive: true });
  writeFileSync(join(src, "port.txt"), PORT_STORY);
  writeFileSync(join(src, "port.json"), JSON.stringify({ published: "2023-04-03", tlp: "amber" }));
  writeFileSync(join(src, "undated.txt"), UNDATED_STORY);
  writeFileSync(join(src, "picture.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(src, "nested", "rail.html"), PAGE);
  writeFileSync(join(src, "nested", ".hidden", "secret.txt"), "not read");
  for (const name of ["001-albania-july-microsoft", "002-us-sanctions-mois"]) {
    copyFileSync(join(CORPUS, `${name}.txt`), join(src, "nested", `${name}.txt`));
    copyFileSync(join(CORPUS, `${name}.json`), join(src, "nested", `${name}.json`));
  }
  const lines = [
    JSON.stringify({ id: "bank", published: "2023-02-10", text: LINE_STORY, tlp: "red" }),
    '{"id": "broken", "text": ',
    "",
    JSON.stringify({ id: "same-as-port", published: "2023-04-03", text: PORT_STORY }),
    JSON.stringify({ id: "no-date", text: UNDATED_STORY.replace("council", "assembly") }),
  ];
  writeFileSync(join(dir, "docs.jsonl"), `${lines.join("\n")}\n`);
  writeFileSync(join(dir, "wire.rss"), FEED);
  writeFileSync(join(dir, "broken.rss"), "<rss><channel><item>unclosed");
});

const inputs = () => [
  src,
  join(dir, "docs.jsonl"),
  join(dir, "wire.rss"),
  join(dir, "broken.rss"),
  join(dir, "gone.txt"),
];

describe("ingestPaths", () => {
  let store: Store;
  let first: IngestSummary;
  const progress: IngestProgress[] = [];
  before(async () => {
    store = await openSqliteStore(join(dir, "kb.db"));
    first = await ingestPaths(inputs(), store, { onProgress: (p) => progress.push(p) });
  });
  after(() => store.close());

  it("counts new, duplicate and failed documents, and says why each failure failed", async () => {
    // new: port, rail.html, two corpus stories, the bank line, two feed items; duplicate: the line repeating port
    assert.deepEqual(first.documents, { new: 7, duplicate: 1, failed: 5 });
    assert.equal(first.skipped, 1);
    const failures = Object.fromEntries(
      first.failures.map((f) => [f.where.replace(dir, "DIR"), [f.code, f.reason]]),
    );
    assert.deepEqual(Object.keys(failures).sort(), [
      "DIR/broken.rss",
      "DIR/docs.jsonl:2 (broken)",
      "DIR/docs.jsonl:5 (no-date)",
      "DIR/gone.txt",
      "DIR/sources/undated.txt",
    ]);
    assert.match(
      failures["DIR/sources/undated.txt"]?.[1] ?? "",
      /No publication date is known for ".*undated\.txt": give --published/,
    );
    assert.equal(failures["DIR/gone.txt"]?.[0], "NOT_FOUND");
    assert.match(failures["DIR/broken.rss"]?.[1] ?? "", /not well-formed XML/);
    assert.equal(failures["DIR/docs.jsonl:2 (broken)"]?.[0], "BAD_JSON");
    assert.equal(failures["DIR/docs.jsonl:5 (no-date)"]?.[0], "MISSING_DATE");
    const counts = await store.counts();
    assert.equal(counts.sources, 7);
    assert.deepEqual(
      [first.incidents.new, first.claims.new, first.responses.new],
      [counts.incidents, counts.claims, counts.responses],
    );
    assert.ok(first.incidents.new >= 5, `only ${first.incidents.new} incidents`);
    // the two corpus stories about Albania tell of the same July attack: the second joins the first's incident
    assert.ok(first.incidents.merged >= 1, `${first.incidents.merged} incidents merged`);
  });

  it("reports progress up to the total", () => {
    assert.equal(progress.length, 13);
    const last = progress.at(-1);
    assert.deepEqual([last?.done, last?.total, last?.new, last?.failed], [13, 13, 7, 5]);
    assert.ok(progress.every((p, k) => p.done === k + 1));
  });

  it("keeps an RSS item's link, date and channel, and the TLP of sidecars and lines", async () => {
    const [hit] = await store.searchSources("pump controls");
    assert.deepEqual(
      [hit?.source.title, hit?.source.url, hit?.source.published, hit?.source.publisher, hit?.source.tlp],
      ["Utility warns of intrusion", "https://wire.example/utility", "2023-03-03", "Wire Desk", "clear"],
    );
    const tlp = async (q: string) => (await store.searchSources(q))[0]?.source.tlp;
    assert.equal(await tlp("cargo booking"), "amber");
    assert.equal(await tlp("payment network"), "red");
    const [page] = await store.searchSources("ticketing");
    assert.deepEqual([page?.source.published, page?.source.url], ["2023-05-02", "https://rail.example/x"]);
  });

  it("adds nothing when the same sources are ingested again", async () => {
    const before = await store.counts();
    const again = await ingestPaths(inputs(), store);
    assert.deepEqual(again.documents, { new: 0, duplicate: 8, failed: 5 });
    for (const facts of [again.incidents, again.claims, again.responses]) {
      assert.deepEqual(facts, { new: 0, merged: 0 });
    }
    assert.deepEqual(await store.counts(), before);
  });

  it("takes --published and --tlp for documents that give none", async () => {
    const s = await ingestPaths([join(src, "undated.txt"), join(dir, "docs.jsonl")], store, {
      published: "2023-06-01",
      tlp: "green",
    });
    assert.deepEqual(s.documents, { new: 2, duplicate: 2, failed: 1 });
    const [hit] = await store.searchSources("council");
    assert.deepEqual([hit?.source.published, hit?.source.tlp], ["2023-06-01", "green"]);
    await assert.rejects(() => ingestPaths([src], store, { published: "yesterday" }), /not a date/);
  });
});

describe("ingestPaths when the store fails", () => {
  it("stops the run instead of counting every document as failed", async () => {
    const real = await openSqliteStore(":memory:");
    const broken: Store = {
      ...real,
      hasSha256: (sha) => real.hasSha256(sha),
      saveDocument: async (_d: Document, _r: DocumentRecord) => {
        throw new Error("disk I/O error");
      },
      saveDocuments: async () => {
        throw new Error("disk I/O error");
      },
    };
    await assert.rejects(() => ingestPaths([join(src, "port.txt")], broken), /disk I\/O error/);
    await real.close();
  });
});
