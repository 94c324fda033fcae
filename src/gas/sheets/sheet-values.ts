/** Moves values between Sheets (Date instants) and the core (Dates holding wall-clock time). */
import { instantToWallClock, VN_OFFSET_MS } from "../../core/vn/dates.js";
import type { CellValue, Grid } from "../../core/model/cell.js";

/** A value as `Range.getValues()` returns it: "" for empty, numbers, booleans, Date instants. */
export type SheetValue = string | number | boolean | Date;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/**
 * Converts a `getValues()` grid for the core: every Date instant becomes wall-clock time
 * (the spreadsheet's time zone is Asia/Ho_Chi_Minh; set-up makes sure of it).
 */
export function fromSheet(values: readonly (readonly unknown[])[]): Grid {
  return values.map((row) => row.map((v) => (isDate(v) ? instantToWallClock(v) : (v as CellValue))));
}

/** Turns a wall-clock Date back into the instant Sheets stores. */
export function wallClockToInstant(d: Date): Date {
  return new Date(d.getTime() - VN_OFFSET_MS);
}

/** Converts a core grid for `setValues()`: wall-clock Dates to instants, null/undefined to "". */
export function toSheet(grid: readonly (readonly CellValue[])[]): SheetValue[][] {
  return grid.map((row) =>
    row.map((v) => {
      if (v === null || v === undefined) return "";
      if (isDate(v)) return wallClockToInstant(v);
      if (typeof v === "object") return (v as { error: string }).error;
      return v;
    }),
  );
}

/**
 * A value as Sheets must receive it to store exactly what it is. `setValues` reads strings as
 * if typed (USER_ENTERED): "=…" becomes a formula, "0912345678" and "1.234" numbers, "TRUE" a
 * boolean, "05/02/2024" a date. In a cell formatted as plain text ("@") strings are stored as
 * they are; anywhere else a leading apostrophe makes Sheets keep the text (the apostrophe is
 * not stored). Every non-empty string outside "@" cells gets one: cheaper than guessing
 * Sheets' parser, and it neutralises formula injection ("=HYPERLINK(…)", "+cmd|…", "@SUM(…)").
 */
export function asEntered(v: SheetValue, format = "General"): SheetValue {
  return typeof v === "string" && v !== "" && format !== "@" ? `'${v}` : v;
}

/**
 * {@link toSheet}, then {@link asEntered} on every cell: `formatAt(r, c)` gives the number
 * format the cell will have when the values are written (default: none, i.e. General).
 */
export function toSheetText(
  grid: readonly (readonly CellValue[])[],
  formatAt?: (row: number, column: number) => string,
): SheetValue[][] {
  return toSheet(grid).map((row, r) => row.map((v, c) => asEntered(v, formatAt ? formatAt(r, c) : "General")));
}

/** {@link asEntered} on every cell of values already in Sheets' terms (Dates are instants, as from getValues or `new Date()`). */
export function enteredRows(rows: readonly (readonly unknown[])[]): SheetValue[][] {
  return rows.map((row) => row.map((v) => asEntered(v === null || v === undefined ? "" : (v as SheetValue))));
}
