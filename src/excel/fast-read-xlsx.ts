/**
 * A fast reader of cell values only, for the many small files units email in. exceljs builds
 * a full workbook model (styles, validations, formatting) per file; consolidating hundreds of
 * one-row files only needs the values, so this reads the sheet XML directly. A number in a
 * date-formatted cell becomes a `Date` exactly as exceljs makes it (same format test, same
 * 1904 offset), so both readers hand the core identical cells. Anything it does not
 * understand throws, and the caller falls back to the exceljs reader.
 */
import { unzipSync, strFromU8 } from "fflate";
import type { CellValue, Grid } from "../core/cell.js";
import { serialToWallClock } from "../core/dates.js";
import type { Problem } from "../core/problem.js";
import { mergedProblem, type SheetGrid } from "./read-workbook.js";

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes XML text as an XML parser does: line ends normalised to "\n" (a literal CR never
 * survives parsing; an encoded &#13; does), then character and entity references.
 */
export function decodeXml(raw: string): string {
  const s = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
  );
}

/** Excel writes characters XML cannot hold as "_x000D_"; exceljs decodes them in text runs, so do we. */
function unescapeOoxml(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Text of every <t> inside `xml`, skipping phonetic runs. */
function texts(xml: string): string {
  let out = "";
  const clean = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += unescapeOoxml(decodeXml(m[1] ?? ""));
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

/** Built-in number formats exceljs knows (ids 0–49 with one code); only date ones matter here. */
const BUILTIN_FORMATS: Record<number, string> = { 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm', 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0" };

/** The date test exceljs applies to a format code, so both readers agree on what is a date. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell style index (the `s` attribute), whether its number format is a date. */
export function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = /\bnumFmtId="(\d+)"/.exec(m[1])?.[1];
    const code = /\bformatCode="([^"]*)"/.exec(m[1])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), decodeXml(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    out.push(id !== 0 && isDateFormat(custom.get(id) ?? BUILTIN_FORMATS[id]));
  }
  return out;
}

/** How a sheet's numbers become dates: which styles are dates, and the workbook's epoch. */
interface DateRule {
  styles: boolean[];
  date1904: boolean;
}

/** Reads every worksheet's cell values. Throws on anything unusual (the caller falls back). */
export function fastReadXlsx(bytes: Uint8Array, source: string): SheetGrid[] {
  const zip = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" || f.name === "xl/_rels/workbook.xml.rels" || f.name === "xl/sharedStrings.xml" || f.name === "xl/styles.xml" || f.name.startsWith("xl/worksheets/sheet") });
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

  const wbText = strFromU8(wbXml);
  const pr = /<workbookPr\b([^>]*)\/?>/.exec(wbText)?.[1] ?? "";
  const dates: DateRule = { styles: dateStyles(zip["xl/styles.xml"] ? strFromU8(zip["xl/styles.xml"]) : undefined), date1904: /\bdate1904="(1|true)"/.test(pr) };

  const out: SheetGrid[] = [];
  for (const m of wbText.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? "");
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\bid="([^"]*)"/.exec(m[1])?.[1];
    const path = rid ? rels.get(rid) : undefined;
    const data = path ? zip[path] : undefined;
    if (!data) throw new Error(`sheet ${name} not found`);
    out.push(readSheet(name, strFromU8(data), shared, dates, source));
  }
  return out;
}

function readSheet(name: string, xml: string, shared: string[], dates: DateRule, source: string): SheetGrid {
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
    if (v === undefined && body.includes("<f")) {
      // A formula saved without its result: passed on as text, as the exceljs reader does.
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(body)?.[1];
      if (!f) throw new Error("shared formula without result");
      const [r, c] = parseRef(ref);
      (grid[r] ??= [])[c] = `=${decodeXml(f)}`;
      continue;
    }
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
      case "n": {
        if (v === undefined) {
          value = null;
          break;
        }
        const n = Number(v);
        const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
        // Same conversion as exceljs: wall-clock fields in UTC, 1904 workbooks shifted.
        value = dates.styles[style] ? serialToWallClock(n + (dates.date1904 ? 1462 : 0)) : n;
        break;
      }
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
      }
    if ((r2 > r1 || c2 > c1) && r2 > 1) problems.push(mergedProblem(m[1], `${m[1]}:${m[2]}`, r1 + 1, where));
  }
  return { name, grid, problems };
}
