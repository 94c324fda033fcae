/** Writes the "Tổng hợp" sheet in a few bulk calls, with a stacked bar chart of submissions by group. */
import type { CompileResult } from "../core/compile-result.js";
import type { Period, Template } from "../core/template-schema.js";
import { protectSheet } from "./protections.js";
import { ensureSize } from "./sheet-size.js";
import { buildSummaryGrid, SUMMARY_SHEET } from "./summary-grid.js";

/** Replaces the summary sheet's content; returns how many problems it lists. */
export function writeSummarySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, t: Template, period: Period, result: CompileResult, compiledAt: string): number {
  const s = buildSummaryGrid(t, period, result, compiledAt);
  let sheet = ss.getSheetByName(SUMMARY_SHEET);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(SUMMARY_SHEET);
  else {
    sheet.clear();
    for (const c of sheet.getCharts()) sheet.removeChart(c);
  }
  ensureSize(sheet, s.grid.length, s.width);
  const all = sheet.getRange(1, 1, s.grid.length, s.width);
  all.setValues(s.grid as (string | number | boolean)[][]);
  all.setBackgrounds(s.backgrounds);
  all.setFontWeights(s.grid.map((_, r) => Array<string>(s.width).fill(s.boldRows.includes(r) ? "bold" : "normal")));
  const c = s.chartRange;
  const chart = sheet
    .newChart()
    .asBarChart()
    .addRange(sheet.getRange(c.row, c.column, c.numRows, c.numColumns))
    .setStacked()
    .setTitle(`Tình hình nộp báo cáo theo nhóm — ${period.label}`)
    .setPosition(s.chartAnchor.row, s.chartAnchor.column, 0, 0)
    .build();
  sheet.insertChart(chart);
  if (created) {
    sheet.setColumnWidths(1, s.width, 140);
    sheet.setFrozenRows(2);
    protectSheet(sheet, SUMMARY_SHEET);
  }
  return s.problemCount;
}
