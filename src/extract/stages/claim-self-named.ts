/**
 * A group that names itself while doing the deed owns up to it: a defacement signed by "hackers identifying
 * themselves as X", a database posted by "a group calling itself X". Naming oneself in the act is a claim, and so
 * is a group saying it did the deed: "X told reporters that it had taken four terabytes of data".
 */
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { addClaim, type ClaimDraft } from "./claim-draft.ts";
import { type Analysis, partyOf } from "./context.ts";
import { CUES } from "./cues.ts";

const SELF_NAMED = CUES.add(
  /\b(?:identifying (?:themselves|itself) as|calling (?:themselves|itself|himself|herself)|call(?:s|ed)? (?:themselves|itself|himself|herself)|signing (?:themselves|itself) as|using the (?:name|handle|alias|moniker))\s+["“]?/i,
);
// the deed done by those who name themselves: "defaced … by hackers identifying themselves as X"
const DONE_BY =
  /\b(?:defaced|hacked|hijacked|breached|taken over|taken offline|knocked offline|attacked|leaked|targeted)\b[^.;]{0,80}\bby\s+(?:a\s+)?(?:[\w-]+\s+){0,2}(?:hackers|group|gang|collective|hacktivists)\s+$/i;
// "a second group calling itself X posted what it said was the database", "a user calling himself X offered the
// commission's voter database for sale"
const DOES_NEXT =
  /^\s*["”]?,?\s+(?:then\s+|later\s+|also\s+|who\s+)?(?:posted|published|leaked|dumped|released|defaced|hacked|hijacked|took down|knocked|stole|claimed responsibility|appeared on (?:the |its |their )?(?:defaced|hacked|hijacked)|began (?:sharing|posting|publishing|leaking|selling|dumping)|(?:(?:had|has)\s+)?(?:offered|advertised|put up) (?:[\w-]+\s+){0,5}?(?:for sale|database|data|records|files|details))\b/i;

export function addSelfNamedClaims(
  a: Analysis,
  s: Sentence,
  hits: CueHits,
  anonymous: boolean,
  out: ClaimDraft[],
): void {
  for (const m of SELF_NAMED.matchAll(hits)) {
    const pos = s.start + m.index;
    const end = pos + m[0].length;
    const group = (a.bySentence[s.index] ?? []).find((x) => x.form === "group" && x.start === end);
    const party = group && partyOf(group);
    if (!group || !party) continue;
    const before = a.text.slice(Math.max(s.start, pos - 160), pos);
    if (!DONE_BY.test(before) && !DOES_NEXT.test(a.text.slice(group.end, group.end + 80))) continue;
    addClaim(out, s.index, anonymous, "claims-responsibility", party, party, pos, group.end);
  }
}

// "X, which has also said it leaked data", "X told local publications that it had taken four terabytes", "claims
// by a group called X that it had got into the network": the group says, in its own voice, that it did the deed
const SAY = "said|says|claimed|claims|boasted|wrote|stated|announced";
const AUXILIARIES = String.raw`(?:(?:has|had|have|also|later|then)\s+)*`;
const SAYS_IT_DID = new RegExp(
  String.raw`^["”]?(?:,\s+(?:which|who)\b[^;]{0,80}?)?,?\s+${AUXILIARIES}(?:(?:${SAY}|told\s+[^.;]{1,60}?|posted\s+[^.;]{1,40}?)\s+(?:(?:on|last)\s+\w+\s+)?)?(?:that\s+)?(?:it|they)\s+(?:(?:had|has|have|also|successfully)\s+)*(?:taken|took|stole|stolen|leaked|got into|gotten into|broke into|broken into|hacked|attacked|breached|compromised|encrypted|defaced|obtained|accessed|downloaded|penetrated|infiltrated|carried out|launched|knocked|took down|taken down|was behind|were behind|was responsible|were responsible)\b`,
  "i",
);
/** what SAYS_IT_DID needs after the group: a verb of saying, or "that" after "claims by … X" */
const SAYING = CUES.add(new RegExp(`\\b(?:${SAY}|told|posted|that)\\b`, "i"));
const CLAIMS_BY =
  /\bclaims?\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:group|gang|collective|hackers)\s+(?:called|named|known as)\s+$/i;
const SAID_GAP = new RegExp(
  String.raw`^["”]?(?:,\s+(?:which|who)\b|,?\s+${AUXILIARIES}(?:${SAY}|told|posted)\b)`,
  "i",
);

/** Adds a claim of responsibility for each group of sentence `s` that says it did the deed. */
export function addSelfToldClaims(
  a: Analysis,
  s: Sentence,
  hits: CueHits,
  anonymous: boolean,
  out: ClaimDraft[],
): void {
  if (!SAYING.test(hits)) return;
  for (const g of a.bySentence[s.index] ?? []) {
    if (g.form !== "group") continue;
    const after = a.text.slice(g.end, Math.min(s.end, g.end + 200));
    // the group's own saying, or "claims by a group called X that …"
    if (!SAID_GAP.test(after) && !CLAIMS_BY.test(a.text.slice(Math.max(s.start, g.start - 80), g.start)))
      continue;
    if (!SAYS_IT_DID.test(after)) continue;
    const party = partyOf(g);
    if (party) addClaim(out, s.index, anonymous, "claims-responsibility", party, party, g.start, g.end);
  }
}
