import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { Document, DocumentRecord, Party } from "../../model/index.ts";
import { partyKey } from "../../model/index.ts";
import { partyCountry, partyName } from "../fact-rows.ts";
import { ev, hospital, tirana } from "../fixtures.case.ts";
import { claimId, incidentId, partyId, responseId, sourceId } from "../ids.ts";
import { MIGRATIONS_DIR } from "./migrate.ts";
import { openSqliteStore } from "./sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "casebook-migrate-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a document the way schema 1 stored it (the writer of the first release, trimmed). */
function saveAsSchema1(raw: Database.Database, doc: Document, record: DocumentRecord): void {
  const sid = sourceId(doc.sha256);
  raw
    .prepare(
      `INSERT INTO sources (id, doc_id, sha256, title, url, publisher, published, tlp, text, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00.000Z')`,
    )
    .run(
      sid,
      doc.id,
      doc.sha256,
      doc.title ?? null,
      doc.url ?? null,
      doc.publisher ?? null,
      doc.published,
      doc.tlp,
      doc.text,
    );
  const party = (p: Party) => {
    const key = partyKey(p);
    raw
      .prepare("INSERT OR IGNORE INTO parties (id, key, kind, name, country) VALUES (?, ?, ?, ?, ?)")
      .run(partyId(key), key, p.kind, partyName(p), partyCountry(p) ?? null);
    return partyId(key);
  };
  const evidence = (kind: string, id: string, list: DocumentRecord["incidents"][number]["evidence"]) =>
    list.forEach((e, k) => {
      raw
        .prepare(
          `INSERT INTO evidence (fact_kind, fact_id, source_id, position, start, "end", quote) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(kind, id, sid, k, e.start, e.end, e.quote);
    });
  const date = (d?: { value: string; precision: string; text?: string }) =>
    d ? [d.value, d.precision, d.text ?? null] : [null, null, null];
  const bounds = (v?: string) =>
    v === undefined ? [null, null] : v.length === 7 ? [`${v}-01`, `${v}-31`] : [v, v];
  record.incidents.forEach((inc, k) => {
    const id = incidentId(doc.sha256, inc.id);
    raw
      .prepare(
        `INSERT INTO incidents (id, source_id, local_id, position, label, date_value, date_precision, date_text,
        date_start, date_end, victims_json, types_json, systems_json, campaign_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        sid,
        inc.id,
        k,
        inc.label,
        ...date(inc.date),
        ...bounds(inc.date?.value),
        JSON.stringify(inc.victims),
        JSON.stringify(inc.types),
        JSON.stringify(inc.systems),
        inc.campaign ? `campaign-${doc.id}` : null,
      );
    inc.victims.forEach((v, n) => {
      raw
        .prepare("INSERT INTO incident_victims (incident_id, position, party_id) VALUES (?, ?, ?)")
        .run(id, n, party(v));
    });
    for (const t of inc.types)
      raw.prepare("INSERT INTO incident_types (incident_id, type) VALUES (?, ?)").run(id, t);
    evidence("incident", id, inc.evidence);
  });
  record.claims.forEach((c, k) => {
    const id = claimId(doc.sha256, c.id);
    raw
      .prepare(
        `INSERT INTO claims (id, source_id, local_id, position, stance, claimant_party_id, claimant_json,
        accused_party_id, accused_json, date_value, date_precision, date_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        sid,
        c.id,
        k,
        c.stance,
        c.claimant ? party(c.claimant) : null,
        c.claimant ? JSON.stringify(c.claimant) : null,
        party(c.accused),
        JSON.stringify(c.accused),
        ...date(c.date),
      );
    for (const i of c.incidents) {
      raw.prepare("INSERT INTO claim_incidents VALUES (?, ?)").run(id, incidentId(doc.sha256, i));
    }
    evidence("claim", id, c.evidence);
  });
  record.responses.forEach((r, k) => {
    const id = responseId(doc.sha256, r.id);
    raw
      .prepare(
        `INSERT INTO responses (id, source_id, local_id, position, kind, actor_party_id, actor_json, target_party_id,
        target_json, date_value, date_precision, date_text, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        sid,
        r.id,
        k,
        r.kind,
        party(r.actor),
        JSON.stringify(r.actor),
        r.target ? party(r.target) : null,
        r.target ? JSON.stringify(r.target) : null,
        ...date(r.date),
        r.detail ?? null,
      );
    for (const i of r.incidents) {
      raw.prepare("INSERT INTO response_incidents VALUES (?, ?)").run(id, incidentId(doc.sha256, i));
    }
    evidence("response", id, r.evidence);
  });
}

describe("migrating a schema-1 knowledge base to schema 2", () => {
  it("keeps every fact, its quotes and the decisions about it, and lets new reports find them", async () => {
    const schema1 = join(dir, "schema1");
    mkdirSync(schema1);
    copyFileSync(join(MIGRATIONS_DIR, "0001_init.sql"), join(schema1, "0001_init.sql"));
    const path = join(dir, "old.db");
    await (await openSqliteStore(path, { migrationsDir: schema1 })).close();
    const A = tirana();
    const C = hospital();
    // a fact quoted twice by one source: schema 6 counts a report's quotes
    A.record.incidents[0]?.evidence.push(ev(A.doc.text, "Border control systems"));
    const raw = new Database(path);
    raw.transaction(() => {
      saveAsSchema1(raw, A.doc, A.record);
      saveAsSchema1(raw, C.doc, C.record);
      raw
        .prepare(
          `INSERT INTO decisions (id, fact_kind, fact_id, action, decided_by, decided_at)
          VALUES ('d1', 'claim', ?, 'reject', 'ana', '2024-01-02T00:00:00.000Z')`,
        )
        .run(claimId(A.doc.sha256, "claim-1"));
    })();
    raw.close();

    const store = await openSqliteStore(path);
    const fresh = await openSqliteStore(join(dir, "fresh.db"));
    for (const x of [A, C]) await fresh.saveDocument(x.doc, x.record);
    const migrated = await store.counts();
    assert.deepEqual(
      { ...migrated, decisions: 0, campaigns: 0 },
      { ...(await fresh.counts()), campaigns: 0 },
      "the same rows as a fresh store holding the same documents as reported",
    );
    assert.equal(migrated.reports, 2 + 2 + 2 + 1, "one report per fact");
    const twice = await store.getIncident(incidentId(A.doc.sha256, "incident-1"), {}, { quotes: 1 });
    assert.deepEqual([twice?.evidence.length, twice?.evidenceCount], [1, 2]);
    for (const local of ["incident-1", "incident-2"]) {
      const id = incidentId(A.doc.sha256, local);
      const [before, now] = [await fresh.getIncident(id), await store.getIncident(id)];
      assert.ok(before && now);
      assert.deepEqual({ ...now, campaign: undefined }, { ...before, campaign: undefined });
      assert.deepEqual(
        now.campaign?.incidents.map((i) => i.id),
        before.campaign?.incidents.map((i) => i.id),
      );
      // the first quote of each fact and how many it has in all come from what schema 6 added to each report
      const [cutBefore, cutNow] = [
        await fresh.getIncident(id, {}, { quotes: 1 }),
        await store.getIncident(id, {}, { quotes: 1 }),
      ];
      assert.ok(cutBefore && cutNow);
      assert.deepEqual({ ...cutNow, campaign: undefined }, { ...cutBefore, campaign: undefined });
    }
    assert.deepEqual(
      (await store.decisions(claimId(A.doc.sha256, "claim-1"))).map((d) => [d.id, d.action]),
      [["d1", "reject"]],
    );
    const found = await store.findCandidates({
      byVictim: [{ victims: ["state:AL"], from: "2022-07-15", to: "2022-07-15" }],
      byName: [],
      responses: [],
    });
    assert.deepEqual(
      found.incidents.map((i) => i.id),
      [incidentId(A.doc.sha256, "incident-2")],
    );
    await Promise.all([store.close(), fresh.close()]);

    const check = new Database(path, { readonly: true });
    assert.equal(check.pragma("integrity_check", { simple: true }), "ok");
    assert.deepEqual(check.pragma("foreign_key_check"), []);
    check.close();
  });
});
