import type { Party } from "../../model/index.ts";
import { isWordCode } from "../text/char-codes.ts";
import type { Sentence } from "../text/sentences.ts";
import { type Analysis, memoOf, partyId, partyOf, resolves } from "./context.ts";
import type { Mention } from "./mentions.ts";
import { PRIVATE_VOICES_IN } from "./speakers.ts";
import { TailPattern } from "./tail-words.ts";

// ", saying it had harmed people in Ukraine": a participle opens a clause of its own
const CLAUSE_BREAK =
  /[;:]|,\s+(?:which|who|while|but|although|whereas|saying|adding|calling|describing)\b|\s[–—-]\s|\bwhich\b/;
// a dash sets off an apposition ("the US and its allies – Australia, Canada – said"), which belongs to the subject
const SUBJECT_BREAKS =
  /[;:]|,\s+(?:which|who|while|but|although|whereas|after|before|when|as|because|since)\b|\bwhich\b/g;
const SAID_THEN = /\b(?:said|says)\s+(?:that\s+)?(?:the\s+)?/g;
const NAMED_AFTER =
  /^[\s-]*(?:[\w-]+\s+){0,3}(?:called|named|dubbed|known as|calls?|tracks? as|tracked as|refers? to as)\s*["“']?$/i;
// "a Russian cyber-espionage group, Tsar Team, also known as APT28": the names the apposition gives it
const ALSO_KNOWN_AS =
  /^[^;.]{0,60}?\balso\s+(?:known|called|tracked|referred to)\s+as\s+$|^\s+(?:[\w-]+\s+){0,2}(?:group|gang|unit|team|actor|crew|outfit),\s+$/i;
const COORD = /^\s*(?:,|and|or|as well as|,\s*and|,\s*or)\s*(?:the\s+)?$/i;
const POSSESSIVE_GAP = /^['’]s\s+$/;
// "the Russian group APT28", "the Chinese state-backed hacking group Volt Typhoon": a nationality, then the words
// that make a group of it (none of them a preposition or a verb's), then the group's name
const NATIONALITY_GROUP_GAP =
  /^(?:\s+(?!(?:of|with|and|or|by|for|from|to|in|on|at|that|which|who|said|says)\b)[a-z][\w-]*){1,4}\s+$/;
// "police in Poland", "agencies from Australia": a body named by its country acts for that country
const BODY_OF = new TailPattern(
  /\b(?:police|authorities|officials|prosecutors|investigators|agencies|governments?|ministers|diplomats|representatives|leaders|services)\s+(?:in|from|of)\s+(?:the\s+)?$/i,
  2,
  "in from of",
);
const MEMBERS_AFTER =
  /^\s+(?:[\w-]+\s+){0,2}(?:allies|partners|members|member states|countries|nations|coalition)\b/i;
// the end-anchored patterns run only where the window's last words, past a "the", can end them (see TailPattern)
const PREP_BEFORE = new TailPattern(
  /\b(?:of|in|on|at|for|against|from|into|with|to|about|over|like|including|by)\s+(?:(?:the|an?)\s+)?$/i,
  2,
  "of in on at for against from into with to about over like including by",
);

const OWNER_BEFORE = new TailPattern(
  /\b(?:owned by|(?:a |the )?(?:unit|subsidiary|division|arm) of|part of)\s+(?:the\s+)?$/i,
  2,
  "by of",
);

const OBJECT_OF_VERB = new TailPattern(
  /\b(?:blam(?:es|ed|ing)|accus(?:es|ed|ing)|sanction(?:s|ed|ing)|charg(?:es|ed|ing)|expel(?:s|led|ling)|summon(?:s|ed|ing)|condemn(?:s|ed|ing)|attack(?:s|ed|ing)|target(?:s|ed|ing)|hack(?:s|ed|ing))\s+(?:the\s+)?$/i,
  2,
  "blam accus sanction charg expel summon condemn attack target hack",
  { stems: true },
);

/**
 * What the role finders ask of one sentence again and again, at every cue and from the claim and the response
 * stages both, kept once per document: its actors and the subjects found before each place.
 */
export interface SentenceRoles {
  actors: Mention[];
  /** subjectsBefore's answers by position and options (see subjectsBefore); made when first asked */
  subjects: Map<number, Mention[]> | undefined;
  /** claimantsFor's answers by position (./claimants.ts) */
  claimants: Map<number, Array<Party | null>> | undefined;
}

const ROLES = {};
// the document last asked about, without a look-up in its memos at every call
let lastAnalysis: Analysis | undefined;
let lastRoles: SentenceRoles[] = [];

export function rolesOf(a: Analysis, sentence: number): SentenceRoles {
  if (a !== lastAnalysis) {
    lastAnalysis = a;
    lastRoles = memoOf(a, ROLES, (): SentenceRoles[] => []);
  }
  let roles = lastRoles[sentence];
  if (!roles) {
    // mentions no longer change by now
    const list: Mention[] = [];
    for (const m of a.bySentence[sentence] ?? []) if (m.form !== "place" && resolves(m)) list.push(m);
    roles = { actors: list, subjects: undefined, claimants: undefined };
    lastRoles[sentence] = roles;
  }
  return roles;
}

/** Mentions that can fill a role: resolved, not mere locations. */
export function actors(a: Analysis, sentence: number): readonly Mention[] {
  return rolesOf(a, sentence).actors;
}

const CLAUSE_OPENER = /^(?:in|on|at|last|later|then|since|after|before|earlier|now)\b/i;

/** The subject of a cue: parties from the start of its clause up to the cue, not inside prepositional phrases. */
export function subjectsBefore(
  a: Analysis,
  sentence: number,
  pos: number,
  opts: { attackers?: boolean; headOnly?: boolean } = {},
): Mention[] {
  const s = a.sentences[sentence];
  if (!s) return [];
  // asked again at the same place by several cues and by both stages: found once (callers only read it)
  const roles = rolesOf(a, sentence);
  const key = pos * 4 + (opts.attackers ? 1 : 0) + (opts.headOnly ? 2 : 0);
  roles.subjects ??= new Map();
  let found = roles.subjects.get(key);
  if (!found) {
    found = findSubjects(a, sentence, s, roles, pos, !!opts.attackers, !!opts.headOnly);
    roles.subjects.set(key, found);
  }
  return found;
}

/** Whether `m` lies inside one of the spans (no closure made per mention, as `some` would) */
function insideAny(spans: ReadonlyArray<readonly [number, number]>, m: Mention): boolean {
  for (const span of spans) if (m.start >= span[0] && m.end <= span[1]) return true;
  return false;
}

const RELATIVE_AFTER_COMMA = /,\s+(?:which|who)\b/;
const EMBEDDED_RELATIVE = /,\s+(?:which|who)\b[^,;]*,/g;
const COMMA_AND = /,\s+and\s+/g;

function findSubjects(
  a: Analysis,
  sentence: number,
  s: Sentence,
  roles: SentenceRoles,
  pos: number,
  attackers: boolean,
  headOnly: boolean,
): Mention[] {
  const head = a.text.slice(s.start, pos);
  // both relative-clause patterns need a "which" or "who"
  const relative = head.includes("wh");
  let clauseStart = s.start;
  if (headOnly && relative) {
    // the head of the sentence, before any relative clause: "The Conti gang, which … Russia, was linked …"
    const rel = RELATIVE_AFTER_COMMA.exec(head);
    if (rel) pos = s.start + rel.index;
  }
  const embedded: Array<[number, number]> = [];
  if (!headOnly) {
    // an embedded relative clause ("Colonial Pipeline, which carries …, shut down") sits inside the subject
    // (the replacement only where the pattern's opening ", which" or ", who" is found: most heads have none)
    const masked =
      relative && RELATIVE_AFTER_COMMA.test(head)
        ? head.replace(EMBEDDED_RELATIVE, (m, at: number) => {
            embedded.push([s.start + at, s.start + at + m.length]);
            return " ".repeat(m.length);
          })
        : head;
    // (exec over the one global pattern: matchAll would copy the pattern at every call)
    SUBJECT_BREAKS.lastIndex = 0;
    for (let m = SUBJECT_BREAKS.exec(masked); m; m = SUBJECT_BREAKS.exec(masked))
      clauseStart = s.start + m.index + m[0].length;
    // ", and the United States imposed …" opens a new clause; ", Britain, and Canada" continues a list
    if (masked.includes("and")) {
      COMMA_AND.lastIndex = 0;
      for (let m = COMMA_AND.exec(masked); m; m = COMMA_AND.exec(masked)) {
        const at = s.start + m.index;
        const after = at + m[0].length;
        // "…, and in 2018 US prosecutors charged": a phrase of time or place after the "and" opens a clause
        if (
          at > clauseStart &&
          // (a list of actors, that is: "linked to APT31, and the United States charged" opens one)
          (!(a.bySentence[sentence] ?? []).some((x) => x.end === at && x.form !== "group" && !x.attacker) ||
            CLAUSE_OPENER.test(a.text.slice(after, after + 12)))
        )
          clauseStart = after;
      }
    }
  }
  // "Watson said the United States strongly condemned …": a named subject after a word of saying opens the clause
  // the cue is in; the one who says it is not its subject ("Britain said it had expelled …" keeps its speaker)
  if (head.includes("said") || head.includes("says")) {
    SAID_THEN.lastIndex = 0;
    for (let m = SAID_THEN.exec(head); m; m = SAID_THEN.exec(head)) {
      const at = s.start + m.index + m[0].length;
      if (at > clauseStart && roles.actors.some((x) => x.start === at && x.end <= pos)) clauseStart = at;
    }
  }
  const inClause: Mention[] = [];
  for (const m of roles.actors) {
    if (
      m.start >= clauseStart &&
      m.end <= pos &&
      (attackers || !m.attacker) &&
      !insideAny(embedded, m) &&
      // "specialists in India said": the country where unnamed people work is not who speaks
      !PRIVATE_VOICES_IN.test(a.text, Math.max(s.start, m.start - 30), m.start)
    ) {
      inClause.push(m);
    }
  }
  const subjects = inClause.filter((m, i) => {
    // "its Five Eyes allies – Australia, Canada …": a body named as a modifier of members it then lists is not
    // itself a speaker ("NATO allies said" still is)
    if (
      m.form === "intl" &&
      MEMBERS_AFTER.test(a.text.slice(m.end, m.end + 40)) &&
      inClause.filter((x) => x.start > m.end && x.form === "name").length >= 2
    )
      return false;
    const before = Math.max(s.start, m.start - 40);
    // "Britain blames China for the hack, sanctions …": the object of a verb is not its clause's subject
    if (OBJECT_OF_VERB.test(a.text, before, m.start)) return false;
    if (!PREP_BEFORE.test(a.text, before, m.start) || BODY_OF.test(a.text, before, m.start)) return true;
    // "agencies from Australia, Canada and Britain": the list continues a subject opened by a body noun
    for (let j = i - 1; j >= 0; j--) {
      const prev = inClause[j] as Mention;
      const next = inClause[j + 1] as Mention;
      if (!COORD.test(a.text.slice(prev.end, next.start))) return false;
      if (BODY_OF.test(a.text, Math.max(s.start, prev.start - 40), prev.start)) return true;
    }
    return false;
  });
  if (subjects.length) return subjects;
  // "an officer of Mandiant, the firm owned by Google, said": the owner in an apposition is not the one speaking
  const owned = inClause.filter((m) => !OWNER_BEFORE.test(a.text, Math.max(s.start, m.start - 30), m.start));
  return (owned.length ? owned : inClause).slice(-1);
}

/** The nearest party before a position in the sentence (the subject of a short clause). */
export function nearestBefore(
  a: Analysis,
  sentence: number,
  pos: number,
  filter: (m: Mention) => boolean = () => true,
): Mention | undefined {
  // the last that passes is the first found from the end (the filters only read)
  const list = actors(a, sentence);
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i] as Mention;
    if (m.end <= pos && filter(m)) return m;
  }
  return undefined;
}

