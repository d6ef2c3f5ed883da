/**
 * A group that names itself while doing the deed owns up to it: a defacement signed by "hackers identifying
 * themselves as X", a database posted by "a group calling itself X". Naming oneself in the act is a claim.
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
  /^\s*["”]?,?\s+(?:then\s+|later\s+|also\s+)?(?:posted|published|leaked|dumped|released|defaced|hacked|hijacked|took down|knocked|stole|began (?:sharing|posting|publishing|leaking|selling|dumping)|(?:(?:had|has)\s+)?(?:offered|advertised|put up) (?:[\w-]+\s+){0,5}?(?:for sale|database|data|records|files|details))\b/i;

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
