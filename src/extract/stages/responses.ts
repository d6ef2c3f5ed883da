import type { FuzzyDate, Party, ResponseKind } from "../../model/index.ts";
import { RESPONSE_KINDS } from "../../model/index.ts";
import { isSpaceCode } from "../text/char-codes.ts";
import type { Cue, CueHits } from "../text/cue-index.ts";
import { type Analysis, partyId } from "./context.ts";
import { RESPONSE_CUES } from "./cues.ts";
import type { Mention } from "./mention.ts";
import { actorFor, arrestedSubject, coActors, openingVerb } from "./response-actors.ts";
import { punitiveIn, reportsTaken } from "./response-guards.ts";
import { groupsBeside, shutsGang, targetFor } from "./response-targets.ts";

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
const ARREST_CUE = /^arrest|detain|^(?:made|carried out) .*arrests$/i;
const PASSIVE_BEFORE = /\b(?:was|were|been|is|are)\s+(?:later\s+|also\s+|then\s+)?$/i;
const FIRST_WORD = /^\S+/;

/** What states and others did about an attack: each cue with its actor and target. */
export function findResponses(
  a: Analysis,
  primaryAccused: () => Party | undefined,
  victimOf: (sentence: number) => string | undefined,
  /** whether the story says the organisation a mention names was hit */
  wasHit?: (m: Mention) => boolean,
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
        const found = actorFor(a, s.index, at, atEnd, kind, victimOf, wasHit);
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
        let asThemselves: boolean | undefined;
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
            : targetFor(a, s.index, at, atEnd, kind, stateOnly, actorId, again ? NOBODY : primaryAccused);
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
          // "charged two Iranian men", "imposed sanctions on Ermakov": people charged or sanctioned as themselves,
          // with no gang named, leave the target open
          if (stateOnly && !target) {
            asThemselves ??=
              kind === "sanctions"
                ? // "… on him and two associates"
                  PEOPLE_SANCTIONED.test(a.text.slice(end, end + 80))
                : kind === "indictment" &&
                  // "referred a Chinese engineer to prosecutors"; "three men have pleaded guilty", "two Malaysians
                  // were arrested": the people are the subject
                  (PEOPLE_CHARGED.test(a.text.slice(end, end + 60)) ||
                    // "police arrested Ramon Abbas over the theft": a person named, arrested or charged as himself
                    PERSON_CHARGED.test(a.text.slice(end, end + 60)) ||
                    // "Vasinskyi, 22, was arrested on Oct. 8 …": the one arrested is the subject
                    (ARREST_CUE.test(cue) &&
                      PASSIVE_BEFORE.test(a.text.slice(Math.max(s.start, pos - 20), pos))) ||
                    PEOPLE_CHARGED.test(cue.replace(FIRST_WORD, "")) ||
                    CHARGED_ALONE.test(cue) ||
                    arrested !== undefined);
            if (!asThemselves) continue;
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
          // "dismantled RedLine and META": each gang (or company) named together is a target
          if ((target?.kind === "group" || target?.kind === "organization") && TO_EACH.has(kind)) {
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

const PERSON_CHARGED =
  /^\s+(?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+(?=,|\s+(?:over|on|for|in|after|who|with|at|as)\b)/u;
const NOT_A_NAME = String.raw`(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b)`;
const PEOPLE_SANCTIONED = new RegExp(
  String.raw`^\s+(?:on|against)\s+(?:(?:him|her|them)\b|the\s+(?:pair|two|three|men|man|woman|hackers|officers)\b|${NOT_A_NAME}(?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+(?=[,.]|\s+(?:over|on|for|in|after|who|with|at|as|and)\b)|(?:(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:[\w-]+\s+){0,3}?(?:men|man|women|woman|nationals|citizens|people|individuals|hackers|officers|officials|executives)\b)`,
  "u",
);
const PEOPLE_CHARGED =
  /^\s+(?:(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:(?!(?:for|of|with|against|on)\b)[\w-]+\s+){0,3}?(?:men|man|women|woman|nationals|citizens|people|individuals|suspects|hackers|teenagers?|defendants|brothers|engineers?|students?|employees?|graduates?|programmers?|youths?|users|buyers|customers|administrators|operators)\b/i;

/** kinds whose cue aims at each of the gangs named together after it */
const TO_EACH: ReadonlySet<ResponseKind> = new Set(["takedown", "sanctions", "indictment", "reward"]);

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
