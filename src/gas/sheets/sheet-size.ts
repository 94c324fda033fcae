/** Grows a sheet so a block fits (Sheets refuses ranges beyond the sheet's size). */

/** Makes sure `sheet` has at least `rows` rows and `columns` columns. */
export function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Rows and columns of a sheet Sheets has just inserted (its documented default size). */
export const NEW_SHEET_SIZE = { rows: 1000, columns: 26 } as const;

/**
 * Grows a sheet this execution has just inserted so a block fits, without asking its size (it
 * has Sheets' default {@link NEW_SHEET_SIZE}): no call at all when the block fits, which it
 * does for Tổng hợp below 1000 rows.
 */
export function growNewSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  if (rows > NEW_SHEET_SIZE.rows) sheet.insertRowsAfter(NEW_SHEET_SIZE.rows, rows - NEW_SHEET_SIZE.rows);
  if (columns > NEW_SHEET_SIZE.columns)
    sheet.insertColumnsAfter(NEW_SHEET_SIZE.columns, columns - NEW_SHEET_SIZE.columns);
}

/** Pixels for a width given in characters. */
export const charsToPixels = (chars: number): number => Math.round(chars * 7 + 12);
