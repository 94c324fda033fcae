/** Reads the compiled report back with exceljs and checks layout, values and safety. */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { compileGrid } from "../src/core/compile/compile.js";
import { buildReportModel } from "../src/core/report/report-model.js";
import { writeReportXlsx } from "../src/excel/write/write-report.js";
import { makeGrid } from "./fixtures/grid.js";
import { mini } from "./fixtures/mini-template.js";

const rows = [
  {
    ma_don_vi: "THPT-A",
    tin_bai: 12,
    kinh_phi: "12,5",
    co_ke_hoach: true,
    muc_do: "Tốt",
    "text:kho_khan": '=HYPERLINK("http://x","bấm")',
    "text:de_xuat": "+cmd|' /C calc'!A0",
    xac_nhan_gui: true,
    thoi_gian_gui: "03/05/2023 10:00",
  },
  {
    ma_don_vi: "THPT-B",
    tin_bai: "1.234",
    kinh_phi: 0.1,
    "text:noi_bat": "@SUM(1+1)",
    xac_nhan_gui: true,
    thoi_gian_gui: "07/05/2023 08:00",
  },
  { ma_don_vi: "GDTX-C", tin_bai: "12 bài", kinh_phi: 0.2, xac_nhan_gui: true, thoi_gian_gui: "04/05/2023 09:00" },
];

let wb: ExcelJS.Workbook;
const result = compileGrid({
  template: mini,
  periodId: "sau_thang_2023",
  grid: makeGrid(mini, "sau_thang_2023", rows),
  asOf: "2023-05-10",
});
const model = buildReportModel(mini, result, { reportDate: "2023-05-06" });

beforeAll(async () => {
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeReportXlsx(model)) as unknown as ArrayBuffer);
});

const allCells = (ws: ExcelJS.Worksheet) => {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((r) => r.eachCell((c) => out.push(c)));
  return out;
};
const find = (ws: ExcelJS.Worksheet, text: string | RegExp) =>
  allCells(ws).find((c) =>
    typeof text === "string" ? c.value === text : typeof c.value === "string" && text.test(c.value),
  );

describe("writeReportXlsx", () => {
  it("has the report and both appendices", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo", "Phụ lục I", "Phụ lục II"]);
  });
  it("lays out the header blocks per Nghị định 30/2020", () => {
    const ws = wb.getWorksheet("Báo cáo")!;
    expect(ws.getCell("A1").value).toBe("UBND THÀNH PHỐ HẢI PHÒNG");
    expect(ws.getCell("A2").value).toBe("SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    expect(ws.getCell("A2").font).toMatchObject({ name: "Times New Roman", bold: true });
    const nation = find(ws, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")!;
    expect(nation.font.bold).toBe(true);
    const motto = find(ws, "Độc lập - Tự do - Hạnh phúc")!;
    expect(motto.font).toMatchObject({ bold: true, size: 14 });
    const date = find(ws, "Hải Phòng, ngày 06 tháng 5 năm 2023")!;
    expect(date.font.italic).toBe(true);
    expect(find(ws, /^Số: +\/BC-SGDĐT$/)).toBeDefined();
    expect(find(ws, "BÁO CÁO")!.font).toMatchObject({ bold: true, size: 14 });
    // Left and right blocks are merged ranges of the same row.
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(nation.isMerged).toBe(true);
  });
  it("uses only black Times New Roman", () => {
    for (const ws of wb.worksheets) {
      for (const c of allCells(ws)) {
        if (c.value === null || (c.isMerged && c.master !== c)) continue;
        expect(c.font?.name, `${ws.name}!${c.address}`).toBe("Times New Roman");
        expect(c.font?.color?.argb ?? "FF000000", `${ws.name}!${c.address}`).toBe("FF000000");
      }
    }
  });
  it("sets A4, margins, fit to width and page numbers from page 2", () => {
    const ws = wb.getWorksheet("Báo cáo")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1 });
    expect(ws.pageSetup.margins!.left).toBeCloseTo(1.18, 2);
    expect(ws.pageSetup.margins!.top).toBeCloseTo(0.79, 2);
    expect(ws.headerFooter.differentFirst).toBe(true);
    expect(ws.headerFooter.oddHeader).toContain("&P");
    expect(wb.getWorksheet("Phụ lục I")!.pageSetup.orientation).toBe("landscape");
    expect(wb.getWorksheet("Phụ lục I")!.pageSetup.printTitlesRow).toBe("5:5");
  });
  it("writes the totals in the results table", () => {
    const ws = wb.getWorksheet("Báo cáo")!;
    const label = find(ws, "Số tin, bài đăng tải")!;
    const row = ws.getRow(Number(label.row));
    // Figures in "Báo cáo" are Vietnamese-notation text, the same under every locale.
    expect(row.getCell(4).value).toBe("1.246");
    expect(row.getCell(5).value).toBe("2");
  });
  it("names late units in section I", () => {
    expect(find(wb.getWorksheet("Báo cáo")!, /Các đơn vị nộp muộn: Trường THPT B/)).toBeDefined();
  });
  it("writes subtotals and totals as formulas that carry their results", () => {
    const ws = wb.getWorksheet("Phụ lục I")!;
    const total = find(ws, "TỔNG CỘNG")!;
    const cell = ws.getRow(Number(total.row)).getCell(5);
    expect(cell.formula).toMatch(/^SUM\(E\d+:E\d+,E\d+:E\d+\)$/);
    expect(cell.result).toBe(1246);
    const sub = find(ws, "Cộng: Trường THPT")!;
    expect(ws.getRow(Number(sub.row)).getCell(5).formula).toMatch(/^SUM\(E\d+:E\d+\)$/);
  });
  it("writes injection strings as text, never formulas", () => {
    const texts = wb.worksheets
      .flatMap(allCells)
      .filter((c) => typeof c.value === "string" && /^[=+@]/.test(c.value as string));
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const c of texts) expect(c.type).toBe(ExcelJS.ValueType.String);
    const formulas = wb.worksheets.flatMap(allCells).filter((c) => c.type === ExcelJS.ValueType.Formula);
    for (const c of formulas) expect(c.formula).toMatch(/^(SUM|COUNTA|COUNTIF|ROUND|MIN|MAX|IFERROR)\(/);
  });
  it("lists every problem in Phụ lục II", () => {
    const ws = wb.getWorksheet("Phụ lục II")!;
    expect(ws.rowCount - 5).toBe(result.problems.length);
    expect(find(ws, "12 bài")).toBeDefined();
  });
});
