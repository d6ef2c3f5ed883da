import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Party } from "../../model/index.ts";
import { mentionsBySentence, partyId, partyOf, resolves, sameParty } from "./context.ts";
import { type Mention, type MentionForm, mention } from "./mention.ts";

const FORMS: MentionForm[] = [
  "name",
  "adjective",
  "plural",
  "seat",
  "body",
  "official",
  "anaphor",
  "intl",
  "org",
  "group",
  "place",
];
const COUNTRY = fc.option(fc.constantFrom("US", "RU", "CN", ""), { nil: undefined });
const PARTY: fc.Arbitrary<Party> = fc.oneof(
  fc.record({ kind: fc.constant("state" as const), country: fc.constantFrom("US", "RU") }),
  fc.record({ kind: fc.constant("intl" as const), code: fc.constant("EU"), name: fc.constant("the EU") }),
  fc.record({ kind: fc.constant("organization" as const), name: fc.constant("Sony") }),
  fc.record({ kind: fc.constant("group" as const), name: fc.constant("APT28") }),
  fc.record(
    { kind: fc.constant("person" as const), name: fc.constant("Edi Rama"), country: COUNTRY },
    { requiredKeys: ["kind", "name"] },
  ),
) as fc.Arbitrary<Party>;

describe("resolves", () => {
  it("agrees with partyOf on whether a mention has a party", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMS), PARTY, COUNTRY, (form, party, country) => {
        const m = mention(0, 4, "Iran", 0, form, party, country, false);
        assert.equal(resolves(m), partyOf(m) !== null);
      }),
      { numRuns: 500 },
    );
  });
});

describe("mentionsBySentence", () => {
  /** the plain way: a list per sentence, each mention pushed onto its sentence's */
  function plain(count: number, mentions: readonly Mention[]): Mention[][] {
    const lists: Mention[][] = Array.from({ length: count }, () => []);
    for (const m of mentions) lists[m.sentence]?.push(m);
    return lists;
  }
  const SENTENCES = fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 30 });

  it("lists each sentence's mentions as pushing them one by one does, in order or not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), SENTENCES, fc.boolean(), (count, sentences, sorted) => {
        const order = sorted ? [...sentences].sort((x, y) => x - y) : sentences;
        const mentions = order.map((s, i) =>
          mention(i, i + 1, "x", s, "name", { kind: "state", country: "US" }, "US", false),
        );
        const lists = mentionsBySentence(count, mentions);
        assert.deepEqual(lists, plain(count, mentions));
        // the same mention objects, not copies
        const expected = plain(count, mentions);
        for (let s = 0; s < count; s++)
          for (let k = 0; k < (lists[s]?.length ?? 0); k++) assert.equal(lists[s]?.[k], expected[s]?.[k]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("sameParty", () => {
  // names that collide across namespaces: a country or name holding another kind's prefix ("group:X")
  const NAME = fc.oneof(
    fc.constantFrom("US", "RU", "X", "", "group:X", "org:X", "intl:X", "person:X", "intl:", "-"),
    fc.string({ maxLength: 8 }),
  );
  const ANY_PARTY: fc.Arbitrary<Party> = fc.oneof(
    fc.record({
      kind: fc.constant("state" as const),
      country: NAME,
      via: fc.option(NAME, { nil: undefined }),
    }),
    fc.record({ kind: fc.constant("intl" as const), code: NAME, name: NAME }),
    fc.record(
      { kind: fc.constant("organization" as const), name: NAME, country: NAME },
      { requiredKeys: ["kind", "name"] },
    ),
    fc.record(
      { kind: fc.constant("group" as const), name: NAME, sponsor: NAME },
      { requiredKeys: ["kind", "name"] },
    ),
    fc.record(
      { kind: fc.constant("person" as const), name: NAME, country: NAME },
      { requiredKeys: ["kind", "name"] },
    ),
  ) as fc.Arbitrary<Party>;

  it("says two parties are the same exactly where their partyIds are equal", () => {
    fc.assert(
      fc.property(ANY_PARTY, ANY_PARTY, (p, q) => {
        assert.equal(sameParty(p, q), partyId(p) === partyId(q));
        assert.equal(sameParty(p, p), true);
      }),
      { numRuns: 5000 },
    );
    // the cross-namespace cases, each at least once
    const group: Party = { kind: "group", name: "X" };
    assert.equal(sameParty({ kind: "state", country: "group:X" }, group), true);
    assert.equal(sameParty({ kind: "person", name: "X" }, { kind: "state", country: "person:X" }), true);
    assert.equal(
      sameParty({ kind: "person", name: "Y", country: "US" }, { kind: "state", country: "US" }),
      true,
    );
    assert.equal(sameParty(group, { kind: "organization", name: "X" }), false);
  });
});
