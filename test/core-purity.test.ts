/** The core must run inside Apps Script: no Node modules, no Node or Apps Script globals. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../src/core/", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") && !d.name.endsWith(".test.ts") ? [join(dir, d.name)] : []));

const FORBIDDEN = [
  /from\s+["']node:/,
  /from\s+["'](fs|path|os|url|child_process|http|https|crypto|stream|zlib|buffer)["']/,
  /\bprocess\./,
  /\brequire\(/,
  /\bBuffer\b/,
  /\b(SpreadsheetApp|HtmlService|LockService|PropertiesService|Utilities|Session|ScriptApp|MailApp|GmailApp|DriveApp)\b/,
  /from\s+["'](exceljs|googleapis|mammoth|commander)["']/,
];

describe("src/core", () => {
  it("imports nothing from Node, Apps Script, exceljs or googleapis", () => {
    const offenders: string[] = [];
    for (const f of files(ROOT)) {
      const text = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const re of FORBIDDEN) if (re.test(text)) offenders.push(`${f.slice(ROOT.length)}: ${re}`);
    }
    expect(offenders).toEqual([]);
  });
});
