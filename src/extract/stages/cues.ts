import { RESPONSE_KINDS } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";

/** The cue lexicons of claims and responses, loaded once for every stage that needs to know where they are. */
export const claimCues = loadData<{
  accuse_active: string[];
  accuse_agent: string[];
  accuse_behind: string[];
  deny: string[];
  responsibility: string[];
  hedge: string[];
}>("lexicon/claim-cues.json");
export const responseCues = loadData<Record<string, string[] | string>>("lexicon/response-cues.json");

const responseList = RESPONSE_KINDS.flatMap((k) => {
  const list = responseCues[k];
  return Array.isArray(list) ? list : [];
});

/** one pass decides whether a sentence holds any attribution cue at all */
export const ANY_CLAIM = new RegExp(
  `\\b(?:${[...claimCues.accuse_active, ...claimCues.accuse_agent, ...claimCues.accuse_behind, ...claimCues.deny, ...claimCues.responsibility].join("|")})\\b`,
  "i",
);
/** one pass decides whether a sentence holds any response cue at all */
export const ANY_RESPONSE = new RegExp(`\\b(?:${responseList.join("|")})`, "i");

// Verbs whose date is when something was said or done about an attack, not when the attack happened.
const ACTS = new RegExp(
  `\\b(?:said|says|announced|stated|told|declared|decision|detected|discovered|disclosed|revealed|reported|noticed|${[...claimCues.accuse_active, ...claimCues.deny, ...claimCues.responsibility, ...responseList].join("|")})`,
  "gi",
);

/** Where a sentence reports a statement, a claim or a response: [start, end) offsets into the sentence text. */
export function actSpans(sentence: string): Array<[number, number]> {
  return [...sentence.matchAll(ACTS)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}
