/**
 * Whom a response found by responses.ts is aimed at: the party named after its cue, or the gang, state or
 * group the sentence or the story speaks of; and whether a "shut down" shuts a gang's machines (a takedown).
 */
import type { Party, ResponseKind } from "../../model/index.ts";
import type { Sentence } from "../text/sentences.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import { type Mention, ofPeople } from "./mention.ts";
import { AUTHOR_VERBS } from "./response-actors.ts";
import { nearestBefore, objectsAfter } from "./roles.ts";
import { isSpeakerCapable } from "./speakers.ts";
import { lastWordBeforeThe, TailPattern } from "./tail-words.ts";

// "servers used to run the infostealers were taken offline": the machines of a crime, not of its victim
const CRIMINAL_KIT =
  /\b(?:servers|domains|infrastructure|channels|websites?|sites?)\b[^.;]{0,40}?\bused (?:to (?:run|sell|spread|distribute|host|control|operate)|by)\b[^.;]{0,40}?\b(?:malware|infostealers?|botnets?|ransomware|market(?:place)?s?|forums?|gangs?|criminals|hackers)\b/i;

/**
 * True when what a containment verb shuts is a gang's: the first party right after it is a gang ("shut down
 * Genesis Market"), or the sentence speaks of the machines used to run a crime.
 */
export function shutsGang(a: Analysis, s: Sentence, end: number): boolean {
  if (s.text.includes("used ") && CRIMINAL_KIT.test(s.text)) return true;
  if (namedService(a.text, end)) return true;
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

// "shut down ChipMixer, a service accused of laundering …", "seized Hydra, the darknet marketplace": a criminal
// service named right after the verb, which the gazetteer may not know
const NAMED_SERVICE =
  /^\s+(?:the\s+)?(\p{Lu}[\p{L}\d.$-]*(?:\s+\p{Lu}[\p{L}\d.$-]*)?)(?:,\s+(?:an?|the)\s+|\s+)(?:[\w-]+\s+){0,3}?(?:service|marketplace|market|forum|platform|mixer|exchange)\b/u;

/** The name of the criminal service right after `end`, and where it starts, if NAMED_SERVICE reads one there. */
function namedService(text: string, end: number): { name: string; start: number } | undefined {
  const c = text.charCodeAt(end + 1);
  // (a name opens with a capital, perhaps after "the ": nothing else is worth the pattern)
  if (!(c >= 65 && c <= 90) && !(c === 116 && text.startsWith("the ", end + 1))) return undefined;
  const m = NAMED_SERVICE.exec(text.slice(end, end + 120));
  const name = m?.[1];
  // (the name is the match's first capitalised word: only "the " may stand before it)
  return m && name ? { name, start: end + m[0].indexOf(name) } : undefined;
}

/** what joins the names of a list: "A, B and C", "A and on B" */
const LIST_GLUE = /^(?:,\s+(?:and\s+)?|\s+and\s+)(?:(?:on|against)\s+)?(?:the\s+)?$/;

/**
 * The other gangs named together with `first` right after the cue ("RedLine and META"); or, when `first` is a
 * company, the companies listed with it ("Afkar System Yazd Company and Najee Technology Hooshmand Fater Company").
 */
export function groupsBeside(a: Analysis, sentence: number, end: number, first: Party): Party[] {
  if (first.kind === "organization") return companiesListed(a, sentence, end, first);
  const objects = objectsAfter(a, sentence, end, (m) => m.form === "group", 140);
  if (objects.length < 2 || partyId(partyOf(objects[0] as Mention) ?? first) !== partyId(first)) return [];
  return objects.slice(1).flatMap((m) => {
    const p = partyOf(m);
    return p && p.kind === "group" && partyId(p) !== partyId(first) ? [p] : [];
  });
}

function companiesListed(a: Analysis, sentence: number, end: number, first: Party): Party[] {
  const ms = a.bySentence[sentence] ?? [];
  const id = partyId(first);
  // the list after the cue (past a nationality: "two Iranian firms, A and B"); or, for "froze the assets of the
  // two firms", the one named before it
  let at = ms.findIndex((m) => m.start >= end);
  if (ms[at]?.form === "adjective" && sameParty(ms[at + 1], id)) at++;
  const next = ms[at];
  if (!next || next.start - end > 200 || !sameParty(next, id))
    at = ms.findIndex((m) => m.end <= end && m.form === "org" && sameParty(m, id));
  if (at < 0) return [];
  const out: Party[] = [];
  let last = ms[at] as Mention;
  for (const m of ms.slice(at + 1)) {
    const p = partyOf(m);
    if (m.form !== "org" || m.observer || !p || !LIST_GLUE.test(a.text.slice(last.end, m.start))) break;
    if (partyId(p) !== id) out.push(p);
    last = m;
  }
  return out;
}

function sameParty(m: Mention | undefined, id: string): boolean {
  const p = m && partyOf(m);
  return !!p && partyId(p) === id;
}

// "who was later extradited to the United States", "arrested at the request of the United States": where a
// suspect is sent, or who asked for the arrest, is not whom a response aims at
const HANDED_TO =
  /\b(?:(?:extradited|handed over|sent|flown|transferred|deported)\s+to|at the (?:request|behest) of|(?:arrested|detained|held|caught|captured)\s+in|(?:one|another|the other)\s+in)\s+(?:the\s+)?$/i;

/** ", a mixer that the US Treasury " before a cue: the cue's object is the name before the comma */
const RELATIVE_OBJECT = new TailPattern(
  /,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:that|which|whom)\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,5}?(?:(?:had|has|have|also|later)\s+)?$/,
  8,
  "that which whom",
  { wordChars: "-.'’" },
);

