/**
 * Writes the "Tổng hợp" sheet. The sheet stays from one compile to the next with its chart, its
 * protection and its look (conditional formats that follow the values), so a compile rewrites
 * it with one getRange and one setValues; it is built anew, complete under a temporary name,
 * only the first time and when its shape changes (another number of groups, a block larger
 * than the sheet, the sheet gone).
 */
import { colName } from "../../core/read/map-grid.js";
import type { CompileResult } from "../../core/model/compile-result.js";
import type { CellValue } from "../../core/model/cell.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { protectionRun, protectNewSheet } from "./protections.js";
import { logError } from "../platform/redact.js";
import { replaceSheet } from "./safe-write.js";
import { growNewSheet, NEW_SHEET_SIZE } from "./sheet-size.js";
import { toSheetText } from "./sheet-values.js";
import { summaryFormatRules } from "./summary-format.js";
import {
  buildSummaryGrid,
  SUMMARY_FROZEN_ROWS,
  SUMMARY_SHEET,
  type SummaryGrid,
  type SummaryStamp,
} from "./summary-grid.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property holding the sheet's {@link SummaryLayout}. */
export const SUMMARY_LAYOUT_KEY = "tong-hop:summary-layout";

/** What the add-on knows about the "Tổng hợp" it built, kept in the document properties. */
export interface SummaryLayout {
  v: 1;
  /** Unit groups the chart shows (its data range is the status table's rows). */
  groups: number;
  /** Size of the sheet as built (its conditional formats cover all of it). */
  rows: number;
  columns: number;
  /** Rows and columns that may hold values of an earlier compile: a shorter block blanks them. */
  height: number;
  width: number;
}

/** What writing the summary did. */
export interface SummaryWritten {
  /** How many problems it lists. */
  problems: number;
  /** True when the sheet was built anew (first compile, or its shape changed). */
  rebuilt: boolean;
  /** A Vietnamese line when an old sheet could not be removed. */
  warning?: string;
}

/** Title of the chart (no period: the chart is kept across periods; row 2 names the period). */
export const CHART_TITLE = "Tình hình nộp báo cáo theo nhóm đơn vị";

/** A1 notation of a block of the summary sheet, sheet name included (quotes doubled). */
export function summaryA1(rows: number, columns: number): string {
  return `'${SUMMARY_SHEET.replace(/'/g, "''")}'!A1:${colName(columns - 1)}${rows}`;
}

function readLayout(props: GoogleAppsScript.Properties.Properties): SummaryLayout | null {
  const raw = props.getProperty(SUMMARY_LAYOUT_KEY);
  if (!raw) return null;
  try {
    const l = JSON.parse(raw) as SummaryLayout;
    const ok =
      l && l.v === 1 && [l.groups, l.rows, l.columns, l.height, l.width].every((n) => Number.isInteger(n) && n >= 0);
    return ok ? l : null;
  } catch {
    return null;
  }
}

const saveLayout = (props: GoogleAppsScript.Properties.Properties, l: SummaryLayout) =>
  props.setProperty(SUMMARY_LAYOUT_KEY, JSON.stringify(l));

/** The grid padded with blanks to `rows` × `columns`: the cells of a longer earlier block are emptied by the same write. */
function padded(grid: readonly (readonly CellValue[])[], rows: number, columns: number): CellValue[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => grid[r]?.[c] ?? ""));
}

/**
 * Rewrites the values in place: one getRange of the block (the new one, or the earlier one when
 * it was longer) and one setValues, which either happens or not, so the sheet never shows half a
 * compile. Null when the sheet cannot be reached as recorded (deleted, renamed, made smaller):
 * it is then built anew.
 */
