import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { IncidentDetail, IncidentList } from "../model/knowledge.ts";
import { type Knowledge, openKnowledge } from "../service/index.ts";
import { allRoutes, buildApp } from "./app.ts";
import { startServer } from "./serve.ts";

/** Team-written test stories: one CLEAR, one RED whose every fact, quote and word must stay from AMBER readers. */
const CLEAR = {
  title: "Estonia blames Russia for cyberattacks on government websites",
  text:
    "Estonia blames Russia for cyberattacks on government websites\n\nEstonia's foreign ministry said on Thursday " +
    "that a wave of denial-of-service attacks had knocked government and bank websites offline on Tuesday. The " +
    "ministry blamed Russia for the attacks. Moscow denied any involvement.",
  published: "2024-03-14",
  tlp: "clear",
};
const RED = {
  title: "Internal note: wiper attack on Latvian grid operator",
  text:
    "Internal note: wiper attack on Latvian grid operator\n\nA wiper attack destroyed servers of Latvia's grid " +
    "operator on Monday, the operator said on Wednesday. Latvian officials accused North Korea of being behind the " +
    "quindecimal intrusion. The European Union condemned the attack.",
  published: "2024-03-14",
  tlp: "red",
};

const dir = mkdtempSync(join(tmpdir(), "casebook-server-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Setup {
  path: string;
  kb: Knowledge;
  app: FastifyInstance;
  tokens: Record<"reader" | "analyst" | "admin" | "amber", string>;
  log: string[];
}

/** A server with tokens (so not open) over a knowledge base holding the two stories. */
async function setup(options: { ingestPerMinute?: number } = {}): Promise<Setup> {
  const path = join(dir, `kb-${++n}.db`);
  const kb = await openKnowledge(path, { create: true });
  const make = async (name: string, role: "reader" | "analyst" | "admin", clearance: "amber" | "red") =>
    (await kb.createToken({ name, role, clearance, by: "test" })).secret;
  const tokens = {
    reader: await make("rita", "reader", "red"),
    analyst: await make("ana", "analyst", "red"),
    admin: await make("adam", "admin", "red"),
    amber: await make("amber-desk", "analyst", "amber"),
  };
  const log: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      log.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    kb,
    open: false,
    logger: { level: "info", stream },
    ...(options.ingestPerMinute === undefined ? {} : { ingestPerMinute: options.ingestPerMinute }),
  });
  for (const story of [CLEAR, RED]) {
    const r = await app.inject({
      method: "POST",
      url: "/api/ingest",
      headers: auth(tokens.admin),
      payload: story,
    });
    assert.equal(r.statusCode, 200, r.body);
  }
  return { path, kb, app, tokens, log };
}

