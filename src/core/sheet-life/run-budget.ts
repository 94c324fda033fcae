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
export const COMPILE_COST: CostModel = {
  msPerCall: 7,
  msPerCell: 0.1,
  cpuMsPerUnit: 2,
  fixedCalls: 80,
  fixedCells: 4000,
};

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
export function maxCompileUnits(
  dataWidth: number,
  configWidth: number,
  m: CostModel = COMPILE_COST,
  budgetMs = COMPILE_BUDGET_MS,
): number {
  const fixed = estimateCompileMs({ units: 0, dataWidth, configWidth }, m);
  const perUnit = cellsPerUnit(dataWidth, configWidth) * m.msPerCell + m.cpuMsPerUnit;
  return Math.max(0, Math.floor((budgetMs - fixed) / perUnit));
}

/** True when a compile of this size is expected to finish inside the budget. */
export const compileFits = (s: CompileSize, m: CostModel = COMPILE_COST, budgetMs = COMPILE_BUDGET_MS): boolean =>
  estimateCompileMs(s, m) <= budgetMs;

/** What Thiết lập bảng tính may plan to spend in one run: 4.5 of the 6 minutes (it then stops safely and resumes). */
export const SETUP_BUDGET_MS = 4.5 * 60 * 1000;

/** The size of a set-up, known from the template before any sheet is written. */
export interface SetupSize {
  /** Unit rows of each data sheet. */
  units: number;
  /** Data sheets to write (periods not yet archived). */
  periods: number;
  /** Columns of a data sheet (table and legend). */
  dataWidth: number;
  /** Columns of the "Cấu hình" sheet. */
  configWidth: number;
}

/** Time costs of a set-up, on the same per-call and per-cell figures as {@link COMPILE_COST}. */
export interface SetupCostModel {
  msPerCall: number;
  msPerCell: number;
  /** Calls of a run whatever its size (Cấu hình, the log, the trigger, messages). */
  fixedCalls: number;
  /** Calls per data sheet whatever its rows (bulk writes, validation, rules, widths, header protections). */
  sheetCalls: number;
  /**
   * Calls per unit row per data sheet: a new row protection (protect, setDescription, addEditors,
   * removeEditors, setDomainEdit) or the check of an existing one (getDescription, getRange,
   * getA1Notation, getEditors, canDomainEdit), whichever is more.
   */
  rowCalls: number;
  /** Calls per unit row a stopped run already finished (its protection is only listed, getDescription). */
  resumedRowCalls: number;
  /** Cell passes per unit row of a data sheet: values and notes read; formats, values, notes and validations written. */
  rowCellPasses: number;
  /** Cell passes per unit row of "Cấu hình" (read once a run). */
  configCellPasses: number;
}

/** The set-up model: calls per row, per sheet and per run, and cell passes, as measured in the harness (test/gas/call-counts.test.ts holds the model above the measurement). */
export const SETUP_COST: SetupCostModel = {
  msPerCall: COMPILE_COST.msPerCall,
  msPerCell: COMPILE_COST.msPerCell,
  fixedCalls: 200,
  sheetCalls: 300,
  rowCalls: 5,
  resumedRowCalls: 1,
  rowCellPasses: 6,
  configCellPasses: 1,
};

/** More runs than this is not a plan a Văn phòng will follow: such a set-up is refused up front. */
export const MAX_SETUP_RUNS = 6;

/** How a set-up of some size runs: in how many runs of at most the budget, and whether it can finish at all. */
export interface SetupRunPlan {
  /** Runs needed (each stops inside the budget and the next resumes); Infinity when a run cannot make progress. */
  runs: number;
  /**
   * False when it cannot be done this way: a run would make no progress ("stalls": rewriting the
   * sheet it stopped in, and listing the rows already protected there, fill it), or it would take
   * more than {@link MAX_SETUP_RUNS} runs ("runs").
   */
  fits: boolean;
  /** Why it does not fit. */
  reason?: "stalls" | "runs";
  /** Estimated milliseconds of all runs together. */
  totalMs: number;
}

/**
 * Plans a set-up as Thiết lập runs it: each run reads Cấu hình, skips the data sheets finished by
 * earlier runs, rewrites the sheet it stopped in, lists (but does not re-check) the rows already
 * protected there, and protects rows until the budget is spent; the next run resumes there.
 */
export function planSetupRuns(
  s: SetupSize,
  m: SetupCostModel = SETUP_COST,
  budgetMs = SETUP_BUDGET_MS,
  maxRuns = MAX_SETUP_RUNS,
): SetupRunPlan {
  const runFixed = m.fixedCalls * m.msPerCall + s.units * s.configWidth * m.configCellPasses * m.msPerCell;
  const sheetMs = m.sheetCalls * m.msPerCall + (s.units + 2) * s.dataWidth * m.rowCellPasses * m.msPerCell;
  const rowMs = m.rowCalls * m.msPerCall;
  const resumedMs = m.resumedRowCalls * m.msPerCall;
  if (s.periods === 0 || s.units === 0) {
    const ms = runFixed + s.periods * sheetMs;
    return ms <= budgetMs
      ? { runs: 1, fits: true, totalMs: ms }
      : { runs: Infinity, fits: false, reason: "stalls", totalMs: Infinity };
  }
  // A run that cannot protect a single row after rewriting one sheet would never finish.
  if (runFixed + sheetMs + rowMs > budgetMs)
    return { runs: Infinity, fits: false, reason: "stalls", totalMs: Infinity };
  let sheet = 0;
  let row = 0;
  let runs = 0;
  let totalMs = 0;
  while (sheet < s.periods) {
    runs++;
    let t = runFixed;
    const resumed = row;
    const startSheet = sheet;
    t += sheetMs + resumed * resumedMs;
    while (sheet < s.periods) {
      const left = s.units - row;
      const fit = Math.max(0, Math.floor((budgetMs - t) / rowMs));
      if (fit < left) {
        row += fit;
        t += fit * rowMs;
        break;
      }
      row = 0;
      sheet++;
      t += left * rowMs;
      if (sheet < s.periods) {
        if (t + sheetMs + rowMs > budgetMs) break;
        t += sheetMs;
      }
    }
    totalMs += t;
    // No row protected in a whole run (the resumed rows alone fill it): resuming would not finish.
    if (sheet === startSheet && row <= resumed)
      return { runs: Infinity, fits: false, reason: "stalls", totalMs: Infinity };
  }
  return runs <= maxRuns ? { runs, fits: true, totalMs } : { runs, fits: false, reason: "runs", totalMs };
}
