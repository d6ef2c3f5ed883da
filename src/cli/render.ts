import type { FuzzyDate, Party } from "../model/index.ts";
import type {
  IncidentDetail,
  IncidentList,
  KnowledgeStats,
  PartyEntry,
  QuotedEvidence,
  Review,
  SourceHit,
  SourceRef,
} from "../model/knowledge.ts";
import { partyLabel } from "./corpus-table.ts";
import { clip, table } from "./table.ts";

/** Text renderings of the knowledge base's answers, for people; --json prints the answers themselves. */

const SHORT_ID = 8;
const short = (id: string) => id.slice(0, SHORT_ID);
const date = (d: FuzzyDate | undefined) => d?.value ?? "";
const parties = (list: readonly Party[]) => list.map(partyLabel).join(", ");

/** A party as quoted: the state and who spoke for it. */
function speaker(p: Party | null): string {
  if (p === null) return "(unnamed)";
  return p.kind === "state" && p.via ? `${p.country} (${p.via})` : partyLabel(p);
}

export function incidentTable(list: IncidentList, offset: number): string {
  if (list.total === 0) return "No incidents match.";
  const rows = list.incidents.map((i) => [
    short(i.id),
    date(i.date),
    clip(parties(i.victims), 24),
    clip(i.types.join(", "), 24),
    clip(parties(i.accused), 20),
    String(i.claims),
    String(i.responses),
    String(i.sources),
    clip(i.label, 60),
  ]);
  const head = ["id", "date", "victims", "types", "accused", "claims", "resp", "src", "label"];
  const shown = list.incidents.length;
  const footer =
    shown === list.total
      ? `${list.total} ${list.total === 1 ? "incident" : "incidents"}`
      : `showing ${offset + 1}–${offset + shown} of ${list.total} incidents (--limit and --offset page through them)`;
  return `${table(head, rows, new Set([5, 6, 7]))}\n\n${footer}`;
}

function sourceLine(s: SourceRef): string {
  const parts = [s.title ?? "(untitled)", s.publisher, s.published, s.url].filter((x) => x !== undefined);
  return `${parts.join(", ")} [TLP:${s.tlp.toUpperCase()}]`;
}

/** A fact's quotes, each with its source, and how many more there are when the page left some out. */
function quotes(
  fact: { evidence: readonly QuotedEvidence[]; evidenceCount?: number },
  indent: string,
  more: string,
): string[] {
  const lines = fact.evidence.flatMap((e) => [
    `${indent}"${e.quote.replace(/\s+/g, " ")}"`,
    `${indent}  — ${sourceLine(e.source)}, characters ${e.start}–${e.end}`,
  ]);
  const left = (fact.evidenceCount ?? 0) - fact.evidence.length;
  if (left > 0)
    lines.push(
      `${indent}… and ${left.toLocaleString("en-US")} more ${left === 1 ? "quote" : "quotes"} ${more}`,
    );
  return lines;
}

/** " [rejected by ana]": an analyst's verdict on a fact. */
function verdict(review: Review | undefined): string {
  const v = review?.verdict;
  return v ? ` [${v.action === "reject" ? "rejected" : "accepted"} by ${v.by}]` : "";
}

/** " [edited by ben: date, was 2022-09-09]": the edits of a claim or response, on its line. */
function editNote(review: Review | undefined): string {
  if (!review?.edits.length) return "";
  return ` [edited ${review.edits.map((e) => `${e.field} by ${e.by}, was ${shown(e.extracted)}`).join("; ")}]`;
}

