/**
 * The vocabulary of the knowledge base: what a store answers and what an analyst records. Plain types, shared
 * by every store backend, the services, the CLI and (later) the server and the web UI.
 */
import type { Evidence } from "./evidence.ts";
import type { FuzzyDate } from "./fuzzy-date.ts";
import type { Party } from "./party.ts";
import type { FactCounts } from "./save-plan.ts";
import type { IncidentType, ResponseKind, Stance, Tlp } from "./vocabulary.ts";

/** A source as facts cite it. */
export interface SourceRef {
  id: string;
  title?: string;
  url?: string;
  publisher?: string;
  /** YYYY-MM-DD */
  published?: string;
  tlp: Tlp;
}

/** A stored source with its full text. */
export interface Source extends SourceRef {
  /** the id the document had at intake (file name, JSONL id, feed item guid) */
  docId: string;
  sha256: string;
  text: string;
  /** ISO timestamp */
  ingestedAt: string;
  incidents: Array<{ id: string; label: string }>;
}

/** A quote of one source and the fact it supports (the source is known to whoever asked). */
export interface SourceQuote {
  factId: string;
  start: number;
  end: number;
  quote: string;
}

/** Evidence with the source whose text its offsets index. */
export interface QuotedEvidence extends Evidence {
  source: SourceRef;
}

export interface SaveResult {
  status: "new" | "duplicate";
  sourceId: string;
  /** what the new document's facts did to the knowledge base (absent for a duplicate) */
  facts?: FactCounts;
}

/**
 * Filters of the incident list; every one given must hold. A party is named by a country code ("AL": the state,
 * and for victims and the accused also the organisations, people and groups tied to that country), by a key
 * ("group:apt28", "org:microsoft") or by a name ("APT28"). Dates are YYYY, YYYY-MM or YYYY-MM-DD and match
 * incidents whose date, at its own precision, overlaps the range; undated incidents never match them.
 */
export interface IncidentFilter {
  victim?: string;
  accused?: string;
  claimant?: string;
  type?: string;
  since?: string;
  until?: string;
  /** words in the label, the affected systems or the quoted evidence of the incident */
  text?: string;
  /** the incident's review state (see `ReviewState`) */
  review?: ReviewState;
  /** the order of the list; newest first unless told */
  sort?: IncidentSort;
  limit?: number;
  offset?: number;
}

/**
 * Where review of an incident stands: `unreviewed` when no analyst has decided anything about the incident or
 * its claims and responses, `accepted` or `rejected` by the incident's last verdict, `reviewed` otherwise
 * (edits, or verdicts on its claims and responses only).
 */
