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

  it("leaves the date of what an attack 'comes at a difficult moment' for to that, not to the attack", () => {
    const r = run(
      "Ransomware disrupted the payment systems of Malawi's central bank last week. The attack comes at a difficult moment for the bank, which missed a payment on its foreign debt in November 2020.",
      "2022-05-16",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["MW 2022-05"],
    );
  });

  it("counts an undated attack back from publication when the story's opening says it came days before", () => {
    const r = run(
      "Police in Lyon have detained a 19-year-old, days after a break-in at the French rail operator's booking site.",
      "2023-06-02",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value} ${i.date?.precision}`),
      ["FR 2023-05 month"],
    );
  });

  it("counts back from a day the sentence tells before the phrase, not from publication", () => {
    const r = run(
      "On March 3, 2021 the Latvian bank restored its app, a week after an attack on its card systems.",
      "2023-06-02",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021-02"],
    );
  });

  it("does not count back over a clause of saying ('a day after the government said hackers …')", () => {
    const r = run(
      "Britain summoned an envoy on Tuesday, a day after the government said hackers had breached the Electoral Commission in August 2021.",
      "2024-03-26",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021-08"],
    );
  });

  it("reads 'In late May, it was knocked offline' as an attack in May, not as a statement made in May", () => {
    const r = run(
      "Hackers broke into the user database of an online library on Oct. 9. In late May, it was knocked offline by floods of traffic.",
      "2024-10-15",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-10-09", "2024-05"],
    );
  });

  it("keeps an older attack told with a date of its own apart from a story's undated news of an attack", () => {
    const r = run(
      "Gang leaks files from Belgian brewer\n\nA ransomware gang has begun leaking files it says it stole from a Belgian brewer. The brewer has not said whether it will pay. Its brewing lines are running, a spokeswoman said.\n\nIn February, a ransomware attack by another gang forced Colonial Pipeline to halt fuel deliveries.",
      "2021-06-18",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["BE 2021-06", "US 2021-02"],
    );
  });
});
