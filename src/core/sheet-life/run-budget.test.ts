import { describe, expect, it } from "vitest";
import {
  COMPILE_BUDGET_MS,
  COMPILE_COST,
  cellsPerUnit,
  compileCells,
  compileFits,
  estimateCompileMs,
  EXECUTION_LIMIT_MS,
  maxCompileUnits,
  MAX_SETUP_RUNS,
  planSetupRuns,
  SETUP_BUDGET_MS,
  SETUP_COST,
} from "./run-budget.js";

describe("estimateCompileMs", () => {
  it("grows by one data row, one Cấu hình row and the script work per unit", () => {
    const a = estimateCompileMs({ units: 100, dataWidth: 29, configWidth: 11 });
    const b = estimateCompileMs({ units: 101, dataWidth: 29, configWidth: 11 });
    expect(b - a).toBeCloseTo(cellsPerUnit(29, 11) * COMPILE_COST.msPerCell + COMPILE_COST.cpuMsPerUnit, 9);
    expect(compileCells({ units: 10, dataWidth: 29, configWidth: 11 }).read).toBe(12 * 29 + 10 * 11);
  });
  it("plans inside the 6-minute limit with room to spare", () => {
    expect(COMPILE_BUDGET_MS).toBeLessThan(EXECUTION_LIMIT_MS);
  });
});

describe("maxCompileUnits", () => {
  it("is the last size that fits: one more unit does not", () => {
    for (const [dw, cw] of [
      [29, 11],
      [90, 11],
      [12, 8],
    ]) {
      const n = maxCompileUnits(dw, cw);
      expect(n).toBeGreaterThan(1000);
      expect(compileFits({ units: n, dataWidth: dw, configWidth: cw })).toBe(true);
      expect(compileFits({ units: n + 1, dataWidth: dw, configWidth: cw })).toBe(false);
    }
  });
  it("shrinks as the sheet gets wider", () => {
    expect(maxCompileUnits(90, 11)).toBeLessThan(maxCompileUnits(29, 11));
  });
});

describe("planSetupRuns", () => {
  const size = (units: number, periods: number) => ({ units, periods, dataWidth: 30, configWidth: 11 });

  it("fits a real plan (72 units, 6 periods) in one run", () => {
    expect(planSetupRuns(size(72, 6))).toMatchObject({ runs: 1, fits: true });
  });

  it("needs more runs as units and periods grow, each inside the budget", () => {
    const two = planSetupRuns(size(2000, 2));
    const six = planSetupRuns(size(2000, 6));
    expect(two.fits && six.fits).toBe(true);
    expect(six.runs).toBeGreaterThan(two.runs);
    expect(six.totalMs).toBeGreaterThan(SETUP_BUDGET_MS);
    expect(six.runs).toBeGreaterThanOrEqual(Math.ceil(six.totalMs / SETUP_BUDGET_MS));
    expect(SETUP_BUDGET_MS).toBeLessThan(EXECUTION_LIMIT_MS);
  });

  it("counts a resumed row as listed, not re-checked: resuming costs less than starting over", () => {
    const cheap = planSetupRuns(size(2000, 6));
    const recheck = planSetupRuns(size(2000, 6), { ...SETUP_COST, resumedRowCalls: SETUP_COST.rowCalls });
    expect(cheap.totalMs).toBeLessThan(recheck.totalMs);
  });

  it("never finishes when resuming re-checks every row at the cost of protecting it (the old set-up)", () => {
    // Enough rows that one run cannot protect them all: each later run spends itself re-checking.
    expect(
      planSetupRuns(
        size(20_000, 1),
        { ...SETUP_COST, sheetCalls: 0, rowCellPasses: 0, configCellPasses: 0, resumedRowCalls: SETUP_COST.rowCalls },
        SETUP_BUDGET_MS,
        1000,
      ),
    ).toMatchObject({ fits: false, runs: Infinity, reason: "stalls" });
    expect(
      planSetupRuns(
        size(20_000, 1),
        { ...SETUP_COST, sheetCalls: 0, rowCellPasses: 0, configCellPasses: 0 },
        SETUP_BUDGET_MS,
        1000,
      ),
    ).toMatchObject({ fits: true });
  });

  it("refuses a size whose single data sheet cannot be written in one run", () => {
    expect(planSetupRuns(size(20_000, 1))).toMatchObject({ fits: false, runs: Infinity, reason: "stalls" });
  });

  it(`refuses a size that would take more than ${MAX_SETUP_RUNS} runs, and says how many`, () => {
    const p = planSetupRuns(size(5000, 6));
    expect(p).toMatchObject({ fits: false, reason: "runs" });
    expect(p.runs).toBeGreaterThan(MAX_SETUP_RUNS);
    expect(planSetupRuns(size(5000, 6), SETUP_COST, SETUP_BUDGET_MS, p.runs)).toMatchObject({
      fits: true,
      runs: p.runs,
    });
  });
});