const CLAUSE_AND_BEFORE = /,\s*and\s+(?:the\s+)?$/i;
/** the capitalised words of a name's head after it ("US Cyber Command") */
const HEAD_NOUNS = /^(?:\s+[A-Z][\w-]*){1,3}(?=\s)/;
const VERB_NEXT =
  /^\s+(?:(?:has|have|had|was|were|is|are|also|later|then|separately)\s+)*(?:[a-z]+ed|said|says|took|brought|sent|made|began|put|set)\b/;

/**
 * "…, and the United States unsealed charges", "…, and US Cyber Command was reported to": a party after ", and"
 * with a verb of its own opens a clause; it is not listed with what came before.
 */
function opensClause(a: Analysis, gap: string, m: Mention): boolean {
  return (
    CLAUSE_AND_BEFORE.test(gap) && VERB_NEXT.test(a.text.slice(m.end, m.end + 60).replace(HEAD_NOUNS, ""))
  );
}

// "Brain Cipher, a new variant of LockBit 3.0": a family a tool descends from is not who used it
// (run only where one of the last three words is "of", "on" or "from": see TailPattern)
export const LINEAGE_BEFORE = new TailPattern(
  /\b(?:variant|version|strain|fork|offshoot|copy|clone|derivative)s? of (?:the )?(?:leaked )?$|\b(?:based on|built on|derived from) (?:the )?(?:leaked )?$/i,
  3,
  "of on from",
);

