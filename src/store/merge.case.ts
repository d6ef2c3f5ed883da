import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Candidates, Document, DocumentRecord, Resolver, SavePlan } from "../model/index.ts";
import { StoreError } from "../model/store-errors.ts";
import { asReported } from "./as-reported.ts";
import { rejects } from "./assert.case.ts";
import { brief, followup, hospital, kyiv, tirana } from "./fixtures.case.ts";
import { campaignId, claimId, incidentId, responseId, sourceId } from "./ids.ts";
import type { Store } from "./store.ts";

type Story = { doc: Document; record: DocumentRecord };

/** A resolver that asks nothing and plans what `edit` makes of the as-reported plan. */
function planned(story: Story, edit: (plan: SavePlan, found: Candidates) => void): Resolver {
  return {
    query: { byVictim: [], byName: [], responses: [] },
    plan: (found) => {
      const plan = asReported(story.doc, story.record);
      edit(plan, found);
      return plan;
    },
  };
}

/** The follow-up story's plan: its July incident, accusation and sanctions are the Tirana story's. */
export function followupJoinsTirana(A: Story, F: Story, extra?: (plan: SavePlan) => void): Resolver {
  const idA = (local: string) => incidentId(A.doc.sha256, local);
  const claimA1 = claimId(A.doc.sha256, "claim-1");
  const responseA1 = responseId(A.doc.sha256, "response-1");
  return planned(F, (plan) => {
    plan.incidents = [
      {
        local: "incident-1",
        id: idA("incident-2"),
        merged: true,
        label: "government services",
        date: { value: "2022-07-15", precision: "day", text: "on 15 July" },
        victims: [{ kind: "state", country: "AL" }],
        types: ["disruption", "wiper"],
        systems: ["government services"],
      },
    ];
    plan.claims = plan.claims.map((c) => ({
      ...c,
      id: claimA1,
      identity: `reported:${claimA1}`,
      incidents: [idA("incident-2")],
    }));
    plan.responses = plan.responses.map((r) => ({
      ...r,
      id: responseA1,
      merged: true,
      date: { value: "2022-09-09", precision: "day", text: "on Friday" },
      incidents: [idA("incident-2")],
    }));
    extra?.(plan);
  });
}

/**
 * Merging across documents, as every backend must do it: the store writes what a resolver plans — new facts,
 * and reports joining stored ones — looks up the candidates a resolver asks for inside the save, and refuses
 * plans that would store a fact twice or join one that is not there. Plans here are written by hand: the store
 * must not depend on how resolution decides.
 */
