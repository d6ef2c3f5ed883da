import type { Document, DocumentRecord, Party } from "../model/index.ts";
import { CasebookError, fuzzyDate, type IsoDay, parseIsoDay } from "../model/index.ts";
import { claimRecords, incidentLocator, incidentRecords, responseRecords } from "./assemble.ts";
import { type GroupRow, gazetteerWith } from "./gazetteer/index.ts";
import { attackWords, type IncidentMention } from "./stages/attack-mentions.ts";
import { linkCampaigns } from "./stages/campaigns.ts";
import { mostFrequent, mostNamedAttackerState } from "./stages/claim-primary.ts";
import {
  answeredDenials,
  type ClaimDraft,
  findClaims,
  withoutUnnamedChargesOfOrganisations,
  withoutUnnamedEchoes,
} from "./stages/claims.ts";
import { type Analysis, buildAnalysis, partyId } from "./stages/context.ts";
import { CUES } from "./stages/cues.ts";
import { type DateMention, findDates } from "./stages/dates.ts";
import { orgKey } from "./stages/incident-placement.ts";
import { findIncidents, type IncidentDraft } from "./stages/incidents.ts";
import { findMentions, type Mention } from "./stages/mentions.ts";
import { fullerOrgNames, withFullerOrgNames } from "./stages/org-names.ts";
import { addCosigners, addJointAuthors, addParticipants, giveCoalitionToLead } from "./stages/partners.ts";
import { findResponses, type ResponseDraft } from "./stages/responses.ts";
import { notAccusedVictims, withoutAccusedVictims } from "./stages/victim-checks.ts";
import { withStateEspionage } from "./state-espionage.ts";
import type { CueHits } from "./text/cue-index.ts";
import { type Sentence, splitSentences } from "./text/sentences.ts";

export type { GroupRow } from "./gazetteer/index.ts";

export interface ExtractOptions {
  /** threat groups beyond the bundled gazetteer (from imported catalogues); keep passing the same list */
  groups?: readonly GroupRow[];
  /** milliseconds spent in each stage, added to what the map holds: where a benchmark's time goes */
  timings?: Map<string, number>;
}

/** What extraction made of one document of a batch: its record, or what went wrong with it. */
export type ExtractOutcome = { record: DocumentRecord } | { error: unknown };

/** One document → one DocumentRecord. Pure and deterministic: no I/O, same input, same output. */
export function extract(doc: Document, options: ExtractOptions = {}): DocumentRecord {
  const [outcome] = extractBatch([doc], options);
  if (!outcome || "error" in outcome) throw outcome?.error;
  return outcome.record;
}

/**
 * Many documents → their records, in order; each document's record is exactly what `extract` gives it alone.
 * Each stage runs over the whole batch before the next begins: a stage's code, patterns and tables then stay in
 * the processor's caches from one document to the next, which makes a batch of fifty documents about half as
 * fast again as fifty single calls. A document that fails (a bad date, say) fails alone: the others go on.
 */
export function extractBatch(docs: readonly Document[], options: ExtractOptions = {}): ExtractOutcome[] {
  const matcher = gazetteerWith(options.groups).matcher;
  const each = stageRunner(options.timings);
  const read = each("sentences", docs.map(ready), withSentences);
  const cued = each("cues", read, withCues);
  const named = each("mentions", cued, (d) => ({
    ...d,
    mentions: findMentions(d.doc.text, d.sentences, matcher, d.cues),
  }));
  const analysed = each("analysis", named, withAnalysis);
  const worded = each("attack words", analysed, withAttackWords);
  const dated = each("attack dates", worded, parseAttackDates);
  const found = each("incidents", dated, withIncidents);
  const claimed = each("claims", found, withClaims);
  const responded = each("responses", claimed, withResponses);
  return each("records", responded, assemble).map((r) =>
    r instanceof Failure ? { error: r.error } : { record: r },
  );
}

/** A document that a stage could not read: later stages pass it by. */
class Failure {
  constructor(readonly error: unknown) {}
}

