import type { IncidentList, PartyEntry } from "../../../src/model/knowledge.ts";
import { api, qs } from "../api.ts";
import { h } from "../dom.ts";
import { countryName, dateText, partyName } from "../format.ts";
import type { PageContext } from "../page.ts";
import { INCIDENT_TYPES } from "../vocabulary.ts";

const FILTERS = ["victim", "accused", "claimant", "type", "since", "until", "review", "text"] as const;
const PAGE = 50;
const REVIEW = ["unreviewed", "reviewed", "accepted", "rejected"];

/** The incident list: filters and sort order live in the URL, so a view can be shared as a link. */
export async function incidentsPage(ctx: PageContext): Promise<void> {
  const p = ctx.params;
  const sort = p.get("sort") ?? "-date";
  const offset = Number(p.get("offset") ?? 0) || 0;
  const query: Record<string, string | number | undefined> = { sort, limit: PAGE, offset };
  for (const f of FILTERS) query[f] = p.get(f) ?? undefined;
  const [list, parties] = await Promise.all([
    api<IncidentList>(`/incidents${qs(query)}`),
    api<PartyEntry[]>("/parties").catch(() => []),
  ]);

  const withParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(p);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === "") next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    return `/incidents${s ? `?${s}` : ""}`;
  };

  const field = (name: string, label: string, control: HTMLInputElement | HTMLSelectElement) => {
    control.name = name;
    control.id = `f-${name}`;
    control.value = p.get(name) ?? "";
    return h("label", { for: control.id }, h("span", null, label), control);
  };
  const partyList = h(
    "datalist",
    { id: "party-names" },
    parties.map((x) =>
      h("option", { value: x.kind === "state" ? countryName(x.country ?? x.name) : x.name }),
    ),
  );
  const select = (options: readonly string[]) =>
    h(
      "select",
      null,
      h("option", { value: "" }, "any"),
      options.map((o) => h("option", { value: o }, o)),
    );
  const form = h(
    "form",
    {
      class: "filters",
      role: "search",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(form);
        const changes: Record<string, string | undefined> = { offset: undefined };
        for (const f of FILTERS) changes[f] = String(data.get(f) ?? "").trim() || undefined;
        ctx.go(withParams(changes));
      },
    },
    partyList,
    field("victim", "Victim", h("input", { type: "text", list: "party-names", placeholder: "AL, Albania…" })),
    field("accused", "Accused", h("input", { type: "text", list: "party-names", placeholder: "IR, APT28…" })),
    field("claimant", "Claimant", h("input", { type: "text", list: "party-names", placeholder: "US…" })),
    field("type", "Type", select(INCIDENT_TYPES)),
    field("since", "From", h("input", { type: "text", placeholder: "YYYY[-MM[-DD]]", size: 10 })),
    field("until", "To", h("input", { type: "text", placeholder: "YYYY[-MM[-DD]]", size: 10 })),
    field("review", "Review", select(REVIEW)),
    field("text", "Words", h("input", { type: "search", placeholder: "label, systems, quotes" })),
    h("button", { type: "submit" }, "Filter"),
    h("a", { href: "/incidents", class: "reset" }, "Reset"),
  );
  for (const s of form.querySelectorAll("select")) s.addEventListener("change", () => form.requestSubmit());

  const sortHeader = (key: string, label: string) => {
    const active = sort === key || sort === `-${key}`;
    const next = sort === `-${key}` ? key : `-${key}`;
    return h(
      "th",
      {
        "aria-sort": active ? (sort.startsWith("-") ? "descending" : "ascending") : undefined,
        class: "sortable",
      },
      h(
        "a",
        { href: withParams({ sort: next, offset: undefined }) },
        label,
        active ? (sort.startsWith("-") ? " ▼" : " ▲") : "",
      ),
    );
  };
  const rows = list.incidents.map((i, n) =>
    h(
      "tr",
      { "data-id": i.id, tabindex: n === 0 ? 0 : -1 },
      h("td", { class: "nowrap" }, dateText(i.date)),
      h("td", null, h("a", { href: `/incidents/${i.id}`, class: "incident-link" }, i.label)),
      h("td", null, i.victims.map(partyName).join(", ")),
      h(
        "td",
        null,
        i.types.map((t) => h("span", { class: "chip" }, t)),
      ),
      h("td", null, i.accused.map(partyName).join(", ")),
      h("td", { class: "num" }, i.claims),
      h("td", { class: "num" }, i.responses),
      h("td", { class: "num" }, i.sources),
      h("td", null, h("span", { class: `review review-${i.review}` }, i.review)),
    ),
  );
  const table = h(
    "table",
    { class: "grid", id: "incidents" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        sortHeader("date", "Date"),
        sortHeader("label", "Incident"),
        h("th", null, "Victims"),
        h("th", null, "Types"),
        h("th", null, "Accused"),
        sortHeader("claims", "Claims"),
        sortHeader("responses", "Resp."),
        sortHeader("sources", "Sources"),
        h("th", null, "Review"),
      ),
    ),
    h("tbody", null, rows),
  );
  // j/k move between rows, Enter opens the incident.
  table.addEventListener("keydown", (e) => {
    const row = (e.target as HTMLElement).closest("tr[data-id]");
    if (!row) return;
    const next =
      e.key === "j" || e.key === "ArrowDown"
        ? row.nextElementSibling
        : e.key === "k" || e.key === "ArrowUp"
          ? row.previousElementSibling
          : null;
    if (next instanceof HTMLElement) {
      e.preventDefault();
      row.setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
    } else if (e.key === "Enter") ctx.go(`/incidents/${row.getAttribute("data-id")}`);
  });

  const pager = h(
    "div",
    { class: "pager" },
    h("span", { class: "count" }, `${list.total} incident${list.total === 1 ? "" : "s"}`),
    list.total > PAGE
      ? h("span", { class: "muted" }, ` · ${offset + 1}–${Math.min(offset + PAGE, list.total)}`)
      : "",
    offset > 0
      ? h("a", { href: withParams({ offset: String(Math.max(0, offset - PAGE)) }) }, "← previous")
      : "",
    offset + PAGE < list.total
      ? h("a", { href: withParams({ offset: String(offset + PAGE) }) }, "next →")
      : "",
  );
  ctx.main.append(
    h("h1", null, "Incidents"),
    form,
    pager,
    list.incidents.length ? table : h("p", { class: "empty" }, "No incident matches these filters."),
    h("p", { class: "hint" }, "Keys: / filter · j/k move · Enter open · g then i/t/g/m/d/n switch pages"),
  );
}
