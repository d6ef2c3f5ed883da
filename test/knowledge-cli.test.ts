import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "./helpers/run-cli.ts";
import { assertSentence } from "./helpers/sentence-error.ts";

// A story written for this test, with its date in the X.json beside it.
const STORY =
  "Albania cuts ties with Iran over cyberattack\n\n" +
  "Albania's prime minister said on Wednesday that Iran was behind the cyberattack that knocked the " +
  "government's online services offline in July. The government ordered Iranian diplomats to leave the " +
  "country within 24 hours. Iran's foreign ministry rejected the accusation as baseless.";
const LINE = {
  id: "port-1",
  title: "Port operator hit by ransomware",
  published: "2023-04-03",
  url: "https://example.org/port",
  text:
    "Port operator hit by ransomware\n\nThe operator of the northern container port in Rotterdam said on " +
    "Monday that a ransomware attack had taken its cargo booking system offline.",
};

let dir = "";
let db = "";
before(() => {
  dir = mkdtempSync(join(tmpdir(), "casebook-kb-cli-"));
  db = join(dir, "kb.db");
  mkdirSync(join(dir, "in"));
  writeFileSync(join(dir, "in", "albania.txt"), STORY);
  writeFileSync(
    join(dir, "in", "albania.json"),
    JSON.stringify({ published: "2022-09-08", url: "https://example.org/albania" }),
  );
  writeFileSync(join(dir, "docs.jsonl"), `${JSON.stringify(LINE)}\n{"id": "cut-off", "text": \n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("casebook ingest, incidents, show", () => {
  it("ingests, lists and shows incidents with their quotes and sources", async () => {
    const ingest = await runCli([
      "ingest",
      join(dir, "in"),
      join(dir, "docs.jsonl"),
      "--db",
      db,
      "--tlp",
      "amber",
    ]);
    assert.equal(ingest.code, 1, "a failed line makes the exit code 1");
    assert.match(
      ingest.stdout,
      /^ingested 3 documents into .*kb\.db: 2 new, 0 duplicates, 1 failed; \d+ incidents/,
    );
    assert.match(ingest.stderr, /failed: .*docs\.jsonl:2 \(cut-off\): The line is not valid JSON/);
    assertSentence(
      ingest.stderr
        .trimEnd()
        .split("\n")
        .at(-1)
        ?.replace(/^casebook: /, "") ?? "",
    );

    const again = await runCli(["ingest", join(dir, "in"), "--db", db]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /: 0 new, 1 duplicate, 0 failed; 0 incidents, 0 claims, 0 responses/);

    // the database named by CASEBOOK_DB
    const list = await runCli(["incidents", "--victim", "AL", "--json"], { CASEBOOK_DB: db });
    assert.equal(list.code, 0, list.stderr);
    const { total, incidents } = JSON.parse(list.stdout);
    assert.equal(total, 1);
    const [incident] = incidents;
    assert.deepEqual(incident.victims, [{ kind: "state", country: "AL" }]);
    assert.equal(incident.source.url, "https://example.org/albania");
    assert.equal(incident.source.tlp, "amber");

    const show = await runCli(["show", incident.id, "--json", "--db", db]);
    assert.equal(show.code, 0, show.stderr);
    const detail = JSON.parse(show.stdout);
    assert.equal(detail.id, incident.id);
    const accusation = detail.claims.find((c: { stance: string }) => c.stance === "accuses");
    assert.deepEqual([accusation?.claimant.country, accusation?.accused.country], ["AL", "IR"]);
    const quotes = [detail, ...detail.claims, ...detail.responses].flatMap((f) => f.evidence);
    assert.ok(quotes.length >= 2);
    for (const q of quotes) {
      assert.equal(STORY.slice(q.start, q.end), q.quote);
      assert.deepEqual(
        [q.source.title, q.source.url, q.source.published],
        ["Albania cuts ties with Iran over cyberattack", "https://example.org/albania", "2022-09-08"],
      );
    }

    const text = await runCli(["show", incident.id.slice(0, 8), "--db", db]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Claims \(\d+\)\n {2}AL \(.*\) accuses IR/);
    assert.match(text.stdout, /"Albania's prime minister said on Wednesday that Iran was behind/);
    assert.match(
      text.stdout,
      /— Albania cuts ties with Iran over cyberattack, 2022-09-08, https:\/\/example\.org\/albania \[TLP:AMBER\]/,
    );
  });

  it("answers parties, stats and search, as tables or JSON", async () => {
    const [partiesRun, statsRun, search, table] = await Promise.all([
      runCli(["parties", "--json", "--db", db]),
      runCli(["stats", "--json", "--db", db]),
      runCli(["search", "cargo booking", "--db", db]),
      runCli(["incidents", "--db", db, "--since", "2022", "--until", "2022"]),
    ]);
    const parties = JSON.parse(partiesRun.stdout);
    assert.ok(parties.some((p: { key: string }) => p.key === "state:IR"));
    const stats = JSON.parse(statsRun.stdout);
    assert.equal(stats.totals.sources, 2);
    assert.ok(
      stats.victimAccused.some(
        (d: { victim: string; accused: string }) => d.victim === "AL" && d.accused === "IR",
      ),
    );
    assert.equal(search.code, 0, search.stderr);
    assert.match(
      search.stdout,
      /1\. Port operator hit by ransomware, 2023-04-03, https:\/\/example\.org\/port \[TLP:AMBER\]/,
    );
    assert.match(search.stdout, /\[cargo\] \[booking\]/);
    assert.match(table.stdout, /^id +date +victims/);
    assert.match(table.stdout, /\n1 incident\n$/);
  });

  it("says in a sentence what is wrong, with exit code 1", async () => {
    const cases = [
      [
        ["incidents", "--db", join(dir, "missing.db")],
        /There is no knowledge base at ".*missing\.db"; ingest sources first/,
      ],
      [["show", "0000ffff", "--db", db], /No incident has the id "0000ffff"/],
      [
        ["show", "0000ffff", "--quotes", "none", "--db", db],
        /The --quotes option takes a number of quotes per fact/,
      ],
      [["incidents", "--since", "someday", "--db", db], /The since date "someday" is not a date/],
      [
        ["ingest", join(dir, "in", "albania.txt"), "--db", db, "--published", "soon"],
        /not a date in the form YYYY-MM-DD/,
      ],
    ] as const;
    const runs = await Promise.all(cases.map(([args]) => runCli([...args])));
    cases.forEach(([, pattern], k) => {
      const r = runs[k];
      assert.ok(r);
      assert.equal(r.code, 1, r.stderr);
      const message = r.stderr.trim().replace(/^casebook: /, "");
      assert.match(message, pattern);
      assertSentence(message);
    });
  });
});

const SEED = fileURLToPath(new URL("../../shared/seeds/albania-second-cyberattack.txt", import.meta.url));
const CORPUS = fileURLToPath(new URL("../data/corpus/", import.meta.url));

describe("casebook show, on incidents several stories tell", {
  skip: existsSync(SEED) ? false : "../shared/seeds is absent",
}, () => {
  it("prints each quote with its source, and reprocess rebuilds the same incidents", async () => {
    const merged = join(dir, "merged.db");
    const stories = [
      SEED,
      join(CORPUS, "001-albania-july-microsoft.txt"),
      join(CORPUS, "002-us-sanctions-mois.txt"),
    ];
    const ingest = await runCli(["ingest", ...stories, "--published", "2022-09-10", "--db", merged]);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(
      ingest.stdout,
      /: 3 new, 0 duplicates, 0 failed; \d+ incidents \(\d+ new, [1-9]\d* merged\)/,
    );
    const list = await runCli(
      ["incidents", "--victim", "AL", "--since", "2022-07", "--until", "2022-07", "--json"],
      {
        CASEBOOK_DB: merged,
      },
    );
    const { incidents } = JSON.parse(list.stdout);
    assert.equal(incidents.length, 1);
    assert.ok(incidents[0].sources >= 2);

    const show = await runCli(["show", incidents[0].id.slice(0, 8), "--db", merged]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /\n {2}sources {3}[23]: /);
    const lines = show.stdout.split("\n");
    const quoteLines = lines.flatMap((l, k) => (/^ +"/.test(l) ? [k] : []));
    assert.ok(quoteLines.length >= 5);
    const titles = new Set<string>();
    for (const k of quoteLines) {
      const next = lines[k + 1] ?? "";
      assert.match(
        next,
        /^ +— .+, \d{4}-\d{2}-\d{2}.* \[TLP:CLEAR\], characters \d+–\d+$/,
        `after ${lines[k]}`,
      );
      titles.add(next.replace(/^ +— /, "").split(",")[0] ?? "");
    }
    assert.ok(titles.size >= 2, [...titles].join(" | "));

    // one quote per fact: the rest are counted, with the command that prints them
    const id = incidents[0].id.slice(0, 8);
    const cut = await runCli(["show", id, "--quotes", "1", "--db", merged]);
    assert.equal(cut.code, 0, cut.stderr);
    const more = cut.stdout.match(/… and (\d+) more quotes? \(casebook show (\w+) --quotes all\)/);
    assert.ok(more, cut.stdout);
    assert.equal(more[2], id);
    const cutQuotes = cut.stdout.split("\n").filter((l) => /^ +"/.test(l)).length;
    const hidden = [...cut.stdout.matchAll(/… and (\d+) more/g)].reduce((n, m) => n + Number(m[1]), 0);
    const all = await runCli(["show", id, "--quotes", "all", "--db", merged]);
    assert.equal(all.stdout.split("\n").filter((l) => /^ +"/.test(l)).length, cutQuotes + hidden);
    assert.doesNotMatch(all.stdout, /more quotes? \(/);

    const reprocess = await runCli(["reprocess", "--db", merged]);
    assert.equal(reprocess.code, 0, reprocess.stderr);
    assert.match(
      reprocess.stdout,
      /^reprocessed 3 sources in .*merged\.db: \d+ incidents, \d+ claims, \d+ responses; 0 failed/,
    );
    const again = await runCli(["incidents", "--victim", "AL", "--json", "--db", merged]);
    assert.deepEqual(
      JSON.parse(again.stdout)
        .incidents.map((i: { id: string }) => i.id)
        .includes(incidents[0].id),
      true,
      "the July incident keeps its id",
    );
  });
});
