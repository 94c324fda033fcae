/** Menu "Tổng hợp báo cáo" and "Kiểm tra dữ liệu": read in bulk, compile with the core, hand over the .xlsx. */
import { instantToWallClock } from "../core/cell.js";
import { buildColumns, LAYOUT } from "../core/columns.js";
import { compileGrid } from "../core/compile.js";
import type { CompileResult } from "../core/compile-result.js";
import { isoDateTime } from "../core/dates.js";
import { AppError } from "../core/problem.js";
import { buildReportModel } from "../core/report-model.js";
import type { Period, Template } from "../core/template-schema.js";
import { writeReportXlsx } from "../excel/write-report.js";
import { toSignedBytes } from "./bytes.js";
import { choosePeriod } from "./choose-period.js";
import { dataSheetName } from "./data-sheet.js";
import { renderDownloadDialog, XLSX_MIME } from "./download-dialog.js";
import { notesForEdit } from "./edit-notes.js";
import { storeReport } from "./report-store.js";
import { fromSheet } from "./sheet-values.js";
import { writeSummarySheet } from "./summary-sheet.js";
import { loadTemplate } from "./template-store.js";
import { APP_TITLE, userMessage } from "./ui-messages.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Shown when a compile is already running (a second click, or another person). */
export const BUSY_MESSAGE =
  "Đang có một lần Tổng hợp báo cáo (hoặc Thiết lập bảng tính) chạy trên bảng tính này, có thể do bạn vừa bấm hai lần hoặc người khác đang chạy. Vui lòng đợi hộp thoại tải tệp hiện ra; không cần bấm lại.";

/** Document property holding the id of the period compiled last. */
export const LAST_PERIOD_KEY = "tong-hop:last-period";

/** The data of one period, read in one call. */
interface PeriodData {
  template: Template;
  period: Period;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  values: unknown[][];
  asOf: string;
}

/** Reads the template (fresh) and the chosen period's sheet: one getValues each. */
function readPeriodData(ss: Spreadsheet): PeriodData {
  const template = loadTemplate(ss, { fresh: true });
  const asOf = isoDateTime(instantToWallClock(new Date()));
  const active = ss.getActiveSheet();
  const activeName = active.getName();
  const props = PropertiesService.getDocumentProperties();
  const period = choosePeriod(template, activeName, asOf.slice(0, 10), dataSheetName, props.getProperty(LAST_PERIOD_KEY));
  props.setProperty(LAST_PERIOD_KEY, period.id);
  const name = dataSheetName(period);
  const sheet = activeName === name ? active : ss.getSheetByName(name);
  if (!sheet) throw new AppError("compile.no-sheet", `Không thấy trang "${name}" của kỳ ${period.label}.`, ["Chạy Báo cáo → Thiết lập bảng tính để tạo trang dữ liệu."]);
  return { template, period, sheet, values: sheet.getDataRange().getValues(), asOf };
}

function compileData(d: PeriodData): CompileResult {
  return compileGrid({ template: d.template, periodId: d.period.id, grid: fromSheet(d.values), asOf: d.asOf, source: `trang ${d.sheet.getName()}` });
}

/**
 * Compiles the period of the open data sheet (or the current one): takes the document lock
 * (a second click gets a message, not a second compile), reads each sheet in one call,
 * compiles with the core, writes "Tổng hợp", builds the .xlsx with exceljs and opens a dialog
 * whose button saves it through the browser. Progress shows as toasts.
 */
export async function tongHopBaoCao(): Promise<void> {
  const ui = SpreadsheetApp.getUi();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(500)) {
    ui.alert(APP_TITLE, BUSY_MESSAGE, ui.ButtonSet.OK);
    return;
  }
  try {
    const ss = SpreadsheetApp.getActive();
    ss.toast("Đang đọc số liệu của các đơn vị…", APP_TITLE, 60);
    const data = readPeriodData(ss);
    const result = compileData(data);
    const problems = writeSummarySheet(ss, data.template, data.period, result, data.asOf);
    ss.toast("Đang tạo tệp Excel…", APP_TITLE, 60);
    const model = buildReportModel(data.template, result);
    const bytes = await writeReportXlsx(model);
    const blob = Utilities.newBlob(toSignedBytes(bytes), XLSX_MIME, model.fileName);
    const token = storeReport({ fileName: model.fileName, mimeType: XLSX_MIME, base64: Utilities.base64Encode(blob.getBytes()) });
    const counts = { "on-time": 0, late: 0, pending: 0, overdue: 0 };
    for (const s of result.statuses) counts[s.status]++;
    const html = renderDownloadDialog({
      token,
      fileName: model.fileName,
      summary: [
        `Kỳ báo cáo: ${data.period.label}.`,
        `${result.statuses.length} đơn vị: ${counts["on-time"]} nộp đúng hạn, ${counts.late} nộp muộn, ${counts.pending} chưa nộp (còn hạn), ${counts.overdue} chưa nộp (quá hạn).`,
        `${problems} vấn đề cần xử lý (xem trang "Tổng hợp" và Phụ lục II).`,
      ],
    });
    ss.toast("Đã tổng hợp xong.", APP_TITLE, 5);
    ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(520).setHeight(300), "Tải báo cáo tổng hợp");
  } catch (err) {
    ui.alert(APP_TITLE, `Không tổng hợp được báo cáo.\n${userMessage(err)}`, ui.ButtonSet.OK);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Re-checks every unit cell of the open period's sheet: writes or clears the notes in one
 * call and says how many problems there are.
 */
export function kiemTraDuLieu(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const ss = SpreadsheetApp.getActive();
    const data = readPeriodData(ss);
    const rows = data.values.length - LAYOUT.firstDataRow + 1;
    let bad = 0;
    if (rows > 0) {
      const keys = (data.values[LAYOUT.keyRow - 1] ?? []).map((k) => (typeof k === "string" ? k.trim() : ""));
      const byKey = new Map(buildColumns(data.template).map((c) => [c.key, c]));
      const range = data.sheet.getRange(LAYOUT.firstDataRow, 1, rows, keys.length);
      const notes = range.getNotes();
      const r = notesForEdit(keys.map((k) => byKey.get(k)), fromSheet(data.values.slice(LAYOUT.firstDataRow - 1)), notes);
      if (r.changed) range.setNotes(r.notes);
      bad = r.errors;
    }
    const result = compileData(data);
    const errors = result.problems.filter((p) => p.severity === "error").length;
    const warnings = result.problems.length - errors;
    ui.alert(
      APP_TITLE,
      `Kỳ ${data.period.label}: ${errors} lỗi, ${warnings} lưu ý.\n${bad} ô sai đã được ghi chú (tam giác đen ở góc ô).\nChạy Tổng hợp báo cáo để xem danh sách đầy đủ trong trang "Tổng hợp".`,
      ui.ButtonSet.OK,
    );
  } catch (err) {
    ui.alert(APP_TITLE, `Không kiểm tra được dữ liệu.\n${userMessage(err)}`, ui.ButtonSet.OK);
  }
}
