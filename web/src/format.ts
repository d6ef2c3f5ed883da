import countries from "virtual:countries";
import type { FuzzyDate } from "../../src/model/fuzzy-date.ts";
import type { Party } from "../../src/model/party.ts";
import { h } from "./dom.ts";

/** How parties, dates and markings read on the page. */

export function countryName(code: string | undefined): string {
  if (!code) return "";
  return countries[code]?.[0] ?? code;
}

export function countryNumeric(code: string): string | undefined {
  return countries[code]?.[1];
}

export function alpha2ByNumeric(): Map<string, string> {
  return new Map(Object.entries(countries).map(([a2, [, num]]) => [num, a2]));
}

export function partyName(p: Party | null | undefined): string {
  if (!p) return "unnamed";
  switch (p.kind) {
    case "state":
      return countryName(p.country);
    case "intl":
      return p.name || p.code;
    case "group":
      return p.sponsor ? `${p.name} (${countryName(p.sponsor)})` : p.name;
    case "organization":
    case "person":
      return p.country ? `${p.name} (${countryName(p.country)})` : p.name;
  }
}

/** A party with who spoke for it: "Albania — Prime Minister Edi Rama". */
export function partyWithVia(p: Party | null | undefined): string {
  const name = partyName(p);
  return p?.kind === "state" && p.via ? `${name} — ${p.via}` : name;
}

export function partyKey(p: Party): string {
  switch (p.kind) {
    case "state":
      return `state:${p.country}`;
    case "intl":
      return `intl:${p.code}`;
    default:
      return `${p.kind === "organization" ? "org" : p.kind}:${p.name.toLowerCase()}`;
  }
}

/** The country a party is tied to (a state, an organisation's or person's country, a group's sponsor). */
export function partyCountry(p: Party): string | undefined {
  if (p.kind === "state") return p.country;
  if (p.kind === "group") return p.sponsor;
  if (p.kind === "organization" || p.kind === "person") return p.country;
  return undefined;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function dateText(d: FuzzyDate | undefined): string {
  if (!d) return "undated";
  const [y, m, day] = d.value.split("-");
  if (d.precision === "year" || !m) return y ?? d.value;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d.precision === "month" || !day ? `${month} ${y}` : `${Number(day)} ${month} ${y}`;
}

export function tlpBadge(tlp: string): HTMLElement {
  return h(
    "span",
    { class: `tlp tlp-${tlp.replace("+", "-")}`, title: `TLP:${tlp.toUpperCase()}` },
    `TLP:${tlp.toUpperCase()}`,
  );
}

export const STANCE_TEXT: Record<string, string> = {
  accuses: "accuses",
  denies: "denies",
  "claims-responsibility": "claims responsibility",
};
