/**
 * An esbuild plugin for both bundles (the CLI's and the add-on's): zod's `locales` namespace
 * (reachable from `z`, so never tree-shaken) keeps only the two locales the code can use —
 * English, zod's default, and Vietnamese, installed by src/core/model/template-schema.ts —
 * instead of all 50, about 200 KB of the bundle.
 */
import type { Plugin } from "esbuild";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The plugin; `root` is the folder whose node_modules holds zod. */
export function zodLocalesPlugin(root: string): Plugin {
  const zodDir = dirname(createRequire(join(root, "package.json")).resolve("zod/package.json"));
  const locales = join(zodDir, "v4", "locales");
  return {
    name: "zod-locales",
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) =>
        a.importer.startsWith(join(zodDir, "v4")) ? { path: "locales", namespace: "zod-locales" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "zod-locales" }, () => ({
        loader: "js",
        resolveDir: locales,
        contents: 'export { default as en } from "./en.js";\nexport { default as vi } from "./vi.js";\n',
      }));
    },
  };
}
