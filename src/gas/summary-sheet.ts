/** Writes the "Tổng hợp" sheet in a few bulk calls, with a stacked bar chart of submissions by group. */
import type { CompileResult } from "../core/compile-result.js";
import type { Period, Template } from "../core/template-schema.js";
import { protectNewSheet } from "./protections.js";
import { replaceSheet } from "./safe-write.js";
import { growNewSheet } from "./sheet-size.js";
import { toSheetText } from "./sheet-values.js";
import { buildSummaryGrid, SUMMARY_SHEET } from "./summary-grid.js";

/** What writing the summary did. */
export interface SummaryWritten {
  /** How many problems it lists. */
  problems: number;
  /** A Vietnamese line when the old sheet could not be removed. */
  warning?: string;
}

/**
 * Replaces the summary sheet: the new one is written completely (values, colours, chart,
 * protection) under a temporary name and only then takes the name "Tổng hợp", so a fault
 * halfway leaves the previous summary untouched. Every text goes in as text: a unit's
 * "=HYPERLINK(…)" shown in the problems list stays a string, never a formula.
 */
export function writeSummarySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, t: Template, period: Period, result: CompileResult, compiledAt: string): SummaryWritten {
  const s = buildSummaryGrid(t, period, result, compiledAt);
  const done = replaceSheet(ss, SUMMARY_SHEET, (sheet) => {
    growNewSheet(sheet, s.grid.length, s.width);
    const all = sheet.getRange(1, 1, s.grid.length, s.width);
    all.setValues(toSheetText(s.grid));
    all.setBackgrounds(s.backgrounds);
    all.setFontWeights(s.grid.map((_, r) => Array<"bold" | "normal">(s.width).fill(s.boldRows.includes(r) ? "bold" : "normal")));
    const c = s.chartRange;
    const chart = sheet
      .newChart()
      .asBarChart()
      .setStacked()
      .setTitle(`Tình hình nộp báo cáo theo nhóm — ${period.label}`)
      .addRange(sheet.getRange(c.row, c.column, c.numRows, c.numColumns))
      .setPosition(s.chartAnchor.row, s.chartAnchor.column, 0, 0)
      .build();
    sheet.insertChart(chart);
    sheet.setColumnWidths(1, s.width, 140);
    sheet.setFrozenRows(2);
    protectNewSheet(sheet, SUMMARY_SHEET);
  });
  return { problems: s.problemCount, warning: done.warning };
}