const WORKED_FOR =
  /\b(?:employees|contractors|members|leaders|officers|staff|workers|founders|executives|administrators|operators)\s+of\s+(?:the\s+)?$/i;
const REQUEST_NEXT = /^\s+request\b/i;
/** between a sanction and the company it names: "on", a day, an article ("sanctions on Tuesday on the …") */
const SANCTIONED_NEXT =
  /^\s+(?:(?:on|against|targeting)\s+)?(?:(?:on|last|this)\s+[A-Z]\w+\s+(?:on|against)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?$/;
const OF_THE_FIRMS =
  /^\s+(?:[\w-]+\s+){0,3}?of\s+(?:the|both)\s+(?:two\s+|three\s+|four\s+)?(?:firms|companies|businesses)\b/i;
/** "sanctions on Zhou and on his company, Shanghai Heiying": the company a person sanctioned with it runs */
const THEIR_COMPANY =
  /^\s+(?:on|against)\s+[^.;]{1,80}?\s+and\s+(?:on\s+|against\s+)?(?:his|her|their)\s+(?:own\s+)?(?:company|firm|business|employer)\s*,\s+$/;
const ATTACKED_BEFORE =
  /\b(?:(?:cyber-?)?attacks?|hacks?|hacking|intrusions?|breach(?:es)?|computers|networks|systems|servers)\s+(?:on|against|in|into|of)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*,?\s+(?:and\s+)?(?:the\s+)?)*$/u;
const ON_THEM = /^\s+(?:on|against)\s+(?:them|him|her)\b/;
const FIRMS_NAMED =
  /^\s+(?:[\w-]+\s+)?(?:firms|companies|entities|businesses|organi[sz]ations|front companies)\s*(?:,|:|\u2014|-)\s*(?:the\s+)?$/;
