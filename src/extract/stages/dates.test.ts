import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { casual } from "chrono-node";
import { readingFacts } from "../../../test/helpers/date-reading.ts";
import { splitSentences } from "../text/sentences.ts";
import { PARSERS, parseDates } from "./date-parser.ts";
import { findDates } from "./dates.ts";

const published = { year: 2022, month: 9, day: 10 }; // a Saturday
const datesIn = (text: string, pub = published) =>
  findDates(splitSentences(text), pub).map((d) => ({
    value: d.date.value,
    precision: d.date.precision,
    statement: d.statement,
  }));

describe("dates resolved against the publication date", () => {
  it("reads a weekday in past-tense reporting as the latest such day on or before publication", () => {
    assert.deepEqual(datesIn("The systems were hit on Friday by hackers."), [
      { value: "2022-09-09", precision: "day", statement: false },
    ]);
    assert.equal(datesIn("The attack began on Saturday.")[0]?.value, "2022-09-10");
    assert.equal(datesIn("Officials met on Sunday to assess it.")[0]?.value, "2022-09-04");
  });

  it("takes a weekday's short form for the word it spells, unless it is written as dates write it", () => {
    assert.deepEqual(datesIn("Perishable cargo sat in the containers for days."), []);
    assert.deepEqual(datesIn("Crews worked under the hot sun to clear the backlog."), []);
    assert.deepEqual(datesIn("The Sun reported that the hackers had stolen the files."), []);
    assert.equal(datesIn("The leak was posted Sun, Sept 4, by the group.")[0]?.value, "2022-09-04");
    assert.equal(datesIn("The outage began Sat. and ended on Mon.")[0]?.value, "2022-09-10");
  });

  it("reads the month a flaw was patched as a telling, not as when it was used", () => {
    assert.deepEqual(datesIn("The worm spread through a flaw in Windows that the vendor patched in March."), [
      { value: "2022-03", precision: "month", statement: true },
    ]);
  });

  it("reads 'mid-December' as December, and the day an attack was made public as a telling", () => {
    assert.deepEqual(datesIn("The firm found the intrusion in mid-December."), [
      { value: "2021-12", precision: "month", statement: false },
    ]);
    assert.deepEqual(datesIn("The retailer made the breach public on August 30."), [
      { value: "2022-08-30", precision: "day", statement: true },
    ]);
  });

  it("reads a month that opens a sentence of blaming as the blaming's, and a year as possibly the attack's", () => {
    assert.deepEqual(datesIn("In October 2020 the government blamed Russia for a break-in that August."), [
      { value: "2020-10", precision: "month", statement: true },
      { value: "2020-08", precision: "month", statement: false },
    ]);
    assert.deepEqual(datesIn("In 2021 the allies formally accused China of a hacking campaign."), [
      { value: "2021", precision: "year", statement: false },
    ]);
  });

  it("reads a month without a year as the latest such month not after publication", () => {
    assert.deepEqual(datesIn("Hackers attacked the portal in July."), [
      { value: "2022-07", precision: "month", statement: false },
    ]);
    assert.equal(datesIn("Hackers attacked the portal in November.")[0]?.value, "2021-11");
  });

  it("keeps year-only and month-only precision and takes the start of a range", () => {
    assert.deepEqual(datesIn("The worm hit centrifuges in 2010."), [
      { value: "2010", precision: "year", statement: false },
    ]);
    assert.equal(datesIn("A cyber attack in April and May 2015 paralysed the network.")[0]?.value, "2015-04");
    assert.equal(datesIn("He hacked the dam between August and September 2013.")[0]?.value, "2013-08");
    assert.equal(datesIn("It has been active since mid-2021.")[0]?.value, "2021");
  });

  it("gives the start of 'late June and early July 2018' the range's year, not the publication's", () => {
    assert.deepEqual(
      datesIn("Between late June and early July 2018, attackers copied the patient records.").map(
        (d) => d.value,
      ),
      ["2018-06"],
    );
  });

  it("reads May after 'late', 'mid-' and 'last' as the month, as it reads June, and never a name or a verb", () => {
    for (const text of [
      "An attack in late May hit the port.",
      "An attack in mid-May hit the port.",
      "An attack last May hit the port.",
    ])
      assert.deepEqual(datesIn(text), [{ value: "2022-05", precision: "month", statement: false }], text);
    assert.equal(datesIn("An attack in late June hit the port.")[0]?.value, "2022-06");
    assert.deepEqual(datesIn("Prime Minister Theresa May said the port was hit."), []);
  });

  it("marks when something was said apart from when it happened", () => {
    const [said] = datesIn("The ministry said on Saturday that the police systems were down.");
    assert.equal(said?.statement, true);
    const [rama] = datesIn("On Wednesday Prime Minister Edi Rama said the attack came from abroad.");
    assert.equal(rama?.statement, true);
  });

  it("ignores durations, clock times and code names that look like weekdays", () => {
    assert.deepEqual(datesIn("Diplomats had 24 hours to leave."), []);
    assert.deepEqual(datesIn("The attack on the KA-SAT network cut links."), []);
    assert.deepEqual(datesIn("Users may lose access, it warned."), []);
  });
});

describe("the date parser's shortcuts", () => {
  const ref = { instant: new Date(Date.UTC(2022, 8, 10, 12)), timezone: 0 };
  const reading = readingFacts;

  it("reads a lone weekday, a sentence without dates and every other sentence as chrono does", () => {
    const chrono = casual.clone();
    chrono.parsers = [...PARSERS];
    for (const text of [
      "The systems were hit on Friday, officials said.",
      "Hackers struck on Thu. and fled.",
      "It happened last Friday.",
      "It began on Friday, July 15, and lasted a week.",
      "The outage began on Monday (CET) and ended on Tuesday.",
      "The attack on Friday, EST, was contained.",
      "The attack on Friday and the outage on Saturday were linked.",
      "Officials said on Monday, the ministry confirmed it.",
      "Nothing in this sentence is a date.",
      "Hackers attacked the portal in July, officials said.",
      "The breach dates from July 2015 and was found later.",
      "It was patched by the end of July.",
      "Users may lose access, it warned.",
      "The months of mourning ended.",
    ]) {
      const expected = chrono.parse(text, ref).map(reading);
      assert.deepEqual(parseDates(text, ref).map(reading), expected, text);
    }
  });
  it("reads 'that August' and 'June of that year' in the year the sentence named before", () => {
    const dates = datesIn(
      "In October 2020 Norway blamed Russia for a break-in to the email system of its parliament that August.",
      { year: 2025, month: 8, day: 14 },
    );
    assert.deepEqual(
      dates.map((d) => d.value),
      ["2020-10", "2020-08"],
    );
    const ofThatYear = datesIn(
      "The bank said in a filing in October 2014 that records were taken in an intrusion that began in June of that year.",
      { year: 2015, month: 8, day: 11 },
    );
    assert.deepEqual(
      ofThatYear.map((d) => d.value),
      ["2014-10", "2014-06"],
    );
  });
});
