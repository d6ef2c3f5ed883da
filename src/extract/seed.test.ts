import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Claim, DocumentRecord, Party, Response } from "../model/index.ts";
import { extract } from "./index.ts";

// The seed story of DESIGN.md lives in ../shared/seeds beside the checkout; without it the test says so and skips.
const SEED = new URL("../../../shared/seeds/albania-second-cyberattack.txt", import.meta.url);
const present = existsSync(SEED);

const country = (p: Party | null) => (p && p.kind === "state" ? p.country : null);
const quoteHas = (ev: { quote: string }[], words: string) => ev.some((e) => e.quote.includes(words));

describe("the seed story (Albania, 10 September 2022)", {
  skip: present ? false : "../shared/seeds is absent",
}, () => {
  const text = present ? readFileSync(SEED, "utf8") : "";
  const rec: DocumentRecord = present
    ? extract({
        id: "seed",
        text,
        published: "2022-09-10",
        tlp: "clear",
        sha256: createHash("sha256").update(text).digest("hex"),
      })
    : { document: { id: "", sha256: "" }, incidents: [], claims: [], responses: [] };
  const byDate = (v: string) => rec.incidents.find((i) => i.date?.value === v);
  const claim = (stance: Claim["stance"], claimant: string | null, accused: string) =>
    rec.claims.find(
      (c) => c.stance === stance && country(c.claimant) === claimant && country(c.accused) === accused,
    );
  const response = (kind: Response["kind"], actor: string, target: string | null) =>
    rec.responses.find((r) => r.kind === kind && country(r.actor) === actor && country(r.target) === target);

  it("finds the September attack on the police systems, dated Friday 9 September", () => {
    const sept = byDate("2022-09-09");
    assert.ok(sept, "no incident dated 2022-09-09");
    assert.deepEqual(sept.victims.map(country), ["AL"]);
    assert.equal(sept.date?.precision, "day");
    assert.ok(quoteHas(sept.evidence, "computer systems were hit on Friday"));
    assert.ok(
      sept.systems.some((s) => s.includes("police")),
      `systems: ${sept.systems.join("; ")}`,
    );
  });

  it("finds the July attack on government services, dated 15 July", () => {
    const july = byDate("2022-07-15");
    assert.ok(july, "no incident dated 2022-07-15");
    assert.deepEqual(july.victims.map(country), ["AL"]);
    assert.ok(quoteHas(july.evidence, "on Albanian institutions on July 15"));
    assert.ok(july.types.includes("disruption"));
  });

  it("finds Stuxnet against Iran in 2010, with no type stated", () => {
    const stux = byDate("2010");
    assert.ok(stux, "no incident dated 2010");
    assert.equal(stux.date?.precision, "year");
    assert.deepEqual(stux.victims.map(country), ["IR"]);
    assert.ok(stux.label.includes("Stuxnet"));
    assert.ok(quoteHas(stux.evidence, "Stuxnet virus"));
  });

  it("links the two Albanian incidents as one campaign and keeps Stuxnet apart", () => {
    const sept = byDate("2022-09-09");
    const july = byDate("2022-07-15");
    assert.ok(sept?.campaign);
    assert.equal(sept?.campaign, july?.campaign);
    assert.equal(byDate("2010")?.campaign, undefined);
    assert.equal(rec.incidents.length, 3);
  });

  it("records Albania accusing Iran of both attacks, through its officials", () => {
    const c = claim("accuses", "AL", "IR");
    assert.ok(c, "no Albania → Iran accusation");
    const ids = [byDate("2022-09-09")?.id, byDate("2022-07-15")?.id];
    for (const id of ids) assert.ok(id && c.incidents.includes(id), `accusation not linked to ${id}`);
    assert.ok(quoteHas(c.evidence, "accused Iran of leading a cyberattack"));
  });

  it("records Iran's denial", () => {
    const c = claim("denies", "IR", "IR");
    assert.ok(c, "no denial by Iran");
    assert.ok(quoteHas(c.evidence, "“baseless”"));
  });

  it("records the United States accusing Iran through its sanctions", () => {
    const c = claim("accuses", "US", "IR");
    assert.ok(c);
    assert.ok(quoteHas(c.evidence, "for Tehran’s alleged involvement"));
  });

  it("records the unnamed attribution of Stuxnet to Israel and the United States", () => {
    const stux = byDate("2010");
    for (const accused of ["IL", "US"]) {
      const c = claim("accuses", null, accused);
      assert.ok(c, `no unnamed accusation of ${accused}`);
      assert.ok(stux && c.incidents.includes(stux.id));
      assert.ok(quoteHas(c.evidence, "believed to have been engineered by Israel and the United States"));
    }
  });

  it("records the severance of ties on Wednesday 7 September", () => {
    const r = response("diplomatic-severance", "AL", "IR");
    assert.ok(r);
    assert.ok(rec.responses.some((x) => x.kind === "diplomatic-severance" && x.date?.value === "2022-09-07"));
    assert.ok(quoteHas(r.evidence, "sever diplomatic relations"));
  });

  it("records the expulsion of Iranian diplomats within 24 hours", () => {
    const r = response("expulsion", "AL", "IR");
    assert.ok(r);
    assert.ok(quoteHas(r.evidence, "24 hours to leave"));
  });

  it("records the US sanctions on the Ministry of Intelligence and Security, dated Friday 9 September", () => {
    const r = response("sanctions", "US", "IR");
    assert.ok(r);
    assert.equal(r.date?.value, "2022-09-09");
    assert.ok(quoteHas(r.evidence, "Ministry of Intelligence and Security"));
  });

  it("records Albania's containment: control systems at ports, airports and border crossings shut down", () => {
    const r = response("containment", "AL", null);
    assert.ok(r);
    assert.ok(
      quoteHas(r.evidence, "shut down computer control systems at seaports, airports and border crossings"),
    );
  });

  it("records Albania's recovery", () => {
    const r = response("recovery", "AL", null);
    assert.ok(r);
    assert.ok(quoteHas(r.evidence, "All systems returned to full operation"));
  });

  it("quotes every fact exactly from the text", () => {
    for (const f of [...rec.incidents, ...rec.claims, ...rec.responses])
      for (const e of f.evidence) assert.equal(text.slice(e.start, e.end), e.quote);
  });
});
