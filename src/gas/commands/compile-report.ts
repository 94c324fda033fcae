/** Menu "Tổng hợp báo cáo" and "Kiểm tra dữ liệu": read in bulk, compile with the core, hand over the .xlsx. */
import {
  archiveSheetName,
  dataBlock,
  isArchiveName,
  readArchiveGrid,
  type ArchiveRecord,
} from "../../core/sheet-life/archive.js";
import { instantToWallClock } from "../../core/vn/dates.js";
import type { Grid } from "../../core/model/cell.js";
import { shortChecksum } from "../../core/sheet-life/checksum.js";
import { buildColumns, LAYOUT } from "../../core/template/columns.js";
import { compileGrid } from "../../core/compile/compile.js";
import type { CompileResult } from "../../core/model/compile-result.js";
import { isoDateTime } from "../../core/vn/dates.js";
import { AppError } from "../../core/model/problem.js";
import { buildReportModel } from "../../core/report/report-model.js";
import { compileFits, estimateCompileMs, maxCompileUnits, type CompileSize } from "../../core/sheet-life/run-budget.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { choosePeriod } from "../ui/choose-period.js";
import { CONFIG_WIDTH } from "../../core/template/config-grid.js";
import { dataSheetName } from "../sheets/data-sheet.js";
import { gridChecksum } from "../platform/digest.js";
import { withDocumentLock } from "../platform/doc-lock.js";
import { renderDownloadDialog } from "../ui/download-dialog.js";
import { buildReportFiles } from "./report-files.js";
import { notesForEdit } from "../sheets/edit-notes.js";
import { currentUser, LOG_ACTIONS, LOG_SHEET, tryAppendLog } from "../sheets/log-sheet.js";
import { plannedWidth } from "../sheets/data-sheet-plan.js";
import { a1Of } from "../sheets/protections.js";
import { fromSheet } from "../sheets/sheet-values.js";
import { writeSummarySheet } from "../sheets/summary-sheet.js";
import { loadTemplate } from "../sheets/template-store.js";
import { APP_TITLE, BUSY_MESSAGE, userMessage } from "../platform/ui-messages.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { BUSY_MESSAGE };

/** Document property holding the id of the period compiled last. */
export const LAST_PERIOD_KEY = "tong-hop:last-period";

/** The data of one compile: a period's data sheet, or an archive sheet. */
export interface PeriodData {
  template: Template;
  period: Period;
  /** Name of the sheet read (the period's data sheet, or the archive). */
  sheetName: string;
  /** As read, Date instants. */
  values: unknown[][];
  /** What the core compiles (wall-clock Dates): the data sheet, or the archive's data block. */
  grid: Grid;
  asOf: string;
  /** SHA-256 of the compiled data block. */
  checksum: string;
  /** Set when the data comes from an archive. */
  archive?: ArchiveRecord;
}

/**
 * Refuses a compile that cannot finish inside Apps Script's 6-minute limit.
 * @throws AppError "compile.too-large" pointing to the CLI.
 */
export function assertCompileFits(
  ss: Spreadsheet,
  sheetName: string,
  period: Pick<Period, "id">,
  size: CompileSize,
): void {
  if (compileFits(size)) return;
  const minutes = Math.ceil(estimateCompileMs(size) / 60_000);
  throw new AppError(
    "compile.too-large",
    `Trang "${sheetName}" có ${size.units} dòng đơn vị × ${size.dataWidth} cột: ước tính cần khoảng ${minutes} phút, vượt giới hạn 6 phút mỗi lần chạy mà Google cho phép (ở độ rộng này tổng hợp được tối đa khoảng ${maxCompileUnits(size.dataWidth, CONFIG_WIDTH)} đơn vị). Chưa có gì thay đổi.`,
    [
      `Hãy tổng hợp trên máy tính bằng lệnh tong-hop, đọc thẳng bảng tính này: tong-hop compile -t <mẫu kế hoạch> -p ${period.id} --sheet ${ss.getUrl()} -o bao-cao.xlsx`,
    ],
  );
}

/** The size of values as read (unit rows, widest row). */
const sizeOf = (values: readonly (readonly unknown[])[]): CompileSize => ({
  units: Math.max(0, values.length - LAYOUT.firstDataRow + 1),
  dataWidth: values.reduce((w, r) => Math.max(w, r.length), 0),
  configWidth: CONFIG_WIDTH,
});

/**
 * Reads a sheet's used range in one call (getSheetValues), after checking with two cheap calls
 * that a compile of this size can finish inside Apps Script's 6-minute limit.
 * @throws AppError "compile.too-large" pointing to the CLI.
 */
