import { describe, expect, it } from "vitest";
import { COMPILE_BUDGET_MS, COMPILE_COST, cellsPerUnit, compileCells, compileFits, estimateCompileMs, EXECUTION_LIMIT_MS, maxCompileUnits } from "./run-budget.js";

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
    for (const [dw, cw] of [[29, 11], [90, 11], [12, 8]]) {
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
