import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compileGrid } from "../../core/compile/compile.js";
import { buildReportModel } from "../../core/report/report-model.js";
import { toResultJson } from "../../core/compile/result-json.js";
import { rollup } from "../../core/compile/rollup.js";
import { parseTemplate } from "../../core/template/template.js";
import { makeGrid } from "../../../test/fixtures/grid.js";
import { mini, miniInput } from "../../../test/fixtures/mini-template.js";
import { cellLines, subtotalCell } from "./write-appendix-figures.js";
import { writeReportXlsx } from "./write-report.js";

const ind = (type: string, aggregate: string) => ({ key: "x", label: "X", type, aggregate }) as never;

describe("subtotalCell", () => {
  it("keeps the template's formula when it gives the compiled figure", () => {
    expect(subtotalCell(ind("boolean", "count"), ["E6:E9"], ["Có", "Không", "Có", null], 2)).toEqual({
      formula: 'COUNTIF(E6:E9,"Có")',
      result: 2,
    });
    expect(subtotalCell(ind("integer", "sum"), ["E6:E9"], [1, 2, null, 4], 7)).toEqual({
      formula: "SUM(E6:E9)",
      result: 7,
    });
  });
  it("sums counts where a rolled-up report holds numbers under a yes/no or choice column", () => {
    expect(subtotalCell(ind("boolean", "count"), ["P7:P8"], [null, 59], 59)).toEqual({
      formula: "SUM(P7:P8)",
      result: 59,
    });
    expect(subtotalCell(ind("choice", "count"), ["R7:R8"], [3, 61], 64)).toEqual({ formula: "SUM(R7:R8)", result: 64 });
  });
  it("writes the figure itself when no formula over the rows gives it (a weighted average)", () => {
    expect(subtotalCell(ind("number", "avg"), ["E7:E8"], [2, 4], 3.5)).toBe(3.5);
  });
  it("keeps an average of nothing from showing #DIV/0! when Excel recalculates", () => {
    expect(subtotalCell(ind("number", "avg"), ["E7:E8"], [null, null], null)).toEqual({
      formula: 'IFERROR(ROUND(AVERAGE(E7:E8),2),"")',
      result: 0,
    });
    expect(subtotalCell(ind("number", "avg"), ["E7:E8"], [2, 3], 2.5)).toEqual({
      formula: 'IFERROR(ROUND(AVERAGE(E7:E8),2),"")',
      result: 2.5,
    });
  });
  it("keeps a live SUM showing 0 over an empty column, as before", () => {
    expect(subtotalCell(ind("integer", "sum"), ["E7:E8"], [null, null], null)).toEqual({
      formula: "SUM(E7:E8)",
      result: 0,
    });
  });
});

describe("cellLines", () => {
  it("counts one line for a short label and more for a long status", () => {
    expect(cellLines("Nộp đúng hạn", 19)).toBe(1);
    expect(cellLines("Chưa nộp (quá hạn) (đã nhập, chưa xác nhận)", 19)).toBe(2);
    expect(cellLines("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN LÃO", 32)).toBe(2);
    expect(cellLines("Phòng Giáo dục và Đào tạo huyện An Lão", 32)).toBe(1);
  });
});

describe("writeAppendixFigures (read back)", () => {
  const office = (name: string, abbreviation: string, rows: Record<string, unknown>[]) => {
    const t = parseTemplate({
      ...miniInput,
      plan: { ...miniInput.plan, issuer: { ...miniInput.plan.issuer, name, abbreviation } },
    });
    const r = compileGrid({
      template: t,
      periodId: "sau_thang_2023",
      grid: makeGrid(t, "sau_thang_2023", rows as never),
      asOf: "2023-05-10",
    });
    return toResultJson(t, r);
  };
  const load = async (bytes: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb.getWorksheet("Phụ lục I")!;
  };
  const row = (ws: ExcelJS.Worksheet, label: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === label) found = r;
    });
    return found!;
  };

  it("gives a rolled-up report subtotals that a recalculation does not change", async () => {
    const a = office("PHÒNG GD&ĐT A", "PGDA", [
      {
        ma_don_vi: "THPT-A",
        tin_bai: 3,
        co_ke_hoach: true,
        muc_do: "Tốt",
        xac_nhan_gui: true,
        thoi_gian_gui: "03/05/2023 10:00",
      },
      {
        ma_don_vi: "THPT-B",
        tin_bai: 4,
        co_ke_hoach: true,
        muc_do: "Khá",
        xac_nhan_gui: true,
        thoi_gian_gui: "03/05/2023 10:00",
      },
    ]);
    const b = office("PHÒNG GD&ĐT B", "PGDB", [
      {
        ma_don_vi: "GDTX-C",
        tin_bai: 5,
        co_ke_hoach: true,
        muc_do: "Tốt",
        xac_nhan_gui: true,
        thoi_gian_gui: "03/05/2023 10:00",
      },
    ]);
    const up = rollup(mini, "sau_thang_2023", [
      { source: "a.json", doc: a },
      { source: "b.json", doc: b },
    ]);
    const ws = await load(await writeReportXlsx(buildReportModel(up.template, up.result)));
    const total = row(ws, "TỔNG CỘNG");
    const col = (key: string) => 5 + mini.indicators.findIndex((i) => i.key === key);
    // Offices' rows hold how many units said "Có" (2 and 1): COUNTIF(…,"Có") would recalculate to 0.
    expect(total.getCell(col("co_ke_hoach")).value).toMatchObject({
      formula: expect.stringMatching(/^SUM\(/),
      result: 3,
    });
    expect(total.getCell(col("muc_do")).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(/), result: 3 });
    expect(total.getCell(col("tin_bai")).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(/), result: 12 });
  });

  it("makes a row tall enough for a status that wraps, and leaves one-line rows alone", async () => {
    const r = compileGrid({
      template: mini,
      periodId: "sau_thang_2023",
      grid: makeGrid(mini, "sau_thang_2023", [
        { ma_don_vi: "THPT-A", tin_bai: 3, xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
        { ma_don_vi: "THPT-B", tin_bai: 4 },
      ] as never),
      asOf: "2023-05-10",
    });
    const ws = await load(await writeReportXlsx(buildReportModel(mini, r)));
    const byCode = (code: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((x) => {
        if (x.getCell(2).value === code) found = x;
      });
      return found!;
    };
    expect(byCode("THPT-B").getCell(4).value).toBe("Chưa nộp (quá hạn) (đã nhập, chưa xác nhận)");
    expect(byCode("THPT-B").height).toBeGreaterThanOrEqual(30);
    expect(byCode("THPT-A").height).toBeUndefined();
  });
});