/**
 * Runs one stage over the batch; a document that fails it stays failed, and the rest go on. With `timings`, the
 * stage's time is added under its name.
 */
function stageRunner(timings: Map<string, number> | undefined) {
  return <A, B>(name: string, batch: ReadonlyArray<A | Failure>, stage: (a: A) => B): Array<B | Failure> => {
    const started = timings ? performance.now() : 0;
    const out = batch.map((item) => {
      if (item instanceof Failure) return item;
      try {
        return stage(item);
      } catch (err) {
        return new Failure(err);
      }
    });
    if (timings) timings.set(name, (timings.get(name) ?? 0) + performance.now() - started);
    return out;
  };
}

function ready(doc: Document): { doc: Document; published: IsoDay } | Failure {
  const published = doc.published ? parseIsoDay(doc.published.slice(0, 10)) : null;
  if (published) return { doc, published };
  return new Failure(
    new CasebookError(
      "BAD_DATE",
      `The publication date "${doc.published ?? ""}" is not a real calendar date (YYYY-MM-DD).`,
    ),
  );
}

type Locator = ReturnType<typeof incidentLocator>;

interface Read {
  doc: Document;
  published: IsoDay;
}

function withSentences<D extends Read>(d: D): D & { sentences: Sentence[] } {
  return { ...d, sentences: splitSentences(d.doc.text) };
}

/** One reading of each sentence's words finds every cue of every stage. */
function withCues<D extends Read & { sentences: Sentence[] }>(d: D): D & { cues: CueHits[] } {
  return { ...d, cues: d.sentences.map((s) => CUES.read(s.text)) };
}

function withAnalysis<D extends Read & { sentences: Sentence[]; cues: CueHits[]; mentions: Mention[] }>(
  d: D,
): D & { a: Analysis } {
  const dates = datesOnDemand(d.sentences, d.published);
  return { ...d, a: buildAnalysis(d.doc.text, d.sentences, d.mentions, d.cues, dates) };
}

function withAttackWords<D extends { a: Analysis }>(d: D): D & { words: IncidentMention[][] } {
  return { ...d, words: d.a.sentences.map((s) => attackWords(d.a, s.index)) };
}

/**
 * The dates of every sentence that speaks of an attack, parsed together: the date parser is the costliest step,
 * and its patterns stay in the cache while it reads one sentence after another.
 */
function parseAttackDates<D extends { a: Analysis; words: IncidentMention[][] }>(d: D): D {
  for (let i = 0; i < d.words.length; i++) if (d.words[i]?.length) d.a.datesIn(i);
  return d;
}

function withIncidents<D extends { a: Analysis; words: IncidentMention[][]; published: IsoDay }>(
  d: D,
): D & { drafts: IncidentDraft[] } {
  const { year, month, day } = d.published;
  const drafts = findIncidents(d.a, d.words, fuzzyDate(year, month, day));
  linkCampaigns(d.a, drafts);
  return { ...d, drafts };
}

interface Found {
  doc: Document;
  a: Analysis;
  drafts: IncidentDraft[];
}

/** Claims, and the state the story blames most: who "the attackers" of an unattributed response are. */
function withClaims<D extends Found>(d: D): D & { claims: ClaimDraft[]; primary: Party | undefined } {
  const attackerGuess = mostNamedAttackerState(d.a.mentions);
  let primary: Party | undefined = attackerGuess;
  const claims: ClaimDraft[] = findClaims(d.a, () => primary);
  // the state the story's named accusers blame most; failing that, the one blamed most by anyone. A state that
  // denies is answering, and its counter-charges ("Beijing accuses Washington of …") do not make the story's
  const deniers = new Set(claims.filter((c) => c.stance === "denies").map((c) => partyId(c.accused)));
  const blamed = (named: boolean) =>
    mostFrequent(
      claims
        .filter(
          (c) =>
            c.stance === "accuses" &&
            c.accused.kind === "state" &&
            (!named || (c.claimant && !deniers.has(partyId(c.claimant)))),
        )
        .map((c) => c.accused),
    );
  primary = blamed(true) ?? blamed(false) ?? attackerGuess;
  notAccusedVictims(d.drafts, claims, primary);
  return { ...d, claims, primary };
}

