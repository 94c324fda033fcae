import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "../read/read-workbook.js";
import { zipTextFixed } from "./zip-text-fix.js";

describe("zip-text-fix", () => {
  it("keeps every emoji of a long text whole, wherever JSZip's 16K blocks fall", async () => {
    expect(zipTextFixed()).toBe(true);
    // An even and an odd offset: one of them puts a surrogate pair across a block boundary.
    for (const pad of ["", "x"]) {
      const text = pad + "😀".repeat(20_000);
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("a").getCell("A1").value = text;
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      expect((await readWorkbook(bytes, "x"))[0].grid[0][0]).toBe(text);
    }
  });
});
