import { api, type SourceSpan } from "../api.ts";
import { h } from "../dom.ts";
import { tlpBadge } from "../format.ts";
import { highlighted } from "../highlight.ts";
import type { PageContext } from "../page.ts";

interface SourceView {
  id: string;
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
  tlp: string;
  text: string;
  ingestedAt: string;
  incidents: Array<{ id: string; label: string }>;
  spans: SourceSpan[];
}

/** A source's text with every quoted span highlighted; `?span=start-end` marks and scrolls to one. */
export async function sourcePage(ctx: PageContext, id: string): Promise<void> {
  const s = await api<SourceView>(`/sources/${encodeURIComponent(id)}`);
  const m = /^(\d+)-(\d+)$/.exec(ctx.params.get("span") ?? "");
  const focus = m ? { start: Number(m[1]), end: Number(m[2]) } : undefined;
  const text = highlighted(
    s.text,
    s.spans.map((x) => ({
      start: x.start,
      end: x.end,
      kind: x.factKind,
      title: `${x.factKind}: ${x.label}`,
    })),
    focus,
  );
  ctx.main.append(
    h("p", { class: "crumbs" }, h("a", { href: "/incidents" }, "← Incidents")),
    h("h1", null, s.title ?? "Untitled source"),
    h(
      "p",
      { class: "meta" },
      s.publisher ? `${s.publisher} · ` : "",
      s.published ? `published ${s.published} · ` : "",
      tlpBadge(s.tlp),
      s.url
        ? [" · ", h("a", { href: s.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")]
        : "",
    ),
    h(
      "div",
      { class: "source-layout" },
      h("article", null, text),
      h(
        "aside",
        null,
        h("h2", null, "Incidents in this source"),
        h(
          "ul",
          { class: "plain" },
          s.incidents.map((i) => h("li", null, h("a", { href: `/incidents/${i.id}` }, i.label))),
        ),
        h("h2", null, `Evidence (${s.spans.length})`),
        h(
          "ol",
          { class: "span-list" },
          s.spans.map((x) =>
            h(
              "li",
              null,
              h("a", { href: `/sources/${s.id}?span=${x.start}-${x.end}` }, `${x.factKind}: ${x.label}`),
            ),
          ),
        ),
        h(
          "p",
          { class: "legend" },
          h("mark", { class: "ev ev-incident" }, "incident"),
          " ",
          h("mark", { class: "ev ev-claim" }, "claim"),
          " ",
          h("mark", { class: "ev ev-response" }, "response"),
        ),
      ),
    ),
  );
  if (focus)
    requestAnimationFrame(() => ctx.main.querySelector("mark.focus")?.scrollIntoView({ block: "center" }));
}
