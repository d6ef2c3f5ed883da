import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertSentenceError } from "../../test/helpers/sentence-error.ts";
import { normalizePublished } from "./published.ts";

const now = new Date("2024-05-01T12:00:00Z");
const norm = (v: string | null | undefined) => normalizePublished(v, now);

describe("normalizePublished", () => {
  it("accepts a calendar day and full ISO timestamps", () => {
    assert.equal(norm("2022-09-10"), "2022-09-10");
    assert.equal(norm(" 2022-09-10 "), "2022-09-10");
    assert.equal(norm("2022-09-10T08:15:00Z"), "2022-09-10");
    assert.equal(norm("2022-09-10T08:15+02:00"), "2022-09-10");
    assert.equal(norm("2022-09-10 08:15:30.5-0500"), "2022-09-10");
    assert.equal(norm("2024-02-29"), "2024-02-29");
  });

  it("accepts tomorrow, for publishers ahead of us in time zones", () => {
    assert.equal(norm("2024-05-02"), "2024-05-02");
  });

  it("refuses a missing date", () => {
    for (const v of [undefined, null, "", "   "])
      assertSentenceError(() => norm(v), "MISSING_DATE", /missing/);
  });

  it("refuses days that do not exist", () => {
    for (const v of ["2022-02-30", "2022-13-01", "2023-02-29", "2022-00-10", "2022-09-31"]) {
      assertSentenceError(() => norm(v), "BAD_DATE", new RegExp(`"${v}" names a day that does not exist`));
    }
  });

  it("refuses words and other formats", () => {
    for (const v of ["yesterday", "10/09/2022", "September 10, 2022", "2022-9-10", "20220910", "2022-09"]) {
      assertSentenceError(() => norm(v), "BAD_DATE", /not a date in the form YYYY-MM-DD/);
    }
  });

  it("refuses impossible times in a timestamp", () => {
    assertSentenceError(() => norm("2022-09-10T25:00:00Z"), "BAD_DATE", /not a date/);
  });

  it("refuses the far future and the distant past", () => {
    assertSentenceError(() => norm("2024-05-03"), "BAD_DATE", /in the future/);
    assertSentenceError(() => norm("3022-01-01"), "BAD_DATE", /in the future/);
    assertSentenceError(() => norm("0001-01-01"), "BAD_DATE", /before 1900/);
  });

  it("shortens a long bad value in the message", () => {
    const err = assertSentenceError(() => norm("x".repeat(500)), "BAD_DATE", /…/);
    assert.ok(err.message.length < 160);
  });
});
