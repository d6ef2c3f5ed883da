import type { FuzzyDate, Incident, IncidentType } from "../model/index.ts";
import { datesCompatible } from "../model/index.ts";
import { canonicalKey } from "./parties.ts";

/** What resolution needs to know of an incident already in the knowledge base. */
export interface KnownIncident {
  id: string;
  label: string;
  date?: FuzzyDate;
  victims: string[];
  types: IncidentType[];
  systems: string[];
}

export interface IncidentResolution {
  /** the known incident this one is, or null for a new incident */
  knownId: string | null;
  /** why, in words an analyst can check */
  reason: string;
}

const ORDINAL_NEW = /\b(?:second|new|another|fresh|latest|renewed)\b/i;

/**
 * Decides whether an incident read from one document is one already known from others: the same victim,
 * dates that agree at the coarser precision, and nothing in types or systems that tells them apart. A "second
 * attack" on the same victim with a different day stays separate. With several candidates, the one whose date
 * agrees most precisely wins, then the one sharing most types and systems.
 */
export function resolveIncident(incident: Incident, known: readonly KnownIncident[]): IncidentResolution {
  const victims = new Set(incident.victims.map(canonicalKey));
  const name = namedOperation(incident.label);
  let best: { k: KnownIncident; score: number } | undefined;
  for (const k of known) {
    const kName = namedOperation(k.label);
    if (name && kName && name !== kName) continue;
    const sharedVictim = k.victims.some((v) => victims.has(v));
    const sameName = !!name && name === kName;
    if (!sharedVictim && !sameName) continue;
    if (!incident.date || !k.date) {
      if (!sameName) continue; // an undated mention joins only an incident it names
    } else if (!datesCompatible(incident.date, k.date)) continue;
    const typesApart =
      incident.types.length > 0 && k.types.length > 0 && !incident.types.some((t) => k.types.includes(t));
    const systemsShared = incident.systems.some((s) => k.systems.some((x) => overlapWords(s, x)));
    if (typesApart && !systemsShared && !sameName) continue;
    if (
      ORDINAL_NEW.test(incident.label) &&
      incident.date?.precision === "day" &&
      k.date?.value !== incident.date.value
    )
      continue;
    const precision = Math.min(incident.date?.value.length ?? 0, k.date?.value.length ?? 0);
    const score =
      precision * 10 +
      (sameName ? 50 : 0) +
      incident.types.filter((t) => k.types.includes(t)).length +
      (systemsShared ? 3 : 0);
    if (!best || score > best.score) best = { k, score };
  }
  if (!best) return { knownId: null, reason: "no known incident has the same victim and a compatible date" };
  const why = [
    name && name === namedOperation(best.k.label) ? `both name ${name}` : "same victim",
    incident.date && best.k.date ? `dates ${incident.date.value} and ${best.k.date.value} agree` : "",
  ].filter(Boolean);
  return { knownId: best.k.id, reason: why.join(", ") };
}

/** The more precise of two compatible dates: "2022-07" and "2022-07-15" make 2022-07-15. */
export function mergeDates(a: FuzzyDate | undefined, b: FuzzyDate | undefined): FuzzyDate | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.value.length > a.value.length && datesCompatible(a, b) ? b : a;
}

// labels carry the named operation first ("Stuxnet (IR)", "NotPetya (UA, AU)"); generic labels name none
export function namedOperation(label: string): string | undefined {
  const head = label.replace(/\s*\(.*\)\s*$/, "").trim();
  return /^(?:attack on|cyber incident|[a-z-]+ incident)\b/i.test(head) || !head
    ? undefined
    : head.toLowerCase();
}

function overlapWords(a: string, b: string): boolean {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => w.length > 3),
    );
  const wa = words(a);
  for (const w of words(b))
    if (wa.has(w) && !/^(?:systems?|networks?|computers?|servers?)$/.test(w)) return true;
  return false;
}
