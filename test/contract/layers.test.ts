/** The core runs inside Apps Script (no Node, no Apps Script globals), and every folder imports only the folders below it. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src/", import.meta.url).pathname;
const CORE = join(SRC, "core");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(join(dir, d.name))
      : d.name.endsWith(".ts") && !d.name.endsWith(".test.ts")
        ? [join(dir, d.name)]
        : [],
  );
const code = (f: string) => readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");

const FORBIDDEN = [
  /from\s+["']node:/,
  /from\s+["'](fs|path|os|url|child_process|http|https|crypto|stream|zlib|buffer)["']/,
  /\bprocess\./,
  /\brequire\(/,
  /\bBuffer\b/,
  /\b(SpreadsheetApp|HtmlService|LockService|PropertiesService|Utilities|Session|ScriptApp|MailApp|GmailApp|DriveApp)\b/,
  /from\s+["'](exceljs|googleapis|mammoth|commander)["']/,
];

/**
 * Folders from the bottom up; a file may import its own folder and folders ranked lower.
 * Folders on the same rank (gas and cli) may not import each other.
 */
const LAYERS: Record<string, number> = {
  "core/model": 0,
  "core/vn": 1,
  "core/template": 2,
  "core/read": 3,
  "core/compile": 4,
  "core/report": 5,
  "core/sheet-life": 6,
  "core/import-plan": 7,
  "excel/read": 10,
  "excel/write": 11,
  docx: 11,
  "gas/platform": 20,
  "gas/sheets": 21,
  "gas/ui": 22,
  "gas/commands": 23,
  "gas/entry": 24,
  cli: 20,
};

/** The layer folder a source file belongs to: the longest key of LAYERS its path starts with. */
function layerOf(rel: string): string {
  const key = Object.keys(LAYERS)
    .filter((k) => rel === k || rel.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (!key) throw new Error(`no layer for ${rel}`);
  return key;
}

/** Relative imports of a file, resolved to paths under src/ (".js" read as ".ts"). */
function importsOf(file: string): string[] {
  const specs = [...code(file).matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
  return specs
    .map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, ".ts"))
    .filter((r) => r.endsWith(".ts") && !r.startsWith(".."));
}

const ALL = files(SRC).filter((f) => !f.endsWith(".d.ts"));
const graph = new Map(ALL.map((f) => [relative(SRC, f), importsOf(f)]));

describe("src/core", () => {
  it("imports nothing from Node, Apps Script, exceljs or googleapis", () => {
    const offenders: string[] = [];
    for (const f of files(CORE)) {
      const text = code(f);
      for (const re of FORBIDDEN) if (re.test(text)) offenders.push(`${f.slice(CORE.length)}: ${re}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe("layers", () => {
  it("knows every source file's folder", () => {
    expect(graph.size).toBeGreaterThan(100);
    for (const rel of graph.keys()) expect(() => layerOf(rel)).not.toThrow();
  });

  it("lets each folder import only itself and the folders below it", () => {
    const offenders: string[] = [];
    for (const [from, targets] of graph) {
      const a = layerOf(from);
      for (const to of targets) {
        const b = layerOf(to);
        if (a !== b && LAYERS[b] >= LAYERS[a]) offenders.push(`${from} → ${to}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("lets src/docx import only src/core, like a renderer beside excel/write", () => {
    const offenders = [...graph]
      .filter(([from]) => layerOf(from) === "docx")
      .flatMap(([from, targets]) => targets.filter((to) => !/^(core|docx)\//.test(to)).map((to) => `${from} → ${to}`));
    expect(offenders).toEqual([]);
    expect([...graph.keys()].some((f) => f.startsWith("docx/"))).toBe(true);
  });

  it("has no import circles", () => {
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        circles.push([...path.slice(path.indexOf(f)), f].join(" → "));
        return;
      }
      state.set(f, "open");
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, "done");
    };
    for (const f of graph.keys()) visit(f, []);
    expect(circles).toEqual([]);
  });
});
