/** Reads a period's data (its data sheet, or an open archive) within the 6-minute budget: shared by compile, archive and reminders. */
import {
  archiveSheetName,
  dataBlock,
  isArchiveName,
  readArchiveGrid,
  type ArchiveRecord,
} from "../../core/sheet-life/archive.js";
import { instantToWallClock, isoDateTime } from "../../core/vn/dates.js";
import type { Grid } from "../../core/model/cell.js";
import { LAYOUT } from "../../core/template/columns.js";
import { compileGrid } from "../../core/compile/compile.js";
import type { CompileResult } from "../../core/model/compile-result.js";
import { AppError } from "../../core/model/problem.js";
import { compileFits, estimateCompileMs, maxCompileUnits, type CompileSize } from "../../core/sheet-life/run-budget.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { CONFIG_WIDTH } from "../../core/template/config-grid.js";
import { gridChecksum } from "../platform/digest.js";
import { choosePeriod } from "./choose-period.js";
import { dataSheetName } from "./data-sheet.js";
import { plannedWidth } from "./data-sheet-plan.js";
import { fillTimesFromLog } from "./log-times.js";
import { fromSheet } from "./sheet-values.js";
import { loadTemplate } from "./template-store.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  const read = fromSheet(values);
  // The checksum is of the sheet as it is; the compile also sees the times Nhật ký holds for ticks the trigger could not stamp.
  const { grid } = fillTimesFromLog(ss, name, read);
  return { template, period, sheetName: name, values, grid, asOf, checksum: checksumOf(read) };
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
  const counts = { "on-time": 0, late: 0, undated: 0, pending: 0, overdue: 0 };
  for (const s of result.statuses) counts[s.status]++;
  const errors = result.problems.filter((p) => p.severity === "error").length;
  return {
    line: `${result.statuses.length} đơn vị: ${counts["on-time"]} nộp đúng hạn, ${counts.late} nộp muộn, ${counts.undated ? `${counts.undated} đã nộp không rõ thời gian, ` : ""}${counts.pending} chưa nộp (còn hạn), ${counts.overdue} chưa nộp (quá hạn).`,
    log: `${result.statuses.length} đơn vị; ${result.countedUnits.length} được tổng hợp; ${errors} lỗi, ${result.problems.length - errors} lưu ý`,
  };
}
