import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Incident } from "../model/index.ts";
import {
  claimKey,
  type KnownIncident,
  mergeDates,
  resolveIncident,
  responseKey,
  sameParty,
} from "./index.ts";

const incident = (over: Partial<Incident>): Incident => ({
  id: "i",
  label: "attack on government systems (AL)",
  victims: [{ kind: "state", country: "AL" }],
  types: [],
  systems: [],
  evidence: [],
  ...over,
});

const july: KnownIncident = {
  id: "k-july",
  label: "attack on public services (AL)",
  date: { value: "2022-07-15", precision: "day" },
  victims: ["state:AL"],
  types: ["disruption"],
  systems: ["public services"],
};
const september: KnownIncident = {
  id: "k-sept",
  label: "attack on police computer systems (AL)",
  date: { value: "2022-09-09", precision: "day" },
  victims: ["state:AL"],
  types: ["disruption"],
  systems: ["police computer systems"],
};
const stuxnet: KnownIncident = {
  id: "k-stux",
  label: "Stuxnet (IR)",
  date: { value: "2010", precision: "year" },
  victims: ["state:IR"],
  types: ["sabotage"],
  systems: [],
};

describe("resolving an incident against the knowledge base", () => {
  it("joins a month-precision report to the day-precision incident of the same victim", () => {
    const r = resolveIncident(incident({ date: { value: "2022-07", precision: "month" } }), [
      september,
      july,
    ]);
    assert.equal(r.knownId, "k-july");
  });

  it("keeps an attack on another day apart, and a 'second attack' apart too", () => {
    assert.equal(
      resolveIncident(incident({ date: { value: "2022-09-20", precision: "day" } }), [july, september])
        .knownId,
      null,
    );
    const second = incident({
      label: "second cyberattack (AL)",
      date: { value: "2022-09-10", precision: "day" },
    });
    assert.equal(resolveIncident(second, [september]).knownId, null);
  });

  it("joins by a shared operation name even without a date, and never across victims otherwise", () => {
    assert.equal(
      resolveIncident(incident({ label: "Stuxnet (IR)", victims: [] }), [july, stuxnet]).knownId,
      "k-stux",
    );
    const elsewhere = incident({
      victims: [{ kind: "state", country: "ME" }],
      date: { value: "2022-07", precision: "month" },
    });
    assert.equal(resolveIncident(elsewhere, [july]).knownId, null);
  });

  it("does not join an undated generic report to a dated incident", () => {
    assert.equal(resolveIncident(incident({}), [july]).knownId, null);
  });

  it("keeps the more precise of two compatible dates", () => {
    assert.deepEqual(
      mergeDates({ value: "2022-07", precision: "month" }, { value: "2022-07-15", precision: "day" }),
      {
        value: "2022-07-15",
        precision: "day",
      },
    );
  });
});

describe("canonical parties and fact identities", () => {
  const apt28 = { kind: "group" as const, name: "APT28", aliases: ["Fancy Bear", "Sofacy"] };
  it("treats a group's aliases as the same actor", () => {
    assert.ok(sameParty(apt28, { kind: "group", name: "Fancy Bear" }));
    assert.ok(!sameParty(apt28, { kind: "group", name: "APT29" }));
  });

  it("gives one claim per incident, claimant, accused and stance, whoever spoke for the state", () => {
    const a = claimKey("k-july", {
      stance: "accuses",
      claimant: { kind: "state", country: "AL", via: "PM Edi Rama" },
      accused: { kind: "state", country: "IR" },
    });
    const b = claimKey("k-july", {
      stance: "accuses",
      claimant: { kind: "state", country: "AL", via: "interior ministry" },
      accused: { kind: "state", country: "IR" },
    });
    assert.equal(a, b);
    assert.notEqual(
      a,
      claimKey("k-july", {
        stance: "denies",
        claimant: { kind: "state", country: "IR" },
        accused: { kind: "state", country: "IR" },
      }),
    );
  });

  it("gives one response per kind, actor and target", () => {
    const us = { kind: "state" as const, country: "US" };
    const ir = { kind: "state" as const, country: "IR", via: "Ministry of Intelligence and Security" };
    assert.equal(
      responseKey({ kind: "sanctions", actor: us, target: ir }),
      responseKey({
        kind: "sanctions",
        actor: { kind: "state", country: "US", via: "Treasury" },
        target: { kind: "state", country: "IR" },
      }),
    );
  });
});
