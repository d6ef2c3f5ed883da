import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { ReadScope } from "../model/index.ts";
import type { FactKind } from "../model/knowledge.ts";
import { type Knowledge, openKnowledge } from "./knowledge.ts";
import { type SourceSpan, sourceView } from "./source-view.ts";

// The source page's spans, read from the source's own quotes, are those found by reading each of its incidents
// whole and keeping the quotes of that source: with incidents told by many stories, merged by an analyst, and
// with a claim an analyst rejected and one whose stance was edited.
const CORPUS = fileURLToPath(new URL("../../data/corpus/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "casebook-source-view-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The spans as a reading of every incident in full finds them. */
async function spansFromWholeIncidents(kb: Knowledge, id: string, scope?: ReadScope): Promise<SourceSpan[]> {
  const source = await kb.source(id, scope);
  assert.ok(source);
  const spans: SourceSpan[] = [];
  const seen = new Set<string>();
  const party = (p: { kind: string; country?: string; name?: string; code?: string } | null) =>
    p === null ? "unnamed" : (p.country ?? p.code ?? p.name ?? p.kind);
  for (const { id: incidentId } of source.incidents) {
    const inc = await kb.incident(incidentId, scope);
    const facts: Array<{ kind: FactKind; id: string; label: string; evidence: typeof inc.evidence }> = [
      { kind: "incident", id: inc.id, label: inc.label, evidence: inc.evidence },
      ...inc.claims.map((c) => ({
        kind: "claim" as const,
        id: c.id,
        label: `${party(c.claimant)} ${c.stance} ${party(c.accused)}`,
        evidence: c.evidence,
      })),
      ...inc.responses.map((r) => ({
        kind: "response" as const,
        id: r.id,
        label: `${r.kind} ${party(r.actor)}${r.target ? ` → ${party(r.target)}` : ""}`,
        evidence: r.evidence,
      })),
    ];
    for (const f of facts) {
      for (const e of f.evidence) {
        const key = `${f.id}:${e.start}:${e.end}`;
        if (e.source.id !== id || seen.has(key)) continue;
        seen.add(key);
        spans.push({
          start: e.start,
          end: e.end,
          quote: e.quote,
          factKind: f.kind,
          factId: f.id,
          incidentId,
          label: f.label,
        });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

describe("the source page", () => {
  let kb: Knowledge;
  let sources: string[];
  before(async () => {
    kb = await openKnowledge(join(dir, "kb.db"), { create: true });
    await kb.ingest([CORPUS]);
    const top = (await kb.incidents({ sort: "-sources", limit: 3 })).incidents;
    const [into, ...from] = top.map((i) => i.id) as [string, ...string[]];
    for (const id of from) await kb.merge(id, into, "ana");
    const claims = (await kb.incident(into)).claims;
    assert.ok(claims.length >= 2);
    await kb.decide({ factKind: "claim", factId: claims[0]?.id ?? "", action: "reject", by: "ana" });
    await kb.decide({
      factKind: "claim",
      factId: claims[1]?.id ?? "",
      action: "edit",
      field: "stance",
      value: "denies",
      by: "ana",
    });
    sources = [...new Set(top.flatMap((i) => i.source.id))];
    for (const s of await kb.search("attack", 40)) sources.push(s.source.id);
    // two incidents of one story merged: the story's quotes of both then belong to the one they became
    for (const id of sources) {
      const incidents = (await kb.source(id))?.incidents ?? [];
      const [first, second] = incidents;
      if (first && second && !top.some((i) => i.id === first.id || i.id === second.id)) {
        await kb.merge(second.id, first.id, "ana");
        break;
      }
    }
  });
  after(() => kb.close());

  it("highlights the same quotes, facts and labels as reading each incident whole", async () => {
    let spans = 0;
    for (const id of new Set(sources)) {
      const view = await sourceView(kb, id);
      assert.ok(view);
      assert.deepEqual(view.spans, await spansFromWholeIncidents(kb, id), id);
      for (const s of view.spans) assert.equal(view.text.slice(s.start, s.end), s.quote);
      spans += view.spans.length;
    }
    assert.ok(spans > 100, `only ${spans} spans were compared`);
  });

  it("is null for a source the reader may not see, or none", async () => {
    assert.equal(await sourceView(kb, "no-such-source"), null);
  });
});
