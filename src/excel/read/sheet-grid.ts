/** A worksheet read as a plain grid, shared by both .xlsx readers and the live Sheets reader. */
import type { Grid } from "../../core/model/cell.js";
import type { Problem } from "../../core/model/problem.js";

/** One worksheet as a grid, with the cells that were merged away listed. */
export interface SheetGrid {
  name: string;
  grid: Grid;
  /** Problems the reader found (merged cells in data rows). */
  problems: Problem[];
  /** The workbook's last-saved time (wall clock, UTC+7), when it records one. */
  savedAt?: string;
}

/** The problem for one merged block that reaches into the data rows (row 3 on). */
export function mergedProblem(master: string, range: string, row: number, source?: string): Problem {
  return {
    code: "structure.merged",
    severity: "warning",
    column: master.replace(/\d+$/, ""),
    value: range,
    message: `Các ô ${range} bị gộp; chỉ giá trị ở ô ${master} được dùng, các ô còn lại được coi là trống.`,
    fix: "Bỏ gộp ô (Unmerge) và nhập riêng số liệu của từng ô.",
    row,
    source,
  };
}
