import { h } from "./dom.ts";

export interface Span {
  start: number;
  end: number;
  title: string;
  kind: string;
}

/**
 * The text with its evidence spans marked. Built from text nodes and <mark> elements only: the text is never
 * parsed, so markup in an article shows as characters. Overlapping spans are cut where they overlap.
 */
export function highlighted(
  text: string,
  spans: readonly Span[],
  focus?: { start: number; end: number },
): HTMLElement {
  const out = h("div", { class: "source-text", dir: "auto" });
  const sorted = [...spans]
    .filter((s) => s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    if (start > at) out.append(text.slice(at, start));
    const isFocus = focus !== undefined && s.start === focus.start && s.end === focus.end;
    out.append(
      h(
        "mark",
        {
          class: `ev ev-${s.kind}${isFocus ? " focus" : ""}`,
          title: s.title,
          "data-start": s.start,
          "data-end": s.end,
        },
        text.slice(start, s.end),
      ),
    );
    at = s.end;
  }
  out.append(text.slice(at));
  return out;
}
