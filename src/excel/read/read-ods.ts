/**
 * Reads an OpenDocument spreadsheet (.ods, LibreOffice's own format) into the same grids as
 * the .xlsx readers: a zip whose content.xml holds every table. Values come from the typed
 * attributes (office:value, office:date-value…), never from the displayed text, so a number
 * is the number LibreOffice stored whatever locale displayed it.
 */
import { strFromU8, unzipSync } from "fflate";
import type { CellValue, Grid } from "../../core/model/cell.js";
import { colName } from "../../core/read/map-grid.js";
import { AppError, type Problem } from "../../core/model/problem.js";
import { decodeXml } from "./fast-read-xlsx.js";
import { savedAtFromOdsMeta } from "./saved-at.js";
import { mergedProblem, type SheetGrid } from "./sheet-grid.js";

/** Columns a repeated non-empty cell is expanded to at most (the sheet's width in Calc). */
const MAX_COLUMNS = 16_384;

/** True for the bytes of a zip whose mimetype says OpenDocument spreadsheet. */
export function isOds(bytes: Uint8Array): boolean {
  if (bytes.length < 80 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  // ODF puts the uncompressed "mimetype" entry first, so its text sits at a fixed offset.
  return strFromU8(bytes.subarray(30, 100)).includes("mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
}

/** The value of attribute `name` in a tag's attribute text. */
function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

/** The text of a cell's paragraphs, as a person sees it: paragraphs on their own lines. */
function cellText(inner: string): string {
  const body = inner.replace(/<office:annotation\b[\s\S]*?<\/office:annotation>/g, "");
  const paras: string[] = [];
  for (const m of body.matchAll(/<text:p\b[^>]*\/>|<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)) {
    const p = (m[1] ?? "")
      .replace(/<text:s\b([^>]*)\/>/g, (_, a: string) => " ".repeat(Number(attr(a, "text:c") ?? "1")))
      .replace(/<text:tab\b[^>]*\/>/g, "\t")
      .replace(/<text:line-break\b[^>]*\/>/g, "\n")
      .replace(/<[^>]+>/g, "");
    paras.push(decodeXml(p));
  }
  return paras.join("\n");
}

/** "2023-05-04" or "2023-05-04T10:30:00" as a Date whose UTC fields are that wall-clock time. */
function odsDate(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))) : null;
}

/** "PT10H30M00S" as a time on 30/12/1899, the way .xlsx readers hand a bare time. */
function odsTime(v: string): Date | null {
  const m = /^PT(\d+)H(\d+)M(\d+(?:\.\d+)?)S$/.exec(v);
  return m ? new Date(Date.UTC(1899, 11, 30, +m[1], +m[2], Math.round(+m[3]))) : null;
}

/** One cell's value from its attributes and content. */
function cellValue(attrs: string, inner: string): CellValue {
  const type = attr(attrs, "office:value-type");
  if (attr(attrs, "calcext:value-type") === "error") return { error: cellText(inner) || "#VALUE!" };
  switch (type) {
    case "float":
    case "percentage":
    case "currency":
      return Number(attr(attrs, "office:value"));
    case "date":
      return odsDate(attr(attrs, "office:date-value") ?? "");
    case "time":
      return odsTime(attr(attrs, "office:time-value") ?? "");
    case "boolean":
      return attr(attrs, "office:boolean-value") === "true";
    default: {
      const text = attr(attrs, "office:string-value") ?? cellText(inner);
      return text === "" ? null : text;
    }
  }
}

const ROW = /<table:table-row(?=[\s/>])([^>]*?)\/>|<table:table-row(?=[\s/>])([^>]*)>([\s\S]*?)<\/table:table-row>/g;
const CELL =
  /<table:(table-cell|covered-table-cell)\b([^>]*?)\/>|<table:(table-cell|covered-table-cell)\b([^>]*)>([\s\S]*?)<\/table:\3>/g;

/** One table's rows as a grid, with merged blocks that reach the data rows reported. */
function readTable(name: string, xml: string, source: string): SheetGrid {
  const grid: Grid = [];
  const problems: Problem[] = [];
  let r = 0;
  for (const row of xml.matchAll(ROW)) {
    const rowAttrs = row[1] ?? row[2] ?? "";
    const repeat = Number(attr(rowAttrs, "table:number-rows-repeated") ?? "1");
    const line: CellValue[] = [];
    let c = 0;
    for (const cell of (row[3] ?? "").matchAll(CELL)) {
      const covered = (cell[1] ?? cell[3]) === "covered-table-cell";
      const attrs = cell[2] ?? cell[4] ?? "";
      const n = Number(attr(attrs, "table:number-columns-repeated") ?? "1");
      const v = covered ? null : cellValue(attrs, cell[5] ?? "");
      if (v !== null) for (let k = 0; k < n && c + k < MAX_COLUMNS; k++) line[c + k] = v;
      const spanR = Number(attr(attrs, "table:number-rows-spanned") ?? "1");
      const spanC = Number(attr(attrs, "table:number-columns-spanned") ?? "1");
      // A merged block keeps its value only in its top-left cell, as the .xlsx readers do.
      if (!covered && (spanR > 1 || spanC > 1) && r + spanR > 2) {
        const master = `${colName(c)}${r + 1}`;
        problems.push(mergedProblem(master, `${master}:${colName(c + spanC - 1)}${r + spanR}`, r + 1, source));
      }
      c += n;
    }
    // Trailing empty rows are written as one row repeated to the sheet's end: never expanded.
    if (line.length === 0) {
      r += repeat;
      continue;
    }
    for (let k = 0; k < repeat; k++) grid[r + k] = k === 0 ? line : [...line];
    r += repeat;
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return { name, grid, problems };
}

/**
 * Reads every table of an .ods file.
 * @throws AppError "file.unreadable" when the file is not a readable OpenDocument spreadsheet.
 */
export function readOds(bytes: Uint8Array, source = "tệp .ods"): SheetGrid[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "content.xml" || f.name === "meta.xml" });
  } catch (e) {
    files = {};
    void e;
  }
  const content = files["content.xml"];
  if (!content) {
    throw new AppError(
      "file.unreadable",
      `Không đọc được ${source}: tệp không phải bảng tính OpenDocument (.ods) hợp lệ hoặc đã bị hỏng (có thể có mật khẩu).`,
      ["Mở tệp bằng LibreOffice để kiểm tra, bỏ mật khẩu nếu có, lưu lại rồi gửi lại."],
    );
  }
  const xml = strFromU8(content);
  const savedAt = files["meta.xml"] ? savedAtFromOdsMeta(strFromU8(files["meta.xml"])) : undefined;
  const out: SheetGrid[] = [];
  for (const t of xml.matchAll(/<table:table(?=[\s>])([^>]*)>([\s\S]*?)<\/table:table>/g)) {
    const name = attr(t[1], "table:name") ?? `Trang ${out.length + 1}`;
    const sheet = readTable(name, t[2], `${source} › ${name}`);
    if (savedAt) sheet.savedAt = savedAt;
    out.push(sheet);
  }
  return out;
}
