import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Party } from "../model/index.ts";
import type { IncidentDetail, IncidentSummary } from "../model/knowledge.ts";
import { type Knowledge, openKnowledge } from "./knowledge.ts";

// The acceptance cases of the knowledge base (issue 3), on real SQLite files: three stories about the Albania
// attacks merge into one July incident; the whole corpus ingested twice adds nothing the second time; analysts'
// decisions outlive re-ingesting and re-extracting.
const SEED = fileURLToPath(new URL("../../../shared/seeds/albania-second-cyberattack.txt", import.meta.url));
const CORPUS = fileURLToPath(new URL("../../data/corpus/", import.meta.url));
const STORIES = [
  SEED,
  join(CORPUS, "001-albania-july-microsoft.txt"),
  join(CORPUS, "002-us-sanctions-mois.txt"),
];
const SEED_PUBLISHED = "2022-09-10";
const dir = mkdtempSync(join(tmpdir(), "casebook-merge-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openKnowledge(join(dir, `kb-${++n}.db`), { create: true });
const country = (p: Party | null) => (p?.kind === "state" ? p.country : null);
const seedSkip = existsSync(SEED) ? false : "../shared/seeds is absent: the seed story cannot be ingested";

async function albanian(kb: Knowledge, month: string): Promise<IncidentSummary[]> {
  return (await kb.incidents({ victim: "AL", since: month, until: month })).incidents;
}

describe("acceptance 1: three stories about the Albania attacks", { skip: seedSkip }, () => {
  let kb: Knowledge;
  let july: IncidentDetail;
  before(async () => {
    kb = await fresh();
    const summary = await kb.ingest(STORIES, { published: SEED_PUBLISHED });
    assert.deepEqual(summary.documents, { new: 3, duplicate: 0, failed: 0 });
    assert.ok(summary.incidents.merged >= 2, `${summary.incidents.merged} incident reports merged`);
    const [one, ...more] = await albanian(kb, "2022-07");
    assert.ok(one);
    assert.deepEqual(more, [], "one July incident");
    july = await kb.incident(one.id);
  });
  after(() => kb.close());

  it("makes the July attack one incident told by two or more of the stories", () => {
    assert.ok(july.sources.length >= 2, `sources: ${july.sources.map((s) => s.title).join("; ")}`);
    assert.equal(july.date?.value, "2022-07-15", "the more precise of the dates reported");
    assert.ok(
      new Set(july.evidence.map((e) => e.source.id)).size >= 2,
      "its quotes come from several stories",
    );
  });

  it("keeps the September attack apart, in one campaign with July", async () => {
    const september = await albanian(kb, "2022-09");
    assert.equal(september.length, 1, september.map((i) => `${i.label} ${i.date?.value}`).join("; "));
    const detail = await kb.incident(september[0]?.id ?? "");
    assert.notEqual(detail.id, july.id);
    assert.ok(detail.campaign, "the September incident has a campaign");
    assert.equal(detail.campaign.id, july.campaign?.id);
    assert.deepEqual(detail.campaign.incidents.map((i) => i.id).sort(), [detail.id, july.id].sort());
  });

  it("makes the US sanctions on Iran one response with two sources", () => {
    const sanctions = july.responses.filter(
      (r) => r.kind === "sanctions" && country(r.actor) === "US" && country(r.target) === "IR",
    );
    assert.equal(sanctions.length, 1);
    const sources = new Set(sanctions[0]?.evidence.map((e) => e.source.title));
    assert.equal(sources.size, 2, [...sources].join("; "));
  });

  it("shows every quote with its source, and each quote is the source's own words", async () => {
    const texts = new Map<string, string>();
    for (const s of july.sources) texts.set(s.id, (await kb.source(s.id))?.text ?? "");
    const quotes = [july, ...july.claims, ...july.responses].flatMap((f) => f.evidence);
    assert.ok(quotes.length >= 5);
    for (const q of quotes) {
      assert.ok(q.source.title && q.source.published, "each quote names its source");
      const text = texts.get(q.source.id) ?? (await kb.source(q.source.id))?.text;
      assert.equal(text?.slice(q.start, q.end), q.quote);
    }
    const accusations = july.claims.filter(
      (c) => c.stance === "accuses" && country(c.claimant) === "AL" && country(c.accused) === "IR",
    );
    assert.equal(accusations.length, 1, "Albania's accusation over July is one claim");
  });
});

describe("acceptance 2: the whole corpus ingested twice", () => {
  it("adds nothing the second time", async () => {
    const kb = await fresh();
    const first = await kb.ingest([CORPUS]);
    assert.equal(first.documents.failed, 0, JSON.stringify(first.failures));
    assert.ok(first.documents.new >= 60);
    const counts = await kb.counts();
    const second = await kb.ingest([CORPUS]);
    assert.deepEqual(second.documents, { new: 0, duplicate: first.documents.new, failed: 0 });
    assert.deepEqual(await kb.counts(), counts);
    assert.ok(counts.incidents < first.incidents.new + first.incidents.merged, "some incidents merged");
    await kb.close();
  });
});

describe("acceptance 4: analysts' decisions outlive re-ingesting and re-extracting", {
  skip: seedSkip,
}, () => {
  it("keeps a rejected claim rejected and an edited date edited, and show says so", async () => {
    const kb = await fresh();
    await kb.ingest(STORIES, { published: SEED_PUBLISHED });
    const [september] = await albanian(kb, "2022-09");
    assert.ok(september);
    const detail = await kb.incident(september.id);
    const denial = detail.claims.find((c) => c.stance === "denies");
    assert.ok(denial, "Iran's denial");
    await kb.decide({ factKind: "claim", factId: denial.id, action: "reject", by: "ana" });
    const edited = { value: "2022-09-08", precision: "day" };
    await kb.decide({
      factKind: "incident",
      factId: september.id,
      action: "edit",
      field: "date",
      value: edited,
      by: "ben",
    });

    const check = async (when: string) => {
      const now = await kb.incident(september.id);
      assert.deepEqual(now.date, edited, `${when}: the edited date is shown`);
      assert.deepEqual(
        now.review?.edits.map((e) => [e.field, e.value, e.extracted, e.by]),
        [["date", edited, detail.date, "ben"]],
        when,
      );
      const claim = now.claims.find((c) => c.id === denial.id);
      assert.deepEqual([claim?.review?.verdict?.action, claim?.review?.verdict?.by], ["reject", "ana"], when);
      assert.equal(
        now.claims.filter((c) => c.review).length,
        1,
        `${when}: only the rejected claim is marked`,
      );
    };
    await check("after deciding");
    const counts = await kb.counts();

    const again = await kb.ingest(STORIES, { published: SEED_PUBLISHED });
    assert.deepEqual(again.documents, { new: 0, duplicate: 3, failed: 0 });
    await check("after re-ingesting");

    const result = await kb.reprocess();
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.counts, counts, "re-extracting the same texts rebuilds the same facts");
    await check("after reprocessing");
    await kb.close();
  });
});
