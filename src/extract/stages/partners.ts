/** Partners who share another party's act: co-signers of an advisory, states taking part in a takedown. */
import type { Party } from "../../model/index.ts";
import type { CueHits } from "../text/cue-index.ts";
import { COALITION } from "./claimants.ts";
import type { ClaimDraft } from "./claims.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import { CUES } from "./cues.ts";
import type { ResponseDraft } from "./responses.ts";

// "It was co-authored by agencies from the United States, Britain …", "agencies from … co-signed it": partners
// who put their names to another's advisory
const COSIGNED = CUES.add(
  /\b(?:co-?(?:authored|signed|sealed|written|published|issued)|jointly (?:issued|published|written|signed))\b/i,
);

/** "co-signed by": the partners are named after the cue, not before it */
const SIGNED_BY = /^\S+\s+by\b/i;

/**
 * "Agencies from 13 countries accused three firms …. The joint advisory, led by CISA, was co-signed by agencies
 * from …": a coalition counted but not named speaks through the advisory told of next, so its accusations are
 * those of the advisory's lead, which its co-signers then share.
 */
export function giveCoalitionToLead(
  a: Analysis,
  claims: ClaimDraft[],
  responses: readonly ResponseDraft[],
): void {
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i] as ClaimDraft;
    if (c.claimant || c.stance !== "accuses") continue;
    const s = a.sentences[c.sentence];
    if (!s || !COALITION.test(a.text.slice(s.start, c.start))) continue;
    const lead = responses.find(
      (r) => r.kind === "advisory" && (r.sentence === c.sentence || r.sentence === c.sentence + 1),
    )?.actor;
    if (lead && partyId(lead) !== partyId(c.accused)) claims[i] = { ...c, claimant: lead };
  }
}

/**
 * The states that co-sign an advisory share its lead's act: each issues the advisory too and makes the lead's
 * accusations its own, unless they say their own piece there. The advisory is the one of the same sentence, or of
 * the two before.
 */
export function addCosigners(a: Analysis, claims: ClaimDraft[], responses: ResponseDraft[]): void {
  // the advisories by sentence, kept up to date as partners' copies are added: an advisory is looked for in
  // three sentences for every sentence, and most stories have none
  const advisories = new Map<number, ResponseDraft[]>();
  const noteAdvisory = (r: ResponseDraft) => {
    if (r.kind !== "advisory") return;
    const list = advisories.get(r.sentence);
    if (list) list.push(r);
    else advisories.set(r.sentence, [r]);
  };
  for (const r of responses) noteAdvisory(r);
  if (advisories.size === 0) return;
  for (const s of a.sentences) {
    // the cue first: a sentence without it is passed by on one bit, before any look-up of an advisory
    const cue = COSIGNED.exec(a.cues[s.index] as CueHits);
    if (!cue) continue;
    const advisory = advisories.get(s.index) ?? advisories.get(s.index - 1) ?? advisories.get(s.index - 2);
    const lead = advisory?.[0]?.actor;
    if (!advisory || !lead) continue;
    const at = s.start + cue.index;
    // the advisories as they stood before this sentence's partners were added
    const sharing = advisory.slice();
    const passive = SIGNED_BY.test(a.text.slice(at, s.end));
    const partners = new Map<string, Party>();
    for (const m of a.bySentence[s.index] ?? []) {
      if (m.attacker || m.force || !m.country) continue;
      if (m.form !== "name" && m.form !== "adjective" && m.form !== "body" && m.form !== "intl") continue;
      if (passive ? m.start < at : m.end > at) continue;
      const p = partyOf(m);
      if (p && partyId(p) !== partyId(lead)) partners.set(partyId(p), p);
    }
    // "… co-signed the advisory and said Volt Typhoon was …": partners who speak for themselves are read as such
    if (claims.some((c) => c.sentence === s.index && c.claimant && partners.has(partyId(c.claimant))))
      continue;
    const leadClaims = claims.filter(
      (c) => c.stance === "accuses" && c.claimant && partyId(c.claimant) === partyId(lead),
    );
    for (const p of partners.values()) {
      const accused = new Set(
        claims.filter((c) => c.claimant && partyId(c.claimant) === partyId(p)).map((c) => partyId(c.accused)),
      );
      for (const c of leadClaims) {
        if (accused.has(partyId(c.accused)) || partyId(c.accused) === partyId(p)) continue;
        accused.add(partyId(c.accused));
        claims.push({ ...c, claimant: p, sentence: s.index, start: at, end: at + cue[0].length });
      }
      for (const r of sharing) {
        const copy = { ...r, actor: p, sentence: s.index, start: at, end: at + cue[0].length };
        responses.push(copy);
        noteAdvisory(copy);
      }
    }
  }
}

