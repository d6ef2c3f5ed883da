import { createRequire } from "node:module";
import type * as ReadabilityModule from "@mozilla/readability";
import type * as LinkedomModule from "linkedom";

/**
 * linkedom and Readability, loaded on first use. Loading them costs about a quarter of a second, which every
 * CLI run and worker would otherwise pay at start-up even when it never reads a page of HTML. `require`
 * (rather than `await import`) keeps fromHtml synchronous, like fromText.
 */
export interface HtmlLibraries {
  parseHTML: typeof LinkedomModule.parseHTML;
  Readability: typeof ReadabilityModule.Readability;
}

const require = createRequire(import.meta.url);
let loaded: HtmlLibraries | undefined;

export function htmlLibraries(): HtmlLibraries {
  loaded ??= {
    parseHTML: (require("linkedom") as typeof LinkedomModule).parseHTML,
    Readability: (require("@mozilla/readability") as typeof ReadabilityModule).Readability,
  };
  return loaded;
}
