import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CandidateIncident, CandidateResponse, DocumentRecord, Party } from "../model/index.ts";
import { stableId } from "../model/index.ts";
import { candidateQuery, planSave } from "./plan.ts";

const AL: Party = { kind: "state", country: "AL" };
const IR: Party = { kind: "state", country: "IR" };
const US: Party = { kind: "state", country: "US" };

const record = (over: Partial<DocumentRecord>): DocumentRecord => ({
  document: { id: "d", sha256: "s".repeat(64) },
  incidents: [],
  claims: [],
  responses: [],
  ...over,
});

const july: CandidateIncident = {
  id: "k-july",
  label: "attack on public services (AL)",
  date: { value: "2022-07-15", precision: "day" },
  victims: [AL],
  types: ["disruption"],
  systems: ["public services"],
  campaign: "c-1",
};
const september: CandidateIncident = {
  id: "k-sept",
  label: "attack on police systems (AL)",
  date: { value: "2022-09-09", precision: "day" },
  victims: [AL],
  types: ["disruption"],
  systems: [],
  campaign: "c-2",
};
const sanctions: CandidateResponse = {
  id: "r-1",
  key: "sanctions|state:US|state:IR",
  kind: "sanctions",
  actor: US,
  target: IR,
  incidents: ["k-july"],
};

describe("planning a save", () => {
  const rec = record({
    incidents: [
      {
        id: "incident-1",
        label: "attack on government systems (AL)",
        date: { value: "2022-07", precision: "month" },
        victims: [AL, { kind: "organization", name: "AKSHI", country: "AL" }],
        types: ["wiper", "disruption"],
        systems: [],
        campaign: "campaign-1",
        evidence: [],
      },
      {
        id: "incident-2",
        label: "attack on police systems (AL)",
        date: { value: "2022-09-09", precision: "day" },
        victims: [AL],
        types: [],
        systems: [],
        campaign: "campaign-1",
        evidence: [],
      },
    ],
    claims: [
      {
        id: "claim-1",
        stance: "accuses",
        claimant: { ...AL, via: "Prime Minister Edi Rama" },
        accused: IR,
        incidents: ["incident-1", "incident-2"],
        evidence: [],
      },
    ],
    responses: [
      { id: "response-1", kind: "sanctions", actor: US, target: IR, incidents: ["incident-1"], evidence: [] },
      { id: "response-2", kind: "sanctions", actor: US, target: IR, incidents: ["incident-2"], evidence: [] },
    ],
  });
  const plan = planSave(rec, "sha", { incidents: [july, september], responses: [sanctions] });

  it("asks for incidents by victim and date, and for responses by identity", () => {
    const q = candidateQuery(rec);
    assert.deepEqual(q.byVictim[0], {
      victims: ["state:AL", "org:akshi"],
      from: "2022-07-01",
      to: "2022-07-31",
    });
    assert.deepEqual(
      q.responses.map((r) => r.key),
      ["sanctions|state:US|state:IR", "sanctions|state:US|state:IR"],
    );
  });

  it("joins each incident to the one it is, keeping the more precise date and every victim and type", () => {
    assert.deepEqual(
      plan.incidents.map((p) => [p.local, p.id, p.merged, p.date?.value]),
      [
        ["incident-1", "k-july", true, "2022-07-15"],
        ["incident-2", "k-sept", true, "2022-09-09"],
      ],
    );
    assert.equal(plan.incidents[0]?.victims.length, 2);
    assert.deepEqual(plan.incidents[0]?.types, ["disruption", "wiper"]);
  });

  it("puts incidents tied together in the campaign one has, and merges the other campaign into it", () => {
    assert.deepEqual(plan.campaigns, [{ id: "c-1", incidents: ["k-july", "k-sept"], absorbs: ["c-2"] }]);
  });

  it("makes one claim per incident, its id derived from its identity", () => {
    assert.deepEqual(
      plan.claims.map((c) => [c.identity, c.id === stableId("claim", c.identity), c.incidents]),
      [
        ["k-july|accuses|state:AL|state:IR", true, ["k-july"]],
        ["k-sept|accuses|state:AL|state:IR", true, ["k-sept"]],
      ],
    );
  });

  it("joins an undated response only to one about a common incident", () => {
    const [first, second] = plan.responses;
    assert.deepEqual([first?.id, first?.merged], ["r-1", true]);
    assert.deepEqual([second?.merged, second?.identity], [false, "sanctions|state:US|state:IR|about k-sept"]);
    assert.equal(second?.id, stableId("response", second?.identity ?? ""));
  });

  it("joins dated responses whose dates agree, whatever they are about", () => {
    const dated = record({
      responses: [
        {
          id: "response-1",
          kind: "sanctions",
          actor: US,
          target: IR,
          incidents: [],
          date: { value: "2022-09-09", precision: "day" },
          evidence: [],
        },
      ],
    });
    const known = { ...sanctions, date: { value: "2022-09", precision: "month" as const }, incidents: [] };
    const [joined] = planSave(dated, "sha", { incidents: [], responses: [known] }).responses;
    assert.deepEqual([joined?.id, joined?.merged, joined?.date?.value], ["r-1", true, "2022-09-09"]);
    const later = { ...known, date: { value: "2021", precision: "year" as const } };
    const [apart] = planSave(dated, "sha", { incidents: [], responses: [later] }).responses;
    assert.equal(apart?.merged, false);
  });
});