const DIPLOMATS = /diplomat|embassy|envoy|staff/i;
const REPRESENTS = /^,\s+(?:who|whose\s+(?:embassy|mission|country)|which)\s+(?:also\s+)?represents\s+/i;
/** what follows the state that names an envoy, to the end of a summons cue: "US ambassador", "Russia's envoy" */
const ENVOY_ENDING = /^(?:['’]s)?\s+(?:ambassador|envoy|charg[eé] d'affaires|diplomats?)$/i;
const NAMED_OPERATION =
  /\b(?:the\s+)?([A-Z][\w-]+)\s+(?:botnet|malware|ransomware|gang|group|network|infrastructure|servers)/;

/** a cue that itself ends on those arrested: "detaining suspected members" */
const MEMBERS_ENDING = /\b(?:suspected|alleged)\s+(?:members|leaders|operators|affiliates)$/i;
const ITS_MEMBERS =
  /^\s+(?:(?:on|against)\s+)?(?:[\w-]+\s+)?(?:of\s+)?(?:(?:its|the group['’]s|the gang['’]s)\s+(?:alleged\s+|suspected\s+)?|(?:alleged|suspected)\s+)(?:members|leaders|operators|administrators|affiliates)\b/i;

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

const AUTHORS_NEXT = new RegExp(
  String.raw`^(?:,?\s*(?:(?:was|were)\s+)?(?:jointly\s+)?(?:${AUTHOR_VERBS}|co-?signed|co-?authored)\s+by|\s+from)\b`,
  "i",
);

export function targetFor(
  a: Analysis,
  sentence: number,
  pos: number,
  end: number,
  kind: ResponseKind,
  /** whether only a state, a group or a person may be the target (not a company) */
  stateOnly: boolean,
  actorId: string,
  primaryAccused: () => Party | undefined,
): Party | null {
  if (kind === "takedown") {
    // (a name the gazetteer knows keeps its own kind, found below)
    const service = namedService(a.text, end);
    if (service && !(a.bySentence[sentence] ?? []).some((m) => m.start === service.start))
      return { kind: "organization", name: service.name };
  }
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
  // "sanctions on two of its members", "detaining suspected members": the group the story spoke of last
  if (ITS_MEMBERS.test(a.text.slice(end, end + 60)) || MEMBERS_ENDING.test(a.text.slice(pos, end))) {
    const group = lastGroup(a, sentence, pos);
    if (group) return group;
  }
  // "charging the nine men, who prosecutors said were employees or contractors of the Mabna Institute": the
  // body they worked for
  if (kind === "indictment" || kind === "sanctions") {
    const employer = (a.bySentence[sentence] ?? []).find(
      (m) =>
        m.start > end &&
        m.start - end < 160 &&
        (m.form === "org" || m.form === "group") &&
        WORKED_FOR.test(a.text.slice(Math.max(end, m.start - 30), m.start)),
    );
    const p = employer && partyOf(employer);
    if (p && partyId(p) !== actorId) return p;
  }
  // "froze the assets of the two firms": the companies the sentence named before the measure
  if (kind === "sanctions" && OF_THE_FIRMS.test(a.text.slice(end, end + 60))) {
    const named = (a.bySentence[sentence] ?? []).find((m) => m.form === "org" && !m.observer && m.end <= pos);
    const p = named && partyOf(named);
    if (p && partyId(p) !== actorId) return p;
  }
  // "sanctions on Tuesday on Zservers, a Russia-based host": a company named right after the measure is its target
  if (kind === "sanctions") {
    const company = (a.bySentence[sentence] ?? []).find(
      (m) =>
        m.form === "org" &&
        !m.observer &&
        m.start > end &&
        ((m.start - end <= 40 && SANCTIONED_NEXT.test(a.text.slice(end, m.start))) ||
          (m.start - end <= 120 && THEIR_COMPANY.test(a.text.slice(end, m.start)))),
    );
    const p = company && partyOf(company);
    if (p && partyId(p) !== actorId) return p;
  }
  if (kind === "ambassador-summoned") {
    const envoy = summonedEnvoy(a, sentence, pos, end, actorId);
    const p = envoy && partyOf(envoy);
    if (p) return p;
  }
  // "the joint advisory, led by CISA, was co-signed by agencies from Japan": those named next wrote it
  const authorsNext = kind === "advisory" && AUTHORS_NEXT.test(a.text.slice(end, end + 40));
  const first = authorsNext
    ? undefined
    : objectsAfter(a, sentence, end, (m) => notActor(a, m, actorId, stateOnly, sentence), 140)[0];
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
  // "sanctioned two Iranian firms, Afkar System Yazd Company and …": the companies named after the nationality
  if (after?.form === "adjective" && (kind === "sanctions" || kind === "indictment" || kind === "reward")) {
    const named = (a.bySentence[sentence] ?? []).find(
      (m) => m.form === "org" && m.start > after.end && FIRMS_NAMED.test(a.text.slice(after.end, m.start)),
    );
    const p = named && partyOf(named);
    if (p && partyId(p) !== actorId) return p;
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
 * The state whose envoy a summons cue names: "summons US ambassador", "summoned the Russian envoy" (the envoy may
 * be a mention of its own, "US ambassador"); and "the Swiss ambassador, whose embassy represents American
 * interests in Iran" stands for the state represented.
 */
function summonedEnvoy(
  a: Analysis,
  sentence: number,
  pos: number,
  end: number,
  actorId: string,
): Mention | undefined {
  const here = a.bySentence[sentence] ?? [];
  const named = here.find(
    (m) =>
      m.start >= pos &&
      m.end <= end &&
      m.country !== undefined &&
      (m.end === end || ENVOY_ENDING.test(a.text.slice(m.end, end))) &&
      notActor(a, m, actorId, true, sentence),
  );
  const represents = named && REPRESENTS.exec(a.text.slice(end, end + 60));
  if (!represents) return named;
  const at = end + represents[0].length;
  return here.find((m) => m.start === at && m.country !== undefined) ?? named;
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
    // "acting on a US request": who asked for the arrest, not whom it aims at
    !REQUEST_NEXT.test(a.text.slice(m.end, m.end + 10)) &&
    // "sanctions on six people behind cyberattacks on Ukraine", "charged with hacking computers in Britain": hit
    !ATTACKED_BEFORE.test(a.text.slice(Math.max(0, m.start - 90), m.start)) &&
    (!isSpeakerCapable(m) || m !== a.speakerOf(sentence))
  );
}

/** HANDED_TO before `at`, run only where the words before end "to", "of" or "in" (and "the", perhaps) */
function handedTo(text: string, at: number): boolean {
  const from = Math.max(0, at - 30);
  const word = lastWordBeforeThe(text, from, at);
  return (word === "to" || word === "of" || word === "in") && HANDED_TO.test(text.slice(from, at));
}
