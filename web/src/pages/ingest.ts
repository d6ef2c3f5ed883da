import type { Tlp } from "../../../src/model/vocabulary.ts";
import { type ArticleResult, api } from "../api.ts";
import { clear, h } from "../dom.ts";
import { dateText, partyName, partyWithVia, STANCE_TEXT } from "../format.ts";
import { highlighted, type Span } from "../highlight.ts";
import type { PageContext } from "../page.ts";
import { TLP_LEVELS } from "../vocabulary.ts";

/** Paste or upload an article, set its date and TLP, see what Casebook reads in it, then save it. */
export async function ingestPage(ctx: PageContext): Promise<void> {
  const text = h("textarea", {
    name: "text",
    rows: 14,
    placeholder: "Paste the article's text (or HTML) here…",
    required: true,
    "aria-label": "article text",
  });
  const file = h("input", {
    type: "file",
    accept: ".txt,.html,.htm,.md,text/plain,text/html",
    "aria-label": "upload an article",
  });
  const title = h("input", { type: "text", name: "title", placeholder: "default: the first line" });
  const published = h("input", { type: "date", name: "published", required: true });
  const url = h("input", { type: "url", name: "url", placeholder: "https://…" });
  const tlp = h(
    "select",
    { name: "tlp" },
    TLP_LEVELS.map((l) => h("option", { value: l }, `TLP:${l.toUpperCase()}`)),
  );
  const out = h("div", { class: "ingest-result", "aria-live": "polite" });
  let isHtml = false;
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    isHtml = /\.html?$/i.test(f.name) || /^\s*<(!doctype|html)/i.test(text.value);
  });
  text.addEventListener("input", () => {
    isHtml = /^\s*<(!doctype|html)/i.test(text.value);
  });

  const body = (preview: boolean) => ({
    [isHtml ? "html" : "text"]: text.value,
    ...(title.value.trim() ? { title: title.value.trim() } : {}),
    ...(published.value ? { published: published.value } : {}),
    ...(url.value.trim() ? { url: url.value.trim() } : {}),
    tlp: tlp.value as Tlp,
    preview,
  });
  const run = async (preview: boolean) => {
    clear(out);
    out.append(h("p", { class: "muted" }, preview ? "Reading…" : "Saving…"));
    try {
      const r = await api<ArticleResult>("/ingest", { method: "POST", body: body(preview) });
      clear(out);
      out.append(...result(r));
    } catch (err) {
      clear(out);
      out.append(h("div", { class: "error", role: "alert" }, (err as Error).message));
    }
  };
  const form = h(
    "form",
    {
      class: "ingest-form",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void run(true);
      },
    },
    h("label", null, h("span", null, "Article"), text),
    h("div", { class: "row" }, h("label", null, h("span", null, "or upload"), file)),
    h(
      "div",
      { class: "row" },
      h("label", null, h("span", null, "Published"), published),
      h("label", null, h("span", null, "TLP"), tlp),
      h("label", null, h("span", null, "Title"), title),
      h("label", null, h("span", null, "URL"), url),
    ),
    h(
      "div",
      { class: "row" },
      h("button", { type: "submit", id: "preview" }, "Preview extraction"),
      h(
        "button",
        {
          type: "button",
          id: "save",
          class: "primary",
          onclick: () => {
            if (form.reportValidity()) void run(false);
          },
        },
        "Save to the knowledge base",
      ),
    ),
  );
  if (ctx.me && ctx.me.role === "reader")
    out.append(h("p", { class: "warn" }, "Your token is a reader's: you can preview, not save."));
  ctx.main.append(h("h1", null, "Ingest an article"), form, out);
}

function result(r: ArticleResult): Node[] {
  const spans: Span[] = [
    ...r.record.incidents.flatMap((i) =>
      i.evidence.map((e) => ({ ...e, kind: "incident", title: `incident: ${i.label}` })),
    ),
    ...r.record.claims.flatMap((c) =>
      c.evidence.map((e) => ({
        ...e,
        kind: "claim",
        title: `${partyName(c.claimant)} ${c.stance} ${partyName(c.accused)}`,
      })),
    ),
    ...r.record.responses.flatMap((x) =>
      x.evidence.map((e) => ({ ...e, kind: "response", title: `${x.kind} by ${partyName(x.actor)}` })),
    ),
  ];
  const saved = r.saved
    ? h(
        "div",
        { class: "notice", id: "saved" },
        r.saved.status === "duplicate" ? "This text was already stored; nothing changed. " : "Saved. ",
        r.saved.incidents.length ? "Its incidents: " : "No incident was found in it.",
        r.saved.incidents.map((i, n) => [n ? ", " : "", h("a", { href: `/incidents/${i.id}` }, i.label)]),
      )
    : h("p", { class: "muted" }, "Preview only: nothing is stored until you save.");
  return [
    saved,
    h(
      "div",
      { class: "source-layout" },
      h("article", null, highlighted(r.text, spans)),
      h(
        "aside",
        null,
        h("h2", null, `Incidents (${r.record.incidents.length})`),
        h(
          "ul",
          { class: "plain" },
          r.record.incidents.map((i) =>
            h(
              "li",
              null,
              h("strong", null, i.label),
              ` · ${dateText(i.date)} · ${i.victims.map(partyName).join(", ")}`,
            ),
          ),
        ),
        h("h2", null, `Claims (${r.record.claims.length})`),
        h(
          "ul",
          { class: "plain" },
          r.record.claims.map((c) =>
            h(
              "li",
              null,
              `${partyWithVia(c.claimant)} ${STANCE_TEXT[c.stance] ?? c.stance} ${partyName(c.accused)}`,
            ),
          ),
        ),
        h("h2", null, `Responses (${r.record.responses.length})`),
        h(
          "ul",
          { class: "plain" },
          r.record.responses.map((x) =>
            h("li", null, `${x.kind}: ${partyName(x.actor)}${x.target ? ` → ${partyName(x.target)}` : ""}`),
          ),
        ),
      ),
    ),
  ];
}
