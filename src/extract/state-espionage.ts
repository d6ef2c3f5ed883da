/**
 * An intrusion laid at a state's door is espionage unless its words say it did something else: "the Netherlands
 * accused a Russian state-backed group of breaking into the police", "Beijing denied hacking the ministry". An
 * attack that knocked systems out, encrypted, wiped, flooded, defaced or stole money keeps the types its words give,
 * and so does one told only as "an attack" or "an incident", which says nothing of getting in. Data stolen with no
 * state behind it and no word of spying is a data breach ("the gang stole customer documents"), not espionage.
 */
import type { Claim, Incident, IncidentType, Party } from "../model/index.ts";
import { loadData } from "./gazetteer/data.ts";
import type { IncidentDraft } from "./stages/incidents.ts";

const lexicon = loadData<{ words: string[]; spying: string[] }>("lexicon/intrusion-words.json");
const INTRUSION = new RegExp(`\\b(?:${lexicon.words.join("|")})`, "i");
const SPYING = new RegExp(`\\b(?:${lexicon.spying.join("|")})\\b`, "i");

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

/** `types` with a data breach in place of espionage, in order. */
function asBreach(types: readonly IncidentType[]): IncidentType[] {
  const out = types.filter((t) => t !== "espionage");
  if (!out.includes("data-breach")) out.push("data-breach");
  return out.sort();
}

/** Whether any of the draft's attack words tells of getting into systems. */
function toldAsIntrusion(text: string, draft: IncidentDraft): boolean {
  return draft.mentions.some((m) => INTRUSION.test(text.slice(m.start, m.end)));
}

/**
 * Adds "espionage" to each state-tied incident told as an intrusion whose words name no other aim, and makes the
 * espionage of an incident no state is tied to, told without a word of spying, a data breach. `incidents` are the
 * records of `drafts`, in their order.
 */
export function withStateEspionage(
  text: string,
  incidents: Incident[],
  drafts: readonly IncidentDraft[],
  claims: readonly Claim[],
): Incident[] {
  const tied = stateTied(claims);
  incidents.forEach((inc, i) => {
    if (!tied.has(inc.id)) {
      if (inc.types.includes("espionage") && !inc.evidence.some((e) => SPYING.test(e.quote)))
        inc.types = asBreach(inc.types);
      return;
    }
    if (inc.types.includes("espionage") || inc.types.some((t) => OTHER_AIMS.has(t))) return;
    const draft = drafts[i];
    if (draft && toldAsIntrusion(text, draft)) inc.types = [...inc.types, "espionage" as const].sort();
  });
  return incidents;
}
