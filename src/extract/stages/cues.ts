import { RESPONSE_KINDS, type ResponseKind } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import { type Cue, type CueHits, CueIndex, type CueReader } from "../text/cue-index.ts";

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

/** The claim cue lists as patterns of whole words: each stage reads the ones it needs. */
const claimWords = (list: readonly string[]) => CUES.add(new RegExp(`\\b(?:${list.join("|")})\\b`, "gi"));
export const CLAIM_CUES = {
  active: claimWords(claimCues.accuse_active),
  agent: claimWords(claimCues.accuse_agent),
  behind: claimWords(claimCues.accuse_behind),
  deny: claimWords(claimCues.deny),
  responsibility: claimWords(claimCues.responsibility),
};
/** Each response kind's cues, in the order of RESPONSE_KINDS. */
export const RESPONSE_CUES: ReadonlyArray<readonly [ResponseKind, Cue]> = RESPONSE_KINDS.flatMap((k) => {
  const list = responseCues[k];
  return Array.isArray(list) ? [[k, CUES.add(new RegExp(`\\b(?:${list.join("|")})`, "gi"))] as const] : [];
});
/** whether a sentence holds any response cue at all: one of the kinds' own cues matches */
export const ANY_RESPONSE = {
  test: (hits: CueHits) => RESPONSE_CUES.some(([, cue]) => cue.matchAll(hits).length > 0),
};

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

/**
 * The matches `actSpans` reads, read only as far as a caller asks (`readTo`): the pattern is long, and a caller
 * that needs the acts begun before some place leaves the rest of the sentence unread.
 */
export function actReader(sentence: CueHits): CueReader {
  return ACTS.reader(sentence);
}
