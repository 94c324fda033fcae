/** The "Nhật ký gửi" sheet: who ticked "Xác nhận gửi", when, for which unit (Văn phòng only). */
import { protectSheet } from "./protections.js";

/** Name of the submission log sheet. */
export const LOG_SHEET = "Nhật ký gửi";
/** Its header row. */
export const LOG_HEADER = ["Thời điểm", "Kỳ báo cáo (trang)", "Mã đơn vị", "Thao tác", "Người thực hiện"];

/** Creates the log sheet when missing and protects it for the Văn phòng. */
export function ensureLogSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(LOG_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(LOG_SHEET);
    sheet.getRange(1, 1, 1, LOG_HEADER.length).setValues([LOG_HEADER]).setFontWeight("bold");
    sheet.setFrozenRows(1);
  }
  protectSheet(sheet, LOG_SHEET);
  return sheet;
}
