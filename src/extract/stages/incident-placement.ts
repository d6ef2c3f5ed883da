/**
 * Which incident an attack mention belongs to: the one its victim company, name, date or victim countries place
 * it in, or none (a new incident).
 */
import type { FuzzyDate, IncidentType, Party } from "../../model/index.ts";
import { datesCompatible } from "../../model/index.ts";
import { firstWordOf } from "../text/char-codes.ts";
import type { IncidentMention } from "./attack-mentions.ts";
import type { Mention } from "./mentions.ts";

/** An incident as the linking stages build it, before it becomes a record. */
export interface IncidentDraft {
  key: number;
  name?: string;
  date?: FuzzyDate;
  statementDate?: FuzzyDate;
  foundDate?: FuzzyDate;
  victims: Party[];
  victimCountries: Set<string>;
  /** the companies its mentions say were hit, by party id */
  victimOrgs: Set<string>;
  types: Set<IncidentType>;
  systems: string[];
  mentions: IncidentMention[];
  campaign?: number;
  /** its victim is only the story's focus state, taken for want of any other (see incidents.ts finish) */
  focusVictim: boolean;
}

/**
 * The incident a mention belongs to. A company said to be hit keeps its attack: "Optus disclosed a theft in
 * September; the following month hackers broke into Medibank" are two incidents however alike their dates.
 */
export function placeMention(
  drafts: IncidentDraft[],
  current: IncidentDraft | undefined,
  m: IncidentMention,
  opensWithDate: boolean,
  published?: FuzzyDate,
): IncidentDraft | undefined {
  const org = m.victimOrg ? orgKey(m.victimOrg) : undefined;
  if (org) {
    const same = drafts.find((d) => d.victimOrgs.has(org));
    if (same && (!m.date || !same.date || datesCompatible(same.date, m.date.date))) return same;
  }
  const found = placeByDateAndVictims(drafts, current, m, opensWithDate, published);
  // "In January 2017 the minister disclosed that accounts had been broken into": an attack found years before
  // the story's own was spoken of is another one
  const told = m.found?.date;
  if (
    found &&
    !m.date &&
    told &&
    !found.date &&
    yearsAfter(found.statementDate, told) >= 2 &&
    !found.mentions.some((x) => x.sentence === m.sentence)
  )
    return undefined;
  if (!org || !found) return found;
  if (found.victimOrgs.size && !found.victimOrgs.has(org)) return undefined;
  // a company's loss disclosed months before the incident under discussion is not that incident
  return !m.date && told && found.date && !datesCompatible(found.date, told) ? undefined : found;
}

/** A company by the first word of its name: "Sony" and "Sony Pictures Entertainment" are one victim. */
export function orgKey(m: Mention): string {
  return orgNameKey(m.party.kind === "organization" ? m.party.name : m.text);
}

/** `orgKey` of a company known by its name alone (a party, not a mention). */
export function orgNameKey(name: string): string {
  return firstWordOf(name).toLowerCase();
}

function placeByDateAndVictims(
  drafts: IncidentDraft[],
  current: IncidentDraft | undefined,
  m: IncidentMention,
  opensWithDate: boolean,
  published: FuzzyDate | undefined,
): IncidentDraft | undefined {
  if (m.name) {
    const named = drafts.find((d) => d.name === m.name);
    // "Ryuk" names a strain that many attacks used: an attack of it told with a date of its own is another one
    if (named && (!m.date || !named.date || datesCompatible(named.date, m.date.date))) return named;
  }
  if (m.date) {
    const date = m.date.date;
    // prefer an incident that already has a compatible date over one that has none (the drafts are read in
    // order, and no list of those that fit is made)
    let dated: IncidentDraft | undefined;
    let undated: IncidentDraft | undefined;
    let currentFits = false;
    for (const d of drafts) {
      // the story's own attack, before anything dates it, is as recent as the story
      const told = d === drafts[0] ? (d.statementDate ?? published) : d.statementDate;
      if (!fitsDate(d, m, date, opensWithDate, told)) continue;
      if (d.date) {
        dated = d;
        break;
      }
      if (d === current) currentFits = true;
      undated ??= d;
    }
    const found = dated ?? (currentFits ? current : m.name ? undefined : undated);
    // "the attack began on Wednesday evening": a day or two off the attack under discussion is the same attack
    if (!found && m.definite && current?.date && daysApart(current.date, date) <= 3) return current;
    return found;
  }
  if (m.ordinal === "second" && current && !m.definite) return drafts.length >= 2 ? drafts[1] : undefined;
  // "the Finnish case follows a similar breach in Norway": an earlier, like attack is another one
  if (m.ordinal === "earlier" && !m.definite && m.victims.length)
    return drafts.find((d) => d !== current && d.victimCountries.size && victimsFit(m.victims, d));
  if (m.ordinal === "second" && m.definite) return drafts[1] ?? undefined;
  if (m.name && current?.name && current.name !== m.name) return undefined;
  // "Stuxnet, the code discovered in 2010": a named attack found years before the one under discussion is another
  if (m.name && m.found && current?.date && yearsAfter(current.date, m.found.date) >= 1) return undefined;
  if (
    m.name &&
    current &&
    !current.name &&
    !m.definite &&
    m.victims.length &&
    !victimsFit(m.victims, current)
  )
    return undefined;
  return current;
}

