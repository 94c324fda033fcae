/**
 * A fast reader of cell values only, for the many small files units email in. exceljs builds
 * a full workbook model (styles, validations, formatting) per file; consolidating hundreds of
 * one-row files only needs the values, so this reads the sheet XML directly. Dates stay
 * serial numbers, which the core reads by column type (as for the Sheets API). Anything it
 * does not understand throws, and the caller falls back to the exceljs reader.
 */
import { unzipSync, strFromU8 } from "fflate";
import type { CellValue, Grid } from "../core/cell.js";
import { colName } from "../core/map-grid.js";
import type { Problem } from "../core/problem.js";
import type { SheetGrid } from "./read-workbook.js";

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML character and entity references. */
export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
  );
}

/** Text of every <t> inside `xml`, skipping phonetic runs. */
function texts(xml: string): string {
  let out = "";
  const clean = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += decodeXml(m[1] ?? "");
  return out;
}

/** Column letters ("AB") to a 0-based index. */
function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** Splits "B3" into 0-based row and column. */
function parseRef(ref: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell ref ${ref}`);
  return [Number(m[2]) - 1, colIndex(m[1])];
}

/** Reads every worksheet's cell values. Throws on anything unusual (the caller falls back). */
export function fastReadXlsx(bytes: Uint8Array, source: string): SheetGrid[] {
  const zip = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" || f.name === "xl/_rels/workbook.xml.rels" || f.name === "xl/sharedStrings.xml" || f.name.startsWith("xl/worksheets/sheet") });
  const wbXml = zip["xl/workbook.xml"];
  const relsXml = zip["xl/_rels/workbook.xml.rels"];
  if (!wbXml || !relsXml) throw new Error("not a workbook");
  const rels = new Map<string, string>();
  for (const m of strFromU8(relsXml).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) rels.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const shared: string[] = [];
  const ss = zip["xl/sharedStrings.xml"];
  if (ss) for (const m of strFromU8(ss).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(texts(m[1] ?? ""));

  const out: SheetGrid[] = [];
  for (const m of strFromU8(wbXml).matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? "");
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\bid="([^"]*)"/.exec(m[1])?.[1];
    const path = rid ? rels.get(rid) : undefined;
    const data = path ? zip[path] : undefined;
    if (!data) throw new Error(`sheet ${name} not found`);
    out.push(readSheet(name, strFromU8(data), shared, source));
  }
  return out;
}

function readSheet(name: string, xml: string, shared: string[], source: string): SheetGrid {
  const grid: Grid = [];
  const problems: Problem[] = [];
  const where = `${source} › ${name}`;
  // Cells live in <sheetData>; validations and formatting after it need not be scanned.
  const end = xml.indexOf("</sheetData>");
  const cells = end >= 0 ? xml.slice(0, end) : xml;
  for (const m of cells.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1];
    const ref = /\br="([^"]*)"/.exec(attrs)?.[1];
    if (!ref) throw new Error("cell without reference");
    const body = m[2] ?? "";
    const t = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? "n";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let value: CellValue;
    switch (t) {
      case "s":
        value = v === undefined ? null : shared[Number(v)];
        if (value === undefined) throw new Error("shared string out of range");
        break;
      case "inlineStr":
        value = texts(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
        break;
      case "str":
        value = v === undefined ? null : decodeXml(v);
        break;
      case "b":
        value = v === undefined ? null : v === "1";
        break;
      case "e":
        value = { error: decodeXml(v ?? "#N/A") };
        break;
      case "n":
        value = v === undefined ? null : Number(v);
        break;
      default:
        throw new Error(`cell type ${t}`);
    }
    if (value === null) continue;
    const [r, c] = parseRef(ref);
    (grid[r] ??= [])[c] = value;
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  // A merged block keeps its value in the top-left cell only (as in the exceljs reader).
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const [r1, c1] = parseRef(m[1]);
    const [r2, c2] = parseRef(m[2]);
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        if (grid[r]) grid[r][c] = null;
        if (r > 1) {
          problems.push({ code: "structure.merged", severity: "warning", column: m[1].replace(/\d+/, ""), value: `${m[1]}:${m[2]}`, message: `Ô ${colName(c)}${r + 1} bị gộp với ô ${m[1]}; chỉ giá trị ở ô ${m[1]} được dùng.`, fix: "Bỏ gộp ô (Unmerge) và nhập riêng từng ô.", row: r + 1, source: where });
        }
      }
  }
  return { name, grid, problems };
}
