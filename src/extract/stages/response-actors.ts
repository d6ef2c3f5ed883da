import type { Party, ResponseKind } from "../../model/index.ts";
import type { Sentence } from "../text/sentences.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import type { Mention } from "./mention.ts";
import { hitOrg, pronounOwner, unlistedSubject } from "./response-owners.ts";
import { nearestBefore, objectsAfter, subjectsBefore } from "./roles.ts";
import { closingSpace, lastWordBeforeThe, TailPattern, wordBefore } from "./tail-words.ts";

/**
 * Who takes a response: the subject of its cue, the agent of a passive, the police of the place of an arrest,
 * the one quoted, or the organisation hit (for its own containment and recovery), and who acts alongside.
 */

/** a cue in a phrase that opens the sentence, before its subject: "In a joint advisory, …", "With a directive, …" */
const OPENING_PHRASE = /^(?:In|Through|With|Under)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}$/;
const CLAUSE_VERB =
  /^[^.;]{0,40}?,[^.;]{1,160}?\b(said|says|warned|wrote|stated|noted|added|urged|published|announced|reported)\b/;

/** Where the verb of the clause an opening phrase's cue leads into stands, if it has one. */
export function openingVerb(
  a: Analysis,
  s: Sentence,
  pos: number,
  end: number,
): [number, number] | undefined {
  if (!OPENING_PHRASE.test(a.text.slice(s.start, pos))) return undefined;
  const verb = CLAUSE_VERB.exec(a.text.slice(end, s.end));
  if (!verb?.[1]) return undefined;
  const at = end + verb[0].length - verb[1].length;
  return [at, at + verb[1].length];
}

/** "Police in Poland and Ukraine arrested …": every state coordinated with the first actor acts too. */
const PARTNER =
  /\b(?:with|alongside|and)\s+(?:police|authorities|agencies|law enforcement|investigators|prosecutors)\s+(?:in|from)\s+(?:the\s+)?$|\b(?:together with|alongside|in cooperation with|working with|partners in|with help from)\s+(?:the\s+)?$/i;
const COORDINATED = /^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i;

