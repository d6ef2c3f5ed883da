/**
 * Feeds against a local HTTP server: a feed of 500 items, each linking to its page. Polled twice it yields 500
 * documents, each page fetched once; the second poll is a conditional request answered 304 and fetches
 * nothing. New items are the only ones fetched later, and a failing feed is polled less often.
 */
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { FeedRegistry, jobCounts, runFeedScheduler } from "../src/jobs/index.ts";
import { createTestDatabase, SKIP_MESSAGE } from "../src/store/postgres/test-database.ts";
import { corpusFixtures } from "./helpers/corpus.ts";
import { runCli } from "./helpers/run-cli.ts";

const testDb = await createTestDatabase("feeds");
if (!testDb) console.log(`# ${SKIP_MESSAGE}`);

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe("feeds", { skip: testDb ? false : SKIP_MESSAGE }, () => {
  const stories = corpusFixtures();
  let items = 500;
  let version = "v1";
  const requests = { feed: [] as IncomingMessage["headers"][], pages: new Map<string, number>() };
  let server: Server;
  let base = "";

  const feedXml = () => {
    const entries = Array.from({ length: items }, (_, k) => {
      const day = new Date(Date.UTC(2023, 0, 1) + k * 86_400_000);
      return `<item><title>Report ${k + 1}</title><link>${base}/page/${k + 1}</link>
        <guid>urn:casebook-test:item:${k + 1}</guid><pubDate>${day.toUTCString()}</pubDate>
        <description>Summary of report ${k + 1}.</description></item>`;
    });
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
      ${entries.join("\n")}</channel></rss>`;
  };
  const page = (n: number) => {
    const story = stories[n % stories.length];
    const paragraphs = (story?.text ?? "An attack was reported.")
      .split(/\n\s*\n/)
      .map((p) => `<p>${escapeXml(p)}</p>`)
      .join("\n");
    return `<!DOCTYPE html><html><head><title>Report ${n}</title></head><body><article><h1>Report ${n}</h1>
      ${paragraphs}<p>This is report number ${n} of the local wire.</p></article></body></html>`;
  };

  before(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? "/";
      if (url === "/feed.xml") {
        requests.feed.push(req.headers);
        const etag = `"${version}"`;
        if (req.headers["if-none-match"] === etag) {
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, {
          "content-type": "application/rss+xml",
          etag,
          "last-modified": "Sat, 01 Jul 2023 00:00:00 GMT",
        });
        res.end(feedXml());
      } else if (url === "/broken.xml") {
        res.writeHead(503).end("down for maintenance");
      } else if (url.startsWith("/page/")) {
        requests.pages.set(url, (requests.pages.get(url) ?? 0) + 1);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(Number(url.slice(6))));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await testDb?.drop();
  });

  const pageFetches = () => [...requests.pages.values()].reduce((a, b) => a + b, 0);

  it("takes each of 500 items once; an unchanged feed is answered 304 and fetches nothing", async () => {
    assert.ok(testDb);
    const reg = await FeedRegistry.open(testDb.url);
    await reg.add(`${base}/feed.xml`, 900, "green");
    await reg.close();

    const [first] = await runFeedScheduler({ url: testDb.url, once: true });
    assert.deepEqual(
      { items: first?.items, queued: first?.queued, failed: first?.failed, notModified: first?.notModified },
      { items: 500, queued: 500, failed: 0, notModified: false },
    );
    assert.equal(pageFetches(), 500);
    assert.ok([...requests.pages.values()].every((n) => n === 1));

    const [second] = await runFeedScheduler({ url: testDb.url, once: true });
    assert.equal(second?.notModified, true);
    assert.equal(requests.feed.at(-1)?.["if-none-match"], '"v1"');
    assert.equal(requests.feed.at(-1)?.["if-modified-since"], "Sat, 01 Jul 2023 00:00:00 GMT");
    assert.equal(pageFetches(), 500, "the unchanged feed fetched no page");
    assert.deepEqual(await jobCounts(testDb.url), {
      queued: 500,
      retrying: 0,
      active: 0,
      completed: 0,
      failed: 0,
    });

    // the feed changes: only its ten new items are fetched
    items = 510;
    version = "v2";
    const [third] = await runFeedScheduler({ url: testDb.url, once: true });
    assert.deepEqual({ queued: third?.queued, known: third?.known }, { queued: 10, known: 500 });
    assert.equal(pageFetches(), 510);
    assert.equal((await jobCounts(testDb.url)).queued, 510);
  });

  it("lists feeds, and backs off from a feed that fails", async () => {
    assert.ok(testDb);
    const added = await runCli(["feeds", "add", `${base}/broken.xml`, "--every", "10m", "--db", testDb.url]);
    assert.equal(added.code, 0, added.stderr);
    const results = await runFeedScheduler({ url: testDb.url, once: true });
    const broken = results.find((r) => r.feed.endsWith("/broken.xml"));
    assert.match(broken?.error ?? "", /answered HTTP 503/);
    const reg = await FeedRegistry.open(testDb.url);
    const row = (await reg.list()).find((f) => f.url.endsWith("/broken.xml"));
    await reg.close();
    assert.equal(row?.failures, 1);
    // twice the interval after one failure
    const wait = ((row?.nextPollAt.getTime() ?? 0) - (row?.lastPolledAt?.getTime() ?? 0)) / 1000;
    assert.ok(wait > 1100 && wait < 1300, `next poll in ${wait} s`);
    const listed = await runCli(["feeds", "list", "--db", testDb.url]);
    assert.match(listed.stdout, /broken\.xml {2}every 10m, TLP clear, 0 items taken, .*1 failures in a row/);
    assert.match(listed.stdout, /feed\.xml {2}every 15m, TLP green, 510 items taken/);
  });
});
