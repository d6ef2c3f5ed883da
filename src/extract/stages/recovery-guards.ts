/**
 * Whether words that say systems came back ("restored", "back online", "recovery") report a recovery made: not a
 * market's, not money got back, not one foreseen, wished for or judged.
 */
import type { Sentence } from "../text/sentences.ts";
import { TailPattern } from "./tail-words.ts";

const MONEY = /\b(?:funds|money|assets|ransom|bitcoin|ether|tokens|crypto(?:currency)?|\$\d)/i;
// "the pressure to restore public services", "still struggling to restore", "so that systems can be rebuilt":
// restoring spoken of in general, as a wish or as a possibility, not done
const RECOVERY_IN_GENERAL =
  /\b(?:(?:pressure|need|ability|able|unable|struggl(?:ed|ing))\s+to|(?:can|might|may|should)\s+(?:be\s+)?)\s*$/i;
const RECOVERY_NOUN = /^(?:recovery|restoration)/i;
// "Recovery has been slow", "the recovery was a rare outcome": the recovery judged, not a step reported
const RECOVERY_JUDGED = /^\s+(?:has been|had been|was|is|will be|would be|remains|remained)\b/i;
// "a central part in the recovery", "the cost of the restoration": a share in it, not the step
const ROLE_IN = /\b(?:part|role|help|hand|cost|costs|price)\s+(?:in|of|with|for)\s+(?:the\s+)?$/i;
const RECOVERY_AHEAD = /^[^.;,]{0,40}?\b(?:could|would|will|may|might)\s+(?:take|last|require)\b/i;
const RECOVERY_UNDATED = new TailPattern(
  /\bno (?:timetable|timeline|date|estimate|schedule) for\s+(?:(?:bringing|getting|putting|restoring)\s+(?:[\w'’-]+\s+){0,3})?$/i,
  5,
  "for bringing getting putting restoring",
);
// "Prices recovered": a market's recovery, not systems'
const MARKET_BEFORE =
  /\b(?:prices?|shares?|stocks?|markets?|index|currency|the (?:pound|dollar|euro|rouble|yen))\s+(?:have\s+|had\s+|quickly\s+)?$/i;
// "a service called Restoring Family Links": a cue opening a name
const NAME_AFTER = /^\s+\p{Lu}/u;
const CAPITAL_FIRST = /^\p{Lu}/u;

/** True when the recovery cue `cue`, at [pos, end) of sentence `s`, tells of no recovery made. */
export function recoveryNotTold(text: string, s: Sentence, cue: string, pos: number, end: number): boolean {
  const from = Math.max(s.start, pos - 40);
  // "Prices recovered", "a service called Restoring Family Links"
  if (
    MARKET_BEFORE.test(text.slice(from, pos)) ||
    (pos > s.start && CAPITAL_FIRST.test(cue) && NAME_AFTER.test(text.slice(end, end + 3)))
  )
    return true;
  // "a bounty of 10% of any funds recovered": money got back, not systems restored
  if (MONEY.test(text.slice(Math.max(s.start, pos - 25), end + 15))) return true;
  // "restoring full services could take months", "gave no timetable for bringing services back": a recovery
  // foreseen, not one made
  return (
    RECOVERY_AHEAD.test(text.slice(end, Math.min(s.end, end + 60))) ||
    RECOVERY_UNDATED.test(text, from, pos) ||
    RECOVERY_IN_GENERAL.test(text.slice(from, pos)) ||
    (RECOVERY_NOUN.test(cue) &&
      (RECOVERY_JUDGED.test(text.slice(end, end + 20)) || ROLE_IN.test(text.slice(from, pos))))
  );
}
