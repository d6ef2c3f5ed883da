import assert from "node:assert/strict";
import { it } from "node:test";
import type { Document, DocumentRecord } from "../model/index.ts";
import { type ConformanceOptions, rejects } from "./assert.case.ts";
import { claimId, incidentId } from "./ids.ts";
import type { Store } from "./store.ts";

/** Decisions: who decided what about which fact, and when; kept apart from facts, so they outlive them. */
export function runDecisionCases(
  open: () => Promise<Store>,
  story: { doc: Document; record: DocumentRecord },
  options: ConformanceOptions,
): void {
  const claim = claimId(story.doc.sha256, "claim-1");
  const incident = incidentId(story.doc.sha256, "incident-1");

  it("are recorded with who and when, listed per fact, and written to the audit log", async () => {
    const store = await open();
    await store.saveDocument(story.doc, story.record);
    const t0 = new Date().toISOString();
    const reject = await store.recordDecision({
      factKind: "claim",
      factId: claim,
      action: "reject",
      by: "ana",
    });
    const edit = await store.recordDecision({
      factKind: "incident",
      factId: incident,
      action: "edit",
      field: "date",
      value: { value: "2022-09-08", precision: "day" },
      by: " ben ",
    });
    const t1 = new Date().toISOString();
    assert.deepEqual(await store.decisions(claim), [reject]);
    assert.deepEqual(
      [reject.action, reject.by, reject.factKind, reject.factId],
      ["reject", "ana", "claim", claim],
    );
    assert.ok(reject.at >= t0 && reject.at <= t1, `decision time ${reject.at} not between ${t0} and ${t1}`);
    assert.deepEqual(await store.decisions(incident), [edit]);
    assert.deepEqual(
      [edit.by, edit.field, edit.value],
      ["ben", "date", { value: "2022-09-08", precision: "day" }],
    );
    assert.notEqual(reject.id, edit.id);
    const log = await store.auditLog();
    assert.deepEqual(
      log.map((e) => [e.action, e.actor, e.subjectKind, e.subjectId]),
      [
        ["decision.edit", "ben", "incident", incident],
        ["decision.reject", "ana", "claim", claim],
      ],
    );
    assert.ok((log[0]?.seq ?? 0) > (log[1]?.seq ?? 0));
    await store.close();
  });

  it("survive storing the same text again, and reopening the database", async () => {
    let store = await open();
    await store.saveDocument(story.doc, story.record);
    const d = await store.recordDecision({ factKind: "claim", factId: claim, action: "accept", by: "ana" });
    assert.equal((await store.saveDocument(story.doc, story.record)).status, "duplicate");
    assert.deepEqual(await store.decisions(claim), [d]);
    if (options.reopen) {
      store = await options.reopen(store);
      assert.deepEqual(await store.decisions(claim), [d]);
      assert.equal((await store.auditLog()).length, 1);
      assert.equal((await store.counts()).incidents, story.record.incidents.length);
    }
    await store.close();
  });

  it("are refused, with a sentence, when they name no stored fact or are incomplete", async () => {
    const store = await open();
    await store.saveDocument(story.doc, story.record);
    await rejects(
      () => store.recordDecision({ factKind: "claim", factId: "nothing", action: "reject", by: "ana" }),
      "BAD_DECISION",
      /no claim with the id "nothing"/,
    );
    await rejects(
      () => store.recordDecision({ factKind: "incident", factId: claim, action: "accept", by: "ana" }),
      "BAD_DECISION",
      /no incident/,
    );
    await rejects(
      () => store.recordDecision({ factKind: "incident", factId: incident, action: "edit", by: "ana" }),
      "BAD_DECISION",
      /field/,
    );
    await rejects(
      () => store.recordDecision({ factKind: "claim", factId: claim, action: "reject", by: "  " }),
      "BAD_DECISION",
      /who/,
    );
    await rejects(
      () => store.recordDecision({ factKind: "claim", factId: claim, action: "reject", value: 1, by: "ana" }),
      "BAD_DECISION",
      /no value/,
    );
    assert.equal((await store.counts()).decisions, 0);
    assert.deepEqual(await store.auditLog(), []);
    await store.close();
  });
}
