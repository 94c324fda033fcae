/** Test support: the host-side view of a data sheet and of the produced workbook. */
import ExcelJS from "exceljs";
import { instantToWallClock } from "../../../src/core/vn/dates.js";
import type { Grid } from "../../../src/core/model/cell.js";
import type { FakeSheet } from "../harness/fake-sheet.js";

/** A fake sheet's values as the core reads them (Date instants → wall-clock). */
export function sheetGrid(sheet: FakeSheet): Grid {
  return sheet
    ._grid()
    .map((row) => row.map((v) => (v instanceof Date ? instantToWallClock(v) : (v as Grid[number][number]))));
}

/** Loads .xlsx bytes with exceljs (in Node). */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The "TỔNG CỘNG" row of Phụ lục I: each indicator column's cached result. */
export function appendixTotals(wb: ExcelJS.Workbook, indicators: number): (number | null)[] {
  const ws = wb.getWorksheet("Phụ lục I");
  if (!ws) throw new Error("no Phụ lục I");
  let total: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "TỔNG CỘNG") total = row;
  });
  if (!total) throw new Error("no TỔNG CỘNG row");
  return Array.from({ length: indicators }, (_, j) => {
    const v = total!.getCell(5 + j).value as ExcelJS.CellFormulaValue | null;
    if (v === null || v === undefined) return null;
    // exceljs leaves out a cached result of 0 when it writes a formula, so none reads back as 0.
    if (typeof v === "object" && "formula" in v) return (v.result as number | undefined) ?? 0;
    return v as unknown as number;
  });
}

/** The files a download dialog embeds (its data: links), as the browser would save them. */
export function dialogFiles(html: string): { fileName: string; mimeType: string; base64: string }[] {
  const out: { fileName: string; mimeType: string; base64: string }[] = [];
  const fromHtml = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const m of html.matchAll(/<a id="file-\d+" href="data:([^;"]+);base64,([A-Za-z0-9+/=]*)" download="([^"]*)"/g))
    out.push({ mimeType: m[1], base64: m[2], fileName: fromHtml(m[3]) });
  return out;
}

/** The workbook (Phụ lục) among the files a download dialog embeds; the Word Báo cáo comes first. */
export function dialogWorkbook(html: string): { fileName: string; mimeType: string; base64: string } {
  const found = dialogFiles(html).find((f) => f.fileName.endsWith(".xlsx"));
  if (!found) throw new Error("the dialog offers no .xlsx file");
  return found;
}
