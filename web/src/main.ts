import "./style.css";
import { api, type Me, setToken, token } from "./api.ts";
import { clear, h } from "./dom.ts";
import type { PageContext } from "./page.ts";
import { dyadsPage } from "./pages/dyads.ts";
import { incidentPage } from "./pages/incident.ts";
import { incidentsPage } from "./pages/incidents.ts";
import { ingestPage } from "./pages/ingest.ts";
import { sourcePage } from "./pages/source.ts";
import { timelinePage } from "./pages/timeline.ts";

type Page = (ctx: PageContext, ...args: string[]) => Promise<void>;

const ROUTES: Array<[RegExp, string, Page]> = [
  [/^\/(?:incidents)?$/, "incidents", incidentsPage],
  [/^\/incidents\/([\w-]+)$/, "incidents", incidentPage],
  [/^\/sources\/([\w-]+)$/, "incidents", sourcePage],
  [/^\/timeline$/, "timeline", timelinePage],
  // The graph and the map carry large libraries: loaded when first shown.
  [/^\/graph$/, "graph", async (ctx) => (await import("./pages/graph.ts")).graphPage(ctx)],
  [/^\/map$/, "map", async (ctx) => (await import("./pages/map.ts")).mapPage(ctx)],
  [/^\/dyads$/, "dyads", dyadsPage],
  [/^\/ingest$/, "ingest", ingestPage],
];

const main = document.getElementById("main") as HTMLElement;
let me: Me | null = null;

async function whoAmI(): Promise<void> {
  const who = document.getElementById("who") as HTMLElement;
  clear(who);
  try {
    me = await api<Me>("/me");
    who.append(
      h("span", { class: "muted" }, me.open ? "open server · " : `${me.name} · `),
      h("span", null, `${me.role}, cleared ${me.clearance.toUpperCase()}`),
    );
  } catch {
    me = null;
    who.append(h("span", { class: "warn" }, "token needed"));
  }
  const input = h("input", {
    type: "password",
    placeholder: "access token",
    "aria-label": "access token",
    size: 14,
  });
  input.value = token();
  who.append(
    h(
      "form",
      {
        class: "token",
        onsubmit: (e: Event) => {
          e.preventDefault();
          setToken(input.value);
          void whoAmI().then(render);
        },
      },
      input,
      h("button", { type: "submit" }, "Use"),
    ),
  );
}

function go(path: string, replace = false): void {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  void render();
}

let rendering = 0;
async function render(): Promise<void> {
  const ticket = ++rendering;
  const path = location.pathname.replace(/\/+$/, "") || "/";
  for (const a of document.querySelectorAll<HTMLAnchorElement>("#nav a")) a.removeAttribute("aria-current");
  for (const [re, nav, page] of ROUTES) {
    const m = re.exec(path);
    if (!m) continue;
    document.querySelector(`#nav a[data-page="${nav}"]`)?.setAttribute("aria-current", "page");
    clear(main);
    main.append(h("p", { class: "muted" }, "Loading…"));
    const target = h("div", { class: "page" });
    try {
      await page({ main: target, me, params: new URLSearchParams(location.search), go }, ...m.slice(1));
      if (ticket !== rendering) return;
      clear(main);
      main.append(target);
    } catch (err) {
      if (ticket !== rendering) return;
      clear(main);
      main.append(h("div", { class: "error", role: "alert" }, (err as Error).message));
    }
    return;
  }
  clear(main);
  main.append(h("div", { class: "error" }, `There is no page at ${path}.`));
}

// Same-origin links move within the app without reloading it.
document.addEventListener("click", (e) => {
  const a = (e.target as Element).closest?.("a");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  const href = a.getAttribute("href");
  if (!href?.startsWith("/") || href.startsWith("//") || href.startsWith("/api/") || a.target) return;
  e.preventDefault();
  go(href);
});
window.addEventListener("popstate", () => void render());

// Keyboard: "/" focuses the first filter or search box, g+key jumps between pages.
let pendingG = false;
document.addEventListener("keydown", (e) => {
  const t = e.target as HTMLElement;
  if (t.closest("input, textarea, select") || e.metaKey || e.ctrlKey || e.altKey) return;
  if (e.key === "/") {
    const first = main.querySelector<HTMLInputElement>("input[type=search], input[type=text]");
    if (first) {
      e.preventDefault();
      first.focus();
    }
    return;
  }
  if (pendingG) {
    pendingG = false;
    const to = { i: "/incidents", t: "/timeline", g: "/graph", m: "/map", d: "/dyads", n: "/ingest" }[e.key];
    if (to) go(to);
    return;
  }
  if (e.key === "g") pendingG = true;
});

await whoAmI();
await render();
