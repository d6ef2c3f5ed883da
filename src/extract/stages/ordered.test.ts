import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ordered } from "./ordered.ts";

const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;

describe("ordered", () => {
  it("leaves the list as sort leaves it, same items in the same places", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: -5, max: 5 }), id: fc.nat() }), { maxLength: 40 }),
        (items) => {
          const plain = [...items].sort(byStart);
          const list = [...items];
          assert.equal(ordered(list, byStart), list);
          assert.deepEqual(list, plain);
          for (let i = 0; i < list.length; i++) assert.equal(list[i], plain[i]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("sorts short lists, as sort does, however many items are out of place", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 3 }), id: fc.nat() }), {
          minLength: 2,
          maxLength: 17,
        }),
        (items) => {
          const plain = [...items].sort(byStart);
          const list = [...items];
          ordered(list, byStart);
          for (let i = 0; i < list.length; i++) assert.equal(list[i], plain[i]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keeps a list already in order as it is, whatever items compare equal", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: 0, max: 3 }), id: fc.nat() })), (items) => {
        const list = [...items].sort(byStart);
        const before = [...list];
        ordered(list, byStart);
        for (let i = 0; i < list.length; i++) assert.equal(list[i], before[i]);
      }),
    );
  });
});
