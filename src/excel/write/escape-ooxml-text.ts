/**
 * Escapes text that spreadsheet programs would decode. Office Open XML writes characters XML
 * cannot hold as "_xHHHH_" and readers decode that pattern in every string; LibreOffice decodes
 * it even with fewer digits ("bai_mang_xa_hoi" came back with a line break for "_xa_"). ECMA-376
 * Part 1 §22.4.2.4 escapes the underscore itself as "_x005F_", which every reader decodes back
 * to "_" and then leaves the rest alone.
 */
import type { CellValue as XlCellValue, Workbook } from "exceljs";

/** Anything a reader might take for an escaped character: "_x", hex digits, "_". */
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]+_)/g;

/** `s` with the underscore of every "_x…_" pattern written as "_x005F_". */
export function escapeOoxmlText(s: string): string {
  return s.includes("_x") ? s.replace(LOOKS_ESCAPED, "_x005F_$1") : s;
}

/** Escapes every string cell and rich-text run of `wb`, just before it is written. */
export function escapeWorkbookText(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value as XlCellValue;
        if (typeof v === "string") {
          if (v.includes("_x")) cell.value = escapeOoxmlText(v);
        } else if (v && typeof v === "object" && "richText" in v) {
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: escapeOoxmlText(r.text) })) };
        }
      });
    });
  }
}
