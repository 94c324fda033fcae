/**
 * Bundles the `tong-hop` CLI (src/cli/index.ts) with esbuild into dist/cli/, so the bin starts
 * plain JavaScript instead of compiling TypeScript at every run. Run by `npm install` (`prepare`).
 * Every module a command loads with `import()` becomes its own chunk, so `tong-hop --help` reads
 * only commander and the flag definitions, and exceljs, googleapis or mammoth load only for the
 * commands that use them.
 */
import { build, type Plugin } from "esbuild";
import { createRequire } from "node:module";
import { rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { zodLocalesPlugin } from "./zod-locales-plugin.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * CommonJS packages inside an ES module bundle still call `require`, `__filename` and
 * `__dirname`; each output file (entry and chunks alike) gets its own.
 */
const BANNER = [
  'import { createRequire as __tongHopRequire } from "node:module";',
  'import { dirname as __tongHopDirname } from "node:path";',
  'import { fileURLToPath as __tongHopPath } from "node:url";',
  "const require = __tongHopRequire(import.meta.url);",
  "const __filename = __tongHopPath(import.meta.url);",
  "const __dirname = __tongHopDirname(__filename);",
].join("\n");

/**
 * exceljs's Node entry also loads its streaming reader and writer (archiver, unzipper) and its
 * CSV support (fast-csv), which tong-hop never uses: a third of the code a compile would parse.
 * The bundle gets `Workbook` and the enums only, and a CSV stand-in that refuses to be used.
 */
function slimExcelJS(): Plugin {
  const lib = join(dirname(createRequire(join(ROOT, "package.json")).resolve("exceljs/package.json")), "lib");
  return {
    name: "slim-exceljs",
    setup(b) {
      b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "exceljs", namespace: "slim-exceljs" }));
      b.onResolve({ filter: /^\.\.\/csv\/csv$/ }, (a) =>
        a.importer === join(lib, "doc", "workbook.js") ? { path: "csv", namespace: "slim-exceljs" } : undefined,
      );
      b.onLoad({ filter: /^exceljs$/, namespace: "slim-exceljs" }, () => ({
        loader: "js",
        resolveDir: ROOT,
        contents: [
          `const Workbook = require(${JSON.stringify(join(lib, "doc", "workbook.js"))});`,
          `module.exports = Object.assign({ Workbook }, require(${JSON.stringify(join(lib, "doc", "enums.js"))}));`,
        ].join("\n"),
      }));
      b.onLoad({ filter: /^csv$/, namespace: "slim-exceljs" }, () => ({
        loader: "js",
        contents:
          'module.exports = class CSV { constructor() { throw new Error("tong-hop: exceljs CSV is not bundled"); } };',
      }));
    },
  };
}

/** What a build produced. */
export interface BuildCliResult {
  dir: string;
  files: { name: string; bytes: number }[];
}

/**
 * Builds into a fresh folder, then swaps it in for dist/cli (the bin falls back to the sources
 * when dist/cli/index.js is missing, so a run during the swap still works).
 */
export async function buildCli(outDir = join(ROOT, "dist", "cli")): Promise<BuildCliResult> {
  const tmp = `${outDir}.${process.pid}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: join(ROOT, "src/cli/index.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: tmp,
    chunkNames: "[name]-[hash]",
    minify: process.env.TONG_HOP_NO_MINIFY !== "1",
    sourcemap: "linked",
    legalComments: "none",
    charset: "utf8",
    banner: { js: BANNER },
    metafile: true,
    plugins: [slimExcelJS(), zodLocalesPlugin(ROOT)],
    logLevel: "warning",
    tsconfig: join(ROOT, "tsconfig.json"),
  });
  const old = `${outDir}.${process.pid}.old`;
  await rename(outDir, old).catch(() => undefined);
  await rename(tmp, outDir);
  await rm(old, { recursive: true, force: true });
  const files = Object.entries(result.metafile.outputs)
    .filter(([name]) => name.endsWith(".js"))
    .map(([name, o]) => ({ name: name.slice(name.lastIndexOf("/") + 1), bytes: o.bytes }));
  return { dir: outDir, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildCli()
    .then((r) => {
      const kb = Math.round(r.files.reduce((s, f) => s + f.bytes, 0) / 1024);
      console.log(`Đã đóng gói lệnh tong-hop vào ${r.dir} (${r.files.length} tệp, ${kb} KB).`);
    })
    .catch((e: unknown) => {
      console.error(`Đóng gói lệnh tong-hop thất bại: ${(e as Error).message}`);
      process.exitCode = 1;
    });
}
