import type { Document, DocumentRecord, Party } from "../model/index.ts";
import { CasebookError, parseIsoDay } from "../model/index.ts";
import { claimRecords, incidentLocator, incidentRecords, responseRecords } from "./assemble.ts";
import { type GroupRow, gazetteerWith } from "./gazetteer/index.ts";
import { linkCampaigns } from "./stages/campaigns.ts";
import { answeredDenials, type ClaimDraft, findClaims, withoutUnnamedEchoes } from "./stages/claims.ts";
import { buildAnalysis, partyId } from "./stages/context.ts";
import { CUES } from "./stages/cues.ts";
import { type DateMention, findDates } from "./stages/dates.ts";
import { findIncidents } from "./stages/incidents.ts";
import { findMentions } from "./stages/mentions.ts";
import { addCosigners, addParticipants } from "./stages/partners.ts";
import { findResponses } from "./stages/responses.ts";
import { type Sentence, splitSentences } from "./text/sentences.ts";

export type { GroupRow } from "./gazetteer/index.ts";

export interface ExtractOptions {
  /** threat groups beyond the bundled gazetteer (from imported catalogues); keep passing the same list */
  groups?: readonly GroupRow[];
}

/** One document → one DocumentRecord. Pure and deterministic: no I/O, same input, same output. */
export function extract(doc: Document, options: ExtractOptions = {}): DocumentRecord {
  const published = doc.published ? parseIsoDay(doc.published.slice(0, 10)) : null;
  if (!published)
    throw new CasebookError(
      "BAD_DATE",
      `The publication date "${doc.published ?? ""}" is not a real calendar date (YYYY-MM-DD).`,
    );
  const text = doc.text;
  const sentences = splitSentences(text);
  // one reading of each sentence's words finds every cue of every stage
  const cues = sentences.map((s) => CUES.read(s.text));
  const mentions = findMentions(text, sentences, gazetteerWith(options.groups).matcher, cues);
  const a = buildAnalysis(text, sentences, mentions, cues, datesOnDemand(sentences, published));

  const drafts = findIncidents(a);
  linkCampaigns(a, drafts);

  const attackerGuess = mostFrequent(
    mentions
      .filter((m) => m.attacker && m.country)
      .map((m) => ({ kind: "state", country: m.country as string }) as Party),
  );
  let primary: Party | undefined = attackerGuess;
  const claims: ClaimDraft[] = findClaims(a, () => primary);
  // the state the story's named accusers blame most; failing that, the one blamed most by anyone
  const blamed = (named: boolean) =>
    mostFrequent(
      claims
        .filter((c) => c.stance === "accuses" && c.accused.kind === "state" && (!named || c.claimant))
        .map((c) => c.accused),
    );
  primary = blamed(true) ?? blamed(false) ?? attackerGuess;

  const locate = incidentLocator(drafts);
  const victimOf = (sentence: number) => {
    const d = locate(sentence)[0];
    return d?.victims[0]?.kind === "state" ? d.victims[0].country : undefined;
  };
  const responses = findResponses(a, () => primary, victimOf);
  addCosigners(a, claims, responses);
  addParticipants(a, responses);
  // a sanction "for its alleged role" is also an accusation by the state that imposes it, and so is charging,
  // sanctioning or taking down a named gang
  const actsOnGang = (r: (typeof responses)[number]) =>
    r.target?.kind === "group" &&
    !r.assisting &&
    (r.kind === "sanctions" || r.kind === "indictment" || r.kind === "takedown");
  for (const r of responses) {
    if (
      r.target &&
      ((r.punitive && (r.target.kind === "state" || r.target.kind === "group")) || actsOnGang(r))
    ) {
      claims.push({
        stance: "accuses",
        claimant: r.actor,
        accused: r.target,
        sentence: r.sentence,
        start: r.start,
        end: r.end,
        date: r.date,
        explicit: undefined,
        narrated: undefined,
      });
    }
  }

  const ids = new Map(drafts.map((d, i) => [d, `incident-${i + 1}`]));
  const campaignOf = (d: (typeof drafts)[number]) =>
    d.campaign === undefined ? [d] : drafts.filter((x) => x.campaign === d.campaign);
  return {
    document: {
      id: doc.id,
      ...(doc.title !== undefined ? { title: doc.title } : {}),
      ...(doc.published !== undefined ? { published: doc.published } : {}),
      ...(doc.url !== undefined ? { url: doc.url } : {}),
      sha256: doc.sha256,
    },
    incidents: incidentRecords(a, drafts),
    claims: claimRecords(a, withoutUnnamedEchoes(answeredDenials(claims)), locate, ids, campaignOf),
    responses: responseRecords(a, responses, locate, ids),
  };
}

/**
 * The dates of a sentence, parsed when a stage first asks for them. Dates matter only where an attack, a claim
 * or a response is reported, and a stage asks only about a sentence where it found one: the date parser, the
 * costliest step, runs on those alone.
 */
function datesOnDemand(
  sentences: readonly Sentence[],
  published: { year: number; month: number; day: number },
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

function mostFrequent(parties: Party[]): Party | undefined {
  const counts = new Map<string, { p: Party; n: number }>();
  for (const p of parties) {
    const id = partyId(p);
    const c = counts.get(id) ?? { p, n: 0 };
    c.n++;
    counts.set(id, c);
  }
  let best: { p: Party; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.p;
}
