import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { taxiiServer } from "../src/server/taxii/standalone.ts";
import type { Knowledge } from "../src/service/index.ts";
import { generatedLines } from "./helpers/generated.ts";
import { corpusKnowledge, tempDir } from "./helpers/knowledge-base.ts";

const TAXII = "application/taxii+json;version=2.1";

describe("TAXII 2.1 server", () => {
  const tmp = tempDir("casebook-taxii-");
  let kb: Knowledge;
  let app: FastifyInstance;
  before(async () => {
    // the corpus and documents recombined from it, so that the collection holds well over 1,000 objects
    kb = await corpusKnowledge(tmp.dir, [...generatedLines(80, 7)]);
    app = await taxiiServer(kb, "red");
  });
  after(async () => {
    await app.close();
    await kb.close();
    tmp.cleanup();
  });

  const get = async (url: string, accept = TAXII) => {
    const res = await app.inject({ method: "GET", url, headers: { accept } });
    return { res, body: res.body ? JSON.parse(res.body) : undefined };
  };

  /** Every entry of a manifest, following `next` page after page. */
  const wholeManifest = async (url: string) => {
    const out: Array<{ id: string; date_added: string; version: string }> = [];
    let next: string | undefined;
    do {
      const page = (
        await get(`${url}${url.includes("?") ? "&" : "?"}limit=1000${next ? `&next=${next}` : ""}`)
      ).body;
      out.push(...page.objects);
      next = page.more ? page.next : undefined;
    } while (next);
    return out;
  };

  it("walks discovery → API root → collections → every object, page by page, each exactly once", async () => {
    const discovery = await get("/taxii2/");
    assert.equal(discovery.res.statusCode, 200);
    assert.equal(discovery.res.headers["content-type"], TAXII);
    const rootUrl = new URL(discovery.body.default).pathname;
    assert.deepEqual(
      discovery.body.api_roots.map((u: string) => new URL(u).pathname),
      [rootUrl],
    );
    const root = await get(rootUrl);
    assert.deepEqual(root.body.versions, [TAXII]);
    const collections = await get(`${rootUrl}collections/`);
    const [collection] = collections.body.collections;
    assert.equal(collection.can_read, true);
    assert.equal(collection.can_write, false);
    assert.deepEqual((await get(`${rootUrl}collections/${collection.id}/`)).body, collection);

    const manifest = await wholeManifest(`${rootUrl}collections/${collection.id}/manifest/`);
    const total = manifest.length;
    assert.ok(total >= 1000, `only ${total} objects`);

    const seen: string[] = [];
    let url = `${rootUrl}collections/${collection.id}/objects/?limit=97`;
    let pages = 0;
    for (;;) {
      const page = await get(url);
      assert.equal(page.res.statusCode, 200);
      pages++;
      assert.ok(page.body.objects.length <= 97);
      const first = String(page.res.headers["x-taxii-date-added-first"]);
      assert.ok(Date.parse(first) > 0);
      assert.ok(String(page.res.headers["x-taxii-date-added-last"]) >= first);
      seen.push(...page.body.objects.map((o: { id: string }) => o.id));
      if (!page.body.more) break;
      url = `${rootUrl}collections/${collection.id}/objects/?limit=97&next=${page.body.next}`;
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total, "an object came twice");
    assert.deepEqual(new Set(seen), new Set(manifest.map((m) => m.id)));
    process.stderr.write(`  TAXII: ${total} objects in ${pages} pages of at most 97, each exactly once\n`);
  });

  it("returns only objects added after added_after, and filters by id, type, version and spec version", async () => {
    const base = "/taxii2/casebook/collections/";
    const id = (await get(base)).body.collections[0].id;
    const manifest = await wholeManifest(`${base}${id}/manifest/`);
    const dates = [...new Set(manifest.map((m) => m.date_added))].sort();
    assert.ok(dates.length > 10, "objects should have been added at many moments");
    const cut = dates[Math.floor(dates.length / 2)] as string;
    const newer = await wholeManifest(`${base}${id}/manifest/?added_after=${cut}`);
    assert.equal(newer.length, manifest.filter((m) => m.date_added > cut).length);
    assert.ok(newer.length > 0 && newer.length < manifest.length);
    for (const m of newer) assert.ok(m.date_added > cut);

    const incidents = (await get(`${base}${id}/objects/?limit=1000&match[type]=incident`)).body
      .objects as Array<{ id: string; type: string; modified: string }>;
    assert.ok(incidents.length > 50);
    for (const o of incidents) assert.equal(o.type, "incident");
    const one = incidents[0];
    assert.ok(one);
    const byId = (await get(`${base}${id}/objects/?match[id]=${one.id}`)).body.objects;
    assert.deepEqual(byId, [one]);
    assert.deepEqual((await get(`${base}${id}/objects/${one.id}/`)).body.objects, [one]);
    assert.deepEqual((await get(`${base}${id}/objects/${one.id}/versions/`)).body.versions, [
      new Date(one.modified).toISOString(),
    ]);
    assert.equal(
      (await get(`${base}${id}/objects/?match[id]=${one.id}&match[version]=first`)).body.objects.length,
      1,
    );
    assert.equal(
      (
        await get(
          `${base}${id}/objects/?match[id]=${one.id}&match[version]=${new Date(one.modified).toISOString()}`,
        )
      ).body.objects.length,
      1,
    );
    assert.equal(
      (await get(`${base}${id}/objects/?match[id]=${one.id}&match[version]=2001-01-01T00:00:00.000Z`)).body
        .objects.length,
      0,
    );
    assert.equal((await get(`${base}${id}/objects/?match[spec_version]=2.0`)).body.objects.length, 0);
  });

  it("answers wrong media types, unknown collections and objects, bad filters and writes with the spec's errors", async () => {
    const json = await get("/taxii2/", "application/json");
    assert.equal(json.res.statusCode, 406);
    assert.equal(json.res.headers["content-type"], TAXII);
    assert.equal(json.body.http_status, "406");
    assert.ok(json.body.title);
    assert.equal((await get("/taxii2/", "application/taxii+json;version=2.0")).res.statusCode, 406);
    assert.equal((await get("/taxii2/", "application/taxii+json")).res.statusCode, 200);

    const unknown = await get("/taxii2/casebook/collections/no-such-collection/objects/");
    assert.equal(unknown.res.statusCode, 404);
    assert.equal(unknown.body.http_status, "404");
    const id = (await get("/taxii2/casebook/collections/")).body.collections[0].id;
    const missing = await get(
      `/taxii2/casebook/collections/${id}/objects/incident--00000000-0000-4000-8000-000000000000/`,
    );
    assert.equal(missing.res.statusCode, 404);
    assert.equal((await get("/taxii2/nowhere/")).res.statusCode, 404);
    for (const q of [
      "limit=0",
      "limit=abc",
      "added_after=yesterday",
      "next=bogus",
      "match[version]=newest",
    ]) {
      const bad = await get(`/taxii2/casebook/collections/${id}/objects/?${q}`);
      assert.equal(bad.res.statusCode, 400, q);
      assert.equal(bad.body.http_status, "400");
    }
    const post = await app.inject({
      method: "POST",
      url: `/taxii2/casebook/collections/${id}/objects/`,
      headers: { accept: TAXII, "content-type": "application/taxii+json;version=2.1" },
      payload: JSON.stringify({ objects: [] }),
    });
    assert.equal(post.statusCode, 405);
    assert.equal(JSON.parse(post.body).http_status, "405");
  });

  it("serves real HTTP on 127.0.0.1", async () => {
    const server = await taxiiServer(kb);
    try {
      const address = await server.listen({ port: 0, host: "127.0.0.1" });
      const res = await fetch(`${address}/taxii2/`, { headers: { accept: TAXII } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), TAXII);
      const body = (await res.json()) as { api_roots: string[] };
      assert.equal(body.api_roots[0], `${address}/taxii2/casebook/`);
    } finally {
      await server.close();
    }
  });
});
