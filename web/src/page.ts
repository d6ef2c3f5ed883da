import type { Me } from "./api.ts";

/** What every page gets: where to draw, the caller, and how to move to another page. */
export interface PageContext {
  main: HTMLElement;
  me: Me | null;
  params: URLSearchParams;
  go(path: string, replace?: boolean): void;
}