const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe("HTTP API: access by role", () => {
  let s: Setup;
  before(async () => {
    s = await setup();
  });
  after(async () => {
    await s.app.close();
    await s.kb.close();
  });

  it("answers 401 without a valid token when tokens exist", async () => {
    assert.equal((await s.app.inject({ url: "/api/incidents" })).statusCode, 401);
    const bad = await s.app.inject({ url: "/api/incidents", headers: auth("cb_not-a-token") });
    assert.equal(bad.statusCode, 401);
    assert.match(bad.json().error, /^The token is not valid/);
  });

  it("lets a reader read but not ingest, review, merge or manage tokens (403)", async () => {
    const h = auth(s.tokens.reader);
    const list = await s.app.inject({ url: "/api/incidents", headers: h });
    assert.equal(list.statusCode, 200);
    const incident = (list.json() as IncidentList).incidents[0];
    assert.ok(incident);
    const denied = [
      { method: "POST", url: "/api/ingest", payload: { ...CLEAR, text: `${CLEAR.text} Again.` } },
      {
        method: "POST",
        url: `/api/incidents/${incident.id}/decisions`,
        payload: { factKind: "incident", factId: incident.id, action: "reject" },
      },
      { method: "POST", url: `/api/incidents/${incident.id}/merge`, payload: { into: incident.id } },
      { method: "GET", url: "/api/tokens" },
      { method: "POST", url: "/api/tokens", payload: { name: "x", role: "admin", clearance: "red" } },
    ] as const;
    for (const req of denied) {
      const r = await s.app.inject({ ...req, headers: h });
      assert.equal(r.statusCode, 403, `${req.method} ${req.url}: ${r.body}`);
      assert.match(r.json().error, /reader token cannot do this/);
    }
    const review = await s.app.inject({
      method: "POST",
      url: `/api/incidents/${incident.id}/decisions`,
      headers: auth(s.tokens.analyst),
      payload: { factKind: "incident", factId: incident.id, action: "accept" },
    });
    assert.equal(review.statusCode, 201, review.body);
    const audit = await s.app.inject({ url: "/api/audit", headers: auth(s.tokens.analyst) });
    assert.deepEqual(audit.json()[0] && [audit.json()[0].action, audit.json()[0].actor], [
      "decision.accept",
      "ana",
    ]);
    assert.equal(
      (await s.app.inject({ url: "/api/tokens", headers: auth(s.tokens.analyst) })).statusCode,
      403,
    );
    assert.equal((await s.app.inject({ url: "/api/tokens", headers: auth(s.tokens.admin) })).statusCode, 200);
  });

  it("refuses an edit whose value does not fit the field, with a sentence", async () => {
    const list = (
      await s.app.inject({ url: "/api/incidents", headers: auth(s.tokens.analyst) })
    ).json() as IncidentList;
    const id = list.incidents[0]?.id ?? "";
    const r = await s.app.inject({
      method: "POST",
      url: `/api/incidents/${id}/decisions`,
      headers: auth(s.tokens.analyst),
      payload: { factKind: "incident", factId: id, action: "edit", field: "date", value: "yesterday" },
    });
    assert.equal(r.statusCode, 400);
    assert.match(r.json().error, /^The new date does not fit the field/);
  });

  it("answers from a cache only until the knowledge base changes, whoever changes it", async () => {
    const h = auth(s.tokens.reader);
    const before = (await s.app.inject({ url: "/api/incidents", headers: h })).json() as IncidentList;
    assert.deepEqual((await s.app.inject({ url: "/api/incidents", headers: h })).json(), before);
    // Another process (here: another connection) ingests into the same database.
    const other = await openKnowledge(s.path);
    await other.article({
      text: "Norway says hackers hit its parliament\n\nNorway's parliament said on Tuesday that hackers had broken into its email system.",
      published: "2024-02-01",
    });
    await other.close();
    const after = (await s.app.inject({ url: "/api/incidents", headers: h })).json() as IncidentList;
    assert.equal(after.total, before.total + 1);
  });

  it("tags cached answers, says 304 to a client holding the same one, and sends the new one after a change", async () => {
    const h = auth(s.tokens.reader);
    const first = await s.app.inject({ url: "/api/incidents?limit=5", headers: h });
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await s.app.inject({
      url: "/api/incidents?limit=5",
      headers: { ...h, "if-none-match": etag },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
    assert.equal(again.headers.etag, etag);
    // tokens of another clearance see other answers, under other tags
    const amber = await s.app.inject({ url: "/api/incidents?limit=5", headers: auth(s.tokens.amber) });
    assert.notEqual(amber.headers.etag, etag);
    await s.kb.article({
      text: "Finland says hackers hit its parliament\n\nFinland's parliament said on Monday that hackers had broken into the email accounts of several members.",
      published: "2024-03-01",
    });
    const changed = await s.app.inject({
      url: "/api/incidents?limit=5",
      headers: { ...h, "if-none-match": etag },
    });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.ok((changed.json() as IncidentList).incidents.some((i) => i.label.includes("FI")));
  });

  it("gives an incident's first quotes per fact, with the count of all, and every quote when asked", async () => {
    const h = auth(s.tokens.admin);
    const story = (day: string, said: string) => ({
      text: `Lithuania says its tax office was hacked\n\nLithuania's tax office said on ${day} that hackers had wiped servers of its online filing system on Monday, 3 June. ${said}`,
      published: "2024-06-07",
    });
    await s.kb.article(story("Thursday", "The finance minister blamed Russia for the attack."));
    await s.kb.article(story("Friday", "Officials in Vilnius accused Russia of the attack."));
    await s.kb.article(story("Friday evening", "Lithuania's prime minister blamed Russia for the hack."));
    const list = (await s.app.inject({ url: "/api/incidents?victim=LT", headers: h })).json() as IncidentList;
    const id = list.incidents[0]?.id ?? "";
    const all = (
      await s.app.inject({ url: `/api/incidents/${id}?quotes=all`, headers: h })
    ).json() as IncidentDetail;
    const one = (
      await s.app.inject({ url: `/api/incidents/${id}?quotes=1`, headers: h })
    ).json() as IncidentDetail;
    const facts = (d: IncidentDetail) => [d, ...d.claims, ...d.responses];
    assert.ok(
      facts(all).some((f) => f.evidence.length > 1),
      "some fact has several quotes",
    );
    assert.equal(facts(all).length, facts(one).length);
    for (const [full, cut] of facts(all).map((f, k) => [f, facts(one)[k]] as const)) {
      assert.ok(cut);
      assert.deepEqual(cut.evidence, full.evidence.slice(0, 1));
      assert.equal(cut.evidenceCount, full.evidence.length > 1 ? full.evidence.length : undefined);
      assert.equal(full.evidenceCount, undefined);
    }
    const bad = await s.app.inject({ url: `/api/incidents/${id}?quotes=none`, headers: h });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error, /quotes/);
  });

  it("lists the accused by name, leaving a group's aliases to the incident's own page", async () => {
    const h = auth(s.tokens.admin);
    await s.kb.article({
      text: "Poland blames Fancy Bear for a hack of its railways\n\nPoland's digital affairs minister said on Friday that hackers had broken into the railway signalling network on Wednesday. He blamed the attack on APT28, the group also known as Fancy Bear.",
      published: "2024-05-10",
    });
    const list = (await s.app.inject({ url: "/api/incidents?victim=PL", headers: h })).json() as IncidentList;
    const listed = list.incidents.flatMap((i) => i.accused).find((p) => p.kind === "group");
    assert.ok(listed, JSON.stringify(list));
    assert.equal(listed.kind === "group" && listed.name, "APT28");
    assert.equal("aliases" in listed, false);
    const id = list.incidents.find((i) => i.accused.includes(listed))?.id ?? "";
    const detail = (await s.app.inject({ url: `/api/incidents/${id}`, headers: h })).json() as IncidentDetail;
    const full = detail.claims.map((c) => c.accused).find((p) => p.kind === "group");
    assert.ok(full?.kind === "group" && (full.aliases ?? []).includes("Fancy Bear"));
  });

  it("keeps tokens out of the log", async () => {
    const created = await s.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: auth(s.tokens.admin),
      payload: { name: "new", role: "reader", clearance: "green" },
    });
    assert.equal(created.statusCode, 201);
    const secret = created.json().secret as string;
    assert.equal((await s.app.inject({ url: "/api/me", headers: auth(secret) })).json().role, "reader");
    const log = s.log.join("");
    assert.ok(log.includes("/api/me"), "requests are logged");
    for (const t of [...Object.values(s.tokens), secret])
      assert.ok(!log.includes(t), "a token reached the log");
    assert.ok(!log.toLowerCase().includes("bearer"));
  });
});

