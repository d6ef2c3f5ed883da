import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitLines } from "./split-lines.ts";

async function lines(...chunks: (string | number[])[]): Promise<string[]> {
  async function* source() {
    for (const c of chunks) yield typeof c === "string" ? Buffer.from(c, "utf8") : Uint8Array.from(c);
  }
  const out: string[] = [];
  for await (const line of splitLines(source())) out.push(Buffer.from(line).toString("latin1"));
  return out;
}

describe("splitLines", () => {
  it("splits on LF and drops the CR of CRLF", async () => {
    assert.deepEqual(await lines("a\r\nb\nc\r\n"), ["a", "b", "c"]);
  });

  it("keeps a last line without a newline, and inner empty lines", async () => {
    assert.deepEqual(await lines("a\n\nb"), ["a", "", "b"]);
  });

  it("joins lines cut across chunks", async () => {
    assert.deepEqual(await lines("ab", "c\nd", "e", "f\r", "\ng"), ["abc", "def", "g"]);
  });

  it("drops a leading byte-order mark only", async () => {
    assert.deepEqual(await lines([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xef, 0xbb, 0xbf, 0x62]), [
      "a",
      "\u00ef\u00bb\u00bfb",
    ]);
  });

  it("passes bytes through undecoded", async () => {
    assert.deepEqual(await lines([0x63, 0xe9, 0x0a]), ["c\u00e9"]);
  });

  it("gives nothing for empty input", async () => {
    assert.deepEqual(await lines(), []);
    assert.deepEqual(await lines(""), []);
  });
});
