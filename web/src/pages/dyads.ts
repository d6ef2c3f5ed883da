import type { KnowledgeStats } from "../../../src/model/knowledge.ts";
import { api } from "../api.ts";
import { h } from "../dom.ts";
import { countryName } from "../format.ts";
import type { PageContext } from "../page.ts";

const label = (key: string) => {
  const [kind, rest = key] = key.split(":");
  return kind === "state" ? countryName(rest) : rest;
};

/** Who accuses whom: claimants in rows, the accused in columns, accusations counted (denials in the tooltip). */
export async function dyadsPage(ctx: PageContext): Promise<void> {
  const stats = await api<KnowledgeStats>("/stats");
  const accuses = stats.claimantAccused.filter((d) => d.stance === "accuses");
  const total = (keyOf: (d: (typeof accuses)[number]) => string) => {
    const m = new Map<string, number>();
    for (const d of accuses) m.set(keyOf(d), (m.get(keyOf(d)) ?? 0) + d.claims);
    return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  };
  const rows = total((d) => d.claimant).slice(0, 25);
  const cols = total((d) => d.accused).slice(0, 20);
  const cell = new Map(accuses.map((d) => [`${d.claimant}|${d.accused}`, d.claims]));
  const denials = new Map(
    stats.claimantAccused.filter((d) => d.stance === "denies").map((d) => [d.accused, d.claims]),
  );
  const max = Math.max(1, ...cell.values());
  ctx.main.append(
    h("h1", null, "Dyads: who accuses whom"),
    h(
      "p",
      { class: "muted" },
      "Accusations per claimant (rows) and accused (columns); darker is more. The column header shows denials by the accused.",
    ),
    accuses.length === 0
      ? h("p", { class: "empty" }, "No accusations yet.")
      : h(
          "div",
          { class: "scroll-x" },
          h(
            "table",
            { class: "matrix" },
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                h("th", null, "claimant ╲ accused"),
                cols.map((c) =>
                  h(
                    "th",
                    { class: "rot", title: `${label(c)}: ${denials.get(c) ?? 0} denial(s)` },
                    h("span", null, label(c), denials.get(c) ? ` (${denials.get(c)}✗)` : ""),
                  ),
                ),
              ),
            ),
            h(
              "tbody",
              null,
              rows.map((r) =>
                h(
                  "tr",
                  null,
                  h("th", null, label(r)),
                  cols.map((c) => {
                    const n = cell.get(`${r}|${c}`) ?? 0;
                    return h(
                      "td",
                      {
                        class: n ? "hit" : "",
                        style: n ? `--heat:${(0.15 + 0.85 * (n / max)).toFixed(2)}` : undefined,
                        title: `${label(r)} accuses ${label(c)}: ${n}`,
                      },
                      n
                        ? h(
                            "a",
                            {
                              href: `/incidents?claimant=${encodeURIComponent(r)}&accused=${encodeURIComponent(c)}`,
                            },
                            n,
                          )
                        : "",
                    );
                  }),
                ),
              ),
            ),
          ),
        ),
  );
}
