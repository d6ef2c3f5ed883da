import assert from "node:assert/strict";
import { it } from "node:test";
import type { ReadScope } from "../model/index.ts";
import type { IncidentDetail } from "../model/knowledge.ts";
import { rejects } from "./assert.case.ts";
import { ev, FOLLOWUP_TEXT, followup, TIRANA_TEXT, tirana } from "./fixtures.case.ts";
import { incidentId } from "./ids.ts";
import { followupJoinsTirana } from "./merge.case.ts";
import type { Store } from "./store.ts";

type Fact = Pick<IncidentDetail, "evidence" | "evidenceCount">;

/** `cut` is `full` read with at most `n` quotes per fact: the first ones, and the count of all when cut. */
function assertCut(full: IncidentDetail, cut: IncidentDetail | null, n: number): void {
  assert.ok(cut);
  const facts = (d: IncidentDetail): Fact[] => [d, ...d.claims, ...d.responses];
  const bare = <T extends Fact>({ evidenceCount: _, ...fact }: T) => ({ ...fact, evidence: [] });
  const strip = (d: IncidentDetail) => ({
    ...bare(d),
    claims: d.claims.map(bare),
    responses: d.responses.map(bare),
  });
  assert.deepEqual(strip(cut), strip(full), "everything but the quotes is the same");
  facts(full).forEach((whole, i) => {
    const part = facts(cut)[i];
    assert.deepEqual(part?.evidence, whole.evidence.slice(0, n), `fact ${i}, ${n} quotes`);
    assert.equal(part?.evidenceCount, whole.evidence.length > n ? whole.evidence.length : undefined);
  });
}

/**
 * Reading an incident with its first quotes per fact, as every backend must: the same quotes in the same order
 * as a whole read's first ones, and how many there are in all, counting only what the reader may see.
 */
export function runQuoteCases(open: () => Promise<Store>): void {
  it("reads the first quotes of each fact, in the whole read's order, with how many there are in all", async () => {
    // Tirana (GREEN) and its follow-up (CLEAR) both report the July incident, the accusation and the
    // sanctions, each with several quotes.
    const A = tirana();
    const F = followup();
    const [july] = A.record.incidents.filter((i) => i.id === "incident-2");
    july?.evidence.push(ev(TIRANA_TEXT, "government services"));
    A.record.claims[0]?.evidence.push(ev(TIRANA_TEXT, "blames Iran for second cyberattack"));
    F.record.incidents[0]?.evidence.push(
      ev(FOLLOWUP_TEXT, "wiper malware"),
      ev(FOLLOWUP_TEXT, "Investigators"),
    );
    F.record.claims[0]?.evidence.push(ev(FOLLOWUP_TEXT, "blamed Iran"));
    const store = await open();
    try {
      await store.saveDocument(A.doc, A.record);
      await store.saveDocument(F.doc, F.record, followupJoinsTirana(A, F));
      const id = incidentId(A.doc.sha256, "incident-2");
      for (const scope of [{}, { clearance: "clear" }] satisfies ReadScope[]) {
        const full = await store.getIncident(id, scope);
        assert.ok(full);
        assert.equal(full.evidence.length, scope.clearance ? 3 : 5);
        for (const n of [1, 2, 3, 4, 5, 100])
          assertCut(full, await store.getIncident(id, scope, { quotes: n }), n);
      }
      assert.equal(await store.getIncident("no-such-incident", {}, { quotes: 2 }), null);
      for (const quotes of [0, -1, 1.5]) {
        await rejects(() => store.getIncident(id, {}, { quotes }), "BAD_QUERY", /quotes per fact/);
      }
    } finally {
      await store.close();
    }
  });

  it("lists a source's own quotes with the facts they support, and nothing of other sources", async () => {
    const A = tirana();
    const F = followup();
    const store = await open();
    try {
      const a = await store.saveDocument(A.doc, A.record);
      const f = await store.saveDocument(F.doc, F.record, followupJoinsTirana(A, F));
      for (const [saved, { doc, record }] of [
        [a, A],
        [f, F],
      ] as const) {
        const quotes = await store.sourceQuotes(saved.sourceId);
        const expected = [...record.incidents, ...record.claims, ...record.responses].flatMap((fact) =>
          fact.evidence.map((e) => `${e.start}:${e.end}:${e.quote}`),
        );
        assert.deepEqual(quotes.map((q) => `${q.start}:${q.end}:${q.quote}`).sort(), [...expected].sort());
        for (const q of quotes) assert.equal(doc.text.slice(q.start, q.end), q.quote);
      }
      // the follow-up's accusation joined Tirana's: its quote names Tirana's claim
      const tiranaClaims = new Set((await store.sourceQuotes(a.sourceId)).map((q) => q.factId));
      assert.ok((await store.sourceQuotes(f.sourceId)).some((q) => tiranaClaims.has(q.factId)));
      assert.deepEqual(await store.sourceQuotes("no-such-source"), []);
    } finally {
      await store.close();
    }
  });
}
