import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Party } from "../../model/index.ts";
import { partyOf, resolves } from "./context.ts";
import { type MentionForm, mention } from "./mention.ts";

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
