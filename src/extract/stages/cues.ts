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

/**
 * Whether any of many alternatives matches, as one alternation would say, from patterns of 1,500 characters or
 * so each: past some size V8 compiles an alternation of this kind into code several times slower per attempt
 * (one trivial alternative more took the 6,400-character response gate from 1.9 % to 4.7 % of extraction).
 */
function anyOf(
  alternatives: readonly string[],
  before: string,
  after: string,
): { test(hits: CueHits): boolean } {
  const chunks: string[][] = [[]];
  let size = 0;
  for (const alt of alternatives) {
    if (size + alt.length > CHUNK_CHARS && (chunks[chunks.length - 1] as string[]).length) {
      chunks.push([]);
      size = 0;
    }
    (chunks[chunks.length - 1] as string[]).push(alt);
    size += alt.length + 1;
  }
  const cues = chunks.map((c) => CUES.add(new RegExp(`${before}(?:${c.join("|")})${after}`, "i")));
  return { test: (hits) => cues.some((c) => c.test(hits)) };
}
const CHUNK_CHARS = 1_500;

/** whether a sentence holds any attribution cue at all */
export const ANY_CLAIM = anyOf(
  [
    ...claimCues.accuse_active,
    ...claimCues.accuse_agent,
    ...claimCues.accuse_behind,
    ...claimCues.deny,
    ...claimCues.responsibility,
  ],
  "\\b",
  "\\b",
);
/** whether a sentence holds any response cue at all */
export const ANY_RESPONSE = anyOf(responseList, "\\b", "");

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