/** The first party after a position, and every party coordinated with it ("Israel and the United States"). */
export function objectsAfter(
  a: Analysis,
  sentence: number,
  pos: number,
  filter: (m: Mention) => boolean = () => true,
  reach = 120,
): Mention[] {
  const s = a.sentences[sentence];
  if (!s) return [];
  const actors = rolesOf(a, sentence).actors;
  const upto = Math.min(s.end, pos + reach);
  // many places have no actor after them within reach: then no clause break need be looked for
  if (!actors.some((m) => m.start >= pos && m.start < upto)) return [];
  const tail = a.text.slice(pos, upto);
  const stop = CLAUSE_BREAK.exec(tail);
  const limit = pos + (stop ? stop.index : tail.length);
  const list: Mention[] = [];
  for (const m of actors) {
    if (
      m.start >= pos &&
      m.start < limit &&
      filter(m) &&
      (m.form !== "group" || !LINEAGE_BEFORE.test(a.text, Math.max(s.start, m.start - 40), m.start))
    )
      list.push(m);
  }
  const first = list[0];
  if (!first) return [];
  // "… servers used by the botnet, and US Cyber Command was reported to have …": a clause of its own
  if (
    (first.form === "body" || first.form === "name" || first.form === "adjective") &&
    opensClause(a, a.text.slice(pos, first.start), first)
  )
    return [];
  const out = [first];
  for (let i = 1; i < list.length; i++) {
    const prev = out[out.length - 1] as Mention;
    const cur = list[i] as Mention;
    const gap = a.text.slice(prev.end, cur.start);
    if (opensClause(a, gap, cur)) break;
    if (COORD.test(gap) || NAMED_AFTER.test(gap) || ALSO_KNOWN_AS.test(gap)) out.push(cur);
    // "blames North Korea's Lazarus Group": the state and its group, both named as the ones blamed
    else if (cur.form === "group" && prev.form === "name" && POSSESSIVE_GAP.test(gap)) out.push(cur);
    // "accused the Russian group APT28": the state and its group, both blamed
    else if (cur.form === "group" && prev.form === "adjective" && NATIONALITY_GROUP_GAP.test(gap))
      out.push(cur);
    else break;
  }
  return out;
}

