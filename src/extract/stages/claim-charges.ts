/**
 * What an accusing verb charges someone with: a charge of negligence, of backing a war, or a blaming that the
 * sentence itself rejects is not an attribution of an attack.
 */

export const NEGLIGENCE_AFTER =
  /^\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:[\w-]+,[^.;]{0,140}?,\s+)?of\s+(?:failing|negligence|not\s+(?:doing|protecting|securing)|mishandling|misleading|lax|poor|inadequate)/i;
/**
 * what every NEGLIGENCE_AFTER match holds ("of" there always follows whitespace): one scan of the window, which
 * turns away the windows the pattern would try each of its ways of reaching "of" on (nearly all of them)
 */
export const NEGLIGENCE_CHARGE =
  /\sof\s+(?:failing|negligence|not\s+(?:doing|protecting|securing)|mishandling|misleading|lax|poor|inadequate)/i;
// "accused Berlin of becoming ever more involved in the war", "of whipping up anti-Russian sentiment": a charge
// whose words name no attack, no spying, nor point back at one in its own clause ("of hacking the parliament"
// names one, and so do "of breaking into water utilities" and "of extorting companies"; "of blockading the town, and … demanded that …" does
// not)
const POLITICAL_AFTER =
  /^\s+(?:[\w-]+\s+){0,3}?of\s+(?!(?:hack|attack|spy|steal|leak|sabotag|infiltrat|target|breach|compromis|penetrat|disrupt|infect|deploy|exploit|extort|blackmail|defac|encrypt)\w*ing\b|breaking\s+into\b)(?:siding with|[a-z]+ing)\s+(?![^.;]*\b(?:hack|attack|cyber|intrusion|breach|ransomware|malware|virus|worm|group|gang|spy|spies|spying|espionage|intelligence|security agency|surveillance|takeover|hijack|wiper|accounts|computers|networks|servers|systems|data|steal|stole|theft|leak|disinformation|interfer|meddl|sabotag|campaign|operation|incident|behind|responsib)|[^.;,]*\b(?:it|them|this|that|these|those)\b)/i;
const LAUNDERING_AFTER = /^\s+(?:[\w-]+\s+){0,3}?of\s+(?:helping\s+(?:to\s+)?)?launder(?:ing|ed)?\b/i;
const REJECTED_AFTER =
  /^[^.;]{0,50}?\b(?:was|is|were|are)\s+(?:[\w-]+\s+)?(?:unacceptable|groundless|baseless|irresponsible|wrong|unfounded|absurd|unfair)\b/i;

/** True when the accusing `cue`, ending at `end`, charges no attack (the sentence ends at `sentenceEnd`). */
export function chargesNoAttack(text: string, cue: string, end: number, sentenceEnd: number): boolean {
  // "lawsuits accusing the company of failing to protect their data": a charge of negligence, not of an attack
  const window = text.slice(end, Math.min(sentenceEnd, end + 200));
  if (NEGLIGENCE_CHARGE.test(window) && NEGLIGENCE_AFTER.test(window)) return true;
  // "whose government it accused of supporting Israel's war": a political charge, with no attack in it
  if (/^accus/i.test(cue) && POLITICAL_AFTER.test(text.slice(end, Math.min(sentenceEnd, end + 120))))
    return true;
  // "accusing them of laundering part of that money": money laundering, however tied to a theft, is no attack
  if (LAUNDERING_AFTER.test(text.slice(end, Math.min(sentenceEnd, end + 60)))) return true;
  // "said that blaming China for hacking was unacceptable": the blaming is what a denial rejects
  return /^blaming$/i.test(cue) && REJECTED_AFTER.test(text.slice(end, Math.min(sentenceEnd, end + 80)));
}
