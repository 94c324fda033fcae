/** A1 notation helpers for the fakes. */

/** Column letters for a 1-based column (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based column of letters (A → 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 range; open-ended ranges ("A3:A") get `numRows` from `maxRows`. */
export interface A1Range {
  sheet?: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Parses "A1", "B3:D10", "'Cấu hình'!A1:C", "A:A". */
export function parseA1(a1: string, maxRows = 1000, maxColumns = 26): A1Range {
  let sheet: string | undefined;
  let ref = a1.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const part = (s: string) => {
    const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(s);
    if (!m || (!m[1] && !m[2])) throw new Error(`Range not found: ${a1}`);
    return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  };
  const [a, b] = ref.split(":");
  const p = part(a);
  const q = b === undefined ? p : part(b);
  const row = p.row ?? 1;
  const column = p.col ?? 1;
  const lastRow = q.row ?? maxRows;
  const lastCol = q.col ?? maxColumns;
  return { sheet, row, column, numRows: lastRow - row + 1, numColumns: lastCol - column + 1 };
}

/** "B3:D10" (or "B3" for one cell). */
export function formatA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  return numRows === 1 && numColumns === 1
    ? start
    : `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
