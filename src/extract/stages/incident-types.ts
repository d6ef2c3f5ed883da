/** The incident types a sentence's words name (lexicon/incident-types.json), read once per sentence. */
import type { IncidentType } from "../../model/index.ts";
import { INCIDENT_TYPES } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import type { Cue, CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { type Analysis, memoOf } from "./context.ts";
import { CUES } from "./cues.ts";

const typeCues = loadData<Record<string, string[] | string>>("lexicon/incident-types.json");
const TYPE_CUES: Array<[IncidentType, Cue]> = INCIDENT_TYPES.flatMap((t) => {
  const cues = typeCues[t];
  return Array.isArray(cues)
    ? [[t, CUES.add(new RegExp(`\\b(?:${cues.join("|")})`, "i"))] as [IncidentType, Cue]]
    : [];
});

// "there was no irreversible data erasure", "a wiper disguised as ransomware", "dismissed the report as
// disinformation": not what happened
const NEGATED_BEFORE =
  /\b(?:no|not|without|never|nor)\b[^,.;]{0,25}$|\b(?:disguised as|posing as|masquerading as|look like|looks like|looked like|pretending to be|made to look like)\s+(?:an?\s+)?$|\b(?:dismiss|reject|brand|denounc)(?:ed|es|ing|e|s)?\b[^,.;]{0,20}\bas\s+(?:an?\s+)?$/i;
// the types a sentence names, kept per document: every attack word of the sentence asks for the same
const TYPES = {};
const noTypes = (): Array<IncidentType[] | undefined> => [];

/** The incident types a sentence's words name, in the order of INCIDENT_TYPES. */
export function typesIn(a: Analysis, sentence: number): IncidentType[] {
  const cache = memoOf(a, TYPES, noTypes);
  let types = cache[sentence];
  if (types) return types;
  types = [];
  const text = (a.sentences[sentence] as Sentence).text;
  for (const [t, cue] of TYPE_CUES) {
    const hit = cue.exec(a.cues[sentence] as CueHits);
    if (hit && !NEGATED_BEFORE.test(text.slice(Math.max(0, hit.index - 30), hit.index))) types.push(t);
  }
  cache[sentence] = types;
  return types;
}
