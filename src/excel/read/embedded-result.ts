/** Keeps the machine-readable result inside the report .xlsx, so a report can be rolled up. */
import type { Workbook } from "exceljs";
import type { NamedGrid } from "../../core/read/select-sheets.js";

/** Name of the very hidden sheet holding the result JSON. */
export const EMBED_SHEET = "_tong_hop";
/** Excel cells hold at most 32,767 characters. */
const CHUNK = 30_000;

/** Writes `doc` as JSON in column A of a very hidden sheet. */
export function embedResult(wb: Workbook, doc: unknown): void {
  const ws = wb.addWorksheet(EMBED_SHEET, { state: "veryHidden" });
  const text = JSON.stringify(doc);
  for (let i = 0, r = 1; i < text.length; i += CHUNK, r++) ws.getCell(r, 1).value = text.slice(i, i + CHUNK);
}

/** The embedded document of a workbook read with readWorkbook, or undefined. */
export function readEmbeddedResult(sheets: readonly NamedGrid[]): unknown {
  const s = sheets.find((x) => x.name === EMBED_SHEET);
  if (!s) return undefined;
  const text = s.grid.map((row) => String(row?.[0] ?? "")).join("");
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a workbook read with readWorkbook is a report made by tong-hop (it carries a result). */
export function hasEmbeddedResult(sheets: readonly NamedGrid[]): boolean {
  return sheets.some((x) => x.name === EMBED_SHEET);
}
