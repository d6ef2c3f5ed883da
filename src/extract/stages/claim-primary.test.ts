import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Party } from "../../model/index.ts";
import { mostFrequent, mostNamedAttackerState } from "./claim-primary.ts";
import type { Mention } from "./mention.ts";

const mentions = fc.array(
  fc.record({
    attacker: fc.boolean(),
    country: fc.constantFrom(undefined, "", "RU", "CN", "KP", "IR", "US"),
  }),
  { maxLength: 40 },
);

describe("mostNamedAttackerState", () => {
  it("answers as mostFrequent over the states of the attacker mentions, ties to the first named", () => {
    fc.assert(
      fc.property(mentions, (ms) => {
        const list = ms as unknown as Mention[];
        const plain = mostFrequent(
          list
            .filter((m) => m.attacker && m.country)
            .map((m) => ({ kind: "state", country: m.country as string }) as Party),
        );
        assert.deepEqual(mostNamedAttackerState(list), plain);
      }),
      { numRuns: 3000 },
    );
  });
});