function withResponses<D extends Found & { claims: ClaimDraft[]; primary: Party | undefined }>(
  d: D,
): D & { responses: ResponseDraft[]; locate: Locator } {
  const { a, claims, primary } = d;
  const locate = incidentLocator(d.drafts);
  const victimOf = (sentence: number) => {
    const draft = locate(sentence)[0];
    return draft?.victims[0]?.kind === "state" ? draft.victims[0].country : undefined;
  };
  const hitOrgs = new Set(d.drafts.flatMap((x) => [...x.victimOrgs]));
  const responses = findResponses(
    a,
    () => primary,
    victimOf,
    (m) => hitOrgs.has(orgKey(m)),
  );
  giveCoalitionToLead(a, claims, responses);
  addCosigners(a, claims, responses);
  addParticipants(a, responses);
  addJointAuthors(claims, responses);
  // a sanction "for its alleged role" is also an accusation by the state that imposes it, and so is charging or
  // sanctioning a named gang, and charging a state's officers or nationals, whatever the counts; taking down a
  // gang's servers accuses it when the story is about that gang (named in its headline or first sentence), not
  // when it recalls the takedown of another ("on the same day police seized the Emotet botnet")
  const opening = new Set<string>();
  for (let i = 0; i < 2; i++)
    for (const m of a.bySentence[i] ?? []) if (m.party.kind === "group") opening.add(m.party.name);
  const accusesBy = (r: ResponseDraft) =>
    !r.assisting &&
    (r.target?.kind === "group"
      ? r.kind === "sanctions" ||
        r.kind === "indictment" ||
        (r.kind === "takedown" && opening.has(r.target.name))
      : r.target?.kind === "state" && r.kind === "indictment");
  for (const r of responses) {
    if (
      r.target &&
      ((r.punitive && (r.target.kind === "state" || r.target.kind === "group")) || accusesBy(r))
    ) {
      claims.push({
        stance: "accuses",
        claimant: r.actor,
        accused: r.target,
        sentence: r.sentence,
        start: r.start,
        end: r.end,
        date: r.date,
        saidIn: undefined,
        explicit: undefined,
        narrated: undefined,
      });
    }
  }
  return { ...d, responses, locate };
}

function assemble(
  d: Found & { claims: ClaimDraft[]; responses: ResponseDraft[]; locate: Locator },
): DocumentRecord {
  const { doc, a, drafts, locate } = d;
  const ids = new Map(drafts.map((draft, i) => [draft, `incident-${i + 1}`]));
  const claims = claimRecords(
    a,
    withoutUnnamedEchoes(
      answeredDenials(withoutUnnamedChargesOfOrganisations(withoutAccusedVictims(d.claims, drafts))),
    ),
    locate,
    ids,
    drafts,
  );
  return withFullerOrgNames(
    {
      document: {
        id: doc.id,
        ...(doc.title !== undefined ? { title: doc.title } : {}),
        ...(doc.published !== undefined ? { published: doc.published } : {}),
        ...(doc.url !== undefined ? { url: doc.url } : {}),
        sha256: doc.sha256,
      },
      incidents: withStateEspionage(a.text, incidentRecords(a, drafts), drafts, claims),
      claims,
      responses: responseRecords(a, d.responses, locate, ids),
    },
    fullerOrgNames(a.text, a.mentions),
  );
}

/**
 * The dates of a sentence, parsed when a stage first asks for them. Dates matter only where an attack, a claim
 * or a response is reported, and a stage asks only about a sentence where it found one: the date parser, the
 * costliest step, runs on those alone.
 */
function datesOnDemand(
  sentences: readonly Sentence[],
  published: IsoDay,
): (sentence: number) => DateMention[] {
  const parsed: Array<DateMention[] | undefined> = [];
  return (i) => {
    let dates = parsed[i];
    if (!dates) {
      const s = sentences[i];
      dates = s ? findDates([s], published) : [];
      parsed[i] = dates;
    }
    return dates;
  };
}
