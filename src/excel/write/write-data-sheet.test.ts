import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
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
  it("adds each column's validation once, over one range (exceljs issue #2820 made two overlapping)", async () => {
    const bytes = await writeDataSheetXlsx(mini, "sau_thang_2023");
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    const refs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(3);
    const columns = refs.map((r) => r.replace(/\d+/g, ""));
    expect(new Set(columns).size).toBe(columns.length);
    for (const r of refs) expect(r).toMatch(/^([A-Z]+)3:\1\d+$/);
  });
  it("writes the phone column as text and escapes text a program would decode as _xHHHH_", async () => {
    const bytes = await writeDataSheetXlsx(mini, "sau_thang_2023", {
      rows: [{ ma_don_vi: "THPT-A", nguoi_bao_cao: "bai_mang_xa_hoi _x0041_" }],
    });
    const files = unzipSync(bytes);
    expect(strFromU8(files["xl/sharedStrings.xml"])).toContain("bai_mang_x005F_xa_hoi _x005F_x0041_");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell(3, columnOf(ws, "nguoi_bao_cao")).value).toBe("bai_mang_xa_hoi _x0041_");
    expect(ws.getCell(3, columnOf(ws, "dien_thoai")).numFmt).toBe("@");
  });
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
