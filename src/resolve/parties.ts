import type { Party } from "../model/index.ts";

/**
 * The canonical key of a party across documents: one per state (ISO code), international body (code),
 * group (its canonical name, which the gazetteer gives whatever alias the text used), organisation and person
 * (their names, case-folded). Officials and bodies of a state are that state: `via` is how it was quoted.
 */
export function canonicalKey(p: Party): string {
  switch (p.kind) {
    case "state":
      return `state:${p.country}`;
    case "intl":
      return `intl:${p.code.toLowerCase()}`;
    case "group":
      return `group:${fold(p.name)}`;
    case "organization":
      return `org:${fold(p.name)}`;
    case "person":
      return p.country ? `state:${p.country}` : `person:${fold(p.name)}`;
  }
}

/** Every key a party answers to: its canonical key and, for groups, each alias ("Fancy Bear" = "APT28"). */
export function partyKeys(p: Party): string[] {
  const keys = [canonicalKey(p)];
  if (p.kind === "group") for (const a of p.aliases ?? []) keys.push(`group:${fold(a)}`);
  return keys;
}

/** True when two parties are the same actor, also through a group alias. */
export function sameParty(a: Party | null, b: Party | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set(partyKeys(a));
  return partyKeys(b).some((k) => keys.has(k));
}

function fold(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