/**
 * "The FBI, together with Australia's and Britain's cyber centres, published a joint advisory warning that hackers
 * sponsored by Iran …": every author of an advisory makes the accusation it carries, in the advisory's sentence.
 */
export function addJointAuthors(claims: ClaimDraft[], responses: readonly ResponseDraft[]): void {
  const authors = new Map<number, Party[]>();
  for (const r of responses) {
    if (r.kind !== "advisory") continue;
    const list = authors.get(r.sentence) ?? [];
    list.push(r.actor);
    authors.set(r.sentence, list);
  }
  for (const [sentence, actors] of authors) {
    if (actors.length < 2) continue;
    const ids = new Set(actors.map(partyId));
    const here = claims.filter((c) => c.sentence === sentence && c.stance === "accuses");
    const made = new Set(here.map((c) => `${c.claimant ? partyId(c.claimant) : "-"} ${partyId(c.accused)}`));
    for (const c of here) {
      if (!c.claimant || !ids.has(partyId(c.claimant))) continue;
      for (const p of actors) {
        const key = `${partyId(p)} ${partyId(c.accused)}`;
        if (made.has(key) || partyId(p) === partyId(c.accused)) continue;
        made.add(key);
        claims.push({ ...c, claimant: p });
      }
    }
  }
}

// "France, Germany and the Netherlands took part in the operation": partners in a takedown told of before
const PARTICIPATED = CUES.add(
  /\b(?:took part|take part|taking part|participated|joined|assisted|helped|contributed|were involved|was involved)\s+(?:in\s+|with\s+|to\s+)?(?:the|this|that)\s+(?:international\s+|joint\s+)?(?:operation|takedown|raid|action|effort)\b/i,
);

/**
 * States that took part in a takedown the story has told of take it down too, as partners: they act against the
 * same target but, helping, accuse no one by it.
 */
export function addParticipants(a: Analysis, responses: ResponseDraft[]): void {
  // no sentence before the first takedown with a target can have a lead
  let firstTakedown = Number.POSITIVE_INFINITY;
  for (const r of responses)
    if (r.kind === "takedown" && r.target && r.sentence < firstTakedown) firstTakedown = r.sentence;
  for (const s of a.sentences) {
    if (s.index < firstTakedown) continue;
    const cue = PARTICIPATED.exec(a.cues[s.index] as CueHits);
    if (!cue) continue;
    const at = s.start + cue.index;
    const lead = responses.filter((r) => r.kind === "takedown" && r.target && r.sentence <= s.index).at(-1);
    if (!lead) continue;
    const taking = new Set(
      responses.flatMap((r) =>
        r.kind === "takedown" && r.target ? [`${partyId(r.actor)} ${partyId(r.target)}`] : [],
      ),
    );
    for (const m of a.bySentence[s.index] ?? []) {
      if (m.start >= at || m.attacker || m.force || !m.country) continue;
      if (m.form !== "name" && m.form !== "adjective" && m.form !== "body" && m.form !== "intl") continue;
      const p = partyOf(m);
      const key = p && `${partyId(p)} ${partyId(lead.target as Party)}`;
      if (!p || !key || taking.has(key)) continue;
      taking.add(key);
      responses.push({
        ...lead,
        actor: p,
        sentence: s.index,
        start: at,
        end: at + cue[0].length,
        punitive: false,
        assisting: true,
      });
    }
  }
}
