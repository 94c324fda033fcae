/**
 * The 6-minute limit: what a compile in Apps Script costs per unit, and the size above which it
 * is refused up front (the CLI compiles any size).
 */

/** Apps Script stops an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/**
 * What a compile may plan to spend: 4 of the 6 minutes. The rest covers what the model does
 * not see (opening the dialog, a slow day at Google, a spreadsheet other people are editing).
 */
export const COMPILE_BUDGET_MS = 4 * 60 * 1000;

/** The size of a compile, as read before any data is: two cheap calls (getLastRow, getLastColumn). */
export interface CompileSize {
  /** Unit rows of the data sheet. */
  units: number;
  /** Columns of the data sheet's data range (table and legend). */
  dataWidth: number;
  /** Columns of the "Cấu hình" sheet, whose unit table grows with the units. */
  configWidth: number;
}

/** Time costs in Apps Script. */
export interface CostModel {
  /** One round trip to a service. Google's best-practices page: 10,000 single-cell calls take about 70 s. */
  msPerCall: number;
  /** One cell read or written in a batched call. Same page: one batched 10,000-cell write takes about 1 s. */
  msPerCell: number;
  /**
   * Script work per unit (mapping, checks, totals, the Excel file, base64). Measured in the vm
   * harness by `npm run bench` (about 0.2 ms a unit on a laptop) and multiplied by 10 for
   * Apps Script's slower, shared V8 (an assumption, not a measurement).
   */
  cpuMsPerUnit: number;
  /** Service calls a compile makes whatever its size (measured in the harness: they do not grow with units). */
  fixedCalls: number;
  /** Cells read and written whatever the size (Tổng hợp's titles and tables, the plan's fixed rows). */
  fixedCells: number;
}

/** The model the add-on uses. */
export const COMPILE_COST: CostModel = { msPerCall: 7, msPerCell: 0.1, cpuMsPerUnit: 2, fixedCalls: 80, fixedCells: 4000 };

/**
 * Cells a compile reads and writes beyond the fixed part: the data range (its two header rows
 * and one row per unit), and the "Cấu hình" sheet (one row per unit in its unit table).
 * Tổng hợp does not grow with units (one row per group and per indicator; problems aside).
 */
export function compileCells(s: CompileSize): { read: number; written: number } {
  return { read: (s.units + 2) * s.dataWidth + s.units * s.configWidth, written: 0 };
}

/** Cells a compile touches per unit: one data row and one Cấu hình row. */
export const cellsPerUnit = (dataWidth: number, configWidth: number): number => dataWidth + configWidth;

/** Estimated milliseconds of a compile in Apps Script. */
export function estimateCompileMs(s: CompileSize, m: CostModel = COMPILE_COST): number {
  const c = compileCells(s);
  return m.fixedCalls * m.msPerCall + (m.fixedCells + c.read + c.written) * m.msPerCell + s.units * m.cpuMsPerUnit;
}

/** The largest number of units whose compile fits the budget at these widths. */
export function maxCompileUnits(dataWidth: number, configWidth: number, m: CostModel = COMPILE_COST, budgetMs = COMPILE_BUDGET_MS): number {
  const fixed = estimateCompileMs({ units: 0, dataWidth, configWidth }, m);
  const perUnit = cellsPerUnit(dataWidth, configWidth) * m.msPerCell + m.cpuMsPerUnit;
  return Math.max(0, Math.floor((budgetMs - fixed) / perUnit));
}

/** True when a compile of this size is expected to finish inside the budget. */
export const compileFits = (s: CompileSize, m: CostModel = COMPILE_COST, budgetMs = COMPILE_BUDGET_MS): boolean => estimateCompileMs(s, m) <= budgetMs;
