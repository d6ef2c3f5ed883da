import { RESPONSE_KINDS } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import { type CueHits, CueIndex } from "../text/cue-index.ts";

/**
 * Every cue pattern of every stage is registered here, at start-up, so that one reading of a sentence's words
 * (`CUES.read`) finds where any of them may match. Stages register theirs when their module loads.
 */
export const CUES = new CueIndex();

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
export const ANY_CLAIM = CUES.add(
  new RegExp(
    `\\b(?:${[...claimCues.accuse_active, ...claimCues.accuse_agent, ...claimCues.accuse_behind, ...claimCues.deny, ...claimCues.responsibility].join("|")})\\b`,
    "i",
  ),
);
/** one pass decides whether a sentence holds any response cue at all */
export const ANY_RESPONSE = CUES.add(new RegExp(`\\b(?:${responseList.join("|")})`, "i"));

// Verbs whose date is when something was said or done about an attack, not when the attack happened.
const ACTS = CUES.add(
  new RegExp(
    `\\b(?:said|says|announced|stated|told|declared|decision|detected|discovered|disclosed|revealed|reported|noticed|made public|${[...claimCues.accuse_active, ...claimCues.deny, ...claimCues.responsibility, ...responseList].join("|")})`,
    "gi",
  ),
);

/** Where a sentence reports a statement, a claim or a response: [start, end) offsets into the sentence text. */
export function actSpans(sentence: CueHits): Array<[number, number]> {
  return ACTS.matchAll(sentence).map((m) => [m.index, m.index + m[0].length]);
}
