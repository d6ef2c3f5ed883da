import type { Party } from "../../model/index.ts";
import { partyId } from "./context.ts";
import type { Mention } from "./mention.ts";

/**
 * The state the attacker mentions name most ("Russian hackers"), the first named on a tie: mostFrequent over
 * their states, read in one pass over the document's mentions with no list or party made for each
 */
export function mostNamedAttackerState(mentions: readonly Mention[]): Party | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions)
    if (m.attacker && m.country) counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [country, n] of counts)
    if (n > most) {
      best = country;
      most = n;
    }
  return best === undefined ? undefined : { kind: "state", country: best };
}

/** The party named most often, the first named on a tie. */
export function mostFrequent(parties: Party[]): Party | undefined {
  const counts = new Map<string, { p: Party; n: number }>();
  for (const p of parties) {
    const id = partyId(p);
    const c = counts.get(id) ?? { p, n: 0 };
    c.n++;
    counts.set(id, c);
  }
  let best: { p: Party; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.p;
}
