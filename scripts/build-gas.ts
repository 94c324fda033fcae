/** Bundles src/gas into dist/gas/Code.js with top-level entry points, and copies appsscript.json. */
import { build, transform, type Plugin } from "esbuild";
import { deflateSync, strToU8 } from "fflate";
import { mkdir, readdir, readFile, rename, writeFile, copyFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ENTRY_POINTS, GLOBAL_NAME, entryStub } from "../src/gas/entry/menu-table.js";
import { zodLocalesPlugin } from "./zod-locales-plugin.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Options of {@link buildGas}. */
export interface BuildGasOptions {
  /** Output folder; default dist/gas. */
  outDir?: string;
  /** Folder of template JSON files to bundle; default sheets-templates. */
  templatesDir?: string;
  /** Inject the timer/crypto shims (true); false only to prove they are needed. */
  shims?: boolean;
  /** Bundle the docx library (true); false only to measure what carrying it costs (bench). */
  docx?: boolean;
  /** Minify our own code (exceljs is minified either way; docx is minified with it). */
  minify?: boolean;
  /**
   * Record when exceljs initialises in `globalThis.__TONG_HOP_STATS__` (tests and the bench only):
   * the production bundle carries no test probe.
   */
  probe?: boolean;
}

/** Where `npm run build` writes the bundle clasp pushes (.clasp.json's rootDir). */
export const DEFAULT_OUT_DIR = "dist/gas";

/** What a build produced. */
export interface BuildGasResult {
  file: string;
  bytes: number;
  templates: string[];
  entryPoints: string[];
}

/** Marker module name of the bundled templates. */
const TEMPLATES_MODULE = "tong-hop:sheets-templates";

/**
 * Resolves `exceljs` to its browser build (which brings its own Buffer, stream and zlib
 * polyfills) behind a small CommonJS wrapper. esbuild keeps a CommonJS module's body in a
 * function that runs on first `require`, so with `await import("exceljs")` exceljs
 * initialises only when a report is built. With `probe` the wrapper records that moment in
 * `globalThis.__TONG_HOP_STATS__` so tests and the bench can prove the edit path never pays it.
 */
function exceljsBrowserPlugin(probe: boolean): Plugin {
  const req = createRequire(join(ROOT, "package.json"));
  const browserBuild = join(dirname(req.resolve("exceljs/package.json")), "dist", "exceljs.bare.min.js");
  return {
    name: "exceljs-browser",
    setup(b) {
      b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "exceljs", namespace: "exceljs-lazy" }));
      b.onLoad({ filter: /.*/, namespace: "exceljs-lazy" }, () => ({
        loader: "js",
        resolveDir: ROOT,
        contents: (probe
          ? [
              "var stats = globalThis.__TONG_HOP_STATS__ || (globalThis.__TONG_HOP_STATS__ = {});",
              "var started = Date.now();",
              `var ExcelJS = require(${JSON.stringify(browserBuild)});`,
              "stats.exceljsInitCount = (stats.exceljsInitCount || 0) + 1;",
              "stats.exceljsInitMs = Date.now() - started;",
              "module.exports = ExcelJS;",
            ]
          : [`module.exports = require(${JSON.stringify(browserBuild)});`]
        ).join("\n"),
      }));
    },
  };
}

/**
 * Resolves `docx` to its self-contained CommonJS build, kept in the bundle deflated and in
 * base64, unpacked and evaluated on the first `await import("docx")`, when a compile builds
 * the Word report. A function that never runs still costs its parse on every execution of the
 * add-on (every edit); a string costs only a scan, and a packed one a tenth of that, which keeps
 * the bundle's load time within 10 % of what it was without the library (bench/docx-bench.ts).
 * Apps Script's V8 has no TextEncoder (a Web API the library writes its XML with), so the
 * loader installs one first. With `probe` the moment and the cost are recorded in
 * `globalThis.__TONG_HOP_STATS__` (docxInitCount, docxInitMs).
 */
