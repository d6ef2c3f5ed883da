import { createRequire } from "node:module";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);

/**
 * `virtual:countries`: ISO alpha-2 → [common name, ISO numeric], taken from world-countries at build time so the
 * bundle carries a few kilobytes instead of the whole table.
 */
function countries(): Plugin {
  const id = "virtual:countries";
  return {
    name: "casebook-countries",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(source) {
      if (source !== `\0${id}`) return undefined;
      const all = require("world-countries") as Array<{
        cca2: string;
        ccn3: string;
        name: { common: string };
      }>;
      const table = Object.fromEntries(all.map((c) => [c.cca2, [c.name.common, c.ccn3]]));
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [countries()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
});
