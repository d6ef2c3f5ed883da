/**
 * Whether a response cue reports a measure taken in the story, and not one intended, answered, wished for, or
 * described as background ("would seek sanctions", "dismissed US charges", "an economy squeezed by sanctions").
 */
import type { ResponseKind } from "../../model/index.ts";
import type { Sentence } from "../text/sentences.ts";
import type { Analysis } from "./context.ts";
import { isNegated } from "./roles.ts";

const BACKGROUND =
  /\b(?:under|despite|existing|international|economic|previous|earlier|crippling|tough|western|squeezed by|hit by|hurt by)\s+(?:[\w-]+\s+)?$/i;

const ATTACKERS_DID =
  /\b(?:attackers|hackers|intruders|thieves|criminals|the (?:group|gang))\s+(?:(?:had|have|has|then|also|later)\s+){0,2}$/i;

const MONEY = /\b(?:funds|money|assets|ransom|bitcoin|ether|tokens|crypto(?:currency)?|\$\d)/i;

const ANSWERED =
  /\b(?:dismiss|reject|den(?:y|ied|ies|ying)|condemn|criticis|criticiz|decri)\w*\s+(?:[\w'’-]+\s+){0,3}$/i;

const THE_BEFORE = /\bthe\s+$/i;
/** what makes "the reward" one being reported: "the reward of $10 million", "the bounty offered for …" */
const REWARD_DETAIL = /^\s+(?:of|for|offered|on|announced|worth)\b/i;

// "helped the Guards get around sanctions", "to evade US sanctions": sanctions escaped, not imposed
const EVADED_BEFORE =
  /\b(?:get|gets|got|getting|go|goes|went|going|work|working|worked)\s+around\s+(?:[\w-]+\s+){0,2}$|\b(?:evad|circumvent|skirt|bypass|dodg|violat|break|breach)\w*\s+(?:[\w-]+\s+){0,2}$/i;

// "how Washington could lift sanctions", "relief from sanctions": measures to be ended, not imposed
const LIFTED_BEFORE =
  /\b(?:lift|lifts|lifted|lifting|ease|eases|eased|easing|remove|removed|removing|end|ending|relief from|roll back|rolling back|waive|waived)\s+(?:the\s+|its\s+|all\s+|some\s+)?(?:[\w-]+\s+)?$/i;

// "sanctioned goods", "sanctioned entities": an adjective
const SANCTIONED_THING =
  /^\s+(?:goods|entities|individuals|companies|items|products|banks|oligarchs|persons|firms|countries|regimes?)\b/i;

// "it would seek sanctions", "threatened to expel": intentions, not responses taken
const INTENT =
  /\b(?:would|will|could|may|might|(?:un)?likely to|means|meant|requires?|involves?|plans? to|planned to|threaten(?:s|ed)? to|seek|seeking|sought|consider(?:s|ing)?|calls? for|called for|urged?|expect(?:s|ed)? to|hop(?:es|ed) to|aim(?:s|ed)? to|intend(?:s|ed)? to)\s+(?:[\w-]+\s+){0,3}$/i;

// "would keep its other tools, sanctions included, in reserve": an option kept, not a measure taken
const OPTION_AFTER = /^[^.;]{0,40}?\b(?:in reserve|on the table|as an option|among the options)\b/i;

// "vowed to pursue the group until it is shut down": a condition still to be met
const UNTIL = /\buntil\b[^.;,]{0,50}$/i;

// "condemns any use of cyberspace …" is a principle; "denounced the accusations" answers them: neither
// condemns an attack
const GENERIC_OBJECT =
  /^\s*(?:any|all|such|every|the (?:accusations?|allegations?|claims?|sanctions|move|moves|decision|measures|expulsions?|actions|charges|indictment))\b/i;

const ADVISORY_NOUN =
  /^(?:advisor|(?:emergency )?directive|security alert|technical alert|technical report|technical analysis|joint technical)/i;

const ABOUT_CYBER =
  /cyber|hack|malware|ransomware|attack|intrusion|breach|espionage|spying|interference|meddling|disinformation|theft|stole|for (?:its|their|his|her) (?:alleged )?(?:role|involvement|part)|responsible|behind|group|gang|APT/i;

/** The sentence, or one beside it, speaks of a cyber operation or of who was behind one. */
function nearCyber(a: Analysis, sentence: number): boolean {
  for (let i = Math.max(0, sentence - 1); i <= sentence + 1; i++)
    if (ABOUT_CYBER.test(a.sentences[i]?.text ?? "")) return true;
  return false;
}

const EFFECT_SUBJECT =
  /\b(?:which|worm|virus|malware|(?:cyber[- ]?)?attacks?|cyberattacks?|ransomware|hackers?|intrusion|breach)\s+(?:[\w,'’-]+\s+){0,8}$/i;
const EFFECT_THAT =
  /\b(?:(?:cyber[- ]?)?attacks?|cyberattacks?|outages?|disruption|ransomware|malware|breach|intrusion|hackers)\s+(?:that|which)\s+(?:(?:has|have|had)\s+)?$/i;
const EFFECT_CLAUSE = /^(?!which)\S+\s+(?:(?:on|against|at|of)\s+[^,;]*\s+)?(?:that|which)\s+$/i;

const FOUND_BEFORE =
  /\b(?:discovered|found|detected|identified|spotted|noticed)\s+(?:(?:a|an|the|some)\s+)?(?:[\w-]+\s+){0,2}$/i;

/** "the worm … shut down a factory": the attack did it, no defender; unless a party stands between them. */
function causedByAttack(a: Analysis, sentence: number, pos: number): boolean {
  const s = a.sentences[sentence];
  if (!s) return false;
  const from = Math.max(s.start, pos - 90);
  const effect = EFFECT_SUBJECT.exec(a.text.slice(from, pos));
  if (!effect) return false;
  const causeAt = from + effect.index;
  // "it discovered a software virus and took its systems offline": the virus is what was found, not who acted
  if (FOUND_BEFORE.test(a.text.slice(Math.max(s.start, causeAt - 40), causeAt))) return false;
  // "an attack on the health ministry that took its app offline": the attack did it, whatever it hit
  if (EFFECT_CLAUSE.test(effect[0])) return true;
  return !(a.bySentence[sentence] ?? []).some((m) => m.start > causeAt && m.end <= pos && !m.attacker);
}

const ATTACK_BEFORE =
  /\b(?:attack(?:s|ed)?|hack(?:s|ed)?|carried out|launched|breach(?:es|ed)?|cyberattacks?|intrusions?|responsible|behind)\b[^.;]{0,40}\bin\s+$/i;
const CAUSE_BEFORE = /\b(?:after|following|over|amid|because of)\s+(?:the\s+|new\s+|US\s+|American\s+)?$/i;

/** after a measure named again: a judgement of it ("the takedown would hurt", "the sanctions were the result of") */
const JUDGED_AFTER =
  /^\s+(?:would|will|could|might|may|should|(?:were|was|are|is)\s+(?:the (?:result|culmination|product)|part of|meant|designed|intended|aimed|a (?:signal|message|blow|warning)))\b/i;
// "more sanctions were likely": measures expected, not taken
const EXPECTED_AFTER =
  /^\s+(?:were|was|are|is|seemed|seem|looked|look)\s+(?:likely|possible|expected|planned|coming|probable)\b/i;
const DEMANDED_BEFORE =
  /\b(?:demand(?:ed|s|ing)?|insist(?:ed|s|ing)?|call(?:ed|s|ing)? for|ask(?:ed|s|ing)?)\s+(?:that\s+)?[^.;]{0,40}?\bbe\s+$/i;
// "little fear of prosecution", "to escape arrest": a measure feared or escaped, not one taken
const ESCAPED_BEFORE =
  /\b(?:fear|risk|threat|danger|escape|escaped|escaping|evade|evaded|evading|avoid|avoided|avoiding|immune from|safe from|free from)\s+(?:of\s+)?(?:[\w-]+\s+)?$/i;

const RECOVERY_AHEAD = /^[^.;,]{0,40}?\b(?:could|would|will|may|might)\s+(?:take|last|require)\b/i;
const RECOVERY_UNDATED = /\bno (?:timetable|timeline|date|estimate|schedule) for\s+$/i;
const ARREST_NOUN_BEFORE = /\b(?:the|an|to|of|for|any|no|and|or)\s+$/i;
const NEGATED_INSIDE = /\b(?:no|not|never|any)\b/i;

/** True unless the cue `cue` of `kind`, at [pos, end) in sentence `s`, names a measure not taken here. */
export function reportsTaken(
  a: Analysis,
  s: Sentence,
  kind: ResponseKind,
  cue: string,
  pos: number,
  end: number,
): boolean {
  const before = a.text.slice(Math.max(s.start, pos - 40), pos);
  if (isNegated(a.text, Math.max(s.start, pos - 30), pos)) return false;
  // "announced no penalties": the negation inside the cue's own words
  if (NEGATED_INSIDE.test(cue)) return false;
  // "information leading to the arrest of …", "hopes for arrests": the noun, not police arresting people
  if (kind === "indictment" && /^arrests?\b(?! warrants?)/i.test(cue) && ARREST_NOUN_BEFORE.test(before))
    return false;
  if (kind === "sanctions" && BACKGROUND.test(before)) return false;
  // "the bounty exposed Beijing's attempts …": a reward told before, spoken of again
  if (kind === "reward" && THE_BEFORE.test(before) && !REWARD_DETAIL.test(a.text.slice(end, end + 20)))
    return false;
  // "the takedown would hurt, researchers said": a measure told of before, judged, is no new one
  if (
    THE_BEFORE.test(before) &&
    /^(?:takedown|sanctions|indictment|expulsions?)$/i.test(cue) &&
    JUDGED_AFTER.test(a.text.slice(end, end + 20))
  )
    return false;
  if (EXPECTED_AFTER.test(a.text.slice(end, end + 30))) return false;
  // "demanded that three reactors be shut down": a demand, not a measure taken
  if (DEMANDED_BEFORE.test(a.text.slice(Math.max(s.start, pos - 70), pos))) return false;
  if (kind === "indictment" && ESCAPED_BEFORE.test(before)) return false;
  // "an economy squeezed by US sanctions", "sanctions on the steel sector": measures for something else
  if (kind === "sanctions" && !nearCyber(a, s.index)) return false;
  // "the attackers seized control of a wallet": what attackers did is no response to them
  if (ATTACKERS_DID.test(before)) return false;
  // "a bounty of 10% of any funds recovered": money got back, not systems restored
  if (kind === "recovery" && MONEY.test(a.text.slice(Math.max(s.start, pos - 25), end + 15))) return false;
  // "restoring full services could take months", "gave no timetable for bringing services back": a recovery
  // foreseen, not one made
  if (
    kind === "recovery" &&
    (RECOVERY_AHEAD.test(a.text.slice(end, Math.min(s.end, end + 60))) ||
      RECOVERY_UNDATED.test(a.text.slice(Math.max(s.start, pos - 40), pos)))
  )
    return false;
  // "Moscow has dismissed US charges against Russian hackers": measures answered, not taken here
  if (/charges|sanctions|indictments?/i.test(cue) && ANSWERED.test(before)) return false;
  // "China summons the US envoy after charges against PLA officers": charges named as the cause of another
  // measure were brought by someone else, told where they are brought
  if (/^(?:charges|indictments?|sanctions)\b/i.test(cue) && CAUSE_BEFORE.test(before)) return false;
  // "state-sanctioned churches": a cue glued to a word before it is part of an adjective
  if (kind === "sanctions" && before.endsWith("-")) return false;
  if (kind === "sanctions" && (EVADED_BEFORE.test(before) || LIFTED_BEFORE.test(before))) return false;
  // "sanctioned goods", "sanctioned entities": an adjective, not a measure taken here
  if (kind === "sanctions" && /^sanctioned$/i.test(cue) && SANCTIONED_THING.test(a.text.slice(end, end + 20)))
    return false;
  if (
    kind !== "retaliation" &&
    kind !== "condemnation" &&
    (INTENT.test(before) || UNTIL.test(a.text.slice(Math.max(s.start, pos - 70), pos)))
  )
    return false;
  if (OPTION_AFTER.test(a.text.slice(end, Math.min(s.end, end + 60)))) return false;
  if (kind === "condemnation" && GENERIC_OBJECT.test(a.text.slice(end, end + 25))) return false;
  if (
    (kind === "containment" || kind === "recovery") &&
    causedByAttack(a, s.index, pos) &&
    // "forced it to shut down …": the victim acted, compelled by the attack
    !/\b(?:had to be|was|were|been|forced (?:it|them|the \w+|\w+) to|forcing (?:it|them|the \w+|\w+) to)\s+$/.test(
      before,
    )
  )
    return false;
  // "the outage that took down its app": the attack's own effect, not a site seized
  if (kind === "takedown" && EFFECT_THAT.test(before)) return false;
  if (kind === "reward" && !/\$|million|bounty|Rewards for Justice|offer/i.test(s.text)) return false;
  // a bare "advisory" or "directive" may be one only mentioned; "urged operators to …" is one given
  if (
    kind === "advisory" &&
    ADVISORY_NOUN.test(cue) &&
    !/\b(?:issued|published|released|joint|put out|in an? (?:advisory|alert))\b/i.test(s.text)
  )
    return false;
  // "whether hackers had carried out the attack in retaliation for sanctions": the attackers' motive
  if (kind === "retaliation" && ATTACK_BEFORE.test(a.text.slice(Math.max(s.start, pos - 60), pos)))
    return false;
  // "the first retaliatory action" describes sanctions, it is not a counter-operation
  if (
    kind === "retaliation" &&
    /^retaliatory$/i.test(cue) &&
    /^\s+(?:action|measures?|steps?|sanctions)/i.test(a.text.slice(end, end + 12))
  )
    return false;
  return true;
}
