import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Document, DocumentRecord, ReadScope, Tlp } from "../model/index.ts";
import { rejects } from "./assert.case.ts";
import { followup, kyiv, tirana } from "./fixtures.case.ts";
import { claimId, incidentId, responseId, sourceId } from "./ids.ts";
import { followupJoinsTirana } from "./merge.case.ts";
import type { Store } from "./store.ts";

type Story = { doc: Document; record: DocumentRecord };
const marked = (s: Story, tlp: Tlp): Story => ({ doc: { ...s.doc, tlp }, record: s.record });

/**
 * Reading with a TLP clearance, as every backend must do it: the Tirana story is RED; a CLEAR follow-up reports
 * its July incident, its accusation of Iran and the US sanctions again; the Kyiv story is CLEAR. An AMBER reader
 * sees the July incident, the accusation and the sanctions with the follow-up's quotes only, and nothing that
 * only the RED story supports (the September incident, Iran's denial, Albania's containment) — anywhere.
 */
export function runAccessCases(open: () => Promise<Store>): void {
  const A = marked(tirana(), "red");
  const F = marked(followup(), "clear");
  const B = marked(kyiv(), "clear");
  const idA = (local: string) => incidentId(A.doc.sha256, local);
  const red = { source: sourceId(A.doc.sha256), september: idA("incident-1"), july: idA("incident-2") };
  const denial = claimId(A.doc.sha256, "claim-2");
  const containment = responseId(A.doc.sha256, "response-2");
  const amber: ReadScope = { clearance: "amber" };

  async function seeded(): Promise<Store> {
    const store = await open();
    await store.saveDocument(A.doc, A.record);
    await store.saveDocument(F.doc, F.record, followupJoinsTirana(A, F));
    await store.saveDocument(B.doc, B.record);
    return store;
  }

  describe("reading with a TLP clearance", () => {
    it("hides incidents, claims and responses only a source above the clearance reports", async () => {
      const store = await seeded();
      const all = await store.listIncidents({});
      const seen = await store.listIncidents({}, amber);
      assert.ok(all.incidents.some((i) => i.id === red.september));
      assert.ok(!seen.incidents.some((i) => i.id === red.september));
      assert.equal(seen.total, all.total - 1);
      assert.equal(await store.getIncident(red.september, amber), null);
      assert.deepEqual(await store.findIncidentIds(red.september.slice(0, 8), 5, amber), []);

      const july = await store.getIncident(red.july, amber);
      assert.ok(july, "the July incident is also reported by a CLEAR source");
      assert.deepEqual(
        july.sources.map((s) => s.tlp),
        ["clear"],
      );
      const quotes = [july, ...july.claims, ...july.responses].flatMap((f) => f.evidence);
      assert.ok(quotes.length > 0);
      for (const q of quotes) assert.equal(q.source.id, sourceId(F.doc.sha256), `quote "${q.quote}" leaked`);
      assert.deepEqual(
        july.claims.map((c) => c.id),
        [claimId(A.doc.sha256, "claim-1")],
      );
      assert.ok(july.claims.every((c) => !c.incidents.includes(red.september)));
      assert.deepEqual(
        july.campaign?.incidents.map((i) => i.id),
        [red.july],
      );
      const listed = seen.incidents.find((i) => i.id === red.july);
      assert.deepEqual([listed?.sources, listed?.source.id, listed?.claims], [1, sourceId(F.doc.sha256), 1]);

      const claims = await store.listClaims({}, amber);
      assert.ok(!claims.claims.some((c) => c.id === denial));
      assert.ok((await store.listClaims({})).claims.some((c) => c.id === denial));
      const responses = await store.listResponses({}, amber);
      assert.ok(!responses.responses.some((r) => r.id === containment));
      assert.equal(responses.total, responses.responses.length);
      await store.close();
    });

    it("hides sources above the clearance from reading and search, and their facts from filters", async () => {
      const store = await seeded();
      assert.equal(await store.getSource(red.source, amber), null);
      assert.ok(await store.getSource(red.source, { clearance: "red" }));
      assert.ok(await store.getSource(red.source));
      assert.ok((await store.searchSources("baseless")).length > 0, "the word is in the RED story only");
      assert.deepEqual(await store.searchSources("baseless", { clearance: "amber" }), []);
      assert.ok((await store.searchSources("wiper", { clearance: "clear" })).length > 0);
      // Iran's denial is RED only: no incident is found by it as claimant, its quote matches no text filter.
      assert.ok((await store.listIncidents({ claimant: "IR" })).total > 0);
      assert.equal((await store.listIncidents({ claimant: "IR" }, amber)).total, 0);
      assert.equal((await store.listIncidents({ text: "baseless" }, amber)).total, 0);
      await store.close();
    });

    it("counts only visible facts in parties and statistics", async () => {
      const store = await seeded();
      const iran = (await store.listParties(amber)).find((p) => p.key === "state:IR");
      assert.deepEqual([iran?.roles.claimant, iran?.roles.accused], [0, 1]);
      assert.equal((await store.listParties()).find((p) => p.key === "state:IR")?.roles.claimant, 1);
      const stats = await store.stats(amber);
      const full = await store.stats();
      assert.deepEqual(
        [stats.totals.sources, stats.totals.incidents, stats.totals.claims, stats.totals.responses],
        [
          full.totals.sources - 1,
          full.totals.incidents - 1,
          full.totals.claims - 1,
          full.totals.responses - 1,
        ],
      );
      assert.ok(!stats.claimantAccused.some((d) => d.stance === "denies" && d.claimant === "state:IR"));
      assert.ok(full.claimantAccused.some((d) => d.stance === "denies" && d.claimant === "state:IR"));
      assert.deepEqual(await store.stats({ clearance: "red" }), full);
      await store.close();
    });

    it("refuses a clearance that is not a TLP level", async () => {
      const store = await seeded();
      await rejects(
        () => store.listIncidents({}, { clearance: "secret" as Tlp }),
        "BAD_QUERY",
        /clearance "secret"/,
      );
      await store.close();
    });
  });

  describe("access tokens", () => {
    const hash = (c: string) => c.repeat(64);
    it("are stored by hash, found by it until revoked, and audited", async () => {
      const store = await open();
      const t = await store.createToken({
        name: "desk",
        role: "analyst",
        clearance: "amber",
        hash: hash("a"),
        by: "admin",
      });
      assert.deepEqual([t.name, t.role, t.clearance], ["desk", "analyst", "amber"]);
      assert.deepEqual(await store.findToken(hash("a")), t);
      assert.equal(await store.findToken(hash("b")), null);
      assert.deepEqual(await store.listTokens(), [t]);
      await rejects(
        () =>
          store.createToken({ name: "x", role: "analyst", clearance: "red", hash: hash("a"), by: "admin" }),
        "BAD_TOKEN",
        /already exists/,
      );
      await rejects(
        () =>
          store.createToken({ name: " ", role: "reader", clearance: "red", hash: hash("c"), by: "admin" }),
        "BAD_TOKEN",
        /name/,
      );
      const revoked = await store.revokeToken(t.id, "admin");
      assert.ok(revoked.revokedAt);
      assert.equal(await store.findToken(hash("a")), null);
      assert.deepEqual(
        (await store.auditLog()).map((e) => [e.action, e.subjectId]),
        [
          ["token.revoke", t.id],
          ["token.create", t.id],
        ],
      );
      assert.ok(!JSON.stringify(await store.auditLog()).includes(hash("a")), "the hash stays out of the log");
      await store.close();
    });
  });

  describe("data version", () => {
    it("changes with every write, and only then", async () => {
      const store = await open();
      const v0 = await store.dataVersion();
      if (v0 === null) return store.close();
      await store.listIncidents({});
      assert.equal(await store.dataVersion(), v0, "reading changes nothing");
      await store.saveDocument(F.doc, F.record);
      const v1 = await store.dataVersion();
      assert.notEqual(v1, v0);
      const [incident] = (await store.listIncidents({})).incidents;
      assert.ok(incident);
      await store.recordDecision({ factKind: "incident", factId: incident.id, action: "accept", by: "ana" });
      assert.notEqual(await store.dataVersion(), v1);
      await store.close();
    });
  });

  describe("merging incidents", () => {
    it("takes the merged incident out of the list, links both ways, and splits again", async () => {
      const store = await seeded();
      const before = (await store.listIncidents({})).total;
      await store.mergeIncidents(red.july, red.september, "ana");
      assert.equal((await store.listIncidents({})).total, before - 1);
      assert.equal((await store.getIncident(red.july))?.mergedInto, red.september);
      assert.deepEqual((await store.getIncident(red.september))?.merged, [red.july]);
      await rejects(() => store.mergeIncidents(red.september, red.july, "ana"), "BAD_DECISION", /merged/);
      await rejects(() => store.mergeIncidents(red.july, "nothing", "ana"), "BAD_DECISION", /nothing/);
      await store.splitIncident(red.july, "ben");
      assert.equal((await store.listIncidents({})).total, before);
      assert.equal((await store.getIncident(red.july))?.mergedInto, undefined);
      await rejects(() => store.splitIncident(red.july, "ben"), "BAD_DECISION", /not merged/);
      assert.deepEqual(
        (await store.auditLog()).map((e) => [e.action, e.actor, e.subjectId]),
        [
          ["incident.split", "ben", red.july],
          ["incident.merge", "ana", red.july],
        ],
      );
      await store.close();
    });
  });

  describe("review state and sorting of the incident list", () => {
    it("shows each incident's review state, filters by it and sorts as asked", async () => {
      const store = await seeded();
      assert.ok((await store.listIncidents({})).incidents.every((i) => i.review === "unreviewed"));
      await store.recordDecision({ factKind: "incident", factId: red.july, action: "reject", by: "ana" });
      await store.recordDecision({ factKind: "claim", factId: denial, action: "accept", by: "ana" });
      const states = new Map((await store.listIncidents({})).incidents.map((i) => [i.id, i.review]));
      assert.equal(states.get(red.july), "rejected");
      assert.equal(states.get(red.september), "reviewed");
      assert.deepEqual(
        (await store.listIncidents({ review: "rejected" })).incidents.map((i) => i.id),
        [red.july],
      );
      const byLabel = (await store.listIncidents({ sort: "label" })).incidents.map((i) =>
        i.label.toLowerCase(),
      );
      assert.deepEqual(byLabel, [...byLabel].sort());
      const byDate = (await store.listIncidents({ sort: "date" })).incidents.map((i) => i.date?.value ?? "~");
      assert.deepEqual(byDate, [...byDate].sort());
      await rejects(() => store.listIncidents({ sort: "colour" as "date" }), "BAD_QUERY", /sort order/);
      await store.close();
    });
  });
}