// the ambassador summoned is acted upon: never an actor alongside the one who summons
const ENVOY = /\b(?:ambassador|envoy|chargé|charge d'affaires|diplomats?|embassy)\b/i;

export function coActors(
  a: Analysis,
  sentence: number,
  pos: number,
  end: number,
  kind: ResponseKind,
  first: Party,
): { subjects: Party[]; partners: Party[] } {
  // adjectives name who is acted on ("Iranian diplomats"), not who acts alongside; nor does a spy service
  // caught in the act ("caught officers of the GRU …, and the government expelled them")
  const subj = subjectsAt(a, sentence, pos).filter(
    (m) => m.form !== "plural" && m.form !== "adjective" && !m.attacker && !m.force && !ENVOY.test(m.text),
  );
  // "working with police in Germany and the Netherlands, the bureau took control …", and "published a joint
  // advisory with agencies from Britain, Australia and Canada"
  const joint = kind === "advisory" || kind === "takedown";
  // "two arrests, one in France and one in Spain": the police of each place
  if (kind === "indictment") subj.push(...arrestPlaces(a, sentence, end));
  // "a joint advisory from Britain's NCSC, Canada's CSE and the US NSA": each author issued it
  if (kind === "advisory") subj.push(...authorsFrom(a, sentence, end));
  const before = partnersBefore(a, sentence, pos);
  const partners = joint ? [...before, ...partnersAfter(a, sentence, end)] : before;
  const seen = new Set([partyId(first)]);
  // a partner may stand in the subject's clause too ("Working with police in Germany, the bureau …"): it helps
  const helping = distinctStates(partners, seen);
  return { subjects: distinctStates(subj, seen), partners: helping };
}

/** The states and international bodies of `ms`, each once and none of those `seen` (which it adds to). */
function distinctStates(ms: readonly Mention[], seen: Set<string>): Party[] {
  const out: Party[] = [];
  for (const m of ms) {
    const p = partyOf(m);
    if (!p || (p.kind !== "state" && p.kind !== "intl") || seen.has(partyId(p))) continue;
    seen.add(partyId(p));
    out.push(p);
  }
  return out;
}

/**
 * The subjects before a cue: asked by `actorFor` and then by `coActors` at the same place, so the last answer is
 * kept (callers only filter it).
 */
let subjectsDoc: Analysis | undefined;
let subjectsSentence = -1;
let subjectsPos = -1;
let subjectsList: Mention[] = [];
function subjectsAt(a: Analysis, sentence: number, pos: number): Mention[] {
  if (subjectsDoc !== a || subjectsSentence !== sentence || subjectsPos !== pos) {
    subjectsList = subjectsBefore(a, sentence, pos);
    subjectsDoc = a;
    subjectsSentence = sentence;
    subjectsPos = pos;
  }
  return subjectsList;
}

/**
 * For each mention of a sentence, whether it is named as a partner (PARTNER before it) or coordinated with one
 * named so: what `partnersBefore` reads, whatever the cue. Kept for the sentence's mention list last asked about
 * (the cues of a sentence are read one after another).
 */
let marksList: readonly Mention[] | undefined;
let marks = new Uint8Array(0);
function partnerMarksOf(a: Analysis, s: Sentence, list: readonly Mention[]): Uint8Array {
  if (marksList === list && marks.length === list.length) return marks;
  marks = new Uint8Array(list.length);
  marksList = list;
  let prevNamed = false;
  for (let i = 0; i < list.length; i++) {
    const m = list[i] as Mention;
    const named = partnerBefore(a.text, Math.max(s.start, m.start - 45), m.start);
    const prev = list[i - 1];
    marks[i] = named || (prevNamed && !!prev && COORDINATED.test(a.text.slice(prev.end, m.start))) ? 1 : 0;
    prevNamed = named;
  }
  return marks;
}

/** PARTNER over text[from, to), run only where the last word before the closing whitespace may end it */
function partnerBefore(text: string, from: number, to: number): boolean {
  const word = lastWordBeforeThe(text, from, to);
  return word !== null && PARTNER_LAST.has(word) && PARTNER.test(text.slice(from, to));
}
const PARTNER_LAST: ReadonlySet<string> = new Set(["in", "from", "with", "alongside"]);

/** The parties a cue's actor works with: "working with police in Germany and the Netherlands, the bureau …". */
let partnersDoc: Analysis | undefined;
let partnersSentence = -1;
let partnersPos = -1;
let partnersList: Mention[] = [];
function partnersBefore(a: Analysis, sentence: number, pos: number): Mention[] {
  if (partnersDoc === a && partnersSentence === sentence && partnersPos === pos) return partnersList;
  const s = a.sentences[sentence];
  if (!s) return [];
  const all = a.bySentence[sentence] ?? [];
  const marked = partnerMarksOf(a, s, all);
  partnersList = all.filter((m, i) => m.end <= pos && !m.attacker && marked[i] === 1);
  partnersDoc = a;
  partnersSentence = sentence;
  partnersPos = pos;
  return partnersList;
}

/** the words from a cue to the partners it names after it: "advisory with agencies from" */
/** ", issued by": who wrote a document named just before ("the joint advisory, issued by CISA") */
/** the verbs of a document's author: "issued by", "led by" */
export const AUTHOR_VERBS = "issued|published|released|put out|written|authored|drafted|led";
const ISSUED_BY_WORDS = String.raw`,?\s*(?:jointly\s+)?(?:${AUTHOR_VERBS})\s+by\b`;
const ISSUED_BY = new RegExp(`^${ISSUED_BY_WORDS}`, "i");
// "… with police in Germany", and after a document's author: "the advisory, issued by CISA with its
// counterparts in Australia", "the advisory, led by the NSA, was co-signed by agencies from Japan"
const PARTNERS_NEXT = new RegExp(
  String.raw`^(?:${ISSUED_BY_WORDS}\s+[^,;]{1,80}?)?,?\s*(?:[\w-]+\s+){0,3}?(?:with|alongside|together with|(?:and\s+)?(?:was\s+|were\s+)?co-?(?:signed|authored|sealed)\s+by)\s+(?:(?:its|their)\s+)?(?:(?:police|authorities|agencies|counterparts|partners|law enforcement|officials)\s+(?:from|in|of)\s+)?(?:the\s+)?$`,
  "i",
);

/** The states named as partners right after a cue, and those coordinated with them. */
function partnersAfter(a: Analysis, sentence: number, end: number): Mention[] {
  return listAfter(a, sentence, end, PARTNERS_NEXT, (m) => !m.attacker);
}

/** The authors listed after "from" ("an advisory from Britain's NCSC and …"): a spy agency may sign one too. */
function authorsFrom(a: Analysis, sentence: number, end: number): Mention[] {
  return listAfter(a, sentence, end, FROM_OPENS, (m) => !m.attacker || m.form === "body");
}

/** The parties listed after `end`, the first opened by words `opens` reads, the others joined by commas or "and". */
function listAfter(
  a: Analysis,
  sentence: number,
  end: number,
  opens: RegExp,
  keep: (m: Mention) => boolean,
): Mention[] {
  const out: Mention[] = [];
  // where the last item ends: "Canada's Communications Security Establishment" is one item of two mentions
  let last = -1;
  for (const m of a.bySentence[sentence] ?? []) {
    if (m.start < end || m.start - end > 120) continue;
    if (last >= 0 && OWNED_NEXT.test(a.text.slice(last, m.start))) {
      last = m.end;
      continue;
    }
    if (!keep(m)) continue;
    if (last >= 0 ? COORDINATED.test(a.text.slice(last, m.start)) : opens.test(a.text.slice(end, m.start))) {
      out.push(m);
      last = m.end;
    } else if (last >= 0) break;
  }
  return out;
}
const OWNED_NEXT = /^(?:['’]s)?\s?$/;
const FROM_OPENS = /^\s+from\s+(?:the\s+)?$/;

const PRONOUN_SUBJECT = /(?:^|[,;]\s*|\b(?:statement|interview),?\s+)(?:he|she)\s+(?:[\w-]+\s+)?$/i;

/** PRONOUN_SUBJECT over text[from, to), run only where "he" or "she" is one of the two words that close it */
function pronounSubject(text: string, from: number, to: number): boolean {
  const space = closingSpace(text, from, to);
  if (space < 0) return false;
  const word = wordBefore(text, from, space, true);
  if (word !== "he" && word !== "she") {
    const before = word ? closingSpace(text, from, space - word.length) : -1;
    const previous = before < 0 ? "" : wordBefore(text, from, before, true);
    if (previous !== "he" && previous !== "she") return false;
  }
  return PRONOUN_SUBJECT.test(text.slice(from, to));
}

/** a passive before a cue: "was issued", "have been formally charged" */
const PASSIVE_LEAD = /\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$/i;
const PASSIVE_WORDS: ReadonlySet<string> = new Set(["was", "were", "been", "being", "is", "are"]);
/** PASSIVE_LEAD over text[from, to), run only where one of the two words that close it is an auxiliary */
function passiveBefore(text: string, from: number, to: number): boolean {
  const space = closingSpace(text, from, to);
  if (space < 0) return false;
  const word = wordBefore(text, from, space);
  if (!PASSIVE_WORDS.has(word)) {
    const before = word ? closingSpace(text, from, space - word.length) : -1;
    if (before < 0 || !PASSIVE_WORDS.has(wordBefore(text, from, before))) return false;
  }
  return PASSIVE_LEAD.test(text.slice(from, to));
}
const PASSIVE_NEXT = /^\s*(?:by|was|were|has been|had been|have been)\b/;
const BY = /\bby\s+(?:the\s+)?/;
const BY_IN_CLAUSE = /^,?(?:[^,;]*?)\bby\b/;
const DIPLOMATIC = /diplomat|embassy|envoy/i;

/** The state of the people a passive cue's subject names ("two Malaysians were arrested"), or null. */
function passiveSubject(a: Analysis, sentence: number, pos: number): Party | null {
  const people = (a.bySentence[sentence] ?? []).filter(
    (m) => m.end <= pos && pos - m.end <= 60 && (m.form === "plural" || m.form === "adjective") && m.country,
  );
  const last = people[people.length - 1];
  return last?.country ? { kind: "state", country: last.country } : null;
}

const PASSIVE_BEFORE = new TailPattern(/\b(?:(?:has|have|had)\s+been|was|were)\s+$/i, 1, "been was were");
const PEOPLE_BEFORE_PASSIVE = new TailPattern(
  /\b(?:man|woman|boy|girl|teenager|men|women|people|suspects?|nationals?|citizens?|hackers?|\d+-year-old)\b[^.;]{0,40}?\b(?:(?:has|have|had)\s+been|was|were)\s+$/i,
  1,
  "been was were",
);

/**
 * For a passive arrest or charge of people ("a 17-year-old boy has been arrested", "the two Malaysians were
 * arrested"): the state of those arrested when the subject names one, else null; undefined for any other cue.
 */
export function arrestedSubject(a: Analysis, s: Sentence, pos: number): Party | null | undefined {
  const from = Math.max(s.start, pos - 60);
  const subject = PASSIVE_BEFORE.test(a.text, from, pos) ? passiveSubject(a, s.index, pos) : null;
  return PEOPLE_BEFORE_PASSIVE.test(a.text, from, pos) || subject ? subject : undefined;
}
// "arrested in Kyiv", "arrested on Oct. 8 when he crossed into Poland": where the arrest was made
const ARRESTED_AT =
  /^(?:arrested|detained)\s+(?:on\s+\w+\.?(?:\s+\d{1,2})?\s+)?(?:in|near|outside|(?:when|after|as)\s+(?:he|she|they)\s+(?:crossed|flew|travell?ed|arrived|landed)\s+(?:into|in|to))\s+(?:the\s+)?/i;

export function actorFor(
  a: Analysis,
  sentence: number,
  pos: number,
  end: number,
  kind: ResponseKind,
  victimOf: (s: number) => string | undefined,
  /** whether the story says the organisation a mention names was hit */
  wasHit: (m: Mention) => boolean = () => false,
): Party | null {
  const s = a.sentences[sentence];
  if (!s) return null;
  // passive: "… was issued against him by Germany's prosecutor"
  const after = a.text.slice(end, Math.min(s.end, end + 120));
  const passive =
    passiveBefore(a.text, Math.max(s.start, pos - 30), pos) ||
    PASSIVE_NEXT.test(after) ||
    // "the joint advisory, issued by CISA": a document named by its noun, then who issued it
    (kind === "advisory" && ISSUED_BY.test(after));
  if (passive) {
    const by = BY.exec(after);
    if (by && BY_IN_CLAUSE.test(after)) {
      const agent = objectsAfter(a, sentence, end + by.index, (m) => !m.attacker && m.form !== "place")[0];
      if (agent && agent.start - (end + by.index) < 8) return partyOf(agent);
    }
  }
  // "in a joint advisory from Britain's NCSC and the US NSA", "the warning from VNCERT": its first author
  const author = kind === "advisory" ? authorsFrom(a, sentence, end)[0] : undefined;
  const written = author && partyOf(author);
  if (written) return written;
  // "made two arrests, one in France and one in Spain": the police of each place made one
  if (kind === "indictment") {
    const first = arrestPlaces(a, sentence, end)[0];
    if (first?.country) return { kind: "state", country: first.country };
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
    : subjectsAt(a, sentence, pos).filter(
        (m) => m.form !== "plural" && !(m.form === "adjective" && DIPLOMATIC.test(m.head ?? "")),
      );
  // the one working with partners leads, when the clause names it
  const partners = named.length ? partnersBefore(a, sentence, pos) : [];
  const leads = partners.length ? named.filter((m) => !partners.includes(m)) : named;
  const subj = leads.length ? leads : named;
  // a company shutting its own systems acts itself: "French network TV5Monde resumed broadcasting"
  const own = kind === "containment" || kind === "recovery";
  const first = (own ? subj.find((m) => m.form === "org") : undefined) ?? subj[0];
  // "Engineers restored supply", "the company (a security firm) said the DNC's systems were rebuilt", "Systems
  // were restored, he said": the organisation that was hit restores its own systems
  // (a security company is an observer, unless the story is of an attack on it: "Accenture isolated the servers")
  const ownerUnknown = own && (!first || (first.observer && !wasHit(first)) || first.form === "official");
  // "Harmony halted the bridge", "TfL restricted staff access": a name the gazetteer lacks acting on its own systems
  const unlisted = ownerUnknown && !first ? unlistedSubject(a, s, pos) : undefined;
  if (unlisted) return unlisted;
  const hit = ownerUnknown ? hitOrg(a, sentence) : undefined;
  if (hit) return partyOf(hit);
  // "It said it had taken parts of its systems offline": the company a sentence before opened with
  const owner = ownerUnknown && !first ? pronounOwner(a, s, pos, victimOf) : undefined;
  if (owner) return owner;
  if (first) return partyOf(first);
  const speaker = a.speakerOf(sentence);
  if (speaker) return partyOf(speaker);
  // "In a written statement she condemned it": a pronoun subject is whoever spoke just before
  if (pronounSubject(a.text, s.start, pos)) {
    const prev = a.speakerOf(sentence - 1);
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

/** ", one in France and one in Spain" after an arrest: each place named with its share */
const ONE_IN = /^[^.;]{0,40}?,\s+(?:one|two|three|four|five|\d+)\s+in\s+(?:the\s+)?$/i;
const ANOTHER_IN =
  /^,?\s+(?:and\s+)?(?:one|another|the other|two|three|four|five|\d+)\s+(?:more\s+)?in\s+(?:the\s+)?$/i;

/** The states where the arrests told right after `end` were made, one share each ("one in France and one in Spain"). */
export function arrestPlaces(a: Analysis, sentence: number, end: number): Mention[] {
  const s = a.sentences[sentence];
  if (!s || !a.text.slice(end, Math.min(s.end, end + 60)).includes(" in ")) return [];
  const out: Mention[] = [];
  let from = end;
  for (const m of a.bySentence[sentence] ?? []) {
    if (m.start < from || !m.country || m.attacker) continue;
    const gap = a.text.slice(from, m.start);
    if (!(out.length ? ANOTHER_IN : ONE_IN).test(gap)) break;
    out.push(m);
    from = m.end;
  }
  return out.length >= 2 ? out : [];
}
