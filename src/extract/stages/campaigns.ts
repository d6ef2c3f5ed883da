import type { CueHits } from "../text/cue-index.ts";
import type { Analysis } from "./context.ts";
import { CUES } from "./cues.ts";
import type { IncidentDraft } from "./incidents.ts";

const SAME_ACTORS = CUES.add(
  /\b(?:same|identical)\s+(?:[\w-]+\s+)?(?:actors?|hackers?|aggressors?|attackers?|groups?|hacking groups?|perpetrators?|culprits?|people|gang|unit|team|crew)\b|\b(?:part of|linked to) (?:the same|a wider|a broader|an ongoing) (?:campaign|operation)\b/i,
);

/** Incidents that the text ties together ("the same actors who attacked …") share a campaign. */
export function linkCampaigns(a: Analysis, drafts: IncidentDraft[]): void {
  // a campaign ties two incidents at least
  if (drafts.length < 2) return;
  let next = 0;
  for (const s of a.sentences) {
    if (!SAME_ACTORS.test(a.cues[s.index] as CueHits)) continue;
    const here = drafts.filter((d) => d.mentions.some((m) => m.sentence === s.index));
    if (here.length < 2) continue;
    const existing = here.find((d) => d.campaign !== undefined)?.campaign;
    const id = existing ?? next++;
    for (const d of here) d.campaign = id;
  }
}
