import type { ClaimView, IncidentDetail, QuotedEvidence, Review } from "../../../src/model/knowledge.ts";
import { api } from "../api.ts";
import { append, h } from "../dom.ts";
import { dateText, partyKey, partyName, partyWithVia, STANCE_TEXT, tlpBadge } from "../format.ts";
import type { PageContext } from "../page.ts";

type FactKind = "incident" | "claim" | "response";

/** One incident: what happened, who blames whom and who denies, what was done, each with its quotes. */
export async function incidentPage(ctx: PageContext, id: string): Promise<void> {
  // a fact's first quotes, unless the reader asked for every one (?quotes=all)
  const all = new URLSearchParams(location.search).get("quotes") === "all";
  const inc = await api<IncidentDetail>(`/incidents/${encodeURIComponent(id)}${all ? "?quotes=all" : ""}`);
  const analyst = ctx.me?.role === "analyst" || ctx.me?.role === "admin";
  const reload = () => ctx.go(`/incidents/${inc.id}`, true);

  const decide = async (
    factKind: FactKind,
    factId: string,
    action: string,
    field?: string,
    value?: unknown,
  ) => {
    await api(`/incidents/${inc.id}/decisions`, {
      method: "POST",
      body: { factKind, factId, action, ...(field ? { field, value } : {}) },
    });
    reload();
  };
  const controls = (kind: FactKind, factId: string, review: Review | undefined) => {
    const verdict = review?.verdict;
    const status = verdict
      ? h(
          "span",
          { class: `verdict verdict-${verdict.action}`, "data-verdict": verdict.action },
          `${verdict.action}ed by ${verdict.by}`,
        )
      : "";
    if (!analyst) return h("span", { class: "controls" }, status);
    return h(
      "span",
      { class: "controls" },
      status,
      h(
        "button",
        {
          type: "button",
          class: "ok",
          "data-action": "accept",
          onclick: () => void decide(kind, factId, "accept"),
        },
        "Accept",
      ),
      h(
        "button",
        {
          type: "button",
          class: "no",
          "data-action": "reject",
          onclick: () => void decide(kind, factId, "reject"),
        },
        "Reject",
      ),
    );
  };
  const quotes = (evidence: QuotedEvidence[], count?: number) =>
    h(
      "ul",
      { class: "quotes" },
      ...evidence.map((e) =>
        h(
          "li",
          null,
          h("q", null, e.quote),
          " ",
          h(
            "a",
            {
              href: `/sources/${e.source.id}?span=${e.start}-${e.end}`,
              class: "source-link",
              title: e.source.title ?? "source",
            },
            `${e.source.title ?? "source"}${e.source.published ? `, ${e.source.published}` : ""}`,
          ),
          " ",
          tlpBadge(e.source.tlp),
        ),
      ),
      count !== undefined && count > evidence.length
        ? h(
            "li",
            { class: "more-quotes" },
            h(
              "a",
              { href: `/incidents/${inc.id}?quotes=all`, "data-more-quotes": String(count) },
              `${count - evidence.length} more quote${count - evidence.length === 1 ? "" : "s"}: show all ${count}`,
            ),
          )
        : "",
    );
  const edited = (review: Review | undefined, field: string) => {
    const e = review?.edits.find((x) => x.field === field);
    return e
      ? h(
          "span",
          { class: "edited", title: `extracted: ${JSON.stringify(e.extracted)}` },
          ` (edited by ${e.by})`,
        )
      : "";
  };

  // Claims grouped by the accused: who accuses, who denies, when.
  const groups = new Map<string, ClaimView[]>();
  for (const c of inc.claims)
    groups.set(partyKey(c.accused), [...(groups.get(partyKey(c.accused)) ?? []), c]);
  const claimSections = [...groups.values()].map((claims) =>
    h(
      "section",
      { class: "accused-group" },
      h("h3", null, "Accused: ", h("strong", null, partyName(claims[0]?.accused))),
      h(
        "table",
        { class: "grid facts" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", null, "Who"),
            h("th", null, "Stance"),
            h("th", null, "When"),
            h("th", null, "Evidence"),
            h("th", null, "Review"),
          ),
        ),
        h(
          "tbody",
          null,
          claims.map((c) =>
            h(
              "tr",
              {
                class: `claim stance-${c.stance}${c.review?.verdict?.action === "reject" ? " rejected" : ""}`,
                "data-claim": c.id,
              },
              h("td", null, partyWithVia(c.claimant)),
              h("td", null, h("span", { class: `stance ${c.stance}` }, STANCE_TEXT[c.stance] ?? c.stance)),
              h("td", { class: "nowrap" }, c.date ? dateText(c.date) : "—"),
              h("td", null, quotes(c.evidence, c.evidenceCount)),
              h("td", null, controls("claim", c.id, c.review)),
            ),
          ),
        ),
      ),
    ),
  );
  const responses = inc.responses.length
    ? h(
        "table",
        { class: "grid facts" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", null, "Response"),
            h("th", null, "By → against"),
            h("th", null, "When"),
            h("th", null, "Evidence"),
            h("th", null, "Review"),
          ),
        ),
        h(
          "tbody",
          null,
          inc.responses.map((r) =>
            h(
              "tr",
              {
                class: `response${r.review?.verdict?.action === "reject" ? " rejected" : ""}`,
                "data-response": r.id,
              },
              h(
                "td",
                null,
                h("strong", null, r.kind),
                r.detail ? h("div", { class: "muted" }, r.detail) : "",
              ),
              h("td", null, partyWithVia(r.actor), r.target ? ` → ${partyName(r.target)}` : ""),
              h("td", { class: "nowrap" }, r.date ? dateText(r.date) : "—"),
              h("td", null, quotes(r.evidence, r.evidenceCount)),
              h("td", null, controls("response", r.id, r.review)),
            ),
          ),
        ),
      )
    : h("p", { class: "empty" }, "No response reported.");

  const editForm = () => {
    const field = h(
      "select",
      { name: "field" },
      h("option", { value: "label" }, "label"),
      h("option", { value: "date" }, "date (YYYY[-MM[-DD]])"),
    );
    const value = h("input", { type: "text", name: "value", placeholder: "new value", required: true });
    return h(
      "form",
      {
        class: "inline-form",
        onsubmit: (e: Event) => {
          e.preventDefault();
          const v = value.value.trim();
          const parts = v.split("-").length;
          const val =
            field.value === "date"
              ? { value: v, precision: parts === 3 ? "day" : parts === 2 ? "month" : "year" }
              : v;
          void decide("incident", inc.id, "edit", field.value, val).catch((err: Error) => alert(err.message));
        },
      },
      h("span", null, "Edit "),
      field,
      value,
      h("button", { type: "submit" }, "Save edit"),
    );
  };
  const mergeForm = () => {
    const into = h("input", {
      type: "text",
      name: "into",
      placeholder: "id of the incident it duplicates",
      size: 30,
      required: true,
    });
    return h(
      "form",
      {
        class: "inline-form",
        onsubmit: (e: Event) => {
          e.preventDefault();
          void api(`/incidents/${inc.id}/merge`, { method: "POST", body: { into: into.value.trim() } })
            .then(reload)
            .catch((err: Error) => alert(err.message));
        },
      },
      h("span", null, "Merge into "),
      into,
      h("button", { type: "submit" }, "Merge"),
    );
  };

  append(ctx.main, [
    h("p", { class: "crumbs" }, h("a", { href: "/incidents" }, "← Incidents")),
    h(
      "header",
      { class: `incident-head${inc.review?.verdict?.action === "reject" ? " rejected" : ""}` },
      h("h1", null, inc.label, edited(inc.review, "label")),
      controls("incident", inc.id, inc.review),
    ),
    inc.mergedInto
      ? h(
          "p",
          { class: "notice" },
          "Merged by an analyst into ",
          h("a", { href: `/incidents/${inc.mergedInto}` }, "another incident"),
          ". ",
          analyst
            ? h(
                "button",
                {
                  type: "button",
                  onclick: () => void api(`/incidents/${inc.id}/split`, { method: "POST" }).then(reload),
                },
                "Split again",
              )
            : "",
        )
      : "",
    inc.merged?.length
      ? h("p", { class: "notice" }, `Includes ${inc.merged.length} incident(s) merged into it by analysts.`)
      : "",
    h(
      "dl",
      { class: "facts-grid" },
      h("dt", null, "Victims"),
      h("dd", null, inc.victims.map(partyName).join(", ") || "—", edited(inc.review, "victims")),
      h("dt", null, "Date"),
      h(
        "dd",
        null,
        dateText(inc.date),
        inc.date?.text ? h("span", { class: "muted" }, ` (“${inc.date.text}”)`) : "",
        edited(inc.review, "date"),
      ),
      h("dt", null, "Types"),
      h("dd", null, inc.types.length ? inc.types.map((t) => h("span", { class: "chip" }, t)) : "—"),
      h("dt", null, "Systems"),
      h("dd", null, inc.systems.join("; ") || "—"),
      inc.campaign
        ? [
            h("dt", null, "Campaign"),
            h(
              "dd",
              null,
              inc.campaign.incidents.map((c, n) => [
                n ? " · " : "",
                c.id === inc.id
                  ? h("strong", null, c.label)
                  : h("a", { href: `/incidents/${c.id}` }, c.label),
                ` (${dateText(c.date)})`,
              ]),
            ),
          ]
        : "",
      h("dt", null, "Sources"),
      h(
        "dd",
        null,
        h(
          "ul",
          { class: "plain" },
          inc.sources.map((s) =>
            h(
              "li",
              null,
              h("a", { href: `/sources/${s.id}` }, s.title ?? s.id),
              s.published ? ` · ${s.published} ` : " ",
              tlpBadge(s.tlp),
            ),
          ),
        ),
      ),
      h("dt", null, "Id"),
      h("dd", null, h("code", null, inc.id)),
    ),
    h("h2", null, "What the sources say of the incident"),
    quotes(inc.evidence, inc.evidenceCount),
    h("h2", null, `Claims (${inc.claims.length})`),
    claimSections.length ? claimSections : h("p", { class: "empty" }, "Nobody is blamed in the sources."),
    h("h2", null, `Responses (${inc.responses.length})`),
    responses,
    analyst ? h("section", { class: "review-tools" }, h("h2", null, "Review"), editForm(), mergeForm()) : "",
  ]);
}