export const REVIEW_STATES = ["unreviewed", "reviewed", "accepted", "rejected"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Orders of the incident list: a field, descending when prefixed with "-"; ties broken by id. */
export const INCIDENT_SORTS = [
  "date",
  "-date",
  "label",
  "-label",
  "claims",
  "-claims",
  "responses",
  "-responses",
  "sources",
  "-sources",
] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

export interface IncidentSummary {
  id: string;
  label: string;
  date?: FuzzyDate;
  victims: Party[];
  types: IncidentType[];
  /** everyone accused by a claim about the incident, each once; groups by name, without their aliases */
  accused: Party[];
  claims: number;
  responses: number;
  /** the source that reported the incident first */
  source: SourceRef;
  /** how many sources report it */
  sources: number;
  /** the campaign it belongs to, if any */
  campaign?: string;
  review: ReviewState;
}

export interface IncidentList {
  /** how many incidents match, however many `limit` lets through */
  total: number;
  incidents: IncidentSummary[];
}

/**
 * How many quotes of each fact an incident's page shows unless asked for more: an incident the press covered
 * hundreds of times has thousands, which nobody reads on one page.
 */
export const DEFAULT_QUOTES = 10;

/** Paging of the claim and response lists. */
export interface FactListOptions {
  limit?: number;
  offset?: number;
}

/** Claims across incidents, newest first; lists carry no evidence (the incident page has it). */
export interface ClaimList {
  total: number;
  claims: ClaimView[];
}

/** Responses across incidents, newest first; lists carry no evidence. */
export interface ResponseList {
  total: number;
  responses: ResponseView[];
}

export interface ClaimView {
  id: string;
  stance: Stance;
  claimant: Party | null;
  accused: Party;
  date?: FuzzyDate;
  incidents: string[];
  evidence: QuotedEvidence[];
  /** how many quotes support it in all, present only when `evidence` holds just the first of them */
  evidenceCount?: number;
  review?: Review;
}

export interface ResponseView {
  id: string;
  kind: ResponseKind;
  actor: Party;
  target: Party | null;
  date?: FuzzyDate;
  detail?: string;
  incidents: string[];
  evidence: QuotedEvidence[];
  /** how many quotes support it in all, present only when `evidence` holds just the first of them */
  evidenceCount?: number;
  review?: Review;
}

/** How much of an incident to read: at most `quotes` quotes per fact (all when absent). */
export interface IncidentReadOptions {
  quotes?: number;
}

export interface IncidentDetail {
  id: string;
  label: string;
  date?: FuzzyDate;
  victims: Party[];
  types: IncidentType[];
  systems: string[];
  /** the campaign the incident belongs to, with every incident in it (itself included) */
  campaign?: { id: string; incidents: Array<{ id: string; label: string; date?: FuzzyDate }> };
  /** the sources that report the incident, in the order they were stored */
  sources: SourceRef[];
  evidence: QuotedEvidence[];
  /** how many quotes support it in all, present only when `evidence` holds just the first of them */
  evidenceCount?: number;
  claims: ClaimView[];
  responses: ResponseView[];
  review?: Review;
  /** the incident an analyst merged this one into (it then leaves the incident list) */
  mergedInto?: string;
  /** the incidents analysts merged into this one */
  merged?: string[];
}

/**
 * What analysts decided about a fact, applied to it: the fact's fields show the edited values, and `edits` keeps
 * what extraction said. Present only on facts with decisions.
 */
export interface Review {
  /** the last acceptance or rejection */
  verdict?: { action: "accept" | "reject"; by: string; at: string };
  /** the edits in force, one per field: the value now shown and the extracted one it replaces */
  edits: Array<{ field: string; value: unknown; extracted: unknown; by: string; at: string }>;
}

/** A canonical party and how often it appears in each role. */
export interface PartyEntry {
  id: string;
  /** partyKey(): state:AL, group:apt28, org:microsoft … */
  key: string;
  kind: Party["kind"];
  name: string;
  /** the state itself, an organisation's or person's country, a group's sponsor */
  country?: string;
  roles: { victim: number; claimant: number; accused: number; actor: number; target: number };
}

export interface KnowledgeStats {
  totals: { sources: number; incidents: number; claims: number; responses: number };
  perYear: Array<{ year: string; incidents: number }>;
  undated: number;
  perType: Array<{ type: IncidentType; incidents: number }>;
  /** claims per claimant × accused × stance, by party key */
  claimantAccused: Array<{ claimant: string; accused: string; stance: Stance; claims: number }>;
  /** incidents per victim country × accused state (a state, or the sponsor of an accused group) */
  victimAccused: Array<{ victim: string; accused: string; incidents: number }>;
}

export interface SourceHit {
  source: SourceRef;
  /** the matching passage, search words marked [like this] */
  snippet: string;
}

export const FACT_KINDS = ["incident", "claim", "response"] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export const DECISION_ACTIONS = ["accept", "reject", "edit"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** An analyst's judgement of one extracted fact. `field` and `value` say what an edit changes. */
export interface DecisionInput {
  factKind: FactKind;
  factId: string;
  action: DecisionAction;
  field?: string;
  value?: unknown;
  /** who decided */
  by: string;
}

export interface Decision extends DecisionInput {
  id: string;
  /** ISO timestamp */
  at: string;
}

/** One line of the audit log: every change an analyst makes, in order. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  detail: unknown;
}

/** Row counts, for summaries and for checking that nothing changed. */
export interface StoreCounts {
  sources: number;
  incidents: number;
  claims: number;
  responses: number;
  evidence: number;
  parties: number;
  decisions: number;
  /** which source reported which fact: one per incident, claim or response and source (and record id) */
  reports: number;
  campaigns: number;
}

/** What `reprocess` did: every stored source extracted and resolved again, in the order it was stored. */
export interface ReprocessResult {
  sources: number;
  failures: Array<{ sourceId: string; docId: string; reason: string }>;
  counts: StoreCounts;
}
