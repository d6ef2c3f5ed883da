/**
 * Whose own systems a containment or recovery is about when its clause names no actor the gazetteer knows: the
 * company the story says was hit, a name the gazetteer lacks opening the clause ("Harmony halted the bridge"), or
 * the company "it" stands for.
 */
import type { Party } from "../../model/index.ts";
import { firstWordOf } from "../text/char-codes.ts";
import type { Sentence } from "../text/sentences.ts";
import { type Analysis, partyOf } from "./context.ts";
import type { Mention } from "./mention.ts";

/**
 * The organisation most recently named, in this sentence or the three before, that is neither an observer nor
 * an attacker: in a story about an attack on a company, the company.
 */
export function hitOrg(a: Analysis, sentence: number): Mention | undefined {
  for (let i = sentence; i >= Math.max(0, sentence - 3); i--) {
    const list = a.bySentence[i] ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k] as Mention;
      if (m.form === "org" && !m.observer && !m.attacker) return m;
    }
  }
  return undefined;
}

/**
 * The capitalised name a containment or recovery cue opens its clause with ("Harmony halted", "Cosmos, which …,
 * temporarily suspended"), when the text writes that name capitalised elsewhere in mid-sentence too: so a proper
 * name, not a sentence's first common word ("Staff unplugged …").
 */
const NAME_SUBJECT =
  /^(?:[^,;]{0,60},\s+)?(?:The\s+)?((?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d&$'’.-]*(?:\s+(?:of\s+|for\s+|&\s+)?\p{Lu}[\p{L}\d&$'’.-]*){0,4})(?:,\s+(?:which|who)\s[^;]{1,120}?,)?(?:(?<!['’]s)\s+\p{Ll}[^,;]{0,80}?\s+and)?\s+(?:(?:had|has|have|then|also|soon|since|\p{Ll}+ly)\s+){0,3}$/u;
const PRONOUN_OR_ARTICLE: ReadonlySet<string> = new Set([
  "It",
  "Its",
  "This",
  "That",
  "These",
  "Those",
  "They",
  "He",
  "She",
  "We",
  "A",
  "An",
  "The",
]);

const INNER_CAPITAL = /^.\S*\p{Lu}/u;

/** "it" or "the company" ("The operator, which handles …,") as the subject of the words right before a cue */
const PRONOUN_BEFORE =
  /(?:^|[\s,])(?:[Ii]t|[Tt]he\s+(?:company|firm|bank|group|operator|institute|insurer|retailer|carrier|broadcaster|exchange|network|hospital|university|party|utility|lender|platform))(?:,\s+(?:which|a|an|one)\b[^,;]{0,120},)?\s+(?:(?:had|has|have|was working|then|also|soon|since|quickly|\p{Ll}+ly|acted|moved|worked|working|began|started)\s+(?:to\s+)?){0,3}$/u;
/** a public body's name ("City of Dallas", "Nagoya Harbor Transportation Authority"): its state acts */
const PUBLIC_NAME =
  /\b(?:City|County|Municipality|Authority|Ministry|Department|Council|Agency|Commission|Parliament|Police|Government|Bank of|Port of)\b/;
/**
 * a name opening a sentence as the subject of its verb: "Standard Bank said", "The CDU, which …, said", "The
 * Technion disconnected"
 */
const OPENING_SUBJECT =
  /^(?:The\s+)?((?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d&$'’.-]*(?:\s+(?:of\s+|for\s+|&\s+)?\p{Lu}[\p{L}\d&$'’.-]*){0,4})(?:,\s+[^,;]{1,120}?,)?\s+(?:(?:also|later|first|has|had|have)\s+)?(?:said|says|confirmed|told|announced|reported|disclosed|admitted|detected|discovered|was|is|has|had|took|shut|\p{Ll}{3,}ed)\b/u;

/**
 * The company "it" stands for in a containment or recovery ("It said it had acted to contain the incident"): the
 * name the nearest of the three sentences before opens with as its subject, when the gazetteer knows it as a
 * company, or lacks it and the text writes it as a name. A public body's name stands for its state.
 */
export function pronounOwner(
  a: Analysis,
  s: Sentence,
  pos: number,
  victimOf: (s: number) => string | undefined,
): Party | undefined {
  if (pos - s.start > 240 || !PRONOUN_BEFORE.test(a.text.slice(s.start, pos))) return undefined;
  for (let i = s.index - 1; i >= Math.max(0, s.index - 3); i--) {
    const before = a.sentences[i];
    if (!before) continue;
    const m = OPENING_SUBJECT.exec(before.text);
    const name = m?.[1];
    if (!name || PRONOUN_OR_ARTICLE.has(firstWordOf(name))) continue;
    const at = before.start + before.text.indexOf(name);
    const known = (a.bySentence[i] ?? []).find((x) => x.start < at + name.length && x.end > at);
    // "Vodafone Portugal": a known name inside a longer one is part of the company's name
    if (known && known.start <= at && known.end >= at + name.length)
      return known.form === "org" && !known.observer && !known.attacker
        ? (partyOf(known) ?? undefined)
        : undefined;
    if (a.mentions.some((x) => x.party.kind === "person" && x.text.endsWith(name))) return undefined;
    if (!writtenAsName(a.text, name, at)) return undefined;
    if (!PUBLIC_NAME.test(name)) return { kind: "organization", name };
    const country = victimOf(s.index) ?? a.focus;
    return country ? { kind: "state", country } : undefined;
  }
  return undefined;
}

export function unlistedSubject(a: Analysis, s: Sentence, pos: number): Party | undefined {
  if (pos - s.start > 240) return undefined;
  const m = NAME_SUBJECT.exec(a.text.slice(s.start, pos));
  const name = m?.[1];
  if (!name || PRONOUN_OR_ARTICLE.has(firstWordOf(name))) return undefined;
  let named: Mention | undefined;
  for (const x of a.mentions) {
    // a person's surname is no organisation: "Foster", when "Paul Foster" is named
    if (x.party.kind === "person" && x.text.endsWith(name)) return undefined;
    // "Sands" for Las Vegas Sands, named in full before
    if (!named && x.form === "org" && !x.observer && !x.attacker && x.text.includes(name)) named = x;
  }
  if (named) return partyOf(named) ?? undefined;
  const found = writtenAsName(a.text, name, s.start + (m?.index ?? 0) + (m?.[0].indexOf(name) ?? 0));
  return found ? { kind: "organization", name } : undefined;
}

/** A proper name: two capitalised words ("Tesco Bank"), a capital inside a word ("TfL"), or written mid-sentence. */
function writtenAsName(text: string, name: string, at: number): boolean {
  return name.includes(" ") || INNER_CAPITAL.test(name) || writtenMidSentence(text, name, at);
}

/** Whether `name` stands capitalised somewhere in `text` other than at `except`, after a word of its sentence. */
function writtenMidSentence(text: string, name: string, except: number): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (i === except) continue;
    const next = text.charCodeAt(i + name.length);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) continue;
    let j = i - 1;
    while (j >= 0 && (text[j] === " " || text[j] === "\u201c" || text[j] === '"' || text[j] === "(")) j--;
    if (j < 0 || i - j < 2) continue;
    const before = text[j] as string;
    if (before === "." || before === "!" || before === "?" || before === "\n") continue;
    return true;
  }
  return false;
}
