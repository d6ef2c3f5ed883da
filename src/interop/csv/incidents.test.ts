import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvLine } from "./incidents.ts";

describe("CSV lines", () => {
  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    assert.equal(csvLine(["a", "b,c", 'say "no"', "two\nlines"]), 'a,"b,c","say ""no""","two\nlines"\r\n');
  });
  it("keeps a spreadsheet from running a cell as a formula", () => {
    assert.equal(csvLine(["=HYPERLINK(1)", "+1", "-2", "@x", "ok"]), "'=HYPERLINK(1),'+1,'-2,'@x,ok\r\n");
  });
});
