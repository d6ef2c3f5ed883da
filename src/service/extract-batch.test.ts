import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DocumentRecordSchema } from "../model/index.ts";
import { extractLines } from "./extract-batch.ts";
import { emptySummary } from "./summary.ts";

const doc = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    title: "T",
    published: "2022-09-10",
    text: "Headline\n\nAlbania said its police were attacked.",
    ...extra,
  });

async function collect(lines: Iterable<string | Uint8Array>) {
  const summary = emptySummary();
  const out: string[] = [];
  for await (const line of extractLines(lines, summary)) out.push(line);
  return { out, summary };
}

describe("extractLines", () => {
  it("writes one line per input line, in order, and goes on after bad ones", async () => {
    const input = [
      doc("a"),
      '{"id": "broken", ',
      "",
      doc("b", { published: "yesterday" }),
      doc("c", { text: "   " }),
      "[]",
      doc("d", { text: undefined, html: "<p>Page text.</p>" }),
    ];
    const { out, summary } = await collect(input);
    assert.equal(out.length, input.length);
    const parsed = out.map((l) => JSON.parse(l));
    assert.deepEqual(
      parsed.map((r) => [r.document.id, r.code ?? "ok"]),
      [
        ["a", "ok"],
        ["line-2", "BAD_JSON"],
        ["line-3", "EMPTY_INPUT"],
        ["b", "BAD_DATE"],
        ["c", "EMPTY_INPUT"],
        ["line-6", "BAD_JSON"],
        ["d", "ok"],
      ],
    );
    for (const r of parsed) {
      if (r.code === undefined) DocumentRecordSchema.parse(r);
      else assert.deepEqual(Object.keys(r), ["document", "error", "code"]);
    }
    assert.deepEqual({ documents: summary.documents, errors: summary.errors }, { documents: 7, errors: 5 });
  });

  it("refuses lines of invalid UTF-8 and 20 MB documents, and goes on", async () => {
    const latin1 = Buffer.from(doc("latin1", { text: "Caf\u00e9 attack" }), "latin1");
    const huge = doc("huge", { text: "a".repeat(20 * 1024 * 1024) });
    const { out } = await collect([latin1, huge, Buffer.from(doc("after"))]);
    const parsed = out.map((l) => JSON.parse(l));
    assert.deepEqual(
      parsed.map((r) => [r.document.id, r.code ?? "ok"]),
      [
        ["latin1", "INVALID_UTF8"],
        ["huge", "TOO_LARGE"],
        ["after", "ok"],
      ],
    );
    assert.equal(parsed[0].error, "Line 1 is not valid UTF-8.");
    assert.match(parsed[1].error, /too large \(20\.0 MB\)/);
  });

  it("gives byte-identical output for the same input", async () => {
    const input = [doc("a"), doc("b", { url: "https://example.org/b", tlp: "amber" }), "junk"];
    assert.deepEqual((await collect(input)).out, (await collect(input)).out);
  });

  it("reads async iterables lazily, one batch ahead at most", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 7; i++) {
        pulled++;
        yield doc(`n${i}`);
      }
    }
    const one = extractLines(source(), emptySummary(), {}, 1);
    await one.next();
    assert.equal(pulled, 1);
    pulled = 0;
    const three = extractLines(source(), emptySummary(), {}, 3);
    await three.next();
    assert.equal(pulled, 3);
    await three.next();
    await three.next();
    assert.equal(pulled, 3);
    await three.next();
    assert.equal(pulled, 6);
  });

  it("gives the same lines whatever the batch size, bad lines in place", async () => {
    const input = [doc("a"), "not json", doc("b", { published: "2022-02-30" }), "", doc("c"), doc("d")];
    const lines = async (size: number) => {
      const out: string[] = [];
      for await (const line of extractLines(input, emptySummary(), {}, size)) out.push(line);
      return out;
    };
    const single = await lines(1);
    assert.equal(single.length, 6);
    assert.deepEqual(
      single.map((l) => JSON.parse(l).code ?? "record"),
      ["record", "BAD_JSON", "BAD_DATE", "EMPTY_INPUT", "record", "record"],
    );
    for (const size of [2, 4, 64]) assert.deepEqual(await lines(size), single);
  });

  it("counts facts into the summary", async () => {
    const { summary } = await collect([doc("a"), doc("b")]);
    assert.equal(summary.documents, 2);
    assert.ok(summary.incidents >= 0 && summary.claims >= 0 && summary.responses >= 0);
  });
});
