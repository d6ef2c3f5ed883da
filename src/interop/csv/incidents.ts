import type { Party } from "../../model/index.ts";
import type { IncidentDetail } from "../../model/knowledge.ts";
import { partyName } from "../misp/event.ts";
import { strictest } from "../stix/tlp.ts";

/** The columns, in the manner of the CFR Cyber Operations Tracker and EuRepoC: one incident a row. */
export const CSV_COLUMNS = [
  "id",
  "date",
  "date_precision",
  "title",
  "victims",
  "victim_countries",
  "type",
  "attributed_states",
  "attributed_actors",
  "claimants",
  "claimed_responsibility",
  "denied_by",
  "responses",
  "sources",
  "source_titles",
  "tlp",
] as const;

const join = (xs: Iterable<string>) => [...new Set(xs)].join("; ");
const countryOf = (p: Party) =>
  p.kind === "state" ? p.country : p.kind === "organization" || p.kind === "person" ? p.country : undefined;

/** One incident as a CSV row, cells in CSV_COLUMNS order; several values in a cell are joined by "; ". */
export function incidentRow(d: IncidentDetail): string[] {
  const accusing = d.claims.filter((c) => c.stance === "accuses");
  const row: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: d.id,
    date: d.date?.value ?? "",
    date_precision: d.date?.precision ?? "",
    title: d.label,
    victims: join(d.victims.map(partyName)),
    victim_countries: join(d.victims.map(countryOf).filter((c): c is string => !!c)),
    type: join(d.types),
    attributed_states: join(
      accusing.flatMap((c) =>
        c.accused.kind === "state"
          ? [c.accused.country]
          : c.accused.kind === "group" && c.accused.sponsor
            ? [c.accused.sponsor]
            : [],
      ),
    ),
    attributed_actors: join(
      accusing.filter((c) => c.accused.kind !== "state").map((c) => partyName(c.accused)),
    ),
    claimants: join(accusing.map((c) => partyName(c.claimant))),
    claimed_responsibility: join(
      d.claims.filter((c) => c.stance === "claims-responsibility").map((c) => partyName(c.claimant)),
    ),
    denied_by: join(d.claims.filter((c) => c.stance === "denies").map((c) => partyName(c.claimant))),
    responses: join(
      d.responses.map(
        (r) =>
          `${partyName(r.actor)} ${r.kind}${r.target ? ` → ${partyName(r.target)}` : ""}${r.date ? ` (${r.date.value})` : ""}`,
      ),
    ),
    sources: join(d.sources.map((s) => s.url ?? s.id)),
    source_titles: join(d.sources.map((s) => s.title ?? "")),
    tlp: strictest(d.sources.map((s) => s.tlp)),
  };
  return CSV_COLUMNS.map((c) => row[c]);
}

/**
 * One CSV line (RFC 4180: quoted when needed, CRLF ended). A cell a spreadsheet would run as a formula
 * (starting with =, +, - or @) is prefixed with an apostrophe.
 */
export function csvLine(cells: readonly string[]): string {
  return `${cells
    .map((c) => {
      const safe = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
      return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(",")}\r\n`;
}