export function runMergeCases(open: () => Promise<Store>): void {
  const A = tirana();
  const F = followup();
  const idA = (local: string) => incidentId(A.doc.sha256, local);
  const claimA1 = claimId(A.doc.sha256, "claim-1");
  const responseA1 = responseId(A.doc.sha256, "response-1");

  /** F's plan: its July incident, accusation and sanctions are A's. */
  const joinA = (extra?: (plan: SavePlan) => void) => followupJoinsTirana(A, F, extra);

  async function withA(): Promise<Store> {
    const store = await open();
    await store.saveDocument(A.doc, A.record);
    return store;
  }

  it("adds a second source to an incident, its quotes to the evidence, and the merged values", async () => {
    const store = await withA();
    const before = await store.counts();
    const saved = await store.saveDocument(F.doc, F.record, joinA());
    assert.equal(saved.status, "new");
    assert.deepEqual(saved.facts, {
      incidents: { new: 0, merged: 1 },
      claims: { new: 0, merged: 1 },
      responses: { new: 0, merged: 1 },
    });
    const after = await store.counts();
    assert.deepEqual(
      [after.sources, after.incidents, after.claims, after.responses, after.reports],
      [before.sources + 1, before.incidents, before.claims, before.responses, before.reports + 3],
    );
    const july = await store.getIncident(idA("incident-2"));
    assert.ok(july);
    assert.deepEqual(
      july.sources.map((s) => s.id),
      [sourceId(A.doc.sha256), sourceId(F.doc.sha256)],
    );
    assert.deepEqual(july.date, { value: "2022-07-15", precision: "day", text: "on 15 July" });
    assert.deepEqual(july.types, ["disruption", "wiper"]);
    assert.deepEqual(
      july.evidence.map((e) => e.source.id),
      [sourceId(A.doc.sha256), sourceId(F.doc.sha256)],
    );
    const texts = new Map([A, F].map((x) => [sourceId(x.doc.sha256), x.doc.text]));
    const quotes = [july, ...july.claims, ...july.responses].flatMap((f) => f.evidence);
    for (const q of quotes) assert.equal(texts.get(q.source.id)?.slice(q.start, q.end), q.quote);

    const accusation = july.claims.find((c) => c.id === claimA1);
    assert.ok(accusation);
    assert.equal(accusation.evidence.length, 2, "one quote from each story");
    assert.deepEqual(accusation.date?.value, "2022-09-12", "the first date reported");
    const sanctions = july.responses.find((r) => r.id === responseA1);
    assert.deepEqual(sanctions?.evidence.map((e) => e.source.id).sort(), [...texts.keys()].sort());
    assert.deepEqual(sanctions?.incidents, [idA("incident-1"), idA("incident-2")].sort());
    assert.equal(sanctions?.detail, "Iran's intelligence ministry", "a merged response keeps its detail");

    const [listed] = (await store.listIncidents({ victim: "AL", until: "2022-08" })).incidents;
    assert.deepEqual([listed?.id, listed?.sources, listed?.source.id], [july.id, 2, sourceId(A.doc.sha256)]);
    assert.deepEqual(
      (await store.listIncidents({ type: "wiper" })).incidents.map((i) => i.id),
      [july.id],
    );
    assert.deepEqual((await store.getSource(sourceId(F.doc.sha256)))?.incidents, [
      { id: july.id, label: "government services" },
    ]);
    await store.close();
  });

  it("keeps a claim's date once given, unless a later report makes it more precise", async () => {
    const store = await withA();
    await store.saveDocument(F.doc, F.record, joinA());
    const G = brief("g", "Albania repeated in October that Iran was behind the July attack.", {
      label: "government services",
      date: { value: "2022-07", precision: "month" },
      victims: [{ kind: "state", country: "AL" }],
      types: [],
      systems: [],
    });
    const claim = {
      id: "claim-1",
      stance: "accuses" as const,
      claimant: { kind: "state" as const, country: "AL" },
      accused: { kind: "state" as const, country: "IR" },
      incidents: ["incident-1"],
      date: { value: "2022-10", precision: "month" as const },
      evidence: [],
    };
    G.record.claims.push(claim);
    await store.saveDocument(
      G.doc,
      G.record,
      planned(G, (plan) => {
        const [first] = plan.incidents;
        if (first) Object.assign(first, { id: idA("incident-2"), merged: true });
        plan.claims = [
          {
            ...claim,
            local: "claim-1",
            id: claimA1,
            identity: `reported:${claimA1}`,
            incidents: [idA("incident-2")],
          },
        ];
      }),
    );
    const accusation = (await store.getIncident(idA("incident-2")))?.claims.find((c) => c.id === claimA1);
    assert.equal(accusation?.date?.value, "2022-09-12");
    await store.close();
  });

  it("looks up candidates inside the save, and the plan made from them is what is stored", async () => {
    const store = await withA();
    let seen: Candidates | undefined;
    const resolver: Resolver = {
      query: {
        byVictim: [{ victims: ["state:AL"], from: "2022-07-15", to: "2022-07-15" }],
        byName: [],
        responses: [{ key: "none", from: "2022-09-09", to: "2022-09-09" }],
      },
      plan: (found) => {
        seen = found;
        return joinA().plan(found);
      },
    };
    await store.saveDocument(F.doc, F.record, resolver);
    assert.deepEqual(
      seen?.incidents.map((i) => [i.id, i.date?.value, i.victims]),
      [[idA("incident-2"), "2022-07", [{ kind: "state", country: "AL" }]]],
    );
    assert.equal(seen?.incidents[0]?.campaign, campaignId(A.doc.sha256, "campaign-1"));
    assert.deepEqual(seen?.responses, []);
    await store.close();
  });

  it("finds incidents by victim at an overlapping date, by named operation, and responses by identity", async () => {
    const store = await open();
    const B = kyiv();
    const C = hospital();
    await store.saveDocument(
      A.doc,
      A.record,
      planned(A, (plan) => {
        for (const r of plan.responses) r.key = `${r.kind}|${r.actor.kind}`;
      }),
    );
    await store.saveDocument(B.doc, B.record);
    await store.saveDocument(
      C.doc,
      C.record,
      planned(C, (plan) => {
        for (const i of plan.incidents) i.name = "düsseldorf ransomware";
      }),
    );
    const ids = async (query: Partial<Parameters<Store["findCandidates"]>[0]>) => {
      const found = await store.findCandidates({ byVictim: [], byName: [], responses: [], ...query });
      return {
        incidents: found.incidents.map((i) => i.id),
        responses: found.responses.map((r) => [r.id, r.key, r.incidents]),
      };
    };
    const AL = (from: string, to: string) => ({ byVictim: [{ victims: ["state:AL"], from, to }] });
    assert.deepEqual((await ids(AL("2022-07-10", "2022-07-10"))).incidents, [idA("incident-2")]);
    assert.deepEqual((await ids(AL("2022-09-01", "2022-09-30"))).incidents, [idA("incident-1")]);
    assert.deepEqual((await ids(AL("2022-01-01", "2022-12-31"))).incidents, [
      idA("incident-1"),
      idA("incident-2"),
    ]);
    assert.deepEqual((await ids(AL("2021-07-01", "2021-07-31"))).incidents, []);
    assert.deepEqual(
      (await ids({ byVictim: [{ victims: ["state:UA", "state:AL"], from: "2022-01-14", to: "2022-01-14" }] }))
        .incidents,
      [incidentId(B.doc.sha256, "incident-1")],
    );
    const hospitalId = incidentId(C.doc.sha256, "incident-1");
    assert.deepEqual((await ids({ byName: [{ name: "düsseldorf ransomware" }] })).incidents, [hospitalId]);
    assert.deepEqual(
      (await ids({ byName: [{ name: "düsseldorf ransomware", from: "2020-09-10", to: "2020-09-10" }] }))
        .incidents,
      [hospitalId],
    );
    assert.deepEqual(
      (await ids({ byName: [{ name: "düsseldorf ransomware", from: "2021-01-01", to: "2021-12-31" }] }))
        .incidents,
      [],
    );
    // dated: by overlapping date, about none of the incidents found; undated: only through a found incident
    assert.deepEqual(
      (await ids({ responses: [{ key: "sanctions|state", from: "2022-09-01", to: "2022-09-30" }] }))
        .responses,
      [[responseA1, "sanctions|state", []]],
    );
    assert.deepEqual((await ids({ responses: [{ key: "containment|state" }] })).responses, []);
    assert.deepEqual(
      (await ids({ ...AL("2022-09-09", "2022-09-09"), responses: [{ key: "containment|state" }] })).responses,
      [[responseId(A.doc.sha256, "response-2"), "containment|state", [idA("incident-1")]]],
    );
    await store.close();
  });

  it("joins incidents to a campaign one of them has, and merges the campaigns a record ties together", async () => {
    const store = await withA();
    const B = kyiv();
    const kyivId = incidentId(B.doc.sha256, "incident-1");
    await store.saveDocument(
      B.doc,
      B.record,
      planned(B, (plan) => {
        plan.campaigns = [{ id: "campaign-k", incidents: [kyivId], absorbs: [] }];
      }),
    );
    const campaignA = campaignId(A.doc.sha256, "campaign-1");
    const G = brief("g", "The same group hit Albanian customs systems and, earlier, Ukrainian sites.", {
      label: "customs systems",
      date: { value: "2022-09-20", precision: "day" },
      victims: [{ kind: "state", country: "AL" }],
      types: [],
      systems: [],
      campaign: "campaign-1",
    });
    const customs = incidentId(G.doc.sha256, "incident-1");
    await store.saveDocument(
      G.doc,
      G.record,
      planned(G, (plan) => {
        plan.campaigns = [{ id: campaignA, incidents: [customs], absorbs: ["campaign-k"] }];
      }),
    );
    const campaign = (await store.getIncident(kyivId))?.campaign;
    assert.equal(campaign?.id, campaignA);
    assert.deepEqual(
      campaign?.incidents.map((i) => i.id).sort(),
      [idA("incident-1"), idA("incident-2"), customs, kyivId].sort(),
    );
    assert.equal((await store.counts()).campaigns, 1);
    await store.close();
  });

  describe("refuse, leaving nothing of the document,", () => {
    const refused = async (
      resolver: Resolver,
      message: RegExp,
      code: "BAD_PLAN" | "BAD_RECORD" = "BAD_PLAN",
    ) => {
      const store = await withA();
      const before = await store.counts();
      await rejects(() => store.saveDocument(F.doc, F.record, resolver), code, message);
      assert.deepEqual(await store.counts(), before);
      assert.equal(await store.hasSha256(F.doc.sha256), false);
      await store.close();
    };

    it("a plan joining an incident or response that is not stored", async () => {
      await refused(
        joinA((plan) => {
          const [first] = plan.incidents;
          if (first) first.id = "no-such-incident";
          for (const c of plan.claims) c.incidents = ["no-such-incident"];
          for (const r of plan.responses) r.incidents = ["no-such-incident"];
        }),
        /joins the incident "no-such-incident", which is not stored/,
      );
      await refused(
        joinA((plan) => {
          for (const r of plan.responses) r.id = "no-such-response";
        }),
        /joins the response "no-such-response", which is not stored/,
      );
    });

    it("a plan creating a fact that is stored, or a claim or response under a second id", async () => {
      await refused(
        joinA((plan) => {
          for (const i of plan.incidents) i.merged = false;
        }),
        /creates the incident ".*", which is already stored/,
      );
      await refused(
        joinA((plan) => {
          for (const c of plan.claims) c.id = "another-id";
        }),
        /creates the claim "reported:.*" a second time, under another id/,
      );
      await refused(
        joinA((plan) => {
          for (const c of plan.claims) c.identity = "another identity";
        }),
        /names the claim "another identity" with the id of the claim/,
      );
      await refused(
        joinA((plan) => {
          for (const r of plan.responses)
            Object.assign(r, { id: "r2", merged: false, identity: `reported:${responseA1}` });
        }),
        /creates the response "reported:.*" a second time, under another id/,
      );
    });

    it("a plan that leaves out a fact of the record, or links one to an incident it does not store", async () => {
      await refused(
        joinA((plan) => {
          plan.responses = [];
        }),
        /places the response "response-1" 0 times/,
      );
      await refused(
        joinA((plan) => {
          for (const c of plan.claims) c.incidents = [idA("incident-1")];
        }),
        /links a fact to the incident ".*", which the save does not store/,
      );
    });

    it("a resolver that fails", async () => {
      const store = await withA();
      const before = await store.counts();
      const failing: Resolver = {
        query: { byVictim: [], byName: [], responses: [] },
        plan: () => {
          throw new StoreError("BAD_PLAN", "The resolver gave up.");
        },
      };
      await rejects(() => store.saveDocument(F.doc, F.record, failing), "BAD_PLAN", /gave up/);
      assert.deepEqual(await store.counts(), before);
      await store.close();
    });
  });

  describe("reprocessing", () => {
    it("rebuilds every fact in the order the sources were stored; decisions find their facts again", async () => {
      const store = await withA();
      await store.saveDocument(F.doc, F.record, joinA());
      const rejected = await store.recordDecision({
        factKind: "claim",
        factId: claimA1,
        action: "reject",
        by: "ana",
      });
      const before = await store.counts();
      const order: string[] = [];
      const result = await store.reprocess((doc) => {
        order.push(doc.id);
        return doc.sha256 === F.doc.sha256 ? { record: F.record, resolver: joinA() } : { record: A.record };
      });
      assert.deepEqual(order, ["tirana", "followup"]);
      assert.deepEqual(result.failures, []);
      assert.deepEqual(result.counts, before);
      assert.deepEqual(await store.counts(), before);
      assert.deepEqual(await store.decisionsFor([claimA1, "unrelated"]), [rejected]);
      const [last] = await store.auditLog({ limit: 1 });
      assert.deepEqual([last?.action, last?.actor], ["reprocess", "casebook"]);
      assert.equal((await store.getIncident(idA("incident-2")))?.sources.length, 2);
      await store.close();
    });

    it("lists the sources it cannot rebuild, keeps the others, and undoes everything on any other failure", async () => {
      const store = await withA();
      const B = kyiv();
      await store.saveDocument(B.doc, B.record);
      const result = await store.reprocess((doc) => {
        if (doc.id === "kyiv") throw new StoreError("BAD_RECORD", "The record of kyiv cannot be stored.");
        return { record: A.record };
      });
      assert.deepEqual(result.failures, [
        { sourceId: sourceId(B.doc.sha256), docId: "kyiv", reason: "The record of kyiv cannot be stored." },
      ]);
      assert.equal(result.counts.incidents, A.record.incidents.length);
      assert.equal(result.counts.sources, 2);
      const before = await store.counts();
      await assert.rejects(
        () =>
          store.reprocess(() => {
            throw new Error("out of memory");
          }),
        /out of memory/,
      );
      assert.deepEqual(await store.counts(), before);
      await store.close();
    });
  });
}
