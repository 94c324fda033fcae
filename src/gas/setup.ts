/** Menu "Thiết lập bảng tính": Cấu hình from a bundled template, one data sheet per period, protections. */
import { archiveSheetName } from "../core/archive.js";
import { AppError } from "../core/problem.js";
import { parseTemplate } from "../core/template.js";
import type { Template } from "../core/template-schema.js";
import { CONFIG_SHEET } from "../core/config-grid.js";
import { writeConfigSheet } from "./config-sheet.js";
import { findDataSheet, setupDataSheet } from "./data-sheet.js";
import { sha256Hex } from "./digest.js";
import { ensureLogSheet, LOG_ACTIONS, tryAppendLog } from "./log-sheet.js";
import { protectSheet } from "./protections.js";
import { bundledTemplates, cacheTemplate, readConfigSheet } from "./template-store.js";
import { APP_TITLE, BUSY_MESSAGE, userMessage } from "./ui-messages.js";

/** Time zone and locale the sheet must use: dates and "1.234" then read as the core expects. */
export const SHEET_TIME_ZONE = "Asia/Ho_Chi_Minh";
export const SHEET_LOCALE = "vi_VN";
/** Handler of the installable edit trigger (stamps Người gửi). */
export const INSTALLABLE_EDIT_HANDLER = "khiSuaBangTinh";
/** Set-up stops protecting rows after this long and asks to be run again (Apps Script allows 6 min). */
const TIME_BUDGET_MS = 4.5 * 60 * 1000;

function chooseBundled(ui: GoogleAppsScript.Base.Ui): Template {
  const all = bundledTemplates();
  if (all.length === 0) throw new AppError("setup.no-template", "Bản cài đặt không kèm mẫu kế hoạch nào.", ["Thêm tệp mẫu vào thư mục sheets-templates rồi đóng gói lại (npm run push)."]);
  let pick = all[0];
  if (all.length > 1) {
    const list = all.map((x, i) => `${i + 1}. ${x.name}`).join("\n");
    const answer = ui.prompt(APP_TITLE, `Chọn mẫu kế hoạch để tạo trang "${CONFIG_SHEET}" (nhập số thứ tự):\n${list}`, ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) throw new AppError("setup.cancelled", "Đã hủy thiết lập bảng tính.");
    const n = Number(answer.getResponseText().trim());
    if (!Number.isInteger(n) || n < 1 || n > all.length) throw new AppError("setup.bad-choice", `"${answer.getResponseText()}" không phải số thứ tự trong danh sách (1–${all.length}).`);
    pick = all[n - 1];
  }
  return parseTemplate(pick.input, `mẫu ${pick.name}`);
}

function ensureEditTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    const has = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === INSTALLABLE_EDIT_HANDLER);
    if (!has) ScriptApp.newTrigger(INSTALLABLE_EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
    return has ? "Trình kích hoạt ghi người gửi đã có sẵn." : "Đã cài trình kích hoạt ghi người gửi.";
  } catch (e) {
    return `Chưa cài được trình kích hoạt ghi người gửi (${(e as Error).message}); thời gian gửi vẫn được ghi.`;
  }
}

/**
 * Sets the spreadsheet up, or updates it after the Văn phòng edits "Cấu hình": creates
 * "Cấu hình" from a bundled template the first time (and otherwise reads it as the Văn phòng
 * left it), writes one data sheet per period keeping every entered value, protects rows,
 * and installs the edit trigger that records who submitted.
 */
export function thietLapBangTinh(): void {
  const ui = SpreadsheetApp.getUi();
  const started = Date.now();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(2000)) {
    ui.alert(APP_TITLE, BUSY_MESSAGE, ui.ButtonSet.OK);
    return;
  }
  try {
    const ss = SpreadsheetApp.getActive();
    if (ss.getSpreadsheetTimeZone() !== SHEET_TIME_ZONE) ss.setSpreadsheetTimeZone(SHEET_TIME_ZONE);
    if (ss.getSpreadsheetLocale() !== SHEET_LOCALE) ss.setSpreadsheetLocale(SHEET_LOCALE);
    let t = readConfigSheet(ss);
    const createdConfig = !t;
    if (!t) {
      t = chooseBundled(ui);
      writeConfigSheet(ss, t);
    } else {
      protectSheet(ss.getSheetByName(CONFIG_SHEET)!, CONFIG_SHEET);
    }
    cacheTemplate(t);
    const lines: string[] = [createdConfig ? `Đã tạo trang "${CONFIG_SHEET}" từ mẫu kế hoạch ${t.plan.code}.` : `Đã đọc trang "${CONFIG_SHEET}" (kế hoạch ${t.plan.code}).`];
    let complete = true;
    let first: GoogleAppsScript.Spreadsheet.Sheet | null = null;
    let sheets = 0;
    let units = 0;
    t.periods.forEach((p, i) => {
      if (!complete) return;
      // A closed period lives in its archive; set-up does not bring back an empty data sheet.
      const archive = ss.getSheetByName(archiveSheetName(p));
      if (archive && !findDataSheet(ss, t!, p)) {
        protectSheet(archive, archive.getName());
        lines.push(`Kỳ "${p.label}" đã lưu trữ (trang "${archive.getName()}"), không tạo lại trang nhập liệu.`);
        return;
      }
      ss.toast(`Đang thiết lập trang "${p.label}" (${i + 1}/${t!.periods.length})…`, APP_TITLE, 30);
      const r = setupDataSheet(ss, t!, p, started + TIME_BUDGET_MS);
      first ??= r.sheet;
      sheets++;
      units = Math.max(units, r.plan.rows.length);
      lines.push(`${r.created ? "Đã tạo" : "Đã cập nhật"} trang "${r.sheet.getName()}": ${r.plan.rows.length} đơn vị${r.plan.carried ? `, giữ nguyên ${r.plan.carried} ô đã nhập` : ""}.`);
      complete = r.complete;
    });
    ensureLogSheet(ss);
    // insertSheet activates each new sheet; end on the first period's sheet, not the log.
    if (first) ss.setActiveSheet(first);
    lines.push(ensureEditTrigger(ss));
    if (!complete) lines.push("CHƯA XONG: còn một số dòng chưa được bảo vệ vì hết thời gian cho phép. Hãy chạy lại Thiết lập bảng tính để làm tiếp.");
    lines.push("Hãy chia sẻ bảng tính (quyền chỉnh sửa) với email người nhập của các đơn vị; mỗi đơn vị chỉ sửa được dòng của mình.");
    const logWarning = tryAppendLog(ss, [
      { action: LOG_ACTIONS.setup, counts: `${sheets} trang kỳ báo cáo; ${units} đơn vị; ${t.indicators.length} chỉ tiêu`, checksum: sha256Hex(JSON.stringify(t)), note: `Mẫu kế hoạch ${t.plan.code}${complete ? "" : "; chưa xong, cần chạy lại"}` },
    ]);
    if (logWarning) lines.push(logWarning);
    ss.toast(complete ? "Thiết lập xong." : "Chưa xong, hãy chạy lại.", APP_TITLE, 5);
    ui.alert(APP_TITLE, lines.join("\n"), ui.ButtonSet.OK);
  } catch (err) {
    ui.alert(APP_TITLE, `Không thiết lập được bảng tính; số liệu đã nhập vẫn được giữ. Hãy chạy lại Thiết lập bảng tính.\n${userMessage(err)}`, ui.ButtonSet.OK);
  } finally {
    lock.releaseLock();
  }
}