function writeInPlace(
  ss: Spreadsheet,
  s: SummaryGrid,
  layout: SummaryLayout,
  props: GoogleAppsScript.Properties.Properties,
): boolean {
  const height = Math.max(layout.height, s.grid.length);
  const width = Math.max(layout.width, s.width);
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = ss.getRange(summaryA1(height, width));
  } catch (e) {
    logError("writeSummarySheet", e);
    return false;
  }
  // Record the larger block before writing it: if the write lands and the next line fails, the
  // next compile still blanks every row this one may have written.
  if (height > layout.height || width > layout.width) saveLayout(props, { ...layout, height, width });
  range.setValues(toSheetText(padded(s.grid, height, width)));
  if (s.grid.length !== height || s.width !== width)
    saveLayout(props, { ...layout, height: s.grid.length, width: s.width });
  return true;
}

/**
 * Builds the sheet: values, the look as conditional formats, the chart, widths, frozen rows, the
 * Văn phòng's protection (the runner and `t`'s Văn phòng e-mails, so any of them can compile
 * next; no extra call, they go in the protection's one addEditors). Compiling an archive passes
 * the plan as archived, whose list may be older: the next set-up brings it to Cấu hình's.
 */
function buildSheet(sheet: Sheet, s: SummaryGrid, size: { rows: number; columns: number }, t: Template): void {
  growNewSheet(sheet, size.rows, size.columns);
  sheet.getRange(1, 1, s.grid.length, s.width).setValues(toSheetText(s.grid));
  sheet.setConditionalFormatRules(
    summaryFormatRules().map((r) => {
      const b = SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(r.formula)
        .setRanges([sheet.getRange(1, r.column, size.rows, r.numColumns ?? size.columns - r.column + 1)]);
      if (r.background) b.setBackground(r.background);
      if (r.bold) b.setBold(true);
      return b.build();
    }),
  );
  const c = s.chartRange;
  const chart = sheet
    .newChart()
    .asBarChart()
    .setStacked()
    .setTitle(CHART_TITLE)
    .addRange(sheet.getRange(c.row, c.column, c.numRows, c.numColumns))
    .setPosition(s.chartAnchor.row, s.chartAnchor.column, 0, 0)
    .build();
  sheet.insertChart(chart);
  sheet.setColumnWidths(1, s.width, 140);
  sheet.setFrozenRows(SUMMARY_FROZEN_ROWS);
  protectNewSheet(sheet, SUMMARY_SHEET, protectionRun(t));
}

/**
 * Writes "Tổng hợp" for a compile. Usually in place, in one setValues (see {@link writeInPlace});
 * the first time, or when the shape changed, the whole sheet is built under a temporary name and
 * only then replaces the old one (safe-write.ts), so a fault halfway leaves the previous summary
 * untouched, or the unfinished one named "… (đang ghi, chưa xong)". Every text goes in as text:
 * a unit's "=HYPERLINK(…)" shown in the problems list stays a string, never a formula.
 */
export function writeSummarySheet(
  ss: Spreadsheet,
  t: Template,
  period: Period,
  result: CompileResult,
  stamp: SummaryStamp,
): SummaryWritten {
  const s = buildSummaryGrid(t, period, result, stamp);
  const props = PropertiesService.getDocumentProperties();
  const layout = readLayout(props);
  const fits = layout && layout.groups === s.groups && s.grid.length <= layout.rows && s.width <= layout.columns;
  if (fits && writeInPlace(ss, s, layout, props)) return { problems: s.problemCount, rebuilt: false };

  const size = {
    rows: Math.max(NEW_SHEET_SIZE.rows, s.grid.length),
    columns: Math.max(NEW_SHEET_SIZE.columns, s.width),
  };
  // Forgotten first: if the new sheet is built but not recorded, the next compile builds it again rather than trust a stale record.
  props.deleteProperty(SUMMARY_LAYOUT_KEY);
  const done = replaceSheet(ss, SUMMARY_SHEET, (sheet) => buildSheet(sheet, s, size, t));
  saveLayout(props, { v: 1, groups: s.groups, ...size, height: s.grid.length, width: s.width });
  return { problems: s.problemCount, rebuilt: true, warning: done.warning };
}
