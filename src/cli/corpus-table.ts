import type { Party } from "../model/index.ts";
import type { CorpusResult } from "../service/index.ts";

/** Who a party is, in the fewest characters an analyst still recognises. */
export function partyLabel(p: Party): string {
  switch (p.kind) {
    case "state":
      return p.country;
    case "intl":
      return p.code;
    case "group":
      return p.sponsor ? `${p.name} (${p.sponsor})` : p.name;
    default:
      return p.country ? `${p.name} (${p.country})` : p.name;
  }
}

function clip(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s;
}

const HEADER = ["story", "inc", "claims", "resp", "first incident", "date", "victims"];
const NUMERIC = new Set([1, 2, 3]);

function row(r: CorpusResult): string[] {
  if (r.record === undefined) return [r.id, "-", "-", "-", `ERROR: ${r.error ?? "unknown"}`, "", ""];
  const { incidents, claims, responses } = r.record;
  const first = incidents[0];
  return [
    r.id,
    String(incidents.length),
    String(claims.length),
    String(responses.length),
    first ? clip(first.label, 44) : "(none)",
    first?.date?.value ?? "",
    first ? clip(first.victims.map(partyLabel).join(", "), 30) : "",
  ];
}

/** The summary table `casebook start` prints: one row per story, then a totals line. */
export function corpusTable(results: readonly CorpusResult[], seconds: number): string {
  const rows = results.map(row);
  // An error message may be long; it must not widen the columns after it, so the last cells are not padded.
  const sized = rows.filter((_, k) => results[k]?.record !== undefined);
  const widths = HEADER.map((h, i) =>
    Math.max(h.length, ...(i < 4 ? rows : sized).map((r) => (r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (NUMERIC.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const sum = (pick: (r: CorpusResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const errors = results.filter((r) => r.record === undefined).length;
  const stories = `${results.length} ${results.length === 1 ? "story" : "stories"}`;
  const totals =
    `${stories}: ${sum((r) => r.record?.incidents.length ?? 0)} incidents, ` +
    `${sum((r) => r.record?.claims.length ?? 0)} claims, ${sum((r) => r.record?.responses.length ?? 0)} responses, ` +
    `${errors} ${errors === 1 ? "error" : "errors"}, in ${seconds.toFixed(2)} s`;
  return [line(HEADER), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), "", totals].join("\n");
}
