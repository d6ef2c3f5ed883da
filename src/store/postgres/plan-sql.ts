import type { SavePlan } from "../../model/index.ts";
import type { DateRow, IncidentValues } from "../fact-rows.ts";
import { type TxSql, together } from "./db.ts";
import type { RowsInsert } from "./row-batch.ts";

/**
 * The statements that write a plan, those of the SQLite backend in PostgreSQL's dialect, and those that read
 * what is stored of the facts it names.
 */
export const SQL = {
  incidentUpdate: `UPDATE incidents SET label = $1, name_key = $2, date_value = $3, date_precision = $4,
    date_text = $5, date_start = $6, date_end = $7, victims_json = $8, types_json = $9, systems_json = $10
    WHERE id = $11`,
  victimsClear: "DELETE FROM incident_victims WHERE incident_id = $1",
  victimDates: "UPDATE incident_victims SET date_start = $1, date_end = $2 WHERE incident_id = $3",
  incidentsGet: `SELECT id, label, name_key, date_value, date_precision, date_text, victims_json, types_json,
    systems_json, accused_json FROM incidents WHERE id = ANY($1::text[])`,
  claimsGet:
    "SELECT id, identity, date_value, date_precision, date_text FROM claims WHERE id = ANY($1::text[])",
  responsesGet: `SELECT id, date_value, date_precision, date_text, detail FROM responses
    WHERE id = ANY($1::text[])`,
  claimLinksGet: "SELECT claim_id, incident_id FROM claim_incidents WHERE claim_id = ANY($1::text[])",
  responseLinksGet:
    "SELECT response_id, incident_id FROM response_incidents WHERE response_id = ANY($1::text[])",
  // each report keeps its source's place in the store's order and its number of quotes (see 0006_report_order)
  links: (
    table: string,
    fact: string,
  ) => `INSERT INTO ${table} (${fact}, source_id, local_id, source_seq, quotes)
    SELECT f, $1, l, (SELECT seq FROM sources WHERE id = $1), q FROM unnest($2::text[], $3::text[], $4::int[])
      AS u(f, l, q) ON CONFLICT DO NOTHING`,
  claimIncidents: `INSERT INTO claim_incidents (claim_id, incident_id)
    SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
  responseIncidents: `INSERT INTO response_incidents (response_id, incident_id, key)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
  aggregatesAll: `UPDATE incidents i SET claim_count = claim_count + u.c, response_count = response_count + u.r,
    source_count = source_count + 1, accused_json = coalesce(u.a, i.accused_json)
    FROM unnest($1::text[], $2::int[], $3::int[], $4::text[]) AS u(id, c, r, a) WHERE i.id = u.id`,
  typesClear: "DELETE FROM incident_types WHERE incident_id = $1",
  campaign: `UPDATE incidents SET campaign_id = $1
    WHERE (id = ANY($2::text[]) OR campaign_id = ANY($3::text[])) AND campaign_id IS DISTINCT FROM $1`,
  claimDate: "UPDATE claims SET date_value = $1, date_precision = $2, date_text = $3 WHERE id = $4",
  responseUpdate: `UPDATE responses SET date_value = $1, date_precision = $2, date_text = $3, date_start = $4,
    date_end = $5, detail = coalesce(detail, $6) WHERE id = $7`,
  // a save's quotes and parties go in one statement each: a round trip per row would cost more than the rows
  evidence: `INSERT INTO evidence (source_id, local_id, fact_id, position, fact_kind, start, "end", quote)
    SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::int[], $8::text[])
    ON CONFLICT DO NOTHING`,
  parties: `INSERT INTO parties (id, key, kind, name, country)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
    ON CONFLICT (key) DO UPDATE SET country = coalesce(parties.country, excluded.country)
    WHERE parties.country IS NULL AND excluded.country IS NOT NULL`,
};

const text = (...names: string[]) => names.map((n) => [n, "text"] as const);
const DATES = text("date_value", "date_precision", "date_text");

/** The inserts of facts, any number of rows each (see `RowBatch`). */
export const ROWS = {
  incidents: {
    table: "incidents",
    columns: [
      ...text("id", "source_id", "local_id"),
      ["position", "int"],
      ...text("label", "name_key", ...DATES.map(([n]) => n), "date_start", "date_end"),
      ...text("victims_json", "types_json", "systems_json"),
    ],
  },
  victims: {
    table: "incident_victims",
    columns: [...text("incident_id"), ["position", "int"], ...text("party_id", "date_start", "date_end")],
  },
  types: { table: "incident_types", columns: text("incident_id", "type"), tail: "ON CONFLICT DO NOTHING" },
  claims: {
    table: "claims",
    columns: [
      ...text("id", "identity", "source_id"),
      ["position", "int"],
      ...text("stance", "claimant_party_id", "claimant_json", "accused_party_id", "accused_json"),
      ...DATES,
    ],
  },
  responses: {
    table: "responses",
    columns: [
      ...text("id", "identity", "key", "source_id"),
      ["position", "int"],
      ...text("kind", "actor_party_id", "actor_json", "target_party_id", "target_json"),
      ...DATES,
      ...text("date_start", "date_end", "detail"),
    ],
  },
} satisfies Record<string, RowsInsert>;

/** What is stored of the facts a plan names: their values, and their links to incidents ("fact|incident"). */
export interface Stored {
  incidents: Map<string, IncidentValues & { accused_json: string }>;
  claims: Map<string, { identity: string } & DateRow>;
  responses: Map<string, DateRow & { detail: string | null }>;
  claimLinks: string[];
  responseLinks: string[];
}

/** The stored values of every fact `plan` names, the statements sent at once. */
export async function loadStored(sql: TxSql, plan: SavePlan): Promise<Stored> {
  const ids = (list: Array<{ id: string }>) => [...new Set(list.map((p) => p.id))];
  const none = Promise.resolve([]);
  const [incidents, claims, responses, claimLinks, responseLinks] = await together([
    plan.incidents.length > 0
      ? sql.rows<IncidentValues & { id: string; accused_json: string }>(SQL.incidentsGet, [
          ids(plan.incidents),
        ])
      : none,
    plan.claims.length > 0
      ? sql.rows<{ id: string; identity: string } & DateRow>(SQL.claimsGet, [ids(plan.claims)])
      : none,
    plan.responses.length > 0
      ? sql.rows<{ id: string; detail: string | null } & DateRow>(SQL.responsesGet, [ids(plan.responses)])
      : none,
    plan.claims.length > 0
      ? sql.rows<{ claim_id: string; incident_id: string }>(SQL.claimLinksGet, [ids(plan.claims)])
      : none,
    plan.responses.length > 0
      ? sql.rows<{ response_id: string; incident_id: string }>(SQL.responseLinksGet, [ids(plan.responses)])
      : none,
  ]);
  return {
    incidents: new Map(incidents.map(({ id, ...r }) => [id, r])),
    claims: new Map(claims.map(({ id, ...r }) => [id, r])),
    responses: new Map(responses.map(({ id, ...r }) => [id, r])),
    claimLinks: claimLinks.map((r) => `${r.claim_id}|${r.incident_id}`),
    responseLinks: responseLinks.map((r) => `${r.response_id}|${r.incident_id}`),
  };
}
