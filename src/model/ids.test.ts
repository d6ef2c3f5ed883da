import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { v5 } from "uuid";
import { CASEBOOK_NAMESPACE, stableId } from "./ids.ts";

describe("stable ids", () => {
  it("are the RFC 9562 version 5 UUIDs of the parts joined, for any text", () => {
    // the ids of a knowledge base built before must stay the ids of the same facts now
    assert.equal(stableId("source", "abc"), v5("source\u001fabc", CASEBOOK_NAMESPACE));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 4 }), (parts) => {
        const id = stableId(...parts);
        assert.equal(id, v5(parts.join("\u001f"), CASEBOOK_NAMESPACE));
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
      { numRuns: 2000 },
    );
  });
});
