/** The cell values every source (exceljs, Apps Script, Sheets API) is reduced to. */

/** An error cell such as #REF! or #N/A. */
export interface CellError {
  error: string;
}

/**
 * One cell as a reader hands it to the core. Dates from .xlsx files are `Date`s whose UTC
 * fields are the wall-clock time; readers of instants (Apps Script) convert first with
 * `instantToWallClock`. Serial numbers (Sheets API) stay numbers and are read by column type.
 */
export type CellValue = string | number | boolean | Date | null | undefined | CellError;

/** A sheet as a rectangle of cells, row-major, 0-based. */
export type Grid = CellValue[][];

/** True for an error cell object. */
export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

/** True for a cell with nothing in it (null, undefined, "" or only spaces). */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return cleanText(v) === "";
  return false;
}

/** Normalises text: NFC, non-breaking and zero-width spaces folded, trimmed. */
export function cleanText(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .trim();
}
