import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { run, who } from "./text-run.case.ts";

// Which act a date in a sentence belongs to: the attack's, or a statement's, a claim's or a measure's.
describe("incidents: the act a date belongs to", () => {
  it("dates an attack by the day after 'took down' when the attack is the subject of the verb", () => {
    const r = run(
      "A gang calling itself Velvet Lynx claimed an attack that took down the websites of Chile's tax service late on Tuesday, leaving taxpayers unable to file returns.",
      "2024-03-08",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["CL 2024-03-05"],
    );
  });

  it("still reads 'took down' with police as its subject as a measure, whose date is not the attack's", () => {
    const r = run(
      "The Velvet Lynx gang crippled Chile's tax service in October 2023. Police took down the gang's servers on Tuesday.",
      "2024-03-08",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["CL 2023-10"],
    );
    assert.ok(r.responses.some((x) => x.kind === "takedown"));
  });
});
