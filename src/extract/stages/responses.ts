import type { FuzzyDate, Party, ResponseKind } from "../../model/index.ts";
import { RESPONSE_KINDS } from "../../model/index.ts";
import { isSpaceCode } from "../text/char-codes.ts";
import type { Cue, CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import { RESPONSE_CUES } from "./cues.ts";
import { type Mention, ofPeople } from "./mention.ts";
import { actorFor, arrestedSubject, coActors, openingVerb } from "./response-actors.ts";
import { punitiveIn, reportsTaken } from "./response-guards.ts";
import { nearestBefore, objectsAfter } from "./roles.ts";
import { isSpeakerCapable } from "./speakers.ts";
import { lastWordBeforeThe, TailPattern } from "./tail-words.ts";

export interface ResponseDraft {
  kind: ResponseKind;
  actor: Party;
  target: Party | null;
  sentence: number;
  start: number;
  end: number;
  date?: FuzzyDate;
  detail?: string;
  /** the response is said to punish an attack ("for its alleged role"): it implies an accusation */
  punitive: boolean;
  /** the actor only helped ("working with police in Germany") or arrested suspects: it accuses nobody by it */
  assisting: boolean;
}

const NO_TARGET: ReadonlySet<ResponseKind> = new Set(["containment", "recovery"]);
// every kind but these is aimed by a state or an international body at someone
const ANY_ACTOR: ReadonlySet<ResponseKind> = new Set([
  "containment",
  "recovery",
  "advisory",
  "reward",
  "takedown",
]);
const STATE_ONLY: ReadonlySet<ResponseKind> = new Set(RESPONSE_KINDS.filter((k) => !ANY_ACTOR.has(k)));

// the kinds and their cues as two arrays: read for every sentence of every document
const CUE_KINDS = RESPONSE_CUES.map(([kind]) => kind);
const CUE_PATTERNS = RESPONSE_CUES.map(([, cue]) => cue);
const NOBODY = () => undefined;
const NO_PARTNERS: ReadonlySet<string> = new Set();
const CHARGED_ALONE = /guilty|convicted|sentenced/i;
const ARREST_CUE = /^arrest|detain/i;
const FIRST_WORD = /^\S+/;

/** What states and others did about an attack: each cue with its actor and target. */
export function findResponses(
  a: Analysis,
  primaryAccused: () => Party | undefined,
  victimOf: (sentence: number) => string | undefined,
): ResponseDraft[] {
  const out: ResponseDraft[] = [];
  for (const s of a.sentences) {
    const hits = a.cues[s.index] as CueHits;
    // read only where a response is kept: most sentences with a cue word report none
    let punitiveHere: boolean | undefined;
    // "imposed sanctions on seven men …, in Britain's first sanctions aimed at ransomware": sanctions named
    // again in their sentence are the same measure, and aim at no one the story merely blames
    let sanctioned = false;
    for (let c = 0; c < CUE_PATTERNS.length; c++) {
      const matches = (CUE_PATTERNS[c] as Cue).matchAll(hits);
      if (matches.length === 0) continue;
      const cueKind = CUE_KINDS[c] as ResponseKind;
      for (const m of matches) {
        const cue = m[0];
        const pos = s.start + m.index;
        const end = pos + cue.length;
        // "police shut down Genesis Market": what is shut down is a gang's service, not the actor's own systems
        const kind = cueKind === "containment" && shutsGang(a, s, end) ? "takedown" : cueKind;
        if (!reportsTaken(a, s, kind, cue, pos, end)) continue;
        const again = kind === "sanctions" && sanctioned;
        if (kind === "sanctions") sanctioned = true;
        // "In a joint advisory, CISA and Norway's NCSC said …": the clause's verb stands for the cue
        const [at, atEnd] = openingVerb(a, s, pos, end) ?? [pos, end];
        const found = actorFor(a, s.index, at, atEnd, kind, victimOf);
        if (!found) continue;
        const noTarget = NO_TARGET.has(kind);
        // the state the story blames does not contain or recover from its own attack: the victim does
        const first = noTarget ? ownedByVictim(found, primaryAccused(), victimOf(s.index)) : found;
        if (!first) continue;
        const co = coActors(a, s.index, at, atEnd, kind, first);
        const partners = co.partners.length ? new Set(co.partners.map(partyId)) : NO_PARTNERS;
        const stateOnly = STATE_ONLY.has(kind);
        // "a 17-year-old boy has been arrested", "the two Malaysians were arrested …, and Washington is
        // seeking …": those arrested are the subject
        const arrested = kind === "indictment" ? arrestedSubject(a, s, pos) : undefined;
        const arrestedId = arrested ? partyId(arrested) : undefined;
        // the date, the clause and the checks of the cue's own words: made for the first record kept only
        let kept = false;
        let date: FuzzyDate | undefined;
        let detail: string | undefined;
        let punitive = false;
        let charging: boolean | undefined;
        let arrestCue = false;
        const firstId = partyId(first);
        for (let i = 0; i < 1 + co.subjects.length + co.partners.length; i++) {
          const actor =
            i === 0
              ? first
              : i <= co.subjects.length
                ? (co.subjects[i - 1] as Party)
                : (co.partners[i - 1 - co.subjects.length] as Party);
          if (stateOnly && actor.kind !== "state" && actor.kind !== "intl") continue;
          const actorId = i === 0 ? firstId : partyId(actor);
          const aimed = noTarget
            ? null
            : targetFor(a, s.index, at, atEnd, kind, actorId, again ? NOBODY : primaryAccused);
          const aimedAt = aimed ? partyId(aimed) : undefined;
          if (aimed && aimedAt === actorId) continue;
          // … unless they are charged with running a gang, which is then the target; and a state arresting its
          // own nationals aims at no state
          const ofArrested =
            arrested === undefined || aimed?.kind === "group"
              ? undefined
              : arrested && arrestedId === actorId
                ? null
                : arrested;
          // "an advisory with agencies from Britain and Canada": those acting with it are not its target, nor is
          // the one a partner works with ("issued by CISA with its counterparts in Australia")
          const withPartner =
            aimedAt !== undefined &&
            (partners.has(aimedAt) || (partners.has(actorId) && aimedAt === firstId));
          const target = ofArrested !== undefined ? ofArrested : withPartner ? null : aimed;
          // "charged two Iranian men": people charged as themselves, with no gang named, leave the target open
          if (stateOnly && !target) {
            if (kind !== "indictment") continue;
            // "charged two Iranian men", "referred a Chinese engineer to prosecutors"; "three men have pleaded
            // guilty", "two Malaysians were arrested": the people are the subject
            charging ??=
              PEOPLE_CHARGED.test(a.text.slice(end, end + 60)) ||
              PEOPLE_CHARGED.test(cue.replace(FIRST_WORD, "")) ||
              CHARGED_ALONE.test(cue) ||
              arrested !== undefined;
            if (!charging) continue;
          }
          if (!kept) {
            kept = true;
            arrestCue = ARREST_CUE.test(cue);
            date = nearestDate(a, s.index, pos);
            if (kind === "containment" || kind === "recovery")
              detail = clauseAround(a, s.index, pos, end) || undefined;
            if (
              kind === "sanctions" ||
              kind === "indictment" ||
              kind === "expulsion" ||
              kind === "diplomatic-severance"
            ) {
              punitiveHere ??= punitiveIn(s.text);
              punitive = punitiveHere;
            }
          }
          // an arrest of people "suspected of links to" a gang is police work, not an attribution
          const assisting = i > co.subjects.length || arrestCue;
          // "dismantled RedLine and META": each gang named together is a target
          if (target?.kind === "group" && TO_EACH.has(kind)) {
            out.push(draft(kind, actor, target, s.index, pos, end, date, detail, punitive, assisting));
            for (const other of groupsBeside(a, s.index, atEnd, target))
              out.push(draft(kind, actor, other, s.index, pos, end, date, detail, punitive, assisting));
          } else out.push(draft(kind, actor, target, s.index, pos, end, date, detail, punitive, assisting));
        }
      }
    }
  }
  return out;
}

function draft(
  kind: ResponseKind,
  actor: Party,
  target: Party | null,
  sentence: number,
  start: number,
  end: number,
  date: FuzzyDate | undefined,
  detail: string | undefined,
  punitive: boolean,
  assisting: boolean,
): ResponseDraft {
  return { kind, actor, target, sentence, start, end, date, detail, punitive, assisting };
}

/** A containment or recovery put to the blamed state is the victim's (a state), or nobody's. */
function ownedByVictim(actor: Party, blamed: Party | undefined, victim: string | undefined): Party | null {
  const blamedState =
    blamed?.kind === "group" ? blamed.sponsor : blamed?.kind === "state" ? blamed.country : undefined;
  if (actor.kind !== "state" || actor.country !== blamedState || actor.country === victim) return actor;
  return victim ? { kind: "state", country: victim } : null;
}

/** kinds whose cue aims at each of the gangs named together after it */
const TO_EACH: ReadonlySet<ResponseKind> = new Set(["takedown", "sanctions", "indictment", "reward"]);

// "servers used to run the infostealers were taken offline": the machines of a crime, not of its victim
const CRIMINAL_KIT =
  /\b(?:servers|domains|infrastructure|channels|websites?|sites?)\b[^.;]{0,40}?\bused (?:to (?:run|sell|spread|distribute|host|control|operate)|by)\b[^.;]{0,40}?\b(?:malware|infostealers?|botnets?|ransomware|market(?:place)?s?|forums?|gangs?|criminals|hackers)\b/i;

/**
 * True when what a containment verb shuts is a gang's: the first party right after it is a gang ("shut down
 * Genesis Market"), or the sentence speaks of the machines used to run a crime.
 */
function shutsGang(a: Analysis, s: Sentence, end: number): boolean {
  if (s.text.includes("used ") && CRIMINAL_KIT.test(s.text)) return true;
  // "Police shut down cheap 'Imminent Monitor' spying tool": police shut down what others run, never their own
  if (
    // (the pattern ends "shut down": only a cue ending "down" can match it)
    a.text.slice(Math.max(0, end - 4), end).toLowerCase() === "down" &&
    POLICE_SUBJECT.test(a.text.slice(s.start, end)) &&
    !OWN_AFTER.test(a.text.slice(end, end + 12))
  )
    return true;
  if (!(a.bySentence[s.index] ?? []).some((m) => m.form === "group")) return false;
  const first = objectsAfter(a, s.index, end, () => true, 30)[0];
  return first?.form === "group" && first.party.kind === "group" && first.start - end <= 5;
}

const POLICE_SUBJECT =
  /^(?:[\w'’-]+\s+){0,4}?(?:police|law enforcement|investigators|prosecutors|FBI|Europol|the Justice Department)(?:\s+(?:in|from)\s+[\w ]{1,40}?)?\s+(?:have\s+|has\s+|had\s+)?(?:shut|shuts|shutting)\s+down$/i;
const OWN_AFTER = /^\s+(?:its|their|the force's|the agency's)\b/i;

/** The other gangs named together with `first` right after the cue ("RedLine and META"). */
function groupsBeside(a: Analysis, sentence: number, end: number, first: Party): Party[] {
  const objects = objectsAfter(a, sentence, end, (m) => m.form === "group", 140);
  if (objects.length < 2 || partyId(partyOf(objects[0] as Mention) ?? first) !== partyId(first)) return [];
  return objects.slice(1).flatMap((m) => {
    const p = partyOf(m);
    return p && p.kind === "group" && partyId(p) !== partyId(first) ? [p] : [];
  });
}

const PEOPLE_CHARGED =
  /^\s+(?:(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:(?!(?:for|of|with|against|on)\b)[\w-]+\s+){0,3}?(?:men|man|women|woman|nationals|citizens|people|individuals|suspects|hackers|teenagers?|defendants|brothers|engineers?|students?|employees?|graduates?|programmers?|youths?|users|buyers|customers|administrators|operators)\b/i;

// "who was later extradited to the United States", "arrested at the request of the United States": where a
// suspect is sent, or who asked for the arrest, is not whom a response aims at
const HANDED_TO =
  /\b(?:(?:extradited|handed over|sent|flown|transferred|deported)\s+to|at the (?:request|behest) of)\s+(?:the\s+)?$/i;

/** ", a mixer that the US Treasury " before a cue: the cue's object is the name before the comma */
const RELATIVE_OBJECT = new TailPattern(
  /,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:that|which|whom)\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,5}?(?:(?:had|has|have|also|later)\s+)?$/,
  8,
  "that which whom",
  { wordChars: "-.'’" },
);

const ON_THEM = /^\s+(?:on|against)\s+(?:them|him|her)\b/;
const DIPLOMATS = /diplomat|embassy|envoy|staff/i;
const NAMED_OPERATION =
  /\b(?:the\s+)?([A-Z][\w-]+)\s+(?:botnet|malware|ransomware|gang|group|network|infrastructure|servers)/;

const ITS_MEMBERS =
  /^\s+(?:(?:on|against)\s+)?(?:[\w-]+\s+)?(?:of\s+)?(?:its|the group['’]s|the gang['’]s)\s+(?:alleged\s+)?(?:members|leaders|operators|administrators|affiliates)\b/i;

/** The first gang named in the sentence that `keep` accepts, given the mention and the state behind the gang. */
function gangIn(
  a: Analysis,
  sentence: number,
  keep: (m: Mention, sponsor: string | undefined) => boolean,
): Party | undefined {
  for (const m of a.bySentence[sentence] ?? [])
    if (m.form === "group" && m.party.kind === "group" && keep(m, m.party.sponsor))
      return partyOf(m) ?? undefined;
  return undefined;
}

/** The group named last, in this sentence before `pos` or in the three before it. */
function lastGroup(a: Analysis, sentence: number, pos: number): Party | undefined {
  for (let i = sentence; i >= Math.max(0, sentence - 3); i--) {
    const g = (a.bySentence[i] ?? []).filter((m) => m.form === "group" && (i < sentence || m.end <= pos));
    const last = g[g.length - 1];
    const p = last && partyOf(last);
    if (p) return p;
  }
  return undefined;
}

function targetFor(
  a: Analysis,
  sentence: number,
  pos: number,
  end: number,
  kind: ResponseKind,
  actorId: string,
  primaryAccused: () => Party | undefined,
): Party | null {
  // "Blender.io, a mixer that the US Treasury sanctioned": the name the relative clause hangs on is the target
  const rel = RELATIVE_OBJECT.exec(a.text, Math.max(a.sentences[sentence]?.start ?? 0, pos - 120), pos);
  if (rel) {
    const comma = pos - rel[0].length;
    const named = (a.bySentence[sentence] ?? []).find(
      (m) => m.end === comma && (m.form === "org" || m.form === "group" || m.form === "name"),
    );
    const p = named && partyOf(named);
    if (p && partyId(p) !== actorId) return p;
  }
  // "charges against two Russian nationals accused of deploying LockBit, and sanctions on them": the gang again
  if (ON_THEM.test(a.text.slice(end, end + 14))) {
    const group = gangIn(a, sentence, (m, sponsor) => m.start < pos && !sponsor);
    if (group) return group;
  }
  // "sanctions on two of its members": the group the story spoke of last
  if (ITS_MEMBERS.test(a.text.slice(end, end + 60))) {
    const group = lastGroup(a, sentence, pos);
    if (group) return group;
  }
  const stateOnly = STATE_ONLY.has(kind);
  const first = objectsAfter(a, sentence, end, (m) => notActor(a, m, actorId, stateOnly, sentence), 140)[0];
  // "charged a Moldovan man": private people are charged as themselves; the gang they work for is the target
  const after = first && ofPeople(first) ? undefined : first;
  // "sanctions on two Russian nationals it named as leaders of the Cyber Army of Russia Reborn": their gang
  if (first && !after && (kind === "indictment" || kind === "sanctions" || kind === "reward")) {
    // charging a state's nationals in its unit ("… part of APT31") is aimed at the state
    const group = gangIn(
      a,
      sentence,
      (m, sponsor) => m.start > first.end && !(kind === "indictment" && sponsor),
    );
    if (group) return group;
  }
  // "charges against two Russian nationals … LockBit": a nationality stands for the gang named beside it
  if (
    after &&
    (after.form === "plural" || after.form === "adjective") &&
    (kind === "indictment" || kind === "sanctions" || kind === "reward")
  ) {
    const group = gangIn(a, sentence, (_, sponsor) => !sponsor);
    if (group) return group;
  }
  if (after) return partyOf(after);
  if (kind === "expulsion") {
    const dipl = nearestBefore(
      a,
      sentence,
      pos,
      (m) => m.form === "adjective" && DIPLOMATS.test(m.head ?? ""),
    );
    if (dipl) return partyOf(dipl);
  }
  if (kind === "takedown") {
    const op = NAMED_OPERATION.exec(a.text.slice(end, end + 100));
    if (op?.[1]) return { kind: "group", name: op[1] };
  }
  // the gang under discussion: rewards and takedowns always aim at it, arrests when it has no state behind it
  const criminal = kind === "indictment";
  // an advisory describes the group under discussion's tools
  if (kind === "reward" || kind === "takedown" || kind === "advisory" || criminal) {
    for (let i = sentence; i >= Math.max(0, sentence - 3); i--) {
      const g = (a.bySentence[i] ?? []).filter(
        (m) => m.form === "group" && !(criminal && m.party.kind === "group" && m.party.sponsor),
      );
      const last = g[g.length - 1];
      if (last) return partyOf(last);
    }
  }
  const fallback = primaryAccused();
  return fallback && partyId(fallback) !== actorId ? fallback : null;
}

/**
 * Whether a mention after a cue may be its target: sanctions and expulsions aim at states, groups and people; not
 * at the company that was hit, not at an international body, not at whoever reports them ("…, Europol said").
 */
function notActor(a: Analysis, m: Mention, actorId: string, stateOnly: boolean, sentence: number): boolean {
  if (m.form === "place" || m.form === "intl" || (stateOnly && m.form === "org")) return false;
  const p = partyOf(m);
  // the sentence's speaker last: found only for a mention that could otherwise be the target, and one a speaker
  // can be (every speaker found is one isSpeakerCapable accepts)
  return (
    !!p &&
    partyId(p) !== actorId &&
    !handedTo(a.text, m.start) &&
    (!isSpeakerCapable(m) || m !== a.speakerOf(sentence))
  );
}

/** HANDED_TO before `at`, run only where the words before end "to" or "of" (and "the", perhaps) */
function handedTo(text: string, at: number): boolean {
  const from = Math.max(0, at - 30);
  const word = lastWordBeforeThe(text, from, at);
  return (word === "to" || word === "of") && HANDED_TO.test(text.slice(from, at));
}

/** The date nearest a cue in its sentence: "on Wednesday severed ties" → that Wednesday. */
function nearestDate(a: Analysis, sentence: number, pos: number): FuzzyDate | undefined {
  let best: { d: FuzzyDate; dist: number } | undefined;
  for (const d of a.datesIn(sentence)) {
    const dist = Math.abs(d.start - pos);
    if (dist < 60 && (!best || dist < best.dist)) best = { d: d.date, dist };
  }
  return best?.d;
}

const QUOTES = /[“”"]/g;

/** The words around a cue, without the words cut at either edge: as dropping /^\S*\s/ and then /\s\S*$/. */
function clauseAround(a: Analysis, sentence: number, pos: number, end: number): string {
  const s = a.sentences[sentence];
  if (!s) return "";
  const text = a.text;
  let from = Math.max(s.start, pos - 60);
  let to = Math.min(s.end, end + 80);
  let first = from;
  while (first < to && !isSpaceCode(text.charCodeAt(first))) first++;
  if (first < to) {
    from = first + 1;
    let last = to;
    while (last > from && !isSpaceCode(text.charCodeAt(last - 1))) last--;
    if (last > from) to = last - 1;
  }
  return text.slice(from, to).replace(QUOTES, "").trim();
}
