import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { mini } from "../../../test/fixtures/mini-template.js";
import { writeDataSheetXlsx } from "./write-data-sheet.js";

const load = async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeDataSheetXlsx(mini, "sau_thang_2023")) as unknown as ArrayBuffer);
  return wb;
};
const columnOf = (ws: ExcelJS.Worksheet, key: string) => {
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === key) col = n;
  });
  return col;
};

describe("writeDataSheetXlsx", () => {
  it("offers Có/Không for yes/no cells, since Excel has no checkbox to tick", async () => {
    const ws = (await load()).worksheets[0];
    const confirm = ws.getCell(3, columnOf(ws, "xac_nhan_gui")).dataValidation;
    expect(confirm).toMatchObject({ type: "list", formulae: ['"Có,Không"'] });
    expect(confirm.prompt).toBe('Chọn "Có" khi đơn vị đã kiểm tra xong và gửi báo cáo.');
    expect(ws.getCell(3, columnOf(ws, "co_ke_hoach")).dataValidation).toMatchObject({
      formulae: ['"Có,Không"'],
      prompt: 'Chọn "Có" hoặc "Không".',
    });
  });
  it("does not colour a unit that chose Có as not yet sent", async () => {
    const ws = (await load()).worksheets[0];
    const rules = (
      ws as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings.flatMap((c) => c.rules.map((r) => r.formulae[0]));
    const overdue = rules.filter((f) => f.includes("TODAY()>DATE(2023,5,5)") && f.includes("<>TRUE"));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toContain('<>"Có"');
  });
  it("tells the unit in the guide what to choose, not to tick", async () => {
    const guide = (await load()).getWorksheet("Hướng dẫn")!;
    const lines: string[] = [];
    guide.eachRow((r) => lines.push(String(r.getCell(2).value)));
    expect(lines.join("\n")).toContain('Nhập xong, kiểm tra lại rồi chọn "Có" ở cột "Xác nhận gửi"');
    expect(lines.join("\n")).toMatch(/Thời gian gửi.*để trống thì thời gian lưu tệp được dùng/);
    expect(lines.join("\n")).toMatch(/gõ 1234/);
    expect(lines.join("\n")).not.toMatch(/tích ô/);
  });
});
