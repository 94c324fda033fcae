/** Turns Sheets API values (UNFORMATTED_VALUE, SERIAL_NUMBER) into the grid the .xlsx readers produce. */
import type { CellValue, Grid } from "../../core/model/cell.js";
import { colName } from "../../core/read/map-grid.js";
import type { Problem } from "../../core/model/problem.js";
import { mergedProblem } from "../../excel/read/sheet-grid.js";

/** A merged range as the API gives it: 0-based, end-exclusive. */
export interface GridRange {
  sheetId?: number | null;
  startRowIndex?: number | null;
  endRowIndex?: number | null;
  startColumnIndex?: number | null;
  endColumnIndex?: number | null;
}

// The values API returns formula errors as their text; the .xlsx readers give error cells.
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!)$/;

/**
 * One cell. With UNFORMATTED_VALUE and SERIAL_NUMBER the API gives numbers as numbers,
 * checkboxes as booleans, dates as serial numbers (left as numbers, exactly as the fast
 * .xlsx reader leaves them, so the core reads both by column type), blanks as "".
 */
export function apiCell(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  const s = String(v);
  return ERROR_TEXT.test(s) ? { error: s } : s;
}

/** 0-based row and column of the first cell of an A1 range such as "'Tên trang'!B3:H20". */
export function rangeStart(range: string | null | undefined): [number, number] {
  const cells = range?.slice(range.lastIndexOf("!") + 1) ?? "";
  const m = /^\$?([A-Z]*)\$?(\d*)/i.exec(cells);
  let col = 0;
  for (const ch of (m?.[1] ?? "").toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [m?.[2] ? Number(m[2]) - 1 : 0, col ? col - 1 : 0];
}

/**
 * The grid of one returned value range, placed at its sheet position. Trailing blank cells
 * and rows that the API leaves out are simply absent, as in the .xlsx readers.
 */
export function valuesToGrid(values: readonly (readonly unknown[])[] | null | undefined, range?: string | null): Grid {
  const [r0, c0] = rangeStart(range);
  const grid: Grid = [];
  (values ?? []).forEach((row, i) => {
    const line: CellValue[] = [];
    row.forEach((v, j) => {
      const cell = apiCell(v);
      if (cell !== null) line[c0 + j] = cell;
    });
    grid[r0 + i] = line;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** A1 name of a 0-based cell. */
const a1 = (r: number, c: number) => `${colName(c)}${r + 1}`;

/**
 * Blanks the merged-away cells and reports each merged block reaching into the data rows,
 * with the .xlsx readers' own warning (the Sheets API already returns those cells blank).
 */
export function applyMerges(grid: Grid, merges: readonly GridRange[] | null | undefined, where: string): Problem[] {
  const problems: Problem[] = [];
  for (const m of merges ?? []) {
    const r1 = m.startRowIndex ?? 0;
    const c1 = m.startColumnIndex ?? 0;
    const r2 = (m.endRowIndex ?? r1 + 1) - 1;
    const c2 = (m.endColumnIndex ?? c1 + 1) - 1;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) if ((r !== r1 || c !== c1) && grid[r]) grid[r][c] = null;
    // Rows 1–2 are the key and header rows; merges there are layout, not data.
    if ((r2 > r1 || c2 > c1) && r2 > 1)
      problems.push(mergedProblem(a1(r1, c1), `${a1(r1, c1)}:${a1(r2, c2)}`, r1 + 1, where));
  }
  return problems;
}

/** The A1 range of a whole sheet: its title, quoted (a quote inside is doubled). */
export function wholeSheetRange(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}
