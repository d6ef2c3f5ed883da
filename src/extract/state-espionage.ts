/**
 * An intrusion laid at a state's door is espionage unless its words say it did something else: "the Netherlands
 * accused a Russian state-backed group of breaking into the police", "Beijing denied hacking the ministry". An
 * attack that knocked systems out, encrypted, wiped, flooded, defaced or stole money keeps the types its words give,
 * and so does one told only as "an attack" or "an incident", which says nothing of getting in.
 */
import type { Claim, Incident, IncidentType, Party } from "../model/index.ts";
import { loadData } from "./gazetteer/data.ts";
import type { IncidentDraft } from "./stages/incidents.ts";

const INTRUSION = new RegExp(
  `\\b(?:${loadData<{ words: string[] }>("lexicon/intrusion-words.json").words.join("|")})`,
  "i",
);

const OTHER_AIMS: ReadonlySet<IncidentType> = new Set([
  "disruption",
  "ransomware",
  "ddos",
  "wiper",
  "defacement",
  "financial-theft",
]);

/** A state, or a group a state sponsors. */
function stateActor(p: Party): boolean {
  return p.kind === "state" || (p.kind === "group" && p.sponsor !== undefined);
}

/** The ids of the incidents that a claim ties to a state: blamed on one, denied by one or claimed by one. */
function stateTied(claims: readonly Claim[]): Set<string> {
  const tied = new Set<string>();
  for (const c of claims) {
    const byState = c.stance === "claims-responsibility" ? c.accused.kind === "state" : stateActor(c.accused);
    if (byState) for (const id of c.incidents) tied.add(id);
  }
  return tied;
}

/** Whether any of the draft's attack words tells of getting into systems. */
function toldAsIntrusion(text: string, draft: IncidentDraft): boolean {
  return draft.mentions.some((m) => INTRUSION.test(text.slice(m.start, m.end)));
}

/**
 * Adds "espionage" to each state-tied incident told as an intrusion whose words name no other aim. `incidents`
 * are the records of `drafts`, in their order.
 */
export function withStateEspionage(
  text: string,
  incidents: Incident[],
  drafts: readonly IncidentDraft[],
  claims: readonly Claim[],
): Incident[] {
  const tied = stateTied(claims);
  if (!tied.size) return incidents;
  incidents.forEach((inc, i) => {
    if (!tied.has(inc.id) || inc.types.includes("espionage")) return;
    if (inc.types.some((t) => OTHER_AIMS.has(t))) return;
    const draft = drafts[i];
    if (draft && toldAsIntrusion(text, draft)) inc.types = [...inc.types, "espionage" as const].sort();
  });
  return incidents;
}
