import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stableStringify } from "./stable-json.ts";

describe("stableStringify", () => {
  it("orders keys by the contract, then alphabetically, whatever the build order", () => {
    const a = {
      responses: [],
      zeta: 1,
      claims: [],
      alpha: 2,
      incidents: [],
      document: { sha256: "s", id: "i" },
    };
    assert.equal(
      stableStringify(a),
      '{"document":{"id":"i","sha256":"s"},"incidents":[],"claims":[],"responses":[],"alpha":2,"zeta":1}',
    );
  });

  it("orders nested facts and evidence", () => {
    const ev = { quote: "q", end: 1, start: 0 };
    assert.equal(
      stableStringify({ evidence: [ev], kind: "sanctions", id: "r" }),
      '{"id":"r","kind":"sanctions","evidence":[{"start":0,"end":1,"quote":"q"}]}',
    );
  });

  it("drops undefined fields and keeps null", () => {
    assert.equal(stableStringify({ title: undefined, target: null, id: "x" }), '{"id":"x","target":null}');
  });

  it("indents when asked", () => {
    assert.equal(stableStringify({ b: 1, a: [1] }, 2), '{\n  "a": [\n    1\n  ],\n  "b": 1\n}');
  });
});
