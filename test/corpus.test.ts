import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { INCIDENT_TYPES, RESPONSE_KINDS, STANCES } from "../src/model/index.ts";

// The bundled team-written corpus: every story has gold in the GUIDE format, and together they cover the vocabulary.
const dir = new URL("../data/corpus/", import.meta.url);
const stems = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));

interface Gold {
  id: string;
  published: string;
  incidents: Array<{ types: string[]; optional?: boolean; victim_countries: string[] }>;
  attributions: Array<{ stance: string; optional?: boolean }>;
  responses: Array<{ kind: string; optional?: boolean }>;
}
const golds: Gold[] = stems.map((s) => JSON.parse(readFileSync(new URL(`${s}.json`, dir), "utf8")) as Gold);

describe("the team-written corpus", () => {
  it("holds at least 40 stories, each with its text and a gold file naming it", () => {
    assert.ok(stems.length >= 40, `only ${stems.length} stories`);
    for (const [i, s] of stems.entries()) {
      assert.equal(golds[i]?.id, s);
      assert.match(golds[i]?.published ?? "", /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(readFileSync(new URL(`${s}.txt`, dir), "utf8").length > 500, `${s}.txt is too short`);
    }
  });

  const count = (pick: (g: Gold) => string[]) => {
    const n = new Map<string, number>();
    for (const g of golds) for (const v of pick(g)) n.set(v, (n.get(v) ?? 0) + 1);
    return n;
  };
  it("covers every incident type, stance and response kind at least twice", () => {
    const types = count((g) => g.incidents.filter((i) => !i.optional).flatMap((i) => i.types));
    const stances = count((g) => g.attributions.filter((a) => !a.optional).map((a) => a.stance));
    const kinds = count((g) => g.responses.filter((r) => !r.optional).map((r) => r.kind));
    for (const t of INCIDENT_TYPES) assert.ok((types.get(t) ?? 0) >= 2, `type ${t}`);
    for (const s of STANCES) assert.ok((stances.get(s) ?? 0) >= 2, `stance ${s}`);
    for (const k of RESPONSE_KINDS) assert.ok((kinds.get(k) ?? 0) >= 2, `response ${k}`);
  });

  it("has stories with several incidents and stories with no attribution", () => {
    assert.ok(golds.filter((g) => g.incidents.length >= 2).length >= 5);
    assert.ok(golds.filter((g) => g.attributions.length === 0).length >= 5);
  });
});
