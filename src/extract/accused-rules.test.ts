import { describe, it } from "node:test";
import { assertHas, claims, run } from "./text-run.case.ts";

// Who an accusation names, each rule stated on a text written for it.
describe("claims: who is accused", () => {
  it("reads a charge of breaking into networks as a charge of an attack", () => {
    const r = run(
      "Dutch prosecutors on Monday accused Cozy Bear of breaking into two ministries in The Hague last spring.",
      "2024-11-04",
    );
    assertHas(claims(r), "NL accuses APT29");
  });

  it("blames both the state and its group when a nationality comes before the group's name", () => {
    const r = run(
      "Poland's digital affairs minister blamed the Russian hacking group APT28 for the intrusion into the state news agency's website on Friday.",
      "2024-06-02",
    );
    assertHas(claims(r), "PL accuses RU");
    assertHas(claims(r), "PL accuses APT28");
  });
});
