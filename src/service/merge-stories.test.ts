import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Party } from "../model/index.ts";
import { emptyKnowledge, mergeRecord } from "../resolve/index.ts";
import { extractOne } from "./extract-one.ts";

// Three stories about the Albania attacks from different angles: the seed (../shared, skipped when absent) and
// two team-written stories of the bundled corpus.
const SEED = new URL("../../../shared/seeds/albania-second-cyberattack.txt", import.meta.url);
const corpus = (stem: string) => new URL(`../../data/corpus/${stem}.txt`, import.meta.url);
const present = existsSync(SEED);
const country = (p: Party | null) => (p?.kind === "state" ? p.country : null);

describe("merging three stories about the Albania attacks", {
  skip: present ? false : "../shared/seeds is absent",
}, () => {
  const k = emptyKnowledge();
  if (present) {
    const stories: Array<[URL, string, string]> = [
      [SEED, "seed", "2022-09-10"],
      [corpus("001-albania-july-microsoft"), "001", "2022-09-08"],
      [corpus("002-us-sanctions-mois"), "002", "2022-09-10"],
    ];
    for (const [url, id, published] of stories)
      mergeRecord(k, extractOne(readFileSync(url, "utf8"), { id, published }), id);
  }
  const albanian = (month: string) =>
    k.incidents.filter((i) => i.victims.includes("state:AL") && i.date?.value.startsWith(month));

  it("makes the July attack one incident with several sources", () => {
    const july = albanian("2022-07");
    assert.equal(july.length, 1, july.map((i) => `${i.label} ${i.date?.value}`).join("; "));
    assert.ok((july[0]?.sources.length ?? 0) >= 2, `sources: ${july[0]?.sources.join(", ")}`);
    assert.equal(july[0]?.date?.value, "2022-07-15");
  });

  it("keeps the September attack apart and links it to July by campaign", () => {
    const september = albanian("2022-09-09");
    assert.equal(september.length, 1);
    assert.ok(september[0]?.campaign);
    assert.equal(september[0]?.campaign, albanian("2022-07")[0]?.campaign);
  });

  it("makes the US sanctions one response with two sources, every quote with its source", () => {
    const sanctions = k.responses.filter(
      (r) => r.kind === "sanctions" && country(r.actor) === "US" && country(r.target) === "IR",
    );
    assert.equal(sanctions.length, 1);
    assert.deepEqual([...(sanctions[0]?.sources ?? [])].sort(), ["002", "seed"]);
    for (const e of sanctions[0]?.evidence ?? []) assert.ok(e.source === "seed" || e.source === "002");
  });

  it("gathers Albania's accusation of Iran over the Albanian attacks from more than one story", () => {
    const ids = new Set(k.incidents.filter((i) => i.victims.includes("state:AL")).map((i) => i.id));
    const claims = k.claims.filter(
      (c) =>
        ids.has(c.incident) &&
        c.stance === "accuses" &&
        country(c.claimant) === "AL" &&
        country(c.accused) === "IR",
    );
    const sources = new Set(claims.flatMap((c) => c.sources));
    assert.ok(sources.size >= 2, `sources: ${[...sources].join(", ")}`);
  });
});
