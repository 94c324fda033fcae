/** Grows a sheet so a block fits (Sheets refuses ranges beyond the sheet's size). */

/** Makes sure `sheet` has at least `rows` rows and `columns` columns. */
export function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Pixels for a width given in characters. */
export const charsToPixels = (chars: number): number => Math.round(chars * 7 + 12);
