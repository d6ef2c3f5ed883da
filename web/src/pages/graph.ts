import cytoscape from "cytoscape";
import type { ClaimList, IncidentList } from "../../../src/model/knowledge.ts";
import { api } from "../api.ts";
import { h } from "../dom.ts";
import { partyKey, partyName } from "../format.ts";
import type { PageContext } from "../page.ts";

/** Parties, incidents and campaigns as a graph: victims hit, the accused blamed, incidents of one campaign. */
export async function graphPage(ctx: PageContext): Promise<void> {
  const [list, claims] = await Promise.all([
    api<IncidentList>("/incidents?limit=400"),
    api<ClaimList>("/claims?limit=3000"),
  ]);
  const shown = new Set(list.incidents.map((i) => i.id));
  const nodes = new Map<string, cytoscape.ElementDefinition>();
  const edges: cytoscape.ElementDefinition[] = [];
  const party = (key: string, name: string, kind: string) => {
    if (!nodes.has(key)) nodes.set(key, { data: { id: key, label: name, kind: `party-${kind}` } });
  };
  for (const i of list.incidents) {
    nodes.set(i.id, { data: { id: i.id, label: i.label.slice(0, 40), kind: "incident" } });
    for (const v of i.victims) {
      party(partyKey(v), partyName(v), v.kind);
      edges.push({
        data: { id: `v:${i.id}:${partyKey(v)}`, source: i.id, target: partyKey(v), kind: "victim" },
      });
    }
    if (i.campaign) {
      const c = `campaign:${i.campaign}`;
      if (!nodes.has(c)) nodes.set(c, { data: { id: c, label: "campaign", kind: "campaign" } });
      edges.push({ data: { id: `c:${i.id}`, source: i.id, target: c, kind: "campaign" } });
    }
  }
  for (const c of claims.claims) {
    if (c.stance !== "accuses") continue;
    for (const incident of c.incidents) {
      if (!shown.has(incident)) continue;
      party(partyKey(c.accused), partyName(c.accused), c.accused.kind);
      const id = `a:${incident}:${partyKey(c.accused)}`;
      if (!edges.some((e) => e.data.id === id))
        edges.push({ data: { id, source: partyKey(c.accused), target: incident, kind: "accused" } });
    }
  }
  const box = h("div", {
    id: "graph",
    class: "graph",
    role: "img",
    "aria-label": "graph of parties, incidents and campaigns",
  });
  ctx.main.append(
    h("h1", null, "Graph"),
    h(
      "p",
      { class: "legend" },
      h("span", { class: "key incident" }, "incident"),
      h("span", { class: "key party" }, "party"),
      h("span", { class: "key campaign" }, "campaign"),
      h("span", { class: "key edge-victim" }, "hit"),
      h("span", { class: "key edge-accused" }, "accused of"),
      h(
        "span",
        { class: "muted" },
        ` · ${list.incidents.length} most recent incidents; click an incident to open it`,
      ),
    ),
    box,
  );
  // Drawn after the page is in the document, so that cytoscape can measure its box.
  requestAnimationFrame(() => {
    const cy = cytoscape({
      container: box,
      elements: [...nodes.values(), ...edges],
      layout: {
        name: "cose",
        animate: false,
        randomize: false,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 60,
      },
      wheelSensitivity: 0.3,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 9,
            color: "#1d2530",
            "text-valign": "bottom",
            "text-margin-y": 3,
            width: 12,
            height: 12,
          },
        },
        {
          selector: 'node[kind = "incident"]',
          style: { "background-color": "#b4451f", shape: "round-rectangle", "min-zoomed-font-size": 12 },
        },
        {
          selector: 'node[kind ^= "party"]',
          style: { "background-color": "#2c5d8f", width: 18, height: 18, "font-weight": "bold" },
        },
        { selector: 'node[kind = "campaign"]', style: { "background-color": "#7a5ea8", shape: "diamond" } },
        { selector: "edge", style: { width: 1, "line-color": "#b8c2cc", "curve-style": "bezier" } },
        {
          selector: 'edge[kind = "accused"]',
          style: {
            "line-color": "#b4451f",
            "target-arrow-shape": "triangle",
            "target-arrow-color": "#b4451f",
            "line-style": "dashed",
          },
        },
        { selector: 'edge[kind = "campaign"]', style: { "line-color": "#7a5ea8" } },
      ],
    });
    cy.on("tap", 'node[kind = "incident"]', (e) => ctx.go(`/incidents/${e.target.id()}`));
  });
}
