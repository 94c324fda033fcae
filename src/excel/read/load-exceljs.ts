/** Loads exceljs on first use, so code paths that never build a workbook never pay for it. */
import type ExcelJSType from "exceljs";

let cached: typeof ExcelJSType | undefined;

/** The exceljs module, imported lazily (a real dynamic import; in the Apps Script bundle a lazy init). */
export async function loadExcelJS(): Promise<typeof ExcelJSType> {
  if (!cached) {
    const mod = (await import("exceljs")) as unknown as { default?: typeof ExcelJSType } & typeof ExcelJSType;
    cached = mod.default ?? mod;
  }
  return cached;
}
