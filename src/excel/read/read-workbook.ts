/** Reads an .xlsx file into plain grids the core understands, refusing what cannot be read. */
import type { CellValue as XlCellValue, Worksheet } from "exceljs";
import type { CellValue, Grid } from "../../core/model/cell.js";
import { colName } from "../../core/read/map-grid.js";
import { AppError, type Problem } from "../../core/model/problem.js";
import { fastReadXlsx, type FastReadOptions } from "./fast-read-xlsx.js";
import { loadExcelJS } from "./load-exceljs.js";
import { isOds, readOds } from "./read-ods.js";
import { savedAtFromInstant } from "./saved-at.js";
import { mergedProblem, type SheetGrid } from "./sheet-grid.js";

/** Reduces an exceljs cell value to a core cell value. */
export function toCellValue(v: XlCellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o) return { error: String(o.error) };
  if ("richText" in o) return (o.richText as { text: string }[]).map((x) => x.text).join("");
  if ("formula" in o || "sharedFormula" in o) {
    const res = o.result as XlCellValue | undefined;
    if (res !== undefined && res !== null) return toCellValue(res);
    // A formula saved without its result (written by a program that does not calculate) is
    // passed on as its text, so the core refuses it with a message instead of a silent blank.
    return typeof o.formula === "string" ? `=${o.formula}` : `=${String(o.sharedFormula)}`;
  }
  if ("text" in o) return typeof o.text === "string" ? o.text : toCellValue(o.text as XlCellValue);
  return String(v);
}

/** A worksheet as a grid; merged-away cells are blank and each merged block is reported once. */
export function sheetToGrid(ws: Worksheet, source?: string): SheetGrid {
  const grid: Grid = [];
  const merges = new Map<string, { row: number; col: number; r2: number; c2: number }>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged block shows its top-left value in every cell; keep it only in the top-left,
      // so merging two cells can never copy a figure under a second indicator or unit.
      if (cell.isMerged && cell.master !== cell) {
        const m = cell.master;
        const box = merges.get(m.address) ?? {
          row: Number(m.row),
          col: Number(m.col),
          r2: Number(m.row),
          c2: Number(m.col),
        };
        box.r2 = Math.max(box.r2, r);
        box.c2 = Math.max(box.c2, c);
        merges.set(m.address, box);
        return;
      }
      line[c - 1] = toCellValue(cell.value);
    });
    grid[r - 1] = line;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  const problems: Problem[] = [];
  for (const [master, b] of merges) {
    if (b.r2 > 2) problems.push(mergedProblem(master, `${master}:${colName(b.c2 - 1)}${b.r2}`, b.row, source));
  }
  return { name: ws.name, grid, problems };
}

/**
 * Reads every worksheet of an .xlsx file.
 * @throws AppError "file.encrypted" for password-protected files, "file.unreadable" otherwise.
 */
export async function readWorkbook(bytes: Uint8Array, source = "tệp Excel"): Promise<SheetGrid[]> {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError(
      "file.encrypted",
      `Không đọc được ${source}: tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls).`,
      ["Mở tệp bằng Excel, bỏ mật khẩu (hoặc Lưu thành .xlsx) rồi gửi lại."],
    );
  }
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError(
      "file.unreadable",
      `Không đọc được ${source}: tệp không phải Excel (.xlsx) hợp lệ hoặc đã bị hỏng.`,
      [
        `Chi tiết: ${(e as Error).message.slice(0, 120)}`,
        "Mở tệp bằng Excel để kiểm tra, lưu lại dạng .xlsx rồi thử lại.",
      ],
    );
  }
  const sheets = wb.worksheets.map((ws) => sheetToGrid(ws, `${source} › ${ws.name}`));
  const modified = wb.modified instanceof Date ? savedAtFromInstant(wb.modified.toISOString()) : undefined;
  if (modified) for (const s of sheets) s.savedAt = modified;
  return sheets;
}

/**
 * Reads cell values, fast: the direct reader first, exceljs when the file has anything the
 * direct reader does not handle (and for the clear messages on broken or locked files).
 * `fast` goes to the direct reader (the CLI passes Node's zlib).
 */
export async function readWorkbookValues(
  bytes: Uint8Array,
  source = "tệp Excel",
  fast?: FastReadOptions,
): Promise<SheetGrid[]> {
  // LibreOffice's own format, common on school computers; exceljs cannot read it.
  if (isOds(bytes)) return readOds(bytes, source);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return fastReadXlsx(bytes, source, fast);
    } catch {
      // Fall through to exceljs, which either reads the file or says precisely why not.
    }
  }
  return readWorkbook(bytes, source);
}
