/** Who a claim's sentence names where: pronouns' groups, joined subjects, appositions, the next sentence's names. */
import type { Party } from "../../model/index.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import type { Mention } from "./mentions.ts";
import { objectsAfter, partiesOf } from "./roles.ts";

const PRONOUN_OWNS_UP = /(?:^|[,;]\s*|\b(?:[A-Z]\w+|\d{4})\s+)(?:[Ii]t|[Tt]hey)\s+(?:also\s+|later\s+)?$/;

/** "REvil has a long record. In April it said it had stolen …": "it" is the group the sentence before named. */
export function groupBehindPronoun(a: Analysis, sentence: number, pos: number): Mention | undefined {
  const s = a.sentences[sentence];
  if (!s || !PRONOUN_OWNS_UP.test(a.text.slice(s.start, pos))) return undefined;
  const before = (a.bySentence[sentence - 1] ?? []).filter((m) => m.form === "group");
  return before[before.length - 1];
}

const NEXT_NAMES =
  /^(?:The|These|Both|Those)\s+(?:two\s+)?(?:groups?|gangs?|hackers|hacktivists|collectives?),?\s/;

/** the verb that closes the next sentence's subject */
const NEXT_VERB = /\b(?:said|say|says|wrote|posted|claimed|added|told)\b/;

/** The groups the next sentence names as its subject ("The groups, X and Y, said …"). */
export function namedNext(a: Analysis, sentence: number): Party[] {
  const next = a.sentences[sentence + 1];
  if (!next || !NEXT_NAMES.test(next.text)) return [];
  const verb = NEXT_VERB.exec(next.text);
  const until = next.start + (verb ? verb.index : next.text.length);
  return partiesOf((a.bySentence[sentence + 1] ?? []).filter((m) => m.form === "group" && m.end <= until));
}

/** what stands between names listed together: a comma, "and", or both */
const LISTED = /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/;

/** "Israel and the United States were the likely culprits": the names joined to the subject by "and" or commas. */
export function coordinatedBefore(a: Analysis, sentence: number, who: Mention): Mention[] {
  const here = a.bySentence[sentence] ?? [];
  const out: Mention[] = [];
  let next = who;
  for (let i = here.indexOf(who) - 1; i >= 0; i--) {
    const m = here[i] as Mention;
    if (!LISTED.test(a.text.slice(m.end, next.start))) break;
    if (m.form !== "name" && m.form !== "group" && !m.attacker) break;
    out.unshift(m);
    next = m;
  }
  return out;
}

// (and an apposition with a relative clause of its own: "APT28, a group that Western governments link to Russia,")
const RELATIVE = /, (?:which|who|(?:an?|the) [^,;]*?\bthat)\b/;
const EMBEDDED_RELATIVE = /,\s+(?:which|who|(?:an?|the)\s[^,;]*?\bthat)\b[^,;]*,/g;
const OPENER = /\b(?:that|said|says|likely|confirmed|concluded|assessed|believed)\b/g;

/** Groups and attackers in the subject that ends at a cue: from just after "said (that)" up to it. */
export function subjectGroup(a: Analysis, sentence: number, who: Mention, pos: number): Mention[] {
  const s = a.sentences[sentence];
  if (!s) return [];
  // "a group known as Tick, which they said acted for a military unit, had targeted …": a relative clause's
  // own "said" (or "that") does not open the subject
  const raw = a.text.slice(s.start, pos);
  const head = RELATIVE.test(raw) ? raw.replace(EMBEDDED_RELATIVE, (m) => " ".repeat(m.length)) : raw;
  // up to the end of the last such word: whole words, so the last found is the last there is
  let opened = 0;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(head); m; m = OPENER.exec(head)) opened = m.index + m[0].length;
  const from = s.start + opened;
  return (a.bySentence[sentence] ?? []).filter(
    (m) => m !== who && m.start >= from && m.end <= pos && (m.form === "group" || m.attacker),
  );
}

export function otherNamedAfter(a: Analysis, sentence: number, from: number, self: Party): boolean {
  return objectsAfter(a, sentence, from, () => true, 60).some((m) => {
    const p = partyOf(m);
    return !!p && partyId(p) !== partyId(self);
  });
}

// "… as companies that provide cyber products to units of China's spy service": what the companies named do
const AS_COMPANIES_THAT =
  /^\s*,?\s+as\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:companies|firms|contractors|suppliers|fronts|vendors|businesses)\s+(?:that|which|who)\s+(?:provided?|provides|suppl(?:y|ies|ied)|supports?|supported|works?|worked|serves?|served|sells?|sold|develops?|developed)\b/i;

/**
 * "The advisory names A, B and C as companies that supply hacking tools to China's spy services": the companies
 * a naming lists, where it says what they do for an attacker.
 */
export function companiesNamedAs(a: Analysis, sentence: number, end: number): Mention[] {
  const listed = objectsAfter(a, sentence, end, (m) => m.form === "org" && !m.observer, 200);
  const last = listed[listed.length - 1];
  return last && AS_COMPANIES_THAT.test(a.text.slice(last.end, last.end + 120)) ? listed : [];
}
