import type { FuzzyDate } from "../../../src/model/fuzzy-date.ts";
import type { IncidentList, ResponseList } from "../../../src/model/knowledge.ts";
import { api } from "../api.ts";
import { h, svg } from "../dom.ts";
import { dateText, partyName } from "../format.ts";
import type { PageContext } from "../page.ts";

/** Incidents and responses on one time axis: incidents above, responses below, each a link. */
export async function timelinePage(ctx: PageContext): Promise<void> {
  const [incidents, responses] = await Promise.all([
    api<IncidentList>("/incidents?sort=date&limit=1000"),
    api<ResponseList>("/responses?limit=2000"),
  ]);
  const t = (d: FuzzyDate) => {
    const [y, m = "07", day = "01"] = d.value.split("-");
    return Date.UTC(Number(y), Number(m) - 1, Number(day));
  };
  const dated = incidents.incidents.filter((i) => i.date);
  const datedResponses = responses.responses.filter((r) => r.date);
  const times = [
    ...dated.map((i) => t(i.date as FuzzyDate)),
    ...datedResponses.map((r) => t(r.date as FuzzyDate)),
  ];
  if (times.length === 0) {
    ctx.main.append(h("h1", null, "Timeline"), h("p", { class: "empty" }, "Nothing dated yet."));
    return;
  }
  const y0 = new Date(Math.min(...times)).getUTCFullYear();
  const y1 = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const W = Math.max(900, (y1 - y0) * 90);
  const H = 420;
  const mid = 220;
  const x = (ms: number) =>
    40 + ((ms - Date.UTC(y0, 0, 1)) / (Date.UTC(y1, 0, 1) - Date.UTC(y0, 0, 1))) * (W - 80);
  const chart = svg("svg", {
    width: W,
    height: H,
    class: "timeline",
    role: "img",
    "aria-label": "timeline of incidents and responses",
  });
  chart.append(svg("line", { x1: 30, x2: W - 30, y1: mid, y2: mid, class: "axis" }));
  for (let y = y0; y <= y1; y++) {
    const px = x(Date.UTC(y, 0, 1));
    chart.append(
      svg("line", { x1: px, x2: px, y1: mid - 4, y2: mid + 4, class: "tick" }),
      svg("text", { x: px, y: mid + 18, class: "year" }, String(y)),
    );
  }
  const stack = new Map<string, number>();
  const place = (lane: string, px: number) => {
    const key = `${lane}:${Math.round(px / 12)}`;
    const n = stack.get(key) ?? 0;
    stack.set(key, n + 1);
    return n;
  };
  for (const i of dated) {
    const px = x(t(i.date as FuzzyDate));
    const n = place("i", px);
    const link = svg(
      "a",
      { href: `/incidents/${i.id}` },
      svg(
        "circle",
        { cx: px, cy: mid - 16 - n * 11, r: 5, class: `dot incident review-${i.review}` },
        svg("title", {}, `${dateText(i.date)} — ${i.label} (${i.victims.map(partyName).join(", ")})`),
      ),
    );
    chart.append(link);
  }
  for (const r of datedResponses) {
    const px = x(t(r.date as FuzzyDate));
    const n = place("r", px);
    const target = r.incidents[0];
    const mark = svg(
      "rect",
      { x: px - 4, y: mid + 28 + n * 11, width: 8, height: 8, class: `dot response kind-${r.kind}` },
      svg(
        "title",
        {},
        `${dateText(r.date)} — ${r.kind}: ${partyName(r.actor)}${r.target ? ` → ${partyName(r.target)}` : ""}`,
      ),
    );
    chart.append(target ? svg("a", { href: `/incidents/${target}` }, mark) : mark);
  }
  ctx.main.append(
    h("h1", null, "Timeline"),
    h(
      "p",
      { class: "muted" },
      `${dated.length} dated incidents (circles, above) and ${datedResponses.length} dated responses (squares, below). Hover for details; click to open.`,
    ),
    h("div", { class: "scroll-x" }, chart),
  );
}
