/**
 * The "Nhật ký" sheet: every compile, set-up, archive, reminder and submission, appended with
 * time, person, counts and a SHA-256 of the data. Protected so only the Văn phòng can edit it:
 * the owner, whoever ran set-up, and the Văn phòng's e-mails listed in Cấu hình.
 *
 * Why the listed Văn phòng may write it: a script writes as the person running it, so a compile
 * (or an archive, a reminder run) by a Văn phòng member can log its line only if that member may
 * edit the sheet. Sheets protections cannot grant "append only": whoever may append may also
 * change or delete earlier rows by hand. The log is therefore append-only for the units (they
 * cannot touch it; their "Xác nhận gửi" lines are written by the Văn phòng's edit trigger) and,
 * for the Văn phòng, append-only by convention only; the same people can already edit Cấu hình
 * and every row, and Sheets' version history (File → Version history) still shows who changed
 * what. A Văn phòng that wants the log truly owner-only leaves its list in Cấu hình empty.
 */
import { protectionRun, protectNewSheet, protectSheet, type ProtectionRun } from "./protections.js";
import { logError } from "../platform/redact.js";
import { replaceSheet } from "./safe-write.js";
import { ensureSize } from "./sheet-size.js";
import { enteredRows } from "./sheet-values.js";
import { CONFIG_SHEET } from "../../core/template/config-grid.js";
import type { LogEntry } from "./log-sheet-types.js";
import { pendingLogEntries, queueLogEntries } from "./pending-log.js";

export type { LogEntry };
import { LOG_SHEET, LEGACY_LOG_SHEET } from "../../core/template/sheet-names.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { LOG_SHEET, LEGACY_LOG_SHEET };
/** Header row of the log. */
export const LOG_HEADER = [
  "Thời điểm",
  "Người thực hiện",
  "Thao tác",
  "Kỳ báo cáo",
  "Mã đơn vị",
  "Số lượng",
  "Mã kiểm tra SHA-256 của số liệu",
  "Ghi chú",
];
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

/** The email of the person running the script, where Apps Script reveals it. */
export function currentUser(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || "";
}

const header = (sheet: Sheet) => {
  ensureSize(sheet, 2, LOG_HEADER.length);
  sheet
    .getRange(1, 1, 1, LOG_HEADER.length)
    .setValues(enteredRows([LOG_HEADER]))
    .setFontWeight("bold");
  sheet.setFrozenRows(1);
};

/**
 * Makes sure the log exists and is protected for the Văn phòng of `run`: creates it, or takes
 * over the old "Nhật ký gửi" (its rows moved into the new columns, through a complete copy, so a
 * fault halfway loses nothing). Without a run (the log went missing and a command is about to
 * log) it is protected for the person running the command until the next set-up adds the Văn
 * phòng's e-mails: the template is not at hand there, and reading it would cost calls.
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
 * Appends rows at the end of the log, in one write. Call it holding the log's lock (see
 * {@link appendLogSafely}), so two executions never pick the same row. The log is protected for the Văn phòng, so the write
 * succeeds only when the script runs as the owner (menus the owner clicks, the owner's triggers)
 * or as a Văn phòng member listed in Cấu hình: that is what keeps it closed to the units, and
 * why a menu run by anyone else cannot log (they get a warning line instead).
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
  return enteredRows(
    entries.map((e) => [
      e.at ?? now,
      e.user ?? user,
      e.action,
      e.period ?? "",
      e.unit ?? "",
      e.counts ?? "",
      e.checksum ?? "",
      e.note ?? "",
    ]),
  );
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

/** How long a log write waits for the log's own lock (the document lock is never needed for it). */
export const LOG_LOCK_MS = 5000;

/** {@link appendLogRow} for one entry, else {@link appendLog}, returning a Vietnamese warning line instead of throwing (the action itself succeeded). */
export function tryAppendLog(ss: Spreadsheet, entries: readonly LogEntry[]): string | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOG_LOCK_MS)) {
    // Another execution is writing the log: the line waits in the document properties for the next run.
    queueLogEntries(PropertiesService.getDocumentProperties(), entries);
    return null;
  }
  try {
    if (entries.length === 1) appendLogRow(ss, entries[0]);
    else appendLog(ss, entries);
    return null;
  } catch (e) {
    logError("appendLog", e);
    return `Lưu ý: chưa ghi được vào trang "${LOG_SHEET}" (chỉ chủ sở hữu bảng tính và các email Văn phòng ghi trong trang "${CONFIG_SHEET}" ghi được nhật ký; chạy lại Thiết lập bảng tính sau khi thêm email).`;
  } finally {
    lock.releaseLock();
  }
}

/**
 * Appends `entries` after any lines a failed run left pending, under a short lock of the log's
 * own: the script lock, never the document lock a compile or a set-up holds for minutes.
 * Google's reference does not say Sheet.appendRow is atomic
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)), so
 * two executions appending at once are not assumed safe; the lock makes them take turns
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getScriptLock()).
 * A line that cannot be written now (lock busy, protected log, Sheets failure) is kept in the
 * document properties and written by the next run: never dropped. False when kept for later.
 */
export function appendLogSafely(ss: Spreadsheet, entries: readonly LogEntry[]): boolean {
  const props = PropertiesService.getDocumentProperties();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOG_LOCK_MS)) {
    if (!queueLogEntries(props, entries)) logError("appendLogSafely", new Error("log line too large to keep"));
    return false;
  }
  try {
    const pending = pendingLogEntries(props);
    appendLog(ss, [...pending.entries, ...entries]);
    for (const k of pending.keys) props.deleteProperty(k);
    return true;
  } catch (e) {
    logError("appendLogSafely", e);
    if (!queueLogEntries(props, entries)) logError("appendLogSafely", new Error("log line too large to keep"));
    return false;
  } finally {
    lock.releaseLock();
  }
}
