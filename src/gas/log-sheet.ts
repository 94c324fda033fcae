/**
 * The "Nhật ký" sheet: every compile, set-up, archive, reminder and submission, appended with
 * time, person, counts and a SHA-256 of the data. Protected so only the owner (the Văn phòng)
 * can edit it; see {@link appendLog} for who can write it.
 */
import { protectionRun, protectNewSheet, protectSheet, type ProtectionRun } from "./protections.js";
import { logError } from "./redact.js";
import { replaceSheet } from "./safe-write.js";
import { ensureSize } from "./sheet-size.js";
import { enteredRows } from "./sheet-values.js";
import { LOG_SHEET, LEGACY_LOG_SHEET } from "../core/sheet-names.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { LOG_SHEET, LEGACY_LOG_SHEET };
/** Header row of the log. */
export const LOG_HEADER = ["Thời điểm", "Người thực hiện", "Thao tác", "Kỳ báo cáo", "Mã đơn vị", "Số lượng", "Mã kiểm tra SHA-256 của số liệu", "Ghi chú"];
const LEGACY_HEADER = ["Thời điểm", "Kỳ báo cáo (trang)", "Mã đơn vị", "Thao tác", "Người thực hiện"];

/** The actions written in the "Thao tác" column. */
export const LOG_ACTIONS = {
  compile: "Tổng hợp báo cáo",
  check: "Kiểm tra dữ liệu",
  setup: "Thiết lập bảng tính",
  archive: "Lưu trữ kỳ báo cáo",
  reminder: "Nhắc hạn",
  reminderOn: "Bật nhắc hạn tự động",
  reminderOff: "Tắt nhắc hạn tự động",
  submit: "Xác nhận gửi",
  unsubmit: "Bỏ xác nhận gửi",
} as const;

/** One log row. */
export interface LogEntry {
  action: string;
  /** Who did it; default the person running the script, else "(không rõ email)". */
  user?: string;
  period?: string;
  unit?: string;
  counts?: string;
  checksum?: string;
  note?: string;
  /** Default now. */
  at?: Date;
}

/** The email of the person running the script, where Apps Script reveals it. */
export function currentUser(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || "";
}

const header = (sheet: Sheet) => {
  ensureSize(sheet, 2, LOG_HEADER.length);
  sheet.getRange(1, 1, 1, LOG_HEADER.length).setValues(enteredRows([LOG_HEADER])).setFontWeight("bold");
  sheet.setFrozenRows(1);
};

/**
 * Makes sure the log exists and is protected for the owner: creates it, or takes over the old
 * "Nhật ký gửi" (its rows moved into the new columns, through a complete copy, so a fault
 * halfway loses nothing).
 */
export function ensureLogSheet(ss: Spreadsheet, run: ProtectionRun = protectionRun()): Sheet {
  let sheet = ss.getSheetByName(LOG_SHEET);
  const legacy = ss.getSheetByName(LEGACY_LOG_SHEET);
  if (!sheet && legacy) {
    const old = legacy.getDataRange().getValues();
    const isLegacy = LEGACY_HEADER.every((h, i) => old[0]?.[i] === h);
    const rows = (isLegacy ? old.slice(1) : []).filter((r) => r.some((c) => c !== ""));
    sheet = replaceSheet(ss, LOG_SHEET, (s) => {
      header(s);
      if (rows.length) {
        ensureSize(s, rows.length + 1, LOG_HEADER.length);
        const moved = rows.map((r) => [r[0], r[4], r[3], r[1], r[2], "", "", `Chuyển từ trang "${LEGACY_LOG_SHEET}"`]);
        s.getRange(2, 1, moved.length, LOG_HEADER.length).setValues(enteredRows(moved));
      }
      protectNewSheet(s, LOG_SHEET, run);
    }).sheet;
    if (isLegacy) ss.deleteSheet(legacy);
    return sheet;
  }
  if (!sheet) {
    return replaceSheet(ss, LOG_SHEET, (s) => {
      header(s);
      protectNewSheet(s, LOG_SHEET, run);
    }).sheet;
  }
  protectSheet(sheet, LOG_SHEET, run);
  return sheet;
}

/**
 * Appends rows at the end of the log, in one write. Call it holding the document lock, so two
 * executions never pick the same row. The log is protected for the owner, so the write succeeds
 * only when the script runs as the owner (menus the owner clicks, the owner's triggers): that
 * is what keeps it append-only for everyone else, and also why a menu run by another Văn phòng
 * member cannot log (they get a warning line instead).
 * @throws what Sheets throws (protected sheet, service failure).
 */
export function appendLog(ss: Spreadsheet, entries: readonly LogEntry[]): void {
  if (!entries.length) return;
  const sheet = ss.getSheetByName(LOG_SHEET) ?? ensureLogSheet(ss);
  const rows = logRows(entries);
  const at = sheet.getLastRow() + 1;
  // Only rows can run out: the log's columns were made wide enough when it was created.
  const maxRows = sheet.getMaxRows();
  if (at + rows.length - 1 > maxRows) sheet.insertRowsAfter(maxRows, at + rows.length - 1 - maxRows);
  sheet.getRange(at, 1, rows.length, LOG_HEADER.length).setValues(rows);
}

/** The entries as rows of the log, every string entered as text; the runner's e-mail is asked only when an entry lacks one. */
function logRows(entries: readonly LogEntry[]) {
  const user = entries.every((e) => e.user) ? "" : currentUser() || "(không rõ email)";
  const now = new Date();
  return enteredRows(entries.map((e) => [e.at ?? now, e.user ?? user, e.action, e.period ?? "", e.unit ?? "", e.counts ?? "", e.checksum ?? "", e.note ?? ""]));
}

/**
 * Appends one row in one call: Sheet.appendRow finds the end of the log and grows the sheet
 * itself, so the row never lands on a line someone added by hand. Same rights as {@link appendLog}.
 * @throws what Sheets throws (protected sheet, service failure).
 */
export function appendLogRow(ss: Spreadsheet, entry: LogEntry): void {
  const sheet = ss.getSheetByName(LOG_SHEET) ?? ensureLogSheet(ss);
  sheet.appendRow(logRows([entry])[0]);
}

/** {@link appendLogRow} for one entry, else {@link appendLog}, returning a Vietnamese warning line instead of throwing (the action itself succeeded). */
export function tryAppendLog(ss: Spreadsheet, entries: readonly LogEntry[]): string | null {
  try {
    if (entries.length === 1) appendLogRow(ss, entries[0]);
    else appendLog(ss, entries);
    return null;
  } catch (e) {
    logError("appendLog", e);
    return `Lưu ý: chưa ghi được vào trang "${LOG_SHEET}" (chỉ chủ sở hữu bảng tính ghi được nhật ký).`;
  }
}