/** Whether a dated mention may belong to a draft: by their dates, its victims and its name. */
function fitsDate(
  d: IncidentDraft,
  m: IncidentMention,
  date: FuzzyDate,
  opensWithDate: boolean,
  told: FuzzyDate | undefined,
): boolean {
  return (
    // a definite reference ("the October attack") needs only a compatible date, whoever it names nearby
    (!d.date || datesCompatible(d.date, date)) &&
    // an undated attack found in June 2022 is not "an 11-year campaign starting in 2008" told in passing,
    // nor is one a statement of 2023 speaks of "an attempt" that a sentence opens "In April 2018, …" on, or
    // a named company's breach of years before (the story's own attack may be told as "its database was
    // stolen in November 2018")
    !(
      !d.date &&
      !m.definite &&
      (yearsAfter(d.foundDate ?? (opensWithDate || m.victimOrg || m.indefinite ? told : undefined), date) >=
        (m.victimOrg ? 1 : 2) ||
        // a company's own loss in a month before the one the story's attack was found in
        (m.victimOrg &&
          d.foundDate &&
          !datesCompatible(d.foundDate, date) &&
          d.foundDate.value > date.value) ||
        // "In June last year, the hospital group said a cyberattack had disrupted …": another attack, told
        // with its own date half a year or more before the story's was found or spoken of
        (m.indefinite &&
          monthsAfter(d.foundDate ?? told, date) >= (d.foundDate ? 1 : d.statementDate ? 2 : 6)) ||
        // "a notorious gang that broke up in early 2022", beside an attack found in May 2023: a year of its own
        (m.indefinite && date.precision === "year" && yearsAfter(d.foundDate ?? told, date) >= 1)) &&
      !d.mentions.some((x) => x.sentence === m.sentence)
    ) &&
    (m.definite || victimsFit(m.victims, d)) &&
    !(m.name && d.name && d.name !== m.name)
  );
}

/** Months from `earlier` to `later` (by their months), or 0 when either is not known to the month. */
function monthsAfter(later: FuzzyDate | undefined, earlier: FuzzyDate): number {
  if (!later || later.precision === "year" || earlier.precision === "year") return 0;
  return monthOf(later) - monthOf(earlier);
}

function monthOf(d: FuzzyDate): number {
  return Number(d.value.slice(0, 4)) * 12 + Number(d.value.slice(5, 7));
}

/** Whole years from `earlier` to `later`, or 0 when `later` is not known. */
export function yearsAfter(later: FuzzyDate | undefined, earlier: FuzzyDate): number {
  return later ? Number(later.value.slice(0, 4)) - Number(earlier.value.slice(0, 4)) : 0;
}

/** True when the mention names no victim, the draft has none, or one of the mention's is the draft's. */
function victimsFit(victims: readonly Mention[], d: IncidentDraft): boolean {
  if (!victims.length || !d.victimCountries.size) return true;
  for (const v of victims) if (d.victimCountries.has(v.country as string)) return true;
  return false;
}

export function daysApart(a: FuzzyDate, b: FuzzyDate): number {
  if (a.precision !== "day" || b.precision !== "day") return Number.POSITIVE_INFINITY;
  return Math.abs(Date.parse(a.value) - Date.parse(b.value)) / 86_400_000;
}
