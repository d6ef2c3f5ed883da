import { h } from "./dom.ts";

export interface Span {
  start: number;
  end: number;
  title: string;
  kind: string;
}

/**
 * The text with its evidence spans marked. Built from text nodes and <mark> elements only: the text is never
 * parsed, so markup in an article shows as characters. The text is cut at every span's start and end; each piece
 * is marked as the narrowest span covering it (a claim's words inside an incident's sentence stay a claim), and
 * the `focus` span, when given, is wrapped whole in one <mark class="focus">.
 */
export function highlighted(
  text: string,
  spans: readonly Span[],
  focus?: { start: number; end: number },
): HTMLElement {
  const out = h("div", { class: "source-text", dir: "auto" });
  const valid = spans.filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  if (focus && focus.end > focus.start && focus.end <= text.length) cuts.add(focus.start).add(focus.end);
  const points = [...cuts].sort((a, b) => a - b);
  let parent: HTMLElement = out;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] ?? 0;
    const b = points[i + 1] ?? 0;
    if (focus && a === focus.start) {
      const wrapper = h("mark", { class: "focus", "data-start": focus.start, "data-end": focus.end });
      out.append(wrapper);
      parent = wrapper;
    }
    let best: Span | undefined;
    for (const s of valid) {
      if (s.start <= a && s.end >= b && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    const piece = text.slice(a, b);
    parent.append(
      best
        ? h(
            "mark",
            {
              class: `ev ev-${best.kind}`,
              title: best.title,
              "data-start": best.start,
              "data-end": best.end,
            },
            piece,
          )
        : piece,
    );
    if (focus && b === focus.end) parent = out;
  }
  return out;
}
