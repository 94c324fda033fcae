import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compileGrid } from "../../core/compile/compile.js";
import { buildReportModel, type ReportTable } from "../../core/report/report-model.js";
import { rollup } from "../../core/compile/rollup.js";
import { toResultJson } from "../../core/compile/result-json.js";
import { makeGrid } from "../../../test/fixtures/grid.js";
import { mini } from "../../../test/fixtures/mini-template.js";
import { gridWidths, leftBlockColumns, minimumWidths, wordWidth } from "./write-report-body.js";
import { writeReportXlsx } from "./write-report.js";

const table = (widths: number[], rows: (string | number | null)[][] = []): ReportTable => ({
  columns: widths.map((width, i) => ({ header: `C${i}`, width, align: "center" })),
  rows,
  boldRows: [],
});

describe("minimumWidths", () => {
  it("asks room for a date or a number on one line, but not for a last column spanning to the grid's end", () => {
    const t = table([8, 36, 11, 11], [["III.1.1", "Xây dựng kế hoạch", "31/03/2023", "31/12/2023"]]);
    const min = minimumWidths([t], 5);
    expect(min[2]).toBeGreaterThanOrEqual(10);
    expect(min[3]).toBe(4);
  });
  it("asks room for the last column of a table as wide as the grid (it spans nothing)", () => {
    const t = table([8, 36, 11, 11], [["III.1.1", "Xây dựng kế hoạch", "31/03/2023", "31/12/2023"]]);
    expect(minimumWidths([t], 4)[3]).toBeGreaterThanOrEqual(10);
  });
});

describe("gridWidths", () => {
  it("widens a squeezed date column and keeps the printable width", () => {
    const tasks = table(
      [8, 36, 11, 11, 11, 11, 11, 11],
      [["III.1.1", "Xây dựng kế hoạch", "31/03/2023", 0, 0, 0, 0, 0]],
    );
    const figures = table([5, 40, 9, 11, 10, 12, 12, 12, 12]);
    const w = gridWidths([tasks, figures]);
    expect(w[2]).toBeGreaterThanOrEqual(minimumWidths([tasks, figures], w.length)[2]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(92, 0);
  });
  it("scales the template's proportions when nothing is squeezed", () => {
    expect(gridWidths([table([10, 10, 10, 10, 10, 10, 10, 10])])).toEqual(Array(8).fill(11.5));
  });
});

describe("leftBlockColumns", () => {
  it("spans about 40% of the width", () => {
    expect(leftBlockColumns([5.7, 28.5, 7.8, 7.8, 7.8, 8.6, 8.6, 8.6, 8.6])).toBe(2);
  });
  it("never leaves the header in a lone narrow STT column before a wide one", () => {
    expect(leftBlockColumns([4.5, 35.7, 8.9, 9.8, 8.9, 10.7, 9.8, 3.6])).toBe(2);
  });
});

describe("writeReportBody (read back)", () => {
  it("gives a rolled-up report's issuer and Nơi nhận more than the STT column", async () => {
    const r = compileGrid({
      template: mini,
      periodId: "sau_thang_2023",
      grid: makeGrid(mini, "sau_thang_2023", [
        { ma_don_vi: "THPT-A", tin_bai: 3, xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
      ] as never),
      asOf: "2023-05-10",
    });
    const up = rollup(mini, "sau_thang_2023", [{ source: "a.json", doc: toResultJson(mini, r) }], {
      name: "UBND THÀNH PHỐ HẢI PHÒNG",
      parent: "",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeReportXlsx(buildReportModel(up.template, up.result))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Báo cáo")!;
    const mergedWidth = (text: string) => {
      let width = 0;
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value === text && c.master === c) {
            // The merge runs while the next cells share this master.
            for (let col = Number(c.col); ws.getCell(Number(c.row), col).master === c; col++)
              width += ws.getColumn(col).width ?? 0;
          }
        }),
      );
      return width;
    };
    expect(mergedWidth("UBND THÀNH PHỐ HẢI PHÒNG")).toBeGreaterThan(30);
    expect(mergedWidth("Nơi nhận:")).toBeGreaterThan(30);
  });
});

describe("wordWidth", () => {
  it("gives a date more room than a task code of narrow letters", () => {
    expect(wordWidth("31/03/2023")).toBeGreaterThan(10);
    expect(wordWidth("III.1.1")).toBeLessThan(7);
  });
});
