import type { FuzzyDate, Party, ResponseKind } from "../../model/index.ts";
import { RESPONSE_KINDS } from "../../model/index.ts";
import type { Cue, CueHits } from "../text/cue-index.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import { ANY_RESPONSE, CUES, responseCues } from "./cues.ts";
import { type Mention, ofPeople } from "./mention.ts";
import { reportsTaken } from "./response-guards.ts";
import { nearestBefore, objectsAfter, subjectsBefore } from "./roles.ts";

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

const cues = responseCues;
const CUE_RES: Array<[ResponseKind, Cue]> = RESPONSE_KINDS.flatMap((k) => {
  const list = cues[k];
  return Array.isArray(list)
    ? [[k, CUES.add(new RegExp(`\\b(?:${list.join("|")})`, "gi"))] as [ResponseKind, Cue]]
    : [];
});
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
const PUNITIVE =
  /\b(?:for (?:its|their|his|her|the|[\p{Lu}][\p{L}]+['’]s)? ?(?:alleged )?(?:role|involvement|part)|in response to|over (?:the|its|their)|hold [\w\s]{0,20}accountable|because of|for (?:the )?(?:hack|attack|cyber)|for hacking|over (?:that|this|those|these) (?:[\w-]+ )?(?:intrusions?|attacks?|hacks?|breach(?:es)?)|after (?:catching|caught|discovering)|with (?:hacking|computer|cyber|breaking|stealing|carrying out|conducting|launching|orchestrating|taking part in|participating in)|with (?:[\w-]+ ){1,6}(?:cyber-?attacks|hacks|intrusions)\b|punish)/iu;

/** What states and others did about an attack: each cue with its actor and target. */
export function findResponses(
  a: Analysis,
  primaryAccused: () => Party | undefined,
  victimOf: (sentence: number) => string | undefined,
): ResponseDraft[] {
  const out: ResponseDraft[] = [];
  for (const s of a.sentences) {
    const hits = a.cues[s.index] as CueHits;
    if (!ANY_RESPONSE.test(hits)) continue;
    const punitive = PUNITIVE.test(s.text);
    for (const [kind, re] of CUE_RES) {
      for (const m of re.matchAll(hits)) {
        const pos = s.start + m.index;
        const end = pos + m[0].length;
        if (!reportsTaken(a, s, kind, m[0], pos, end)) continue;
        const first = actorFor(a, s.index, pos, end, kind, victimOf);
        if (!first) continue;
        const co = coActors(a, s.index, pos, end, kind, first);
        const actors = [first, ...co.subjects, ...co.partners];
        const partners = new Set(co.partners.map(partyId));
        for (const actor of actors) {
          if (STATE_ONLY.has(kind) && actor.kind !== "state" && actor.kind !== "intl") continue;
          const aimed = NO_TARGET.has(kind)
            ? null
            : targetFor(a, s.index, pos, end, kind, actor, primaryAccused);
          if (aimed && partyId(aimed) === partyId(actor)) continue;
          // "an advisory with agencies from Britain and Canada": those acting with it are not its target
          // "the two Malaysians were arrested …, and Washington is seeking …": those arrested are the subject
          const lead = a.text.slice(Math.max(s.start, pos - 60), pos);
          const subject =
            kind === "indictment" && PASSIVE_BEFORE.test(lead) ? passiveSubject(a, s.index, pos) : null;
          // … unless they are charged with running a gang, which is then the target
          const arrested =
            (PEOPLE_BEFORE_PASSIVE.test(lead) || subject) && aimed?.kind !== "group" ? subject : undefined;
          // a state arresting its own nationals aims at no state
          const own = arrested && partyId(arrested) === partyId(actor) ? null : arrested;
          const target = own !== undefined ? own : aimed && partners.has(partyId(aimed)) ? null : aimed;
          // "charged two Iranian men": people charged as themselves, with no gang named, leave the target open
          if (
            STATE_ONLY.has(kind) &&
            !target &&
            !(
              kind === "indictment" &&
              // "charged two Iranian men", "referred a Chinese engineer to prosecutors"
              (PEOPLE_CHARGED.test(a.text.slice(end, end + 40)) ||
                PEOPLE_CHARGED.test(m[0].replace(/^\S+/, "")) ||
                // "three men have pleaded guilty": the people are the subject
                /guilty|convicted|sentenced/i.test(m[0]) ||
                // "a 17-year-old boy has been arrested", "two Malaysians were arrested": so they are of a passive
                PEOPLE_BEFORE_PASSIVE.test(lead) ||
                !!subject)
            )
          )
            continue;
          const detail =
            kind === "containment" || kind === "recovery" ? clauseAround(a, s.index, pos, end) : undefined;
          const date = nearestDate(a, s.index, pos);
          out.push({
            kind,
            actor,
            target,
            sentence: s.index,
            start: pos,
            end,
            date,
            detail: detail || undefined,
            punitive:
              punitive &&
              (kind === "sanctions" ||
                kind === "indictment" ||
                kind === "expulsion" ||
                kind === "diplomatic-severance"),
            // an arrest of people "suspected of links to" a gang is police work, not an attribution
            assisting: co.partners.includes(actor) || /^arrest/i.test(m[0]),
          });
        }
      }
    }
  }
  return out;
}

/** "Police in Poland and Ukraine arrested …": every state coordinated with the first actor acts too. */
const PARTNER =
  /\b(?:with|alongside|and)\s+(?:police|authorities|agencies|law enforcement|investigators|prosecutors)\s+(?:in|from)\s+(?:the\s+)?$|\b(?:together with|alongside|in cooperation with|working with|partners in|with help from)\s+(?:the\s+)?$/i;
const COORDINATED = /^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i;

// the ambassador summoned is acted upon: never an actor alongside the one who summons
const ENVOY = /\b(?:ambassador|envoy|chargé|charge d'affaires|diplomats?|embassy)\b/i;

const PEOPLE_BEFORE_PASSIVE =
  /\b(?:man|woman|boy|girl|teenager|men|women|people|suspects?|nationals?|citizens?|hackers?|\d+-year-old)\b[^.;]{0,40}?\b(?:(?:has|have|had)\s+been|was|were)\s+$/i;
const PEOPLE_CHARGED =
  /^\s+(?:(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:[\w-]+\s+){0,2}?(?:men|man|women|woman|nationals|citizens|people|individuals|suspects|hackers|teenagers?|defendants|brothers|engineers?|students?|employees?)\b/i;

function coActors(
  a: Analysis,
  sentence: number,
  pos: number,
  end: number,
  kind: ResponseKind,
  first: Party,
): { subjects: Party[]; partners: Party[] } {
  // adjectives name who is acted on ("Iranian diplomats"), not who acts alongside; nor does a spy service
  // caught in the act ("caught officers of the GRU …, and the government expelled them")
  const subj = subjectsBefore(a, sentence, pos).filter(
    (m) => m.form !== "plural" && m.form !== "adjective" && !m.attacker && !m.force && !ENVOY.test(m.text),
  );
  // "working with police in Germany and the Netherlands, the bureau took control …", and "published a joint
  // advisory with agencies from Britain, Australia and Canada"
  const joint = kind === "advisory" || kind === "takedown";
  const partners = [...partnersBefore(a, sentence, pos), ...(joint ? partnersAfter(a, sentence, end) : [])];
  const seen = new Set([partyId(first)]);
  const distinct = (ms: Mention[]) => {
    const out: Party[] = [];
    for (const m of ms) {
      const p = partyOf(m);
      if (!p || (p.kind !== "state" && p.kind !== "intl") || seen.has(partyId(p))) continue;
      seen.add(partyId(p));
      out.push(p);
    }
    return out;
  };
  // a partner may stand in the subject's clause too ("Working with police in Germany, the bureau …"): it helps
  const helping = distinct(partners);
  return { subjects: distinct(subj), partners: helping };
}

/** The parties a cue's actor works with: "working with police in Germany and the Netherlands, the bureau …". */
function partnersBefore(a: Analysis, sentence: number, pos: number): Mention[] {
  const s = a.sentences[sentence];
  if (!s) return [];
  return (a.bySentence[sentence] ?? []).filter((m, i, list) => {
    if (m.end > pos || m.attacker) return false;
    const before = a.text.slice(Math.max(s.start, m.start - 45), m.start);
    if (PARTNER.test(before)) return true;
    const prev = list[i - 1];
    return (
      !!prev &&
      PARTNER.test(a.text.slice(Math.max(s.start, prev.start - 45), prev.start)) &&
      COORDINATED.test(a.text.slice(prev.end, m.start))
    );
  });
}

/** the words from a cue to the partners it names after it: "advisory with agencies from" */
const PARTNERS_NEXT =
  /^\s*(?:[\w-]+\s+){0,3}?(?:with|alongside|together with)\s+(?:(?:police|authorities|agencies|counterparts|partners|law enforcement|officials)\s+(?:from|in|of)\s+)?(?:the\s+)?$/i;

/** The states named as partners right after a cue, and those coordinated with them. */
function partnersAfter(a: Analysis, sentence: number, end: number): Mention[] {
  const out: Mention[] = [];
  for (const m of a.bySentence[sentence] ?? []) {
    if (m.start < end || m.attacker || m.start - end > 120) continue;
    const prev = out[out.length - 1];
    if (
      prev
        ? COORDINATED.test(a.text.slice(prev.end, m.start))
        : PARTNERS_NEXT.test(a.text.slice(end, m.start))
    )
      out.push(m);
    else if (prev) break;
  }
  return out;
}

const PRONOUN_SUBJECT = /(?:^|[,;]\s*|\b(?:statement|interview),?\s+)(?:he|she)\s+(?:[\w-]+\s+)?$/i;

/** The state of the people a passive cue's subject names ("two Malaysians were arrested"), or null. */
function passiveSubject(a: Analysis, sentence: number, pos: number): Party | null {
  const people = (a.bySentence[sentence] ?? []).filter(
    (m) => m.end <= pos && pos - m.end <= 60 && (m.form === "plural" || m.form === "adjective") && m.country,
  );
  const last = people[people.length - 1];
  return last?.country ? { kind: "state", country: last.country } : null;
}

const PASSIVE_BEFORE = /\b(?:(?:has|have|had)\s+been|was|were)\s+$/i;
const ARRESTED_AT = /^(?:arrested|detained)\s+(?:on\s+\w+\s+)?(?:in|near|outside)\s+(?:the\s+)?/i;

function actorFor(
  a: Analysis,
  sentence: number,
  pos: number,
  end: number,
  kind: ResponseKind,
  victimOf: (s: number) => string | undefined,
): Party | null {
  const s = a.sentences[sentence];
  if (!s) return null;
  // passive: "… was issued against him by Germany's prosecutor"
  const after = a.text.slice(end, Math.min(s.end, end + 120));
  const by = /\bby\s+(?:the\s+)?/.exec(after);
  const passive =
    /\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$/i.test(a.text.slice(Math.max(s.start, pos - 30), pos)) ||
    /^\s*(?:by|was|were|has been|had been|have been)\b/.test(after);
  if (by && passive && /^(?:[^,;]*?)\bby\b/.test(after)) {
    const agent = objectsAfter(a, sentence, end + by.index, (m) => !m.attacker && m.form !== "place")[0];
    if (agent && agent.start - (end + by.index) < 8) return partyOf(agent);
  }
  // "has been arrested near Paris": the police of the place of arrest made it
  if (passive && kind === "indictment") {
    const place = ARRESTED_AT.exec(a.text.slice(pos, Math.min(s.end, end + 40)));
    const where =
      place &&
      (a.bySentence[sentence] ?? []).find(
        (m) => m.start === pos + place[0].length && m.country && !m.attacker,
      );
    if (where?.country) return { kind: "state", country: where.country };
  }
  // "two Sudanese brothers have been charged": the subject of a passive cue is its target, not its actor
  const named = passive
    ? []
    : subjectsBefore(a, sentence, pos).filter(
        (m) =>
          m.form !== "plural" && !(m.form === "adjective" && /diplomat|embassy|envoy/i.test(m.head ?? "")),
      );
  // the one working with partners leads, when the clause names it
  const partners = partnersBefore(a, sentence, pos);
  const leads = named.filter((m) => !partners.includes(m));
  const subj = leads.length ? leads : named;
  // a company shutting its own systems acts itself: "French network TV5Monde resumed broadcasting"
  const own = kind === "containment" || kind === "recovery";
  const first = (own ? subj.find((m) => m.form === "org") : undefined) ?? subj[0];
  // "Engineers restored supply", "the company (a security firm) said the DNC's systems were rebuilt", "Systems
  // were restored, he said": the organisation that was hit restores its own systems
  const hit =
    own && (!first || first.observer || first.form === "official") ? hitOrg(a, sentence) : undefined;
  if (hit) return partyOf(hit);
  if (first) return partyOf(first);
  const speaker = a.speakers[sentence];
  if (speaker) return partyOf(speaker);
  // "In a written statement she condemned it": a pronoun subject is whoever spoke just before
  if (PRONOUN_SUBJECT.test(a.text.slice(s.start, pos))) {
    const prev = a.speakers[sentence - 1];
    if (prev && prev.form !== "org") return partyOf(prev);
  }
  if (kind === "containment" || kind === "recovery") {
    const c = victimOf(sentence) ?? a.focus;
    return c ? { kind: "state", country: c } : null;
  }
  const near = nearestBefore(
    a,
    sentence,
    pos,
    (m) =>
      !m.attacker &&
      !m.force &&
      (m.form === "body" || m.form === "official" || m.form === "name" || m.form === "intl"),
  );
  return near ? partyOf(near) : null;
}

/**
 * The organisation most recently named, in this sentence or the three before, that is neither an observer nor
 * an attacker: in a story about an attack on a company, the company.
 */
function hitOrg(a: Analysis, sentence: number): Mention | undefined {
  for (let i = sentence; i >= Math.max(0, sentence - 3); i--) {
    const orgs = (a.bySentence[i] ?? []).filter((m) => m.form === "org" && !m.observer && !m.attacker);
    const last = orgs[orgs.length - 1];
    if (last) return last;
  }
  return undefined;
}

// "who was later extradited to the United States", "arrested at the request of the United States": where a
// suspect is sent, or who asked for the arrest, is not whom a response aims at
const HANDED_TO =
  /\b(?:(?:extradited|handed over|sent|flown|transferred|deported)\s+to|at the (?:request|behest) of)\s+(?:the\s+)?$/i;

const ITS_MEMBERS =
  /^\s+(?:(?:on|against)\s+)?(?:[\w-]+\s+)?(?:of\s+)?(?:its|the group['’]s|the gang['’]s)\s+(?:alleged\s+)?(?:members|leaders|operators|administrators|affiliates)\b/i;

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
  actor: Party,
  primaryAccused: () => Party | undefined,
): Party | null {
  const notActor = (m: Mention) => {
    const p = partyOf(m);
    // sanctions and expulsions aim at states, groups and people: not at the company that was hit, not at an
    // international body, not at whoever reports them ("…, Europol said")
    return (
      !!p &&
      partyId(p) !== partyId(actor) &&
      m.form !== "place" &&
      m.form !== "intl" &&
      m !== a.speakers[sentence] &&
      !(STATE_ONLY.has(kind) && m.form === "org") &&
      !HANDED_TO.test(a.text.slice(Math.max(0, m.start - 30), m.start))
    );
  };
  // "charges against two Russian nationals accused of deploying LockBit, and sanctions on them": the gang again
  if (/^\s+(?:on|against)\s+(?:them|him|her)\b/.test(a.text.slice(end, end + 14))) {
    const group = (a.bySentence[sentence] ?? []).find(
      (m) => m.start < pos && m.form === "group" && m.party.kind === "group" && !m.party.sponsor,
    );
    if (group) return partyOf(group);
  }
  // "sanctions on two of its members": the group the story spoke of last
  if (ITS_MEMBERS.test(a.text.slice(end, end + 60))) {
    const group = lastGroup(a, sentence, pos);
    if (group) return group;
  }
  const first = objectsAfter(a, sentence, end, notActor, 140)[0];
  // "charged a Moldovan man": private people are charged as themselves; the gang they work for is the target
  const after = first && ofPeople(first) ? undefined : first;
  // "charges against two Russian nationals … LockBit": a nationality stands for the gang named beside it
  if (
    after &&
    (after.form === "plural" || after.form === "adjective") &&
    (kind === "indictment" || kind === "sanctions" || kind === "reward")
  ) {
    const group = (a.bySentence[sentence] ?? []).find(
      (m) => m.form === "group" && m.party.kind === "group" && !m.party.sponsor,
    );
    if (group) return partyOf(group);
  }
  if (after) return partyOf(after);
  if (kind === "expulsion") {
    const dipl = nearestBefore(
      a,
      sentence,
      pos,
      (m) => m.form === "adjective" && /diplomat|embassy|envoy|staff/i.test(m.head ?? ""),
    );
    if (dipl) return partyOf(dipl);
  }
  if (kind === "takedown") {
    const op =
      /\b(?:the\s+)?([A-Z][\w-]+)\s+(?:botnet|malware|ransomware|gang|group|network|infrastructure|servers)/.exec(
        a.text.slice(end, end + 100),
      );
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
  return fallback && partyId(fallback) !== partyId(actor) ? fallback : null;
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

function clauseAround(a: Analysis, sentence: number, pos: number, end: number): string {
  const s = a.sentences[sentence];
  if (!s) return "";
  const from = Math.max(s.start, pos - 60);
  const to = Math.min(s.end, end + 80);
  return a.text
    .slice(from, to)
    .replace(/^\S*\s/, "")
    .replace(/\s\S*$/, "")
    .replace(/[“”"]/g, "")
    .trim();
}