describe("HTTP API: an AMBER token and a RED source", () => {
  let s: Setup;
  let redOnly: string[];
  before(async () => {
    s = await setup();
    // What only the RED story says: its source, incident, claim and response ids, its quotes and a word of it.
    const all = (await s.kb.incidents({}, { clearance: "red" })).incidents;
    const red = all.find((i) => i.source.tlp === "red");
    assert.ok(red, "the RED story's incident is stored");
    const detail = await s.kb.incident(red.id);
    redOnly = [
      red.id,
      red.source.id,
      ...detail.claims.map((c) => c.id),
      ...detail.responses.map((r) => r.id),
      ...[detail, ...detail.claims, ...detail.responses].flatMap((f) => f.evidence.map((e) => e.quote)),
      "quindecimal",
    ];
    assert.ok(redOnly.length >= 6);
  });
  after(async () => {
    await s.app.close();
    await s.kb.close();
  });

  it("receives nothing supported only by the RED source, through any endpoint", async () => {
    const h = auth(s.tokens.amber);
    const full = (
      await s.app.inject({ url: "/api/incidents?limit=1000", headers: auth(s.tokens.admin) })
    ).json() as IncidentList;
    const urls = [
      "/api/incidents?limit=1000",
      "/api/incidents?accused=KP",
      "/api/incidents?text=quindecimal",
      "/api/incidents?sort=label",
      "/api/claims?limit=1000",
      "/api/responses?limit=1000",
      "/api/parties",
      "/api/stats",
      "/api/search?q=quindecimal",
      "/api/search?q=wiper",
      "/api/search?q=attack",
      "/api/audit",
      ...full.incidents.flatMap((i) => [
        `/api/incidents/${i.id}`,
        `/api/incidents/${i.id.slice(0, 8)}`,
        `/api/sources/${i.source.id}`,
      ]),
    ];
    // Every GET route of the API is among those asked.
    for (const r of allRoutes(false).filter((x) => x.method === "GET")) {
      const prefix = `/api${r.url.split("/:")[0]}`;
      if (["/api/tokens", "/api/me", "/api/health"].includes(prefix)) continue;
      assert.ok(
        urls.some((u) => u.startsWith(prefix)),
        `GET ${r.url} is not checked`,
      );
    }
    let answered = 0;
    for (const url of urls) {
      const r = await s.app.inject({ url, headers: h });
      assert.ok([200, 404].includes(r.statusCode), `${url}: ${r.statusCode} ${r.body}`);
      if (r.statusCode === 200) answered++;
      // A 404 names the id it was asked for; that id came from the caller, so it is no leak.
      for (const secret of redOnly.filter((x) => !url.includes(x))) {
        assert.ok(!r.body.includes(secret), `${url} leaked "${secret}"`);
      }
    }
    assert.ok(answered >= 10);
    // The CLEAR story is there for the same token.
    const clear = (
      await s.app.inject({ url: "/api/incidents?victim=EE", headers: h })
    ).json() as IncidentList;
    assert.equal(clear.total, 1);
    const detail = (
      await s.app.inject({ url: `/api/incidents/${clear.incidents[0]?.id}`, headers: h })
    ).json() as IncidentDetail;
    assert.deepEqual(detail.claims.map((c) => c.stance).sort(), ["accuses", "denies"]);
  });

  it("gets no RED-only quote through TAXII, which a RED token gets, and no TAXII at all without a token", async () => {
    const taxii = { accept: "application/taxii+json;version=2.1" };
    const objects = async (token: string) => {
      const headers = { ...taxii, ...auth(token) };
      const root = (await s.app.inject({ url: "/taxii2/", headers })).json() as { api_roots: string[] };
      const apiRoot = new URL(root.api_roots[0] ?? "").pathname;
      const cols = (await s.app.inject({ url: `${apiRoot}collections/`, headers })).json() as {
        collections: Array<{ id: string }>;
      };
      const r = await s.app.inject({
        url: `${apiRoot}collections/${cols.collections[0]?.id}/objects/?limit=10000`,
        headers,
      });
      assert.equal(r.statusCode, 200, r.body);
      return r.body;
    };
    const quotes = redOnly.filter((x) => x.includes(" "));
    assert.ok(quotes.length > 0);
    const red = await objects(s.tokens.admin);
    assert.ok(
      quotes.some((q) => red.includes(JSON.stringify(q).slice(1, -1))),
      "a RED token sees the RED quotes",
    );
    const amber = await objects(s.tokens.amber);
    for (const q of [...quotes, "quindecimal"]) assert.ok(!amber.includes(JSON.stringify(q).slice(1, -1)), q);
    const none = await s.app.inject({ url: "/taxii2/", headers: taxii });
    assert.equal(none.statusCode, 401);
    assert.equal(none.headers["content-type"], "application/taxii+json;version=2.1");
    assert.match(none.json().description, /token/);
  });

  it("cannot review a RED-only fact, nor store a source above its clearance", async () => {
    const h = auth(s.tokens.amber);
    const red = redOnly[0] ?? "";
    const r = await s.app.inject({
      method: "POST",
      url: `/api/incidents/${red}/decisions`,
      headers: h,
      payload: { factKind: "incident", factId: red, action: "reject" },
    });
    assert.equal(r.statusCode, 404);
    const up = await s.app.inject({
      method: "POST",
      url: "/api/ingest",
      headers: h,
      payload: { ...CLEAR, tlp: "red", preview: true },
    });
    assert.equal(up.statusCode, 403);
    assert.match(up.json().error, /clearance is amber/);
  });
});

