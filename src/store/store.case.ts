import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { runAccessCases } from "./access.case.ts";
import { type ConformanceOptions, rejects } from "./assert.case.ts";
import { runCatalogueCases } from "./catalogue.case.ts";
import { runDecisionCases } from "./decisions.case.ts";
import { hospital, kyiv, tirana } from "./fixtures.case.ts";
import { incidentId, sourceId } from "./ids.ts";
import { runMergeCases } from "./merge.case.ts";
import { runQuoteCases } from "./quotes.case.ts";
import type { Store } from "./store.ts";

export type { ConformanceOptions };

/**
 * The behaviour every Store backend must show. Each case opens a fresh, empty store with `open`.
 * Run it from a backend's test file: `runStoreConformance("sqlite", () => openSqliteStore(tempFile()))`.
 */
export function runStoreConformance(
  name: string,
  open: () => Promise<Store>,
  options: ConformanceOptions = {},
): void {
  const A = tirana();
  const B = kyiv();
  const C = hospital();
  const idA = (local: string) => incidentId(A.doc.sha256, local);

  /** A store holding the three fixture stories. */
  async function filled(): Promise<Store> {
    const store = await open();
    for (const x of [A, B, C]) assert.equal((await store.saveDocument(x.doc, x.record)).status, "new");
    return store;
  }

  describe(`Store conformance: ${name}`, () => {
    describe("saving and reading back", () => {
      let store: Store;
      before(async () => {
        store = await filled();
      });
      after(() => store.close());

      it("reads an incident back with its claims, responses and every quote with its source", async () => {
        const inc = await store.getIncident(idA("incident-1"));
        assert.ok(inc);
        assert.equal(inc.label, "police systems");
        assert.deepEqual(inc.date, { value: "2022-09-09", precision: "day", text: "on Friday" });
        assert.deepEqual(inc.victims, [{ kind: "state", country: "AL" }]);
        assert.deepEqual(inc.systems, A.record.incidents[0]?.systems);
        assert.deepEqual(
          inc.campaign?.incidents.map((i) => i.id),
          [idA("incident-2"), idA("incident-1")],
        );
        const source = {
          id: sourceId(A.doc.sha256),
          title: A.doc.title,
          url: A.doc.url,
          publisher: A.doc.publisher,
          published: "2022-09-10",
          tlp: "green",
        };
        assert.deepEqual(inc.sources, [source]);
        assert.deepEqual(
          inc.claims.map((c) => [c.stance, c.claimant, c.accused]),
          [
            [
              "accuses",
              { kind: "state", country: "AL", via: "Prime Minister Edi Rama" },
              { kind: "state", country: "IR" },
            ],
            ["denies", { kind: "state", country: "IR" }, { kind: "state", country: "IR" }],
          ],
        );
        assert.deepEqual(inc.claims[0]?.incidents, [idA("incident-1"), idA("incident-2")].sort());
        assert.deepEqual(
          inc.responses.map((r) => [r.kind, r.actor, r.target, r.detail]),
          [
            [
              "sanctions",
              { kind: "state", country: "US" },
              { kind: "state", country: "IR" },
              "Iran's intelligence ministry",
            ],
            ["containment", { kind: "state", country: "AL" }, null, undefined],
          ],
        );
        const quotes = [inc, ...inc.claims, ...inc.responses].flatMap((f) => f.evidence);
        assert.equal(quotes.length, 5);
        for (const q of quotes) {
          assert.equal(A.doc.text.slice(q.start, q.end), q.quote);
          assert.deepEqual(q.source, source);
        }
      });

      it("keeps the source's text and metadata, found by id and by sha256", async () => {
        const s = await store.getSource(sourceId(A.doc.sha256));
        assert.ok(s);
        assert.deepEqual(
          [s.docId, s.sha256, s.text, s.tlp, s.url, s.published],
          ["tirana", A.doc.sha256, A.doc.text, "green", A.doc.url, "2022-09-10"],
        );
        assert.equal(s.incidents.length, 2);
        assert.ok(!Number.isNaN(Date.parse(s.ingestedAt)));
        assert.equal(await store.hasSha256(A.doc.sha256), true);
        assert.equal(await store.hasSha256("0".repeat(64)), false);
        assert.deepEqual(
          await store.storedSha256s([B.doc.sha256, "0".repeat(64), A.doc.sha256]),
          new Set([A.doc.sha256, B.doc.sha256]),
        );
        assert.deepEqual(await store.storedSha256s([]), new Set());
        assert.equal(await store.getSource("no-such-source"), null);
        assert.equal(await store.getIncident("no-such-incident"), null);
      });

      it("treats the same text again as a duplicate that changes nothing", async () => {
        const before = await store.counts();
        const again = await store.saveDocument({ ...A.doc, id: "renamed", title: "Another title" }, A.record);
        assert.deepEqual(again, { status: "duplicate", sourceId: sourceId(A.doc.sha256) });
        assert.deepEqual(await store.counts(), before);
        assert.equal((await store.getSource(again.sourceId))?.title, A.doc.title);
      });

      it("filters incidents by victim, accused, claimant, type, dates and text", async () => {
        const ids = async (filter: Parameters<Store["listIncidents"]>[0]) =>
          (await store.listIncidents(filter)).incidents.map((i) => i.label);
        assert.deepEqual(await ids({}), [
          "police systems",
          "government services",
          "government websites defaced",
          "university hospital ransomware",
        ]);
        assert.deepEqual(await ids({ victim: "AL" }), ["police systems", "government services"]);
        assert.deepEqual(await ids({ victim: "de" }), ["university hospital ransomware"]);
        assert.deepEqual(await ids({ victim: "University Hospital Düsseldorf" }), [
          "university hospital ransomware",
        ]);
        assert.deepEqual(await ids({ accused: "IR" }), ["police systems", "government services"]);
        assert.deepEqual(await ids({ accused: "state:RU" }), ["government websites defaced"]);
        assert.deepEqual(await ids({ claimant: "IR" }), ["police systems"]);
        assert.deepEqual(await ids({ claimant: "US" }), []);
        assert.deepEqual(await ids({ type: "ransomware" }), ["university hospital ransomware"]);
        assert.deepEqual(await ids({ since: "2022-01" }), [
          "police systems",
          "government services",
          "government websites defaced",
        ]);
        assert.deepEqual(await ids({ until: "2021" }), ["university hospital ransomware"]);
        assert.deepEqual(await ids({ since: "2022-07-31", until: "2022-08" }), ["government services"]);
        assert.deepEqual(await ids({ text: "border" }), ["police systems"]);
        assert.deepEqual(await ids({ text: "PATIENTS" }), []);
        assert.deepEqual(await ids({ text: "crippled" }), ["university hospital ransomware"]);
        assert.deepEqual(await ids({ victim: "AL", type: "disruption", since: "2022-08" }), [
          "police systems",
        ]);
        const page = await store.listIncidents({ limit: 2, offset: 1 });
        assert.equal(page.total, 4);
        assert.deepEqual(
          page.incidents.map((i) => i.label),
          ["government services", "government websites defaced"],
        );
        const first = (await store.listIncidents({ victim: "AL" })).incidents[0];
        assert.deepEqual(
          [first?.claims, first?.responses, first?.accused, first?.source.title],
          [2, 2, [{ kind: "state", country: "IR" }], A.doc.title],
        );
      });

      it("refuses filters it cannot understand, with a sentence", async () => {
        await rejects(() => store.listIncidents({ type: "hacking" }), "BAD_QUERY", /not one Casebook knows/);
        await rejects(() => store.listIncidents({ since: "last year" }), "BAD_QUERY", /YYYY-MM/);
        await rejects(() => store.listIncidents({ since: "2022-02-30" }), "BAD_QUERY", /2022-02-30/);
        await rejects(() => store.listIncidents({ since: "2023", until: "2022" }), "BAD_QUERY", /empty/);
        await rejects(() => store.listIncidents({ limit: 0 }), "BAD_QUERY", /limit/);
      });

      it("finds sources by the words of their text, full-text", async () => {
        const titles = async (q: string) => (await store.searchSources(q)).map((h) => h.source.id);
        assert.deepEqual(await titles("sanctioned"), [sourceId(A.doc.sha256)]);
        assert.deepEqual(await titles("Dusseldorf emergency"), [sourceId(C.doc.sha256)]);
        assert.deepEqual(await titles('"government websites"'), [sourceId(B.doc.sha256)]);
        assert.deepEqual(await titles("sanction*"), [sourceId(A.doc.sha256)]);
        assert.deepEqual(await titles("zeppelin"), []);
        assert.deepEqual(await titles("Iran (baseless"), [sourceId(A.doc.sha256)]);
        const [hit] = await store.searchSources("baseless");
        assert.match(hit?.snippet ?? "", /\[baseless\]/);
        await rejects(() => store.searchSources("?!"), "BAD_QUERY", /no words/);
      });

      it("counts incidents per year and type, and the dyads", async () => {
        const s = await store.stats();
        assert.deepEqual(s.totals, { sources: 3, incidents: 4, claims: 4, responses: 2 });
        assert.deepEqual(s.perYear, [
          { year: "2020", incidents: 1 },
          { year: "2022", incidents: 3 },
        ]);
        assert.equal(s.undated, 0);
        assert.deepEqual(s.perType[0], { type: "disruption", incidents: 2 });
        assert.deepEqual(
          s.claimantAccused.filter((d) => d.stance === "accuses"),
          [
            { claimant: "state:AL", accused: "state:IR", stance: "accuses", claims: 1 },
            { claimant: "state:UA", accused: "state:RU", stance: "accuses", claims: 1 },
          ],
        );
        assert.deepEqual(s.victimAccused, [
          { victim: "AL", accused: "IR", incidents: 2 },
          { victim: "UA", accused: "RU", incidents: 1 },
        ]);
      });

      it("lists every party once, with its roles", async () => {
        const parties = await store.listParties();
        const byKey = new Map(parties.map((p) => [p.key, p]));
        assert.equal(byKey.size, parties.length);
        assert.deepEqual(byKey.get("state:AL")?.roles, {
          victim: 2,
          claimant: 1,
          accused: 0,
          actor: 1,
          target: 0,
        });
        assert.deepEqual(byKey.get("state:IR")?.roles, {
          victim: 0,
          claimant: 1,
          accused: 2,
          actor: 0,
          target: 1,
        });
        const org = byKey.get("org:university hospital düsseldorf");
        assert.deepEqual(
          [org?.kind, org?.name, org?.country],
          ["organization", "University Hospital Düsseldorf", "DE"],
        );
      });
    });

    describe("analysts' decisions", () => runDecisionCases(open, A, options));

    describe("merging across documents", () => runMergeCases(open));
    describe("reading the first quotes of each fact", () => runQuoteCases(open));
    describe("access: clearance, tokens, merges and review state", () => runAccessCases(open));

    describe("threat-group catalogues and source order", () => runCatalogueCases(open));

    describe("failed saves", () => {
      it("leave nothing half-written when evidence points past the text", async () => {
        const store = await filledWithB();
        const before = await store.counts();
        const bad = structuredClone(A.record);
        const last = bad.responses[1];
        assert.ok(last);
        last.evidence = [
          { start: A.doc.text.length - 5, end: A.doc.text.length + 20, quote: "precaution. Extra" },
        ];
        await rejects(() => store.saveDocument(A.doc, bad), "BAD_RECORD", /outside the text/);
        assert.deepEqual(await store.counts(), before);
        assert.equal(await store.hasSha256(A.doc.sha256), false);
        assert.equal(await store.getIncident(idA("incident-1")), null);
        assert.equal((await store.saveDocument(A.doc, A.record)).status, "new");
        await store.close();
      });

      it("leave nothing half-written when a fact refers to what the record does not hold", async () => {
        const store = await filledWithB();
        const before = await store.counts();
        const bad = structuredClone(A.record);
        bad.responses[1]?.incidents.push("incident-9");
        await rejects(() => store.saveDocument(A.doc, bad), "BAD_RECORD", /incident-9/);
        const misquoted = structuredClone(A.record);
        const e = misquoted.claims[1]?.evidence[0];
        if (e) e.quote = "Tehran welcomed the accusation";
        await rejects(() => store.saveDocument(A.doc, misquoted), "BAD_RECORD", /does not quote/);
        await rejects(() => store.saveDocument(A.doc, B.record), "BAD_RECORD", /another text/);
        assert.deepEqual(await store.counts(), before);
        await store.close();
      });

      it("in a group, refuse the bad document alone and store the others as a single save would", async () => {
        const store = await open();
        const bad = structuredClone(A.record);
        bad.responses[1]?.incidents.push("incident-9");
        const results = await store.saveDocuments([
          { doc: B.doc, record: B.record },
          { doc: A.doc, record: bad },
          { doc: C.doc, record: C.record },
          { doc: B.doc, record: B.record },
        ]);
        assert.deepEqual(
          results.map((r) => (r instanceof Error ? (r as { code?: string }).code : r.status)),
          ["new", "BAD_RECORD", "new", "duplicate"],
        );
        assert.match((results[1] as Error).message, /incident-9/);
        assert.equal(await store.hasSha256(A.doc.sha256), false);
        const single = await open();
        for (const x of [B, C]) await single.saveDocument(x.doc, x.record);
        assert.deepEqual(await store.counts(), await single.counts());
        assert.equal((await store.saveDocument(A.doc, A.record)).status, "new");
        await Promise.all([store.close(), single.close()]);
      });

      async function filledWithB(): Promise<Store> {
        const store = await open();
        await store.saveDocument(B.doc, B.record);
        return store;
      }
    });

    it("gives the same ids to the same text in any store", async () => {
      const [one, two] = [await open(), await open()];
      await two.saveDocument(C.doc, C.record);
      for (const s of [one, two]) await s.saveDocument(A.doc, A.record);
      const ids = async (s: Store) => (await s.listIncidents({ victim: "AL" })).incidents.map((i) => i.id);
      assert.deepEqual(await ids(one), await ids(two));
      assert.deepEqual(await ids(one), [idA("incident-1"), idA("incident-2")]);
      await Promise.all([one.close(), two.close()]);
    });
  });
}