export function readWithinBudget(ss: Spreadsheet, sheet: Sheet, period: Pick<Period, "id" | "label">): unknown[][] {
  const lastRow = Math.max(1, sheet.getLastRow());
  const lastColumn = Math.max(1, sheet.getLastColumn());
  assertCompileFits(ss, sheet.getName(), period, {
    units: Math.max(0, lastRow - LAYOUT.firstDataRow + 1),
    dataWidth: lastColumn,
    configWidth: CONFIG_WIDTH,
  });
  return sheet.getSheetValues(1, 1, lastRow, lastColumn);
}

/** The data block's checksum, or the whole grid's when the key row is gone (mapped by headers). */
function checksumOf(grid: Grid): string {
  try {
    return gridChecksum(dataBlock(grid));
  } catch {
    return gridChecksum(grid);
  }
}

/** Told what is about to be compiled, before the data is read (the progress toast). */
export type OnCompileStart = (line: string) => void;

/** The progress line of a period's compile. */
const startLine = (period: Period, t: Template): string =>
  `Đang tổng hợp kỳ ${period.label} (${t.units.length} đơn vị)… Hộp thoại tải báo cáo sẽ mở khi xong.`;

/** Reads the open archive sheet (the active one) through the Spreadsheet's active-sheet methods: its own plan, period and moment, and the data block it keeps. */
function readArchiveData(ss: Spreadsheet, name: string, onStart?: OnCompileStart): PeriodData {
  const lastRow = Math.max(1, ss.getLastRow());
  const lastColumn = Math.max(1, ss.getLastColumn());
  assertCompileFits(
    ss,
    name,
    { id: "<mã kỳ>" },
    { units: Math.max(0, lastRow - LAYOUT.firstDataRow + 1), dataWidth: lastColumn, configWidth: CONFIG_WIDTH },
  );
  onStart?.(`Đang tổng hợp lại từ trang "${name}"… Hộp thoại tải báo cáo sẽ mở khi xong.`);
  const values = ss.getSheetValues(1, 1, lastRow, lastColumn);
  const archive = readArchiveGrid(fromSheet(values));
  return {
    template: archive.template,
    period: archive.period,
    sheetName: name,
    values,
    grid: archive.data,
    asOf: archive.asOf,
    checksum: gridChecksum(archive.data),
    archive,
  };
}

/**
 * Reads the template (fresh) and the chosen period's data sheet; or, when an archive sheet is
 * open, the archive. The open sheet is known by name (Spreadsheet.getSheetName) and, when it is
 * the period's sheet, read through the Spreadsheet's active-sheet method without looking it up.
 * The size is checked against the 6-minute model before the data is read (units from Cấu hình,
 * width from the template) and again once read (rows pasted below the units count too).
 * `remember` stores the period as the one compiled last.
 */
export function readPeriodData(ss: Spreadsheet, remember: boolean, onStart?: OnCompileStart): PeriodData {
  const activeName = ss.getSheetName();
  if (isArchiveName(activeName)) return readArchiveData(ss, activeName, onStart);
  const template = loadTemplate(ss, { fresh: true });
  const asOf = isoDateTime(instantToWallClock(new Date()));
  const props = PropertiesService.getDocumentProperties();
  const period = choosePeriod(
    template,
    activeName,
    asOf.slice(0, 10),
    dataSheetName,
    props.getProperty(LAST_PERIOD_KEY),
  );
  if (remember) props.setProperty(LAST_PERIOD_KEY, period.id);
  const name = dataSheetName(period);
  assertCompileFits(ss, name, period, {
    units: template.units.length,
    dataWidth: plannedWidth(template, period.id),
    configWidth: CONFIG_WIDTH,
  });
  let values: unknown[][];
  if (activeName === name) {
    onStart?.(startLine(period, template));
    values = ss.getSheetValues(1, 1, -1, -1);
  } else {
    const sheet = ss.getSheetByName(name);
    if (!sheet) {
      if (ss.getSheetByName(archiveSheetName(period))) {
        throw new AppError("compile.archived", `Kỳ ${period.label} đã được lưu trữ.`, [
          `Mở trang "${archiveSheetName(period)}" rồi chạy lại Tổng hợp báo cáo để tổng hợp lại kỳ này.`,
        ]);
      }
      throw new AppError("compile.no-sheet", `Không thấy trang "${name}" của kỳ ${period.label}.`, [
        "Chạy Báo cáo → Thiết lập bảng tính để tạo trang dữ liệu.",
      ]);
    }
    onStart?.(startLine(period, template));
    values = sheet.getSheetValues(1, 1, -1, -1);
  }
  assertCompileFits(ss, name, period, sizeOf(values));
  const grid = fromSheet(values);
  return { template, period, sheetName: name, values, grid, asOf, checksum: checksumOf(grid) };
}

