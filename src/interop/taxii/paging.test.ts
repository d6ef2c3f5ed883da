import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acceptsTaxii } from "./media.ts";
import { type CollectionEntry, parseTaxiiQuery, taxiiPage } from "./paging.ts";

const entries: CollectionEntry[] = Array.from({ length: 2500 }, (_, i) => ({
  object: {
    type: i % 3 ? "relationship" : "incident",
    id: `x--${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`,
    modified: "2024-01-01T00:00:00.000Z",
  },
  // several objects share each moment, as the objects of one source do
  dateAdded: new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 7) * 1000).toISOString(),
}));

const walk = (q: Record<string, string>) => {
  const seen: string[] = [];
  let next: string | undefined;
  do {
    const parsed = parseTaxiiQuery({ ...q, ...(next ? { next } : {}) }, 1000, 100);
    assert.ok(!("problem" in parsed));
    const page = taxiiPage(entries, parsed);
    seen.push(...page.entries.map((e) => e.object.id));
    next = page.next;
    assert.equal(page.more, next !== undefined);
  } while (next);
  return seen;
};

describe("TAXII paging", () => {
  it("gives every object exactly once, whatever the page size, even across shared timestamps", () => {
    for (const limit of ["1", "7", "100", "999", "5000"]) {
      const seen = walk({ limit });
      assert.equal(seen.length, entries.length, limit);
      assert.equal(new Set(seen).size, entries.length, limit);
    }
  });
  it("combines added_after and match[type] with paging", () => {
    const cut = entries[1000]?.dateAdded as string;
    const seen = walk({ limit: "50", added_after: cut, "match[type]": "incident" });
    const expected = entries
      .filter((e) => e.dateAdded > cut && e.object.type === "incident")
      .map((e) => e.object.id);
    assert.deepEqual(seen, expected);
  });
  it("refuses malformed filters with a sentence", () => {
    for (const q of [
      { limit: "-1" },
      { added_after: "2024-01-01" },
      { next: "!!" },
      { "match[version]": "latest" },
    ]) {
      const parsed = parseTaxiiQuery(q, 1000, 100);
      assert.ok("problem" in parsed, JSON.stringify(q));
    }
  });
  it("accepts TAXII 2.1 and wildcards, and nothing else", () => {
    assert.ok(acceptsTaxii("application/taxii+json;version=2.1"));
    assert.ok(acceptsTaxii("application/taxii+json"));
    assert.ok(acceptsTaxii("text/html, */*;q=0.1"));
    assert.ok(!acceptsTaxii("application/json"));
    assert.ok(!acceptsTaxii("application/taxii+json;version=2.0"));
  });
});
