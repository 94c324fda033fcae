/** Menu "Tổng hợp báo cáo" and "Kiểm tra dữ liệu": read in bulk, compile with the core, hand over the .xlsx. */
import { shortChecksum } from "../../core/sheet-life/checksum.js";
import { buildColumns, LAYOUT } from "../../core/template/columns.js";
import { buildReportModel } from "../../core/report/report-model.js";
import { renderDownloadDialog } from "../ui/download-dialog.js";
import { buildReportFiles } from "./report-files.js";
import { notesForEdit } from "../sheets/edit-notes.js";
import { currentUser, LOG_ACTIONS, LOG_SHEET, tryAppendLog } from "../sheets/log-sheet.js";
import { compileCounts, compileData, type PeriodData, readPeriodData } from "../sheets/period-data.js";
import { menuCommand } from "../ui/menu-command.js";
import { a1Of } from "../sheets/protections.js";
import { writeSummarySheet } from "../sheets/summary-sheet.js";
import { APP_TITLE, BUSY_MESSAGE, userMessage } from "../platform/ui-messages.js";

export { BUSY_MESSAGE };

/** Whether a compile got as far as rewriting "Tổng hợp" (the failure alert says what is left). */
interface CompileState {
  summaryWritten: boolean;
}

async function compileNow(ui: GoogleAppsScript.Base.Ui, state: CompileState): Promise<void> {
  const ss = SpreadsheetApp.getActive();
  // The one progress toast: it names the period once it is known; the dialog says when it is done.
  const data = readPeriodData(ss, true, (line) => ss.toast(line, APP_TITLE, 60));
  const result = compileData(data);
  // The file first: nothing is written to the spreadsheet before the report exists.
  const model = buildReportModel(data.template, result);
  const report = await buildReportFiles(model);
  const files = report.files;
  const user = currentUser();
  const summary = writeSummarySheet(ss, data.template, data.period, result, {
    compiledAt: data.asOf,
    updatedBy: user,
    checksum: data.checksum,
  });
  state.summaryWritten = true;
  const counts = compileCounts(result);
  const tampered = data.archive && data.archive.checksum !== data.checksum;
  const logWarning = tryAppendLog(ss, [
    {
      action: LOG_ACTIONS.compile,
      user: user || undefined,
      period: data.period.label,
      counts: counts.log,
      checksum: data.checksum,
      note: data.archive ? `Từ trang "${data.sheetName}"${tampered ? "; số liệu khác lúc lưu trữ" : ""}` : "",
    },
  ]);
  const lines = [
    `Kỳ báo cáo: ${data.period.label}${data.archive ? ` (tổng hợp lại từ trang "${data.sheetName}")` : ""}.`,
    counts.line,
    `${summary.problems} vấn đề cần xử lý (xem trang "Tổng hợp" và Phụ lục II).`,
    `Mã kiểm tra số liệu: ${shortChecksum(data.checksum)}… (hai lần tổng hợp cùng mã là cùng một số liệu; mã đầy đủ trong trang "${LOG_SHEET}").`,
  ];
  if (tampered)
    lines.push(
      `CẢNH BÁO: số liệu trong trang lưu trữ khác với lúc lưu trữ (mã kiểm tra lúc lưu trữ ${shortChecksum(data.archive!.checksum)}…): trang đã bị sửa.`,
    );
  if (report.warning) lines.push(report.warning);
  if (summary.warning) lines.push(summary.warning);
  if (logWarning) lines.push(logWarning);
  const html = renderDownloadDialog({ files, summary: lines });
  ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(560).setHeight(340), "Tải báo cáo tổng hợp");
}

/**
 * Compiles the period of the open data sheet (or the current one), or the open archive: takes
 * the document lock (a second click gets a message, not a second compile), refuses up front a
 * size that cannot finish in 6 minutes, reads Cấu hình and the data in one call each, compiles
 * with the core, builds the .xlsx with exceljs, rewrites "Tổng hợp" in one setValues (see
 * summary-sheet.ts), logs the compile with the data's SHA-256 in one appendRow and opens a
 * dialog whose button saves the file through the browser. One toast shows progress; the
 * dialog shows the end. Eleven Spreadsheet calls in all from the period's sheet, twelve from
 * another, whatever the number of units (test/gas/call-counts.test.ts).
 */
export function tongHopBaoCao(): Promise<void> | undefined {
  const state: CompileState = { summaryWritten: false };
  return menuCommand<Promise<void>>(
    {
      name: "tongHopBaoCao",
      lock: 500,
      failure: (err) =>
        `Không tổng hợp được báo cáo; ${
          state.summaryWritten
            ? `trang "Tổng hợp" đã được cập nhật đầy đủ nhưng chưa mở được hộp thoại tải tệp; hãy chạy lại để tải`
            : `trang "Tổng hợp" cũ vẫn giữ nguyên`
        }.\n${userMessage(err)}`,
    },
    (ui) => compileNow(ui!, state),
  );
}

/** Writes or clears the notes of every unit cell of the read data sheet in one call; the number of bad cells. */
function recheckNotes(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, data: PeriodData): number {
  const rows = data.values.length - LAYOUT.firstDataRow + 1;
  if (rows <= 0 || data.archive) return 0;
  const keys = (data.values[LAYOUT.keyRow - 1] ?? []).map((k) => (typeof k === "string" ? k.trim() : ""));
  const byKey = new Map(buildColumns(data.template).map((c) => [c.key, c]));
  const range = ss.getRange(
    `'${data.sheetName.replace(/'/g, "''")}'!${a1Of(LAYOUT.firstDataRow, 1, rows, keys.length)}`,
  );
  const notes = range.getNotes();
  const r = notesForEdit(
    keys.map((k) => byKey.get(k)),
    data.grid.slice(LAYOUT.firstDataRow - 1),
    notes,
  );
  if (r.changed) range.setNotes(r.notes);
  return r.errors;
}

/**
 * Re-checks every unit cell of the open period's sheet: writes or clears the notes in one
 * call and says how many problems there are.
 */
export function kiemTraDuLieu(): void {
  menuCommand(
    { name: "kiemTraDuLieu", lock: 500, failure: (err) => `Không kiểm tra được dữ liệu.\n${userMessage(err)}` },
    (ui) => {
      const ss = SpreadsheetApp.getActive();
      const data = readPeriodData(ss, false);
      const bad = recheckNotes(ss, data);
      const result = compileData(data);
      const errors = result.problems.filter((p) => p.severity === "error").length;
      const warnings = result.problems.length - errors;
      ui!.alert(
        APP_TITLE,
        `Kỳ ${data.period.label}: ${errors} lỗi, ${warnings} lưu ý.\n${bad} ô sai đã được ghi chú (tam giác đen ở góc ô).\nChạy Tổng hợp báo cáo để xem danh sách đầy đủ trong trang "Tổng hợp".`,
        ui!.ButtonSet.OK,
      );
    },
  );
}
