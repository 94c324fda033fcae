/** Turns what a user pastes for --sheet (an ID or a Google Sheets address) into a spreadsheet ID. */
import { AppError } from "../../core/model/problem.js";

// Spreadsheet IDs are URL-safe base64 (letters, digits, "-" and "_"); real ones are 44 long.
const ID = /^[A-Za-z0-9_-]{10,}$/;

/**
 * The spreadsheet ID in `input`: a bare ID, or any docs.google.com address containing
 * "/spreadsheets/d/<ID>" (…/edit#gid=0, …/view, copied with or without "https://").
 * @throws AppError "sheet.bad-ref" when neither form is recognised.
 */
export function parseSpreadsheetRef(input: string): string {
  const s = input.trim();
  const inUrl = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(s);
  if (inUrl) return inUrl[1];
  if (ID.test(s)) return s;
  throw new AppError("sheet.bad-ref", `"${s}" không phải mã hay đường dẫn của một bảng tính Google.`, [
    "Dán đường dẫn bảng tính (https://docs.google.com/spreadsheets/d/…/edit) hoặc chỉ phần mã nằm giữa /d/ và /edit.",
  ]);
}