function docxLazyPlugin(enabled: boolean, probe: boolean): Plugin {
  const req = createRequire(join(ROOT, "package.json"));
  // The package's "require" export: dist/index.cjs, which bundles its own dependencies.
  const cjsBuild = req.resolve("docx");
  const encoder = join(ROOT, "src/gas/entry/text-encoder.ts");
  const unpack = join(ROOT, "src/gas/entry/packed-source.ts");
  return {
    name: "docx-lazy",
    setup(b) {
      b.onResolve({ filter: /^docx$/ }, () => ({ path: "docx", namespace: "docx-lazy" }));
      b.onLoad({ filter: /.*/, namespace: "docx-lazy" }, async () => {
        if (!enabled) return { loader: "js", contents: 'throw new Error("docx is not bundled in this build");' };
        const minified = await transform(await readFile(cjsBuild, "utf8"), {
          loader: "js",
          format: "cjs",
          target: "es2020",
          minify: true,
          legalComments: "none",
          charset: "utf8",
        });
        const source = `(function (module, exports) {\n${minified.code}\n})`;
        const packed = Buffer.from(deflateSync(strToU8(source), { level: 9 })).toString("base64");
        return {
          loader: "js",
          resolveDir: ROOT,
          contents: [
            ...(probe
              ? [
                  "var stats = globalThis.__TONG_HOP_STATS__ || (globalThis.__TONG_HOP_STATS__ = {});",
                  "var started = Date.now();",
                ]
              : []),
            `require(${JSON.stringify(encoder)}).installTextEncoder(globalThis);`,
            `var PACKED = ${JSON.stringify(packed)};`,
            // Indirect eval: the library runs in the global scope, seeing only globals, as a file of its own would.
            `(0, eval)(require(${JSON.stringify(unpack)}).unpackSource(PACKED))(module, module.exports);`,
            ...(probe
              ? ["stats.docxInitCount = (stats.docxInitCount || 0) + 1;", "stats.docxInitMs = Date.now() - started;"]
              : []),
          ].join("\n"),
        };
      });
    },
  };
}

/** Bundles every `*.json` of the templates folder as `[{ name, input }]`. */
function templatesPlugin(dir: string, found: string[]): Plugin {
  return {
    name: "sheets-templates",
    setup(b) {
      b.onResolve({ filter: /^tong-hop:sheets-templates$/ }, () => ({
        path: TEMPLATES_MODULE,
        namespace: "templates",
      }));
      b.onLoad({ filter: /.*/, namespace: "templates" }, async () => {
        let names: string[] = [];
        try {
          names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
        } catch {
          names = [];
        }
        const items: string[] = [];
        for (const n of names) {
          const text = await readFile(join(dir, n), "utf8");
          JSON.parse(text);
          found.push(n);
          items.push(`{ name: ${JSON.stringify(n.replace(/\.json$/, ""))}, input: ${text.trim()} }`);
        }
        return {
          loader: "js",
          contents: `export default [${items.join(",\n")}];`,
          watchFiles: names.map((n) => join(dir, n)),
        };
      });
    },
  };
}

/** Bundles the add-on; writes `Code.js` atomically (temp file, then rename). */
export async function buildGas(opts: BuildGasOptions = {}): Promise<BuildGasResult> {
  const outDir = resolve(ROOT, opts.outDir ?? DEFAULT_OUT_DIR);
  const templatesDir = resolve(ROOT, opts.templatesDir ?? "sheets-templates");
  const templates: string[] = [];
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, "src/gas/entry/main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    target: "es2020",
    mainFields: ["module", "main"],
    conditions: ["import", "default"],
    inject: opts.shims === false ? [] : [join(ROOT, "src/gas/entry/shims-install.ts")],
    plugins: [
      exceljsBrowserPlugin(opts.probe ?? false),
      docxLazyPlugin(opts.docx ?? true, opts.probe ?? false),
      templatesPlugin(templatesDir, templates),
      zodLocalesPlugin(ROOT),
    ],
    minify: opts.minify ?? true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "warning",
    tsconfig: join(ROOT, "src/gas/tsconfig.json"),
  });
  const bundle = result.outputFiles[0].text;
  const names = ENTRY_POINTS.map((e) => e.name);
  const text = [
    "// Tổng hợp báo cáo — Apps Script add-on. Generated by scripts/build-gas.ts; do not edit.",
    bundle.trimEnd(),
    "",
    "// Entry points: Apps Script finds menu items, triggers and google.script.run targets only as",
    "// top-level function declarations.",
    ...names.map(entryStub),
    "",
  ].join("\n");
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, "Code.js");
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text, "utf8");
  await rename(tmp, file);
  const manifestTmp = join(outDir, `appsscript.json.${process.pid}.tmp`);
  await copyFile(join(ROOT, "appsscript.json"), manifestTmp);
  await rename(manifestTmp, join(outDir, "appsscript.json"));
  return { file, bytes: Buffer.byteLength(text, "utf8"), templates, entryPoints: names };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildGas()
    .then((r) => {
      console.log(
        `Đã đóng gói ${r.file} (${(r.bytes / 1024).toFixed(0)} KB), ${r.entryPoints.length} hàm, mẫu: ${r.templates.join(", ") || "(không có)"}.`,
      );
    })
    .catch((e: unknown) => {
      console.error(`Đóng gói Apps Script thất bại: ${(e as Error).message}`);
      process.exitCode = 1;
    });
}
