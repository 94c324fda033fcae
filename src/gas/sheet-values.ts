/** Moves values between Sheets (Date instants) and the core (Dates holding wall-clock time). */
import { instantToWallClock, VN_OFFSET_MS, type CellValue, type Grid } from "../core/cell.js";

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
