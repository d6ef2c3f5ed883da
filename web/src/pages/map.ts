import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import type { IncidentList } from "../../../src/model/knowledge.ts";
import { api } from "../api.ts";
import { h, svg } from "../dom.ts";
import { alpha2ByNumeric, countryName, partyCountry } from "../format.ts";
import type { PageContext } from "../page.ts";

/** Where the victims are, and which states are accused (directly or through groups they sponsor). */
export async function mapPage(ctx: PageContext): Promise<void> {
  const mode = ctx.params.get("show") === "accused" ? "accused" : "victims";
  const list = await api<IncidentList>("/incidents?limit=1000");
  const counts = new Map<string, number>();
  for (const i of list.incidents) {
    const parties = mode === "victims" ? i.victims : i.accused;
    const countries = new Set(parties.map(partyCountry).filter((c): c is string => c !== undefined));
    for (const c of countries) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const max = Math.max(1, ...counts.values());
  const topo = world as unknown as Topology;
  const land = feature(topo, topo.objects.countries as never) as unknown as FeatureCollection<
    Geometry,
    { name: string }
  >;
  const W = 960;
  const H = 500;
  const projection = geoNaturalEarth1().fitSize([W, H], land);
  const path = geoPath(projection);
  const byNumeric = alpha2ByNumeric();
  const map = svg("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "map",
    role: "img",
    "aria-label": `world map of ${mode}`,
  });
  for (const f of land.features) {
    const a2 = byNumeric.get(String(f.id ?? "").padStart(3, "0"));
    const n = a2 ? (counts.get(a2) ?? 0) : 0;
    const shape = svg(
      "path",
      {
        d: path(f) ?? "",
        class: n ? `country hit ${mode}` : "country",
        style: n ? `--heat:${(0.2 + 0.8 * (n / max)).toFixed(2)}` : "",
      },
      svg("title", {}, `${a2 ? countryName(a2) : f.properties.name}: ${n} incident${n === 1 ? "" : "s"}`),
    );
    const filter = mode === "victims" ? "victim" : "accused";
    map.append(n && a2 ? svg("a", { href: `/incidents?${filter}=${a2}` }, shape) : shape);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  ctx.main.append(
    h("h1", null, "Map"),
    h(
      "p",
      { class: "tabs" },
      h("a", { href: "/map", "aria-current": mode === "victims" ? "true" : undefined }, "Victims"),
      h(
        "a",
        { href: "/map?show=accused", "aria-current": mode === "accused" ? "true" : undefined },
        "Accused states",
      ),
      h("span", { class: "muted" }, ` · incidents per country; click a country to list them`),
    ),
    h(
      "div",
      { class: "map-layout" },
      map,
      h(
        "ol",
        { class: "ranking" },
        top.map(([c, n]) =>
          h(
            "li",
            null,
            h("a", { href: `/incidents?${mode === "victims" ? "victim" : "accused"}=${c}` }, countryName(c)),
            ` ${n}`,
          ),
        ),
      ),
    ),
  );
}