/** Compiles read data. The source is named after the period's data sheet, also for an archive (it is that sheet's data). */
export function compileData(d: PeriodData): CompileResult {
  return compileGrid({
    template: d.template,
    periodId: d.period.id,
    grid: d.grid,
    asOf: d.asOf,
    source: `trang ${dataSheetName(d.period)}`,
  });
}

/** Counts of a compile for messages and the log. */
export function compileCounts(result: CompileResult): { line: string; log: string } {
  const counts = { "on-time": 0, late: 0, pending: 0, overdue: 0 };
  for (const s of result.statuses) counts[s.status]++;
  const errors = result.problems.filter((p) => p.severity === "error").length;
  return {
    line: `${result.statuses.length} đơn vị: ${counts["on-time"]} nộp đúng hạn, ${counts.late} nộp muộn, ${counts.pending} chưa nộp (còn hạn), ${counts.overdue} chưa nộp (quá hạn).`,
    log: `${result.statuses.length} đơn vị; ${result.countedUnits.length} được tổng hợp; ${errors} lỗi, ${result.problems.length - errors} lưu ý`,
  };
}

async function compileNow(ui: GoogleAppsScript.Base.Ui): Promise<void> {
  let summaryWritten = false;
  try {
    const ss = SpreadsheetApp.getActive();
    // The one progress toast: it names the period once it is known; the dialog says when it is done.
    const data = readPeriodData(ss, true, (line) => ss.toast(line, APP_TITLE, 60));
    const result = compileData(data);
    // The file first: nothing is written to the spreadsheet before the report exists.
    const report = await buildReportFiles(buildReportModel(data.template, result));
    const user = currentUser();
    const summary = writeSummarySheet(ss, data.template, data.period, result, {
      compiledAt: data.asOf,
      updatedBy: user,
      checksum: data.checksum,
    });
    summaryWritten = true;
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
    const html = renderDownloadDialog({ files: report.files, summary: lines });
    ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(560).setHeight(340), "Tải báo cáo tổng hợp");
  } catch (err) {
    const state = summaryWritten
      ? `trang "Tổng hợp" đã được cập nhật đầy đủ nhưng chưa mở được hộp thoại tải tệp; hãy chạy lại để tải`
      : `trang "Tổng hợp" cũ vẫn giữ nguyên`;
    ui.alert(APP_TITLE, `Không tổng hợp được báo cáo; ${state}.\n${userMessage(err)}`, ui.ButtonSet.OK);
  }
}

/**
 * Compiles the period of the open data sheet (or the current one), or the open archive: takes
 * the document lock (a second click gets a message, not a second compile), refuses up front a
 * size that cannot finish in 6 minutes, reads Cấu hình and the data in one call each, compiles
 * with the core, builds the Word Báo cáo (docx) and the .xlsx (exceljs), rewrites "Tổng hợp" in one setValues (see
 * summary-sheet.ts), logs the compile with the data's SHA-256 in one appendRow and opens a
 * dialog whose buttons save both files through the browser. One toast shows progress; the
 * dialog shows the end. Eleven Spreadsheet calls in all from the period's sheet, twelve from
 * another, whatever the number of units (test/gas/call-counts.test.ts).
 */
export function tongHopBaoCao(): Promise<void> | void {
  const ui = SpreadsheetApp.getUi();
  return withDocumentLock<Promise<void> | void>(
    500,
    () => {
      ui.alert(APP_TITLE, BUSY_MESSAGE, ui.ButtonSet.OK);
    },
    () => compileNow(ui),
  );
}

/**
 * Re-checks every unit cell of the open period's sheet: writes or clears the notes in one
 * call and says how many problems there are.
 */
export function kiemTraDuLieu(): void {
  const ui = SpreadsheetApp.getUi();
  withDocumentLock<unknown>(
    500,
    () => ui.alert(APP_TITLE, BUSY_MESSAGE, ui.ButtonSet.OK),
    () => {
      try {
        const ss = SpreadsheetApp.getActive();
        const data = readPeriodData(ss, false);
        const rows = data.values.length - LAYOUT.firstDataRow + 1;
        let bad = 0;
        if (rows > 0 && !data.archive) {
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
          bad = r.errors;
        }
        const result = compileData(data);
        const errors = result.problems.filter((p) => p.severity === "error").length;
        const warnings = result.problems.length - errors;
        return ui.alert(
          APP_TITLE,
          `Kỳ ${data.period.label}: ${errors} lỗi, ${warnings} lưu ý.\n${bad} ô sai đã được ghi chú (tam giác đen ở góc ô).\nChạy Tổng hợp báo cáo để xem danh sách đầy đủ trong trang "Tổng hợp".`,
          ui.ButtonSet.OK,
        );
      } catch (err) {
        return ui.alert(APP_TITLE, `Không kiểm tra được dữ liệu.\n${userMessage(err)}`, ui.ButtonSet.OK);
      }
    },
  );
}
