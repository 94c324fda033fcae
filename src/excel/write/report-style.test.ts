import { describe, expect, it } from "vitest";
import { EXCEL_CELL_MAX, fitCell, wrappedHeight } from "./report-style.js";

describe("fitCell", () => {
  it("keeps text Excel can hold as it is", () => {
    expect(fitCell("Khó khăn")).toBe("Khó khăn");
    expect(fitCell("a".repeat(EXCEL_CELL_MAX))).toHaveLength(EXCEL_CELL_MAX);
  });
  it("cuts longer text to Excel's limit and says how long the original was", () => {
    const out = fitCell("x".repeat(50000));
    expect(out).toHaveLength(EXCEL_CELL_MAX);
    expect(out.endsWith("(đã cắt bớt, bản gốc 50000 ký tự)")).toBe(true);
  });
  it("never leaves half an emoji at the cut", () => {
    for (let shift = 0; shift < 2; shift++) {
      const out = fitCell("a".repeat(shift) + "😀".repeat(30000));
      expect(out.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe("wrappedHeight", () => {
  it("grows with the text and stops at Excel's tallest row", () => {
    expect(wrappedHeight("ngắn", 80, 13)).toBeLessThan(wrappedHeight("dài ".repeat(100), 80, 13));
    expect(wrappedHeight("dài ".repeat(20000), 80, 13)).toBe(409);
  });
});
