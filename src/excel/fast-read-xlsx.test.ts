import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compileRows } from "../core/compile.js";
import { selectPeriodSheets } from "../core/select-sheets.js";
import { buildColumns } from "../core/columns.js";
import { colName } from "../core/map-grid.js";
import { mini } from "../../test/fixtures/mini-template.js";
import { fastReadXlsx } from "./fast-read-xlsx.js";
import { readWorkbook } from "./read-workbook.js";
import { writeDataSheetXlsx } from "./write-data-sheet.js";

async function awkwardWorkbook(): Promise<Uint8Array> {
  const rows = [
    { ma_don_vi: "THPT-A", tin_bai: 12, kinh_phi: "12,5", co_ke_hoach: true, muc_do: "Tốt", "text:kho_khan": "a & b < c > \"d\" 'e'", xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
    { ma_don_vi: "THPT-B", tin_bai: 7, xac_nhan_gui: true },
    { ma_don_vi: "GDTX-C", tin_bai: 3, xac_nhan_gui: false },
  ];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeDataSheetXlsx(mini, "sau_thang_2023", { rows })) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const col = (key: string) => ws.getRow(1).values && (ws.getRow(1).values as unknown[]).indexOf(key);
  ws.getCell(4, col("thoi_gian_gui")).value = new Date(Date.UTC(2023, 4, 6, 8, 15));
  ws.getCell(4, col("kinh_phi")).value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell(4, col("text:de_xuat")).value = { richText: [{ text: "Đề " }, { text: "xuất", font: { bold: true } }] };
  ws.getCell(5, col("kinh_phi")).value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell(6, col("task:III.1.1:date")).value = new Date(Date.UTC(2023, 2, 20));
  ws.mergeCells(3, col("tin_bai"), 3, col("kinh_phi"));
  // A date typed in a number column, a three-cell merge, a formula saved without its result.
  ws.getCell(4, col("tin_bai")).value = new Date(Date.UTC(2023, 2, 20));
  ws.getCell(4, col("tin_bai")).numFmt = "dd/mm/yyyy";
  ws.mergeCells(5, col("text:noi_bat"), 5, col("text:de_xuat"));
  ws.getCell(6, col("kinh_phi")).value = { formula: "E6*2" } as ExcelJS.CellFormulaValue;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("fastReadXlsx", () => {
  it("compiles to the same result as the exceljs reader", async () => {
    const bytes = await awkwardWorkbook();
    const via = (sheets: ReturnType<typeof fastReadXlsx>) => {
      const got = selectPeriodSheets(mini, "sau_thang_2023", sheets, "f.xlsx");
      return compileRows({ template: mini, periodId: "sau_thang_2023", rows: got.rows, asOf: "2023-05-10", problems: got.problems });
    };
    const fast = via(fastReadXlsx(bytes, "f.xlsx"));
    const slow = via(await readWorkbook(bytes, "f.xlsx"));
    expect(fast.totals).toEqual(slow.totals);
    expect(fast.statuses).toEqual(slow.statuses);
    expect(fast.records).toEqual(slow.records);
    expect(fast.problems.map((p) => `${p.code}|${p.unitCode}|${p.columnKey}|${p.value}`).sort()).toEqual(slow.problems.map((p) => `${p.code}|${p.unitCode}|${p.columnKey}|${p.value}`).sort());
    expect(fast.records.find((r) => r.unitCode === "THPT-A")!.texts.kho_khan).toBe("a & b < c > \"d\" 'e'");
    expect(fast.records.find((r) => r.unitCode === "THPT-B")!.texts.de_xuat).toBe("Đề xuất");
    const cols = buildColumns(mini).map((c) => c.key);
    const at = (key: string, row: number) => `${colName(cols.indexOf(key))}${row}`;
    const merges = [`${at("tin_bai", 3)}:${at("kinh_phi", 3)}`, `${at("text:noi_bat", 5)}:${at("text:de_xuat", 5)}`];
    expect(fast.problems.filter((p) => p.code === "structure.merged").map((p) => p.value).sort()).toEqual(merges.sort());
  });
  it("shows a date in a problem as the unit sees it, dd/mm/yyyy", async () => {
    const bytes = await awkwardWorkbook();
    const got = selectPeriodSheets(mini, "sau_thang_2023", fastReadXlsx(bytes, "f.xlsx"), "f.xlsx");
    const r = compileRows({ template: mini, periodId: "sau_thang_2023", rows: got.rows, asOf: "2023-05-10", problems: got.problems });
    expect(r.problems.find((p) => p.code === "task.date-without-done")!.value).toBe("20/03/2023");
    expect(r.problems.find((p) => p.code === "number.date" && p.unitCode === "THPT-B")!.value).toBe("20/03/2023");
    expect(r.problems.find((p) => p.code === "number.formula-text" && p.unitCode === "GDTX-D")).toMatchObject({ value: "=E6*2", columnKey: "kinh_phi" });
  });
  it("throws on a file that is not a workbook", () => {
    expect(() => fastReadXlsx(new Uint8Array([1, 2, 3]), "x")).toThrow();
  });
});