/** Parties of mentions, one per distinct party. Attacker adjectives and groups keep their state. */
export function partiesOf(ms: readonly Mention[]): Party[] {
  const out: Party[] = [];
  const seen = new Set<string>();
  for (const m of ms) {
    const p = partyOf(m);
    if (!p) continue;
    const id = partyId(p);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out;
}

const NEGATION =
  /\b(?:not|never|no|without|neither|nor|declined to|refused to|stopped short of|yet to|none|nobody|no one)\b|n['’]t\b/i;

export function isNegated(text: string, from: number, to: number): boolean {
  // (never before the text's start: a negative start would make the slice below count from the text's end)
  const start = Math.max(0, from, to - 60);
  // "did not mention it by name but acknowledged the attack", "It did not name the group, though researchers
  // linked …": a negation does not cross "but", "though" or a semicolon
  const span = text.slice(afterLastBreak(text, start, to), to);
  // "refused to pay and restored its systems": a verb of its own, in the past, after "and" is outside it
  if (AND_BEFORE.test(span) && PAST_VERB.test(text.slice(to, to + 20))) return false;
  return NEGATION.test(span);
}
const AND_BEFORE = /\band\s+$/;
const PAST_VERB = /^[a-z]+ed\b/;

/**
 * Where the text after the last ";" or whole word "but" in [start, to) begins, or where its last "though "
 * ("although ") stands if that is later; start when there is none.
 */
function afterLastBreak(text: string, start: number, to: number): number {
  const though = text.lastIndexOf("though ", to - 7);
  const from = Math.max(though, start);
  // (read code by code: a call of startsWith at every place cost more than the rest of the loop)
  for (let e = to; e > from; e--) {
    const c = text.charCodeAt(e - 1);
    if (c === 59) return e; // ";"
    if (
      c === 116 && // "t", after "b" and "u"
      e - 3 >= from &&
      text.charCodeAt(e - 2) === 117 &&
      text.charCodeAt(e - 3) === 98 &&
      (e === to || !isWordCode(text.charCodeAt(e))) &&
      (e - 3 === from || !isWordCode(text.charCodeAt(e - 4)))
    )
      return e;
  }
  return from;
}
