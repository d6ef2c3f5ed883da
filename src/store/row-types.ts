/**
 * Rows as the SQL backends (SQLite, PostgreSQL) return them: kept apart from the domain types of src/model, which row-map.ts builds from these.
 * Column names are the table's; JSON columns hold the domain value as extracted.
 */

export interface SourceRow {
  seq: number;
  id: string;
  doc_id: string;
  sha256: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  published: string | null;
  tlp: string;
  text: string;
  ingested_at: string;
}

/** The columns of a source that facts cite (no text). */
export type SourceRefRow = Pick<SourceRow, "id" | "title" | "url" | "publisher" | "published" | "tlp">;

export interface DateColumns {
  date_value: string | null;
  date_precision: string | null;
  date_text: string | null;
}

export interface IncidentRow extends DateColumns {
  id: string;
  source_id: string;
  local_id: string;
  position: number;
  label: string;
  name_key: string | null;
  date_start: string | null;
  date_end: string | null;
  victims_json: string;
  types_json: string;
  systems_json: string;
  campaign_id: string | null;
  claim_count: number;
  response_count: number;
  source_count: number;
  /** each party accused by a claim about the incident, once */
  accused_json: string;
}

/** A row of the incident list: the incident, its source and a few aggregates. */
export interface IncidentListRow extends IncidentRow {
  s_title: string | null;
  s_url: string | null;
  s_publisher: string | null;
  s_published: string | null;
  s_tlp: string;
}

export interface ClaimRow extends DateColumns {
  id: string;
  identity: string;
  source_id: string;
  position: number;
  stance: string;
  claimant_party_id: string | null;
  claimant_json: string | null;
  accused_party_id: string;
  accused_json: string;
  incident_ids: string | null;
}

export interface ResponseRow extends DateColumns {
  id: string;
  identity: string;
  key: string | null;
  source_id: string;
  position: number;
  date_start: string | null;
  date_end: string | null;
  kind: string;
  actor_party_id: string;
  actor_json: string;
  target_party_id: string | null;
  target_json: string | null;
  detail: string | null;
  incident_ids: string | null;
}

/** A quote of a fact, with its source's id: the source itself is read once per incident, not once per quote. */
export interface QuoteRow {
  fact_id: string;
  source_id: string;
  start: number;
  end: number;
  quote: string;
  /** how many quotes the fact has in all, when the read was cut to its first few */
  total?: number;
}

export interface PartyRow {
  id: string;
  key: string;
  kind: string;
  name: string;
  country: string | null;
}

export interface PartyEntryRow extends PartyRow {
  victim: number;
  claimant: number;
  accused: number;
  actor: number;
  target: number;
}

export interface DecisionRow {
  seq: number;
  id: string;
  fact_kind: string;
  fact_id: string;
  action: string;
  field: string | null;
  value_json: string | null;
  decided_by: string;
  decided_at: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_kind: string;
  subject_id: string;
  detail_json: string;
}

export interface MigrationRow {
  version: number;
  name: string;
  applied_at: string;
}

export interface SearchRow extends SourceRefRow {
  snippet: string;
}
