/**
 * How a document's facts join the knowledge base. Resolution (src/resolve) decides which stored facts a record's
 * facts are; the store looks up the candidates and writes what resolution decided, without knowing how it
 * decides. Plain types shared by both, so that neither imports the other.
 */
import type { FuzzyDate } from "./fuzzy-date.ts";
import type { Party } from "./party.ts";
import type { Document, DocumentRecord } from "./record.ts";
import type { IncidentType, ResponseKind, Stance } from "./vocabulary.ts";

/** What to look up before deciding: the stored facts a record's facts might be. Dates are YYYY-MM-DD. */
export interface CandidateQuery {
  /** incidents with one of `victims` (party keys, as `partyKey` gives them) whose date overlaps from–to */
  byVictim: Array<{ victims: string[]; from: string; to: string }>;
  /**
   * incidents of the named operation `name` (`PlannedIncident.name`): undated ones, and dated ones overlapping
   * from–to when given (else every one, the earliest stored first, up to a hundred)
   */
  byName: Array<{ name: string; from?: string; to?: string }>;
  /**
   * responses of identity `key` (kind, actor and target): dated ones overlapping from–to when given, and, dated
   * or not, those about one of the incidents the other lookups found
   */
  responses: Array<{ key: string; from?: string; to?: string }>;
}

/** A stored incident as resolution sees it: its values after every merge so far. */
export interface CandidateIncident {
  id: string;
  label: string;
  /** the named operation ("stuxnet"), when the label names one */
  name?: string;
  date?: FuzzyDate;
  victims: Party[];
  types: IncidentType[];
  systems: string[];
  campaign?: string;
}

export interface CandidateResponse {
  id: string;
  /** the identity it was looked up by (kind, actor, target) */
  key: string;
  kind: ResponseKind;
  actor: Party;
  target: Party | null;
  date?: FuzzyDate;
  detail?: string;
  /** the incidents it is about, of those the incident lookups found */
  incidents: string[];
}

export interface Candidates {
  incidents: CandidateIncident[];
  responses: CandidateResponse[];
}

/** An incident of the record, and the stored incident it becomes or joins, with its values after the merge. */
export interface PlannedIncident {
  /** the incident's id in the record */
  local: string;
  id: string;
  /** true: `id` is a stored incident (or one stored earlier by this plan) that the report joins */
  merged: boolean;
  label: string;
  name?: string;
  date?: FuzzyDate;
  victims: Party[];
  types: IncidentType[];
  systems: string[];
}

/** Incidents the record ties together: they get campaign `id`, and so does every incident of `absorbs`. */
export interface PlannedCampaign {
  id: string;
  incidents: string[];
  /** other campaigns found to be this one: their incidents join it */
  absorbs: string[];
}

/**
 * A claim of the record about one incident (a record claim about several incidents gives one each). Its id
 * derives from `identity`, so a claim already stored under it is the same claim: the report adds its quotes.
 */
export interface PlannedClaim {
  local: string;
  id: string;
  /** incident, stance, claimant and accused: what makes two reports one claim */
  identity: string;
  incidents: string[];
  stance: Stance;
  claimant: Party | null;
  accused: Party;
  date?: FuzzyDate;
}

export interface PlannedResponse {
  local: string;
  id: string;
  /** true: `id` is a stored response (or one stored earlier by this plan) that the report joins */
  merged: boolean;
  /** what names a new response, unique among stored ones (a merged report leaves the stored one as it is) */
  identity?: string;
  /** kind, actor and target: what candidate lookups ask for (none: lookups never find it) */
  key?: string;
  kind: ResponseKind;
  actor: Party;
  target: Party | null;
  /** the date after the merge: when the response was made */
  date?: FuzzyDate;
  detail?: string;
  /** the incidents this report ties it to (a merged response stays tied to those it was) */
  incidents: string[];
}

/** Everything a save writes besides the source: which stored facts the record's facts are, and their values. */
export interface SavePlan {
  incidents: PlannedIncident[];
  campaigns: PlannedCampaign[];
  claims: PlannedClaim[];
  responses: PlannedResponse[];
}

/**
 * How a save decides which stored facts a record's facts are. The store runs `query` and calls `plan` with
 * what it found inside its write transaction, so two writers cannot both create the same fact.
 */
export interface Resolver {
  query: CandidateQuery;
  plan(found: Candidates): SavePlan;
}

/** One document to save, with its record and, to join the knowledge base, the resolver for it. */
export interface SaveItem {
  doc: Document;
  record: DocumentRecord;
  resolver?: Resolver;
}

/** How many facts a save created, and how many reports joined facts already known. */
export interface FactCounts {
  incidents: { new: number; merged: number };
  claims: { new: number; merged: number };
  responses: { new: number; merged: number };
}
