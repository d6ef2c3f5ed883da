/**
 * Whether a response cue reports a measure taken in the story, and not one intended, answered, wished for, or
 * described as background ("would seek sanctions", "dismissed US charges", "an economy squeezed by sanctions").
 */
import type { ResponseKind } from "../../model/index.ts";
import { isWordCode } from "../text/char-codes.ts";
import type { Sentence } from "../text/sentences.ts";
import type { Analysis } from "./context.ts";
import { recoveryNotTold } from "./recovery-guards.ts";
import { isNegated } from "./roles.ts";
import { holds, TailPattern } from "./tail-words.ts";

const WORDS_HYPHENS = { wordChars: "-" };

const BACKGROUND = new TailPattern(
  /\b(?:under|despite|existing|international|economic|previous|earlier|crippling|tough|western|squeezed by|hit by|hurt by)\s+(?:[\w-]+\s+)?$/i,
  2,
  "under despite existing international economic previous earlier crippling tough western by",
  WORDS_HYPHENS,
);

const GANGS_OWN =
  /^['’]s\s+(?:[\w-]+\s+){0,4}?(?:sites?|servers?|infrastructure|websites?|blogs?|portals?|pages?)\b[^.;,]{0,40}$/i;

/** Whether a group's own sites or servers ("REvil's leak sites on the dark web") are the subject before `pos`. */
function gangsOwnBefore(a: Analysis, sentence: number, pos: number): boolean {
  for (const m of a.bySentence[sentence] ?? [])
    if (m.form === "group" && m.end < pos && pos - m.end < 80 && GANGS_OWN.test(a.text.slice(m.end, pos)))
      return true;
  return false;
}

const GANG_TIED_DID =
  /\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:hacking|hacker|ransomware|cybercrime|criminal|state-backed|state-sponsored)\s+(?:group|gang|crew|collective)\s+(?:(?:widely|long|reportedly)\s+)?(?:linked|tied|connected)\s+to\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?,?\s+(?:(?:had|has|have|also|then|later)\s+)?$/u;
const ATTACKERS_DID = new TailPattern(
  /\b(?:attackers|hackers|intruders|thieves|criminals|the (?:group|gang))\s+(?:(?:had|have|has|then|also|later)\s+|(?:was|were|is|are)\s+(?:known|said|believed|thought)\s+to\s+have\s+){0,2}$/i,
  1,
  "attackers hackers intruders thieves criminals group gang had have has then also later",
);

