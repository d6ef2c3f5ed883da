import { RESPONSE_KINDS, type ResponseKind } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import { type Cue, type CueHits, CueIndex } from "../text/cue-index.ts";

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
const ACTS_SOURCE = `\\b(?:said|says|announced|stated|told|declared|decision|detected|discovered|disclosed|revealed|reported|noticed|made public|${[...claimCues.accuse_active, ...claimCues.deny, ...claimCues.responsibility, ...responseList].join("|")})`;
const ACTS = CUES.add(new RegExp(ACTS_SOURCE, "gi"));
const ACT_AT = new RegExp(ACTS_SOURCE, "iy");

/** Where a sentence reports a statement, a claim or a response: [start, end) offsets into the sentence text. */
export function actSpans(sentence: CueHits): Array<[number, number]> {
  return ACTS.matchAll(sentence).map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The spans of `actSpans`, in order, read only as far as a caller asks: the pattern is long, and a caller that
 * needs the acts begun before some place leaves the rest of the sentence unread.
 */
export class ActReader {
  readonly spans: Array<[number, number]> = [];
  private next: number;
  private readonly end: number;
  /** where the last act read ends: a place before it is inside it */
  private from = 0;

  constructor(private readonly hits: CueHits) {
    const slot = ACTS.slotIn(hits);
    this.next = hits.placesStart(slot);
    this.end = hits.placesEnd(slot);
  }

  /** Reads on until `spans` holds every act that begins before `limit` (as Cue.matchAll reads them). */
  readTo(limit: number): void {
    const hits = this.hits;
    while (this.next < this.end) {
      const pos = hits.place(this.next);
      if (pos >= limit) return;
      this.next++;
      if (pos < this.from) continue;
      ACT_AT.lastIndex = pos;
      const m = ACT_AT.exec(hits.text);
      if (!m) continue;
      this.spans.push([pos, pos + m[0].length]);
      this.from = pos + Math.max(1, m[0].length);
    }
  }
}