/** A value as extraction gave it, before an edit. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "object" && "value" in value) return String((value as FuzzyDate).value);
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** An incident's page; `asked` is the id as given, for the hint that prints every quote. */
export function incidentText(inc: IncidentDetail, asked = inc.id): string {
  const more = `(casebook show ${asked} --quotes all)`;
  const field = (name: string, value: string) => (value === "" ? [] : [`  ${name.padEnd(9)} ${value}`]);
  const edited = new Map(inc.review?.edits.map((e) => [e.field, e]));
  const note = (name: string) => {
    const e = edited.get(name);
    return e ? ` (edited by ${e.by}; extracted: ${shown(e.extracted)})` : "";
  };
  const dateText = inc.date ? `${inc.date.value}${inc.date.text ? ` ("${inc.date.text}")` : ""}` : "";
  const sources = inc.sources.map(
    (s) => `${s.title ?? "(untitled)"}${s.published ? ` (${s.published})` : ""}`,
  );
  const lines = [
    `${inc.label}${note("label")}${verdict(inc.review)}`,
    ...field("id", inc.id),
    ...field("date", dateText && `${dateText}${note("date")}`),
    ...field("victims", parties(inc.victims) && `${parties(inc.victims)}${note("victims")}`),
    ...field("types", inc.types.join(", ") && `${inc.types.join(", ")}${note("types")}`),
    ...field("systems", inc.systems.join("; ") && `${inc.systems.join("; ")}${note("systems")}`),
    ...field("sources", `${inc.sources.length}: ${sources.join("; ")}`),
  ];
  if (inc.campaign && inc.campaign.incidents.length > 1) {
    const others = inc.campaign.incidents
      .filter((i) => i.id !== inc.id)
      .map((i) => `${short(i.id)} ${date(i.date)} ${i.label}`.replace(/ {2,}/g, " "));
    lines.push(...field("campaign", `with ${others.join("; ")}`));
  }
  lines.push("  evidence", ...quotes(inc, "    ", more));
  lines.push("", `Claims (${inc.claims.length})`);
  for (const c of inc.claims) {
    const when = c.date ? `, ${c.date.value}` : "";
    lines.push(
      `  ${speaker(c.claimant)} ${c.stance} ${partyLabel(c.accused)}${when}${verdict(c.review)}${editNote(c.review)}`,
      ...quotes(c, "    ", more),
    );
  }
  lines.push("", `Responses (${inc.responses.length})`);
  for (const r of inc.responses) {
    const target = r.target ? ` → ${partyLabel(r.target)}` : "";
    const detail = r.detail ? ` (${r.detail})` : "";
    const when = r.date ? `, ${r.date.value}` : "";
    lines.push(
      `  ${speaker(r.actor)}: ${r.kind}${target}${detail}${when}${verdict(r.review)}${editNote(r.review)}`,
      ...quotes(r, "    ", more),
    );
  }
  return lines.join("\n");
}

export function partyTable(list: readonly PartyEntry[]): string {
  if (list.length === 0) return "No parties yet.";
  const rows = list.map((p) => [
    p.key,
    p.kind,
    clip(p.name, 40),
    p.country ?? "",
    ...[p.roles.victim, p.roles.claimant, p.roles.accused, p.roles.actor, p.roles.target].map(String),
  ]);
  const head = ["key", "kind", "name", "country", "victim", "claimant", "accused", "actor", "target"];
  return `${table(head, rows, new Set([4, 5, 6, 7, 8]))}\n\n${list.length} ${list.length === 1 ? "party" : "parties"}`;
}

export function statsText(s: KnowledgeStats): string {
  const t = s.totals;
  const num = (n: number) => String(n);
  const section = (title: string, body: string) => `${title}\n${body}`;
  const years = table(
    ["year", "incidents"],
    [...s.perYear.map((y) => [y.year, num(y.incidents)]), ["undated", num(s.undated)]],
    new Set([1]),
  );
  const types = table(
    ["type", "incidents"],
    s.perType.map((x) => [x.type, num(x.incidents)]),
    new Set([1]),
  );
  const dyads = table(
    ["claimant", "stance", "accused", "claims"],
    s.claimantAccused.map((d) => [d.claimant, d.stance, d.accused, num(d.claims)]),
    new Set([3]),
  );
  const victims = table(
    ["victim", "accused", "incidents"],
    s.victimAccused.map((d) => [d.victim, d.accused, num(d.incidents)]),
    new Set([2]),
  );
  return [
    `${t.sources} sources, ${t.incidents} incidents, ${t.claims} claims, ${t.responses} responses`,
    section("Incidents per year", years),
    section("Incidents per type", types),
    section("Claims: claimant × accused", dyads),
    section("Incidents: victim country × accused state", victims),
  ].join("\n\n");
}

export function searchText(hits: readonly SourceHit[]): string {
  if (hits.length === 0) return "No source matches.";
  return hits
    .map((h, k) => `${k + 1}. ${sourceLine(h.source)}\n   ${h.source.id}\n   ${h.snippet}`)
    .join("\n\n");
}