const ANSWERED = new TailPattern(
  /\b(?:dismiss|reject|den(?:y|ied|ies|ying)|condemn|criticis|criticiz|decri)\w*\s+(?:[\w'’-]+\s+){0,3}$/i,
  4,
  "dismiss reject deny denied denies denying condemn criticis criticiz decri",
  { stems: true, wordChars: "-'’" },
);

const THE_BEFORE = new TailPattern(/\bthe\s+$/i, 1, "the");
/** what makes "the reward" one being reported: "the reward of $10 million", "the bounty offered for …" */
const REWARD_DETAIL = /^\s+(?:of|for|offered|on|announced|worth)\b/i;

// "helped the Guards get around sanctions", "to evade US sanctions": sanctions escaped, not imposed
const EVADED_BEFORE = new TailPattern(
  /\b(?:get|gets|got|getting|go|goes|went|going|work|working|worked)\s+around\s+(?:[\w-]+\s+){0,2}$|\b(?:evad|circumvent|skirt|bypass|dodg|violat|break|breach)\w*\s+(?:[\w-]+\s+){0,2}$/i,
  3,
  "around evad circumvent skirt bypass dodg violat break breach",
  { stems: true, wordChars: "-" },
);

// "how Washington could lift sanctions", "relief from sanctions": measures to be ended, not imposed
const LIFTED_BEFORE = new TailPattern(
  /\b(?:lift|lifts|lifted|lifting|ease|eases|eased|easing|remove|removed|removing|end|ending|relief from|roll back|rolling back|waive|waived)\s+(?:the\s+|its\s+|all\s+|some\s+)?(?:[\w-]+\s+)?$/i,
  3,
  "lift lifts lifted lifting ease eases eased easing remove removed removing end ending from back waive waived",
  WORDS_HYPHENS,
);

// "sanctioned goods", "sanctioned entities": an adjective
const SANCTIONED_THING =
  /^\s+(?:goods|entities|individuals|companies|items|products|banks|oligarchs|persons|firms|countries|regimes?)\b/i;

// "UN sanctions monitors", "a sanctions panel", "a panel that monitors sanctions on North Korea": those who watch
// measures, or the measures watched, not a measure taken here
const SANCTIONS_WATCHERS =
  /^\s+(?:monitors?|monitoring|experts?|panels?|committees?|evasion|busting|violations?|compliance|lawyers?|specialists?)\b/i;
const WATCHED_BEFORE =
  /\b(?:monitor(?:s|ed|ing)?|enforc(?:es?|ed|ing)|oversee(?:s|ing)?|police[sd]?)\s+(?:the\s+)?(?:[\w-]+\s+)?$/i;

// "it would seek sanctions", "threatened to expel": intentions, not responses taken
const INTENT = new TailPattern(
  /\b(?:would|will|could|may|might|(?:un)?likely to|means|meant|requires?|involves?|plans? to|planned to|threaten(?:s|ed)? to|seek|seeking|sought|consider(?:s|ing)?|calls? for|called for|urged?|expect(?:s|ed)? to|hop(?:es|ed) to|aim(?:s|ed)? to|intend(?:s|ed)? to|(?:priority|goal|aim|task) (?:was|is|remains) to)\s+(?:[\w-]+\s+){0,3}$/i,
  4,
  "would will could may might to means meant require requires involve involves seek seeking sought consider considers considering for urge urged",
  WORDS_HYPHENS,
);
// "Russia said on Friday it would expel 10 American diplomats": a state announcing a diplomatic measure takes it
const ANNOUNCED_WOULD =
  /\b(?:said|says|announced|announces|declared)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they)\s+would\s+$/i;
const ANNOUNCEABLE: ReadonlySet<ResponseKind> = new Set([
  "expulsion",
  "sanctions",
  "ambassador-recalled",
  "ambassador-summoned",
  "diplomatic-severance",
]);

function announced(text: string, from: number, pos: number, kind: ResponseKind): boolean {
  return ANNOUNCEABLE.has(kind) && ANNOUNCED_WOULD.test(text.slice(from, pos));
}

// "would keep its other tools, sanctions included, in reserve": an option kept, not a measure taken
const OPTION_AFTER = /^[^.;]{0,40}?\b(?:in reserve|on the table|as an option|among the options)\b/i;

// "vowed to pursue the group until it is shut down": a condition still to be met
const WHETHER_BEFORE = /\bwhether\b[^.;,]{0,60}$/i;
const UNTIL = /\buntil\b[^.;,]{0,50}$/i;
// "would only find out once the backups had been fully recovered": a condition of what is to come
const ONCE_AHEAD = /\b(?:would|will|could|can)\b[^.;,]{0,60}\bonce\b[^.;,]{0,50}$/i;
/** UNTIL (or ONCE_AHEAD) before `to` in its sentence (from `from`), run only where "until" ("once") stands in its last 55 characters */
function until(text: string, from: number, to: number): boolean {
  return (
    (holds(text, Math.max(from, to - 55), to, "until") &&
      UNTIL.test(text.slice(Math.max(from, to - 70), to))) ||
    (holds(text, Math.max(from, to - 55), to, "once") &&
      ONCE_AHEAD.test(text.slice(Math.max(from, to - 130), to)))
  );
}

// "condemns any use of cyberspace …" is a principle; "denounced the accusations" answers them: neither
// condemns an attack
const GENERIC_OBJECT =
  /^\s*(?:any|all|such|every|the (?:accusations?|allegations?|claims?|sanctions|move|moves|decision|measures|expulsions?|actions|charges|indictment)|(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:charges|indictments?|sanctions|accusations|allegations)\s+(?:and|against|on|over|by)\b)/i;

const ADVISORY_NOUN =
  /^(?:advisor|(?:emergency )?directive|security alert|technical alert|technical report|technical analysis|joint technical)/i;

const ABOUT_CYBER =
  /cyber|hack|malware|ransomware|attack|intrusion|breach|espionage|spying|interference|meddling|disinformation|theft|stole|for (?:its|their|his|her) (?:alleged )?(?:role|involvement|part)|responsible|behind|group|gang|APT/i;

/** The sentence, or one beside it, speaks of a cyber operation or of who was behind one. */
function nearCyber(a: Analysis, sentence: number): boolean {
  for (let i = Math.max(0, sentence - 1); i <= sentence + 1; i++) if (aboutCyber(a, i)) return true;
  return false;
}

/** ABOUT_CYBER of each sentence of the document last read, asked again for the sentences beside each sanction */
let cyberDoc: Analysis | undefined;
let cyberKnown = new Int8Array(0);
function aboutCyber(a: Analysis, sentence: number): boolean {
  const text = a.sentences[sentence]?.text;
  if (text === undefined) return false;
  if (cyberDoc !== a || cyberKnown.length !== a.sentences.length) {
    cyberDoc = a;
    cyberKnown = new Int8Array(a.sentences.length);
  }
  if (cyberKnown[sentence] === 0) cyberKnown[sentence] = ABOUT_CYBER.test(text) ? 1 : -1;
  return cyberKnown[sentence] === 1;
}

const EFFECT_SUBJECT = new TailPattern(
  /\b(?:which|worm|virus|malware|(?:cyber[- ]?)?attacks?|cyberattacks?|ransomware|hackers?|intrusion|breach|failure|explosion|blackout)\s+(?:[\w,'’-]+\s+){0,8}$/i,
  9,
  "which worm virus malware attack attacks cyberattack cyberattacks ransomware hacker hackers intrusion breach failure explosion blackout",
  { wordChars: ",-'’" },
);
const EFFECT_THAT = new TailPattern(
  /\b(?:(?:cyber[- ]?)?attacks?|cyberattacks?|outages?|disruption|ransomware|malware|breach|intrusion|hackers)\s+(?:that|which)\s+(?:(?:has|have|had)\s+)?$/i,
  2,
  "that which",
);
const EFFECT_CLAUSE = /^(?!which)\S+\s+(?:(?:on|against|at|of|in)\s+[^,;]*\s+)?(?:that|which)\s+$/i;

const FOUND_BEFORE =
  /\b(?:discovered|found|detected|identified|spotted|noticed)\s+(?:(?:a|an|the|some)\s+)?(?:[\w-]+\s+){0,2}$/i;
// "PhilHealth was struck by ransomware and took its systems offline": the one hit acts
const HIT_BY_BEFORE =
  /\b(?:hit|struck|attacked|targeted|affected|infected)\s+(?:by|with)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$/i;

/** "the worm … shut down a factory": the attack did it, no defender; unless a party stands between them. */
function causedByAttack(a: Analysis, sentence: number, pos: number): boolean {
  const s = a.sentences[sentence];
  if (!s) return false;
  const from = Math.max(s.start, pos - 90);
  const effect = EFFECT_SUBJECT.exec(a.text, from, pos);
  if (!effect) return false;
  const causeAt = from + effect.index;
  // "it discovered a software virus and took its systems offline": the virus is what was found, not who acted
  const lead = a.text.slice(Math.max(s.start, causeAt - 40), causeAt);
  if (FOUND_BEFORE.test(lead) || HIT_BY_BEFORE.test(lead)) return false;
  // "an attack on the health ministry that took its app offline": the attack did it, whatever it hit
  if (EFFECT_CLAUSE.test(effect[0])) return true;
  return !(a.bySentence[sentence] ?? []).some((m) => m.start > causeAt && m.end <= pos && !m.attacker);
}

const ATTACK_BEFORE =
  /\b(?:attack(?:s|ed)?|hack(?:s|ed)?|carried out|launched|breach(?:es|ed)?|cyberattacks?|intrusions?|responsible|behind)\b[^.;]{0,40}\bin\s+$/i;
const CAUSE_BEFORE = new TailPattern(
  /\b(?:after|following|over|amid|because of)\s+(?:the\s+|new\s+|US\s+|American\s+)?$/i,
  2,
  "after following over amid of",
);

/** after a measure named again: a judgement of it ("the takedown would hurt", "the sanctions were the result of") */
const JUDGED_AFTER =
  /^\s+(?:would|will|could|might|may|should|(?:were|was|are|is)\s+(?:the (?:result|culmination|product)|part of|meant|designed|intended|aimed|a (?:signal|message|blow|warning)))\b/i;
// "more sanctions were likely": measures expected, not taken
const EXPECTED_AFTER =
  /^\s+(?:were|was|are|is|seemed|seem|looked|look)\s+(?:likely|possible|expected|planned|coming|probable)\b/i;
const DEMANDED_BEFORE = new TailPattern(
  /\b(?:demand(?:ed|s|ing)?|insist(?:ed|s|ing)?|call(?:ed|s|ing)? for|ask(?:ed|s|ing)?)\s+(?:that\s+)?[^.;]{0,40}?\bbe\s+$/i,
  1,
  "be",
);
// "little fear of prosecution", "to escape arrest": a measure feared or escaped, not one taken
const ESCAPED_BEFORE = new TailPattern(
  /\b(?:fear|risk|threat|danger|escape|escaped|escaping|evade|evaded|evading|avoid|avoided|avoiding|immune from|safe from|free from)\s+(?:of\s+)?(?:[\w-]+\s+)?$/i,
  3,
  "fear risk threat danger escape escaped escaping evade evaded evading avoid avoided avoiding from",
  WORDS_HYPHENS,
);

const ARREST_NOUN_BEFORE = new TailPattern(
  /\b(?:the|an|to|of|for|any|no|and|or)\s+$/i,
  1,
  "the an to of for any no and or",
);
// ("… was not acceptable" is a condemnation, whose own words hold a "not"; "urged hospitals not to pay" advises)
// ("froze any US assets of the two firms" freezes them all)
const NEGATED_INSIDE =
  /\b(?:no|not(?! acceptable\b| to\b)|never|any(?! (?:US |American |British |EU |European )?(?:assets|property)\b))\b/i;

// what reportsTaken asks of a cue's own words, one bit each
const NEGATED = 1; // a negation inside them: "announced no penalties"
const ARREST_NOUN = 2; // "arrest", "arrests", which may be the noun
const NAMED_AGAIN = 4; // a measure that can be named again ("the takedown")
const ANSWERABLE = 8; // a measure that can be answered ("dismissed US charges")
const CAUSING = 16; // a measure that can cause another ("after charges against …")
const SANCTIONED = 32; // "sanctioned", which may be an adjective
const ADVISORY = 64; // a bare advisory noun
const RETALIATORY = 128;
const CUE_TESTS: ReadonlyArray<readonly [number, RegExp]> = [
  [NEGATED, NEGATED_INSIDE],
  [ARREST_NOUN, /^arrests?\b(?! warrants?)/i],
  [NAMED_AGAIN, /^(?:takedown|sanctions|indictment|expulsions?)$/i],
  [ANSWERABLE, /charges|sanctions|indictments?/i],
  [CAUSING, /^(?:charges|indictments?|sanctions)\b/i],
  [SANCTIONED, /^sanctioned$/i],
  [ADVISORY, ADVISORY_NOUN],
  [RETALIATORY, /^retaliatory$/i],
];
/** the answers by a cue's words: cues repeat ("sanctions", "charged") */
const cueAnswers = new Map<string, number>();
function cueTests(cue: string): number {
  let bits = cueAnswers.get(cue);
  if (bits === undefined) {
    bits = 0;
    for (const [bit, re] of CUE_TESTS) if (re.test(cue)) bits |= bit;
    // the words of a few cues vary ("took its servers offline"): the table is bounded
    if (cueAnswers.size >= 4096) cueAnswers.clear();
    cueAnswers.set(cue, bits);
  }
  return bits;
}

const FOR_OTHER_CAUSE =
  /^[^.;]{0,40}?\b(?:over|for)\s+(?:its|their|the|his)\s+(?:[\w-]+\s+){0,2}?(?:invasion|war|annexation|nuclear|missile|human rights|crackdown|aggression)\b/i;
// "convicted over mass executions", "accusing him of responsibility for the unlawful deportation of children",
// "sentenced to 'network collapse and shame'": a charge for a crime that is no attack on computers, or a sentence
// an attacker hands down in words
const OTHER_CRIME =
  /^[^.;]{0,100}?\b(?:over|for|of|with)\s+(?:[\w-]+\s+){0,4}?(?:executions?|murders?|killings?|war crimes|deportation|genocide|terrorism|drug trafficking|smuggling|bribery|embezzlement|tax evasion|assassinations?|military technology)\b|^\s+to\s+["“]/i;
const FEARED_BEFORE =
  /\b(?:possible|potential|feared|fears? of|risk of|threat of|threatened)\s+(?:[\w-]+\s+)?$/i;
const FORCED_BEFORE =
  /\b(?:had to be|was|were|been|forced (?:it|them|the \w+|\w+) to|forcing (?:it|them|the \w+|\w+) to)\s+$/;
const REWARD_WORDS = /\$|million|bounty|Rewards for Justice|offer/i;
const ADVISORY_GIVEN =
  /\b(?:issued|published|released|joint|put out|in an? (?:advisory|alert)|advisor(?:y|ies) (?:was|were|is|are|has|have|had) (?:been |being )+(?:sent|circulated|distributed))\b/i;
const MEASURE_AFTER = /^\s+(?:action|measures?|steps?|sanctions)/i;

/** True unless the cue `cue` of `kind`, at [pos, end) in sentence `s`, names a measure not taken here. */
export function reportsTaken(
  a: Analysis,
  s: Sentence,
  kind: ResponseKind,
  cue: string,
  pos: number,
  end: number,
): boolean {
  const text = a.text;
  // the 40 characters before the cue, within its sentence
  const from = Math.max(s.start, pos - 40);
  const asked = cueTests(cue);
  if (isNegated(text, Math.max(s.start, pos - 30), pos)) return false;
  // "announced no penalties": the negation inside the cue's own words
  if (asked & NEGATED) return false;
  // "information leading to the arrest of …", "hopes for arrests": the noun, not police arresting people
  if (kind === "indictment" && asked & ARREST_NOUN && ARREST_NOUN_BEFORE.test(text, from, pos)) return false;
  if (kind === "sanctions" && BACKGROUND.test(text, from, pos)) return false;
  // "the bounty exposed Beijing's attempts …": a reward told before, spoken of again
  if (kind === "reward" && THE_BEFORE.test(text, from, pos) && !REWARD_DETAIL.test(text.slice(end, end + 20)))
    return false;
  // "the takedown would hurt, researchers said": a measure told of before, judged, is no new one
  if (asked & NAMED_AGAIN && THE_BEFORE.test(text, from, pos) && JUDGED_AFTER.test(text.slice(end, end + 20)))
    return false;
  if (EXPECTED_AFTER.test(text.slice(end, end + 30))) return false;
  // "demanded that three reactors be shut down": a demand, not a measure taken
  if (DEMANDED_BEFORE.test(text, Math.max(s.start, pos - 70), pos)) return false;
  if (kind === "indictment" && ESCAPED_BEFORE.test(text, from, pos)) return false;
  // "an economy squeezed by US sanctions", "sanctions on the steel sector": measures for something else
  if (kind === "sanctions" && !nearCyber(a, s.index)) return false;
  // "sanctions on Russia over its invasion of Ukraine": measures for a war or a weapon, not for an attack
  if (kind === "sanctions" && FOR_OTHER_CAUSE.test(text.slice(end, Math.min(s.end, end + 80)))) return false;
  if (kind === "indictment" && OTHER_CRIME.test(text.slice(end, Math.min(s.end, end + 140)))) return false;
  // "prepare for possible retaliation online": a counter-strike feared, not one made
  if (kind === "retaliation" && FEARED_BEFORE.test(text.slice(from, pos))) return false;
  // "the attackers seized control of a wallet": what attackers did is no response to them
  if (ATTACKERS_DID.test(text, from, pos)) return false;
  // "A hacking group widely linked to Russia took over tools …": a gang's act, whatever state it is tied to
  if (GANG_TIED_DID.test(text.slice(Math.max(s.start, pos - 90), pos))) return false;
  // "REvil's leak sites went offline": a gang's own sites going down is no victim's containment or recovery
  if ((kind === "containment" || kind === "recovery") && gangsOwnBefore(a, s.index, pos)) return false;
  if (kind === "recovery" && recoveryNotTold(text, s, cue, pos, end)) return false;
  // "Moscow has dismissed US charges against Russian hackers": measures answered, not taken here
  if (asked & ANSWERABLE && ANSWERED.test(text, from, pos)) return false;
  // "China summons the US envoy after charges against PLA officers": charges named as the cause of another
  // measure were brought by someone else, told where they are brought
  if (asked & CAUSING && CAUSE_BEFORE.test(text, from, pos)) return false;
  // "state-sanctioned churches", "a low-risk, high-reward way": a cue glued to a word before it is part of an
  // adjective
  if ((kind === "sanctions" || kind === "reward") && pos > from && text.charCodeAt(pos - 1) === 45)
    return false;
  if (kind === "sanctions") {
    if (EVADED_BEFORE.test(text, from, pos) || LIFTED_BEFORE.test(text, from, pos)) return false;
    // "sanctioned goods", "sanctioned entities": an adjective, not a measure taken here
    if (asked & SANCTIONED && SANCTIONED_THING.test(text.slice(end, end + 20))) return false;
    if (SANCTIONS_WATCHERS.test(text.slice(end, end + 16)) || WATCHED_BEFORE.test(text.slice(from, pos)))
      return false;
  }
  if (
    kind !== "retaliation" &&
    kind !== "condemnation" &&
    ((INTENT.test(text, from, pos) && !announced(text, from, pos, kind)) || until(text, s.start, pos))
  )
    return false;
  if (OPTION_AFTER.test(text.slice(end, Math.min(s.end, end + 60)))) return false;
  // "did not say whether the server had been taken offline": a question left open, no measure told
  if (
    holds(text, Math.max(s.start, pos - 70), pos, "whether") &&
    WHETHER_BEFORE.test(text.slice(Math.max(s.start, pos - 70), pos))
  )
    return false;
  if (kind === "condemnation" && GENERIC_OBJECT.test(text.slice(end, end + 25))) return false;
  if (
    (kind === "containment" || kind === "recovery") &&
    causedByAttack(a, s.index, pos) &&
    // "forced it to shut down …": the victim acted, compelled by the attack
    !FORCED_BEFORE.test(text.slice(from, pos))
  )
    return false;
  // "the outage that took down its app": the attack's own effect, not a site seized
  if (kind === "takedown" && EFFECT_THAT.test(text, from, pos)) return false;
  if (kind === "reward" && !REWARD_WORDS.test(s.text)) return false;
  // a bare "advisory" or "directive" may be one only mentioned; "urged operators to …" is one given
  if (kind === "advisory" && asked & ADVISORY && !ADVISORY_GIVEN.test(s.text)) return false;
  // "whether hackers had carried out the attack in retaliation for sanctions": the attackers' motive
  if (kind === "retaliation" && ATTACK_BEFORE.test(text.slice(Math.max(s.start, pos - 60), pos)))
    return false;
  // "the first retaliatory action" describes sanctions, it is not a counter-operation
  if (kind === "retaliation" && asked & RETALIATORY && MEASURE_AFTER.test(text.slice(end, end + 12)))
    return false;
  return true;
}

// "for its role" is the one alternative that needs the u flag, which makes a pattern several times slower: the
// others also run without it, which matches the same wherever the text holds neither "ſ" nor "K" (U+212A), the
// only characters /iu folds to ASCII letters and \w
const FOR_ROLE = String.raw`for (?:its|their|his|her|the|[\p{Lu}][\p{L}]+['’]s)? ?(?:alleged )?(?:role|involvement|part)`;
const FOR_OTHERS = String.raw`in response to|over (?:the|its|their)|hold [\w\s]{0,20}accountable|because of|for (?:the )?(?:hack|attack|cyber)|for hacking|over (?:that|this|those|these) (?:[\w-]+ )?(?:intrusions?|attacks?|hacks?|breach(?:es)?)|after (?:catching|caught|discovering)|with (?:hacking|computer|cyber|breaking|stealing|carrying out|conducting|launching|orchestrating|taking part in|participating in)|with (?:[\w-]+ ){1,6}(?:cyber-?attacks|hacks|intrusions)\b|punish`;
/** what `punitiveIn` answers: a response said to punish an attack */
export const PUNITIVE = new RegExp(String.raw`\b(?:${FOR_ROLE}|${FOR_OTHERS})`, "iu");
// the same alternatives, tried at one place each
const OTHERS_AT = new RegExp(`(?:${FOR_OTHERS})`, "iy");
const ROLE_AT = new RegExp(FOR_ROLE, "iuy");
// the words "for its role" must hold (none has an "s" or a "k", which /iu would also find in "ſ" or "K")
const ROLE_WORDS = /role|involvement|part/i;
/** the letters the alternatives begin with, in lowercase: "in", "over", "hold", "because", "for", "after", … */
const OPENS = new Uint8Array(128);
for (const c of "iohbfawp") OPENS[c.charCodeAt(0)] = 1;

/**
 * Whether a sentence says a response punishes an attack ("for its alleged role"): PUNITIVE.test(text). Its
 * alternatives are tried only where a word begins with one of their first letters: run over the whole sentence,
 * the pattern tried each alternative at every place.
 */
export function punitiveIn(text: string): boolean {
  if (text.includes("\u017f") || text.includes("\u212a")) return PUNITIVE.test(text);
  let roleWords: boolean | undefined;
  for (let p = 0; p < text.length; p++) {
    // (c | 32 folds an ASCII capital onto its lowercase; no other code unit lands on a lowercase letter)
    const c = text.charCodeAt(p) | 32;
    if (c >= 128 || OPENS[c] === 0 || (p > 0 && isWordCode(text.charCodeAt(p - 1)))) continue;
    OTHERS_AT.lastIndex = p;
    if (OTHERS_AT.test(text)) return true;
    if (c === 102) {
      roleWords ??= ROLE_WORDS.test(text);
      ROLE_AT.lastIndex = p;
      if (roleWords && ROLE_AT.test(text)) return true;
    }
  }
  return false;
}