describe("HTTP API: hostile input and limits", () => {
  let s: Setup;
  before(async () => {
    s = await setup();
  });
  after(async () => {
    await s.app.close();
    await s.kb.close();
  });

  it("sets the security headers on pages and answers", async () => {
    for (const url of ["/api/incidents", "/", "/api/docs"]) {
      const r = await s.app.inject({ url, headers: auth(s.tokens.reader) });
      const csp = String(r.headers["content-security-policy"]);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(r.headers["x-content-type-options"], "nosniff");
      assert.equal(r.headers["referrer-policy"], "no-referrer");
    }
  });

  it("answers 413 to a body over the limit, and stores nothing", async () => {
    const before = (await s.kb.counts()).sources;
    const r = await s.app.inject({
      method: "POST",
      url: "/api/ingest",
      headers: { ...auth(s.tokens.analyst), "content-type": "application/json" },
      payload: JSON.stringify({ text: "x".repeat(13 * 1024 * 1024), published: "2024-01-01" }),
    });
    assert.equal(r.statusCode, 413);
    assert.match(r.json().error, /larger than the server accepts/);
    assert.equal((await s.kb.counts()).sources, before);
  });

  it("refuses bad articles with a sentence naming the problem", async () => {
    const h = auth(s.tokens.analyst);
    const cases = [
      [{ text: "   ", published: "2024-01-01" }, /whitespace/],
      [{ text: "Some text", published: "2024-02-30" }, /does not exist/],
      [{ text: "a", html: "<p>b</p>", published: "2024-01-01" }, /exactly one of text and html/],
    ] as const;
    for (const [payload, why] of cases) {
      const r = await s.app.inject({
        method: "POST",
        url: "/api/ingest",
        headers: h,
        payload: { ...payload, preview: true },
      });
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.json().error, why);
    }
  });

  it("describes every route in the OpenAPI document", async () => {
    const spec = (await s.app.inject({ url: "/api/openapi.json" })).json();
    for (const r of allRoutes(false)) {
      const path = `/api${r.url.replace(/:(\w+)/g, "{$1}")}`;
      assert.ok(spec.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path} undocumented`);
    }
    assert.ok(spec.paths["/api/incidents"].get.parameters.some((p: { name: string }) => p.name === "victim"));
  });
});

describe("HTTP API: ingest rate", () => {
  let s: Setup;
  before(async () => {
    s = await setup({ ingestPerMinute: 3 });
  });
  after(async () => {
    await s.app.close();
    await s.kb.close();
  });

  it("rate-limits ingest per token", async () => {
    const h = auth(s.tokens.admin);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await s.app.inject({
        method: "POST",
        url: "/api/ingest",
        headers: h,
        payload: { ...CLEAR, preview: true },
      });
      codes.push(r.statusCode);
    }
    assert.ok(codes.includes(429), `codes: ${codes}`);
    const limited = codes.indexOf(429);
    assert.ok(limited >= 1 && codes.slice(0, limited).every((c) => c === 200), `codes: ${codes}`);
    // Another token is not slowed by this one.
    const other = await s.app.inject({
      method: "POST",
      url: "/api/ingest",
      headers: auth(s.tokens.analyst),
      payload: { ...CLEAR, preview: true },
    });
    assert.equal(other.statusCode, 200);
  });
});

describe("serving without tokens", () => {
  it("runs open on loopback and refuses any other address, with a sentence", async () => {
    const kb = await openKnowledge(join(dir, `kb-${++n}.db`), { create: true });
    try {
      await assert.rejects(
        () => startServer({ kb, host: "0.0.0.0", port: 0 }),
        /Casebook will not serve 0\.0\.0\.0 without access tokens.*\.$/,
      );
      const running = await startServer({ kb, host: "127.0.0.1", port: 0 });
      try {
        assert.equal(running.open, true);
        const me = await fetch(`${running.url}api/me`).then((r) => r.json());
        assert.deepEqual(me, { name: "local", role: "admin", clearance: "red", open: true });
      } finally {
        await running.close();
      }
    } finally {
      await kb.close();
    }
  });
});
