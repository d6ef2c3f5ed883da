import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fuzzyDate } from "../../model/index.ts";
import { dateAfter, dateApart, laterPhrases } from "./later-dates.ts";

const after = (from: ReturnType<typeof fuzzyDate>, sentence: string) => {
  const [phrase] = laterPhrases(sentence);
  assert.ok(phrase, `no phrase of later time in "${sentence}"`);
  return dateAfter(from, phrase)?.value;
};

describe("later dates", () => {
  it("counts months across the turn of a year, at month precision", () => {
    assert.equal(after(fuzzyDate(2022, 12, 14), "The following month, the bank was hit."), "2023-01");
    assert.equal(after(fuzzyDate(2022, 11), "Three months later it struck again."), "2023-02");
  });

  it("counts days and weeks from a day, across the end of a month", () => {
    assert.equal(after(fuzzyDate(2024, 2, 27), "Two days later the site went dark."), "2024-02-29");
    assert.equal(after(fuzzyDate(2024, 1, 30), "The next week hackers returned."), "2024-02-06");
  });

  it("gives no day after a date known only by its month, and a year after a year", () => {
    assert.equal(after(fuzzyDate(2015, 12), "The next day the grid failed."), undefined);
    assert.equal(after(fuzzyDate(2015), "A year later the attackers came back."), "2016");
  });

  it("finds no phrase in 'later' alone or in 'the following statement'", () => {
    assert.deepEqual(laterPhrases("The ministry later said the following statement was false."), []);
  });

  it("counts 'four days after' back from the day before it, and only from a day", () => {
    assert.equal(dateApart(fuzzyDate(2024, 3, 2), ", four days after the theft")?.date.value, "2024-02-27");
    assert.equal(dateApart(fuzzyDate(2024, 3, 9), " two weeks after")?.date.value, "2024-02-24");
    assert.equal(dateApart(fuzzyDate(2024, 3), ", four days after the theft"), undefined);
  });

  it("counts 'the day before' and 'three days before' forward from the day before them", () => {
    assert.equal(
      dateApart(fuzzyDate(2018, 8, 10), ", the day before the attack began")?.date.value,
      "2018-08-11",
    );
    assert.equal(
      dateApart(fuzzyDate(2024, 2, 28), ", three days before the theft")?.date.value,
      "2024-03-02",
    );
  });
});
