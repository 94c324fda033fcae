/** Canonical text of a data block, hashed (SHA-256) for Nhật ký and Lưu trữ; and hex of digest bytes. */
import { isCellError, type CellValue, type Grid } from "../model/cell.js";

/**
 * One cell as canonical text, tagged by type so `"1"` and `1`, `"TRUE"` and `true` differ:
 * strings as JSON (tabs and line breaks escaped), numbers in JavaScript's shortest round-trip
 * form, booleans as `true`/`false`, dates as `@` + ISO (their UTC fields, i.e. wall-clock
 * time), error cells as `#` + code, blanks as the empty string. Text is not normalised: a
 * changed character is a changed checksum.
 */
export function canonicalCell(v: CellValue): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return `@${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()}`;
  if (isCellError(v)) return `#${v.error}`;
  return JSON.stringify(String(v));
}

/**
 * The grid as one canonical text: cells joined by tabs, rows by line breaks, trailing blank
 * cells of each row and trailing blank rows dropped (a sheet read with a wider or longer
 * range gives the same text).
 */
export function canonicalGridText(grid: Grid): string {
  const rows = grid.map((row) => {
    const cells = (row ?? []).map(canonicalCell);
    let n = cells.length;
    while (n > 0 && cells[n - 1] === "") n--;
    return cells.slice(0, n).join("\t");
  });
  let m = rows.length;
  while (m > 0 && rows[m - 1] === "") m--;
  return rows.slice(0, m).join("\n");
}

/** Lower-case hex of digest bytes, signed (Apps Script's −128..127) or unsigned. */
export function bytesToHex(bytes: readonly number[]): string {
  let s = "";
  for (const b of bytes) {
    if (!Number.isInteger(b) || b < -128 || b > 255) throw new RangeError(`not a byte: ${b}`);
    s += ((b + 256) % 256).toString(16).padStart(2, "0");
  }
  return s;
}

/** The first `n` hex digits of a checksum, for people to compare by eye. */
export function shortChecksum(hex: string, n = 12): string {
  return hex.slice(0, n);
}
