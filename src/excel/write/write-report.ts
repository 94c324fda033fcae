/** Builds the compiled report workbook (Báo cáo, Phụ lục I, Phụ lục II) as .xlsx bytes. */
import type { ReportModel } from "../../core/report/report-model.js";
import { embedResult } from "../read/embedded-result.js";
import { escapeWorkbookText } from "./escape-ooxml-text.js";
import { loadExcelJS } from "../read/load-exceljs.js";
import { writeAppendixFigures } from "./write-appendix-figures.js";
import { writeAppendixProblems } from "./write-appendix-problems.js";
import { writeReportBody } from "./write-report-body.js";

/** Sheet names of the report, in order. */
export const REPORT_SHEETS = ["Báo cáo", "Phụ lục I", "Phụ lục II"] as const;

/** Renders `model` to an .xlsx file's bytes. */
export async function writeReportXlsx(model: ReportModel, opts: { embed?: unknown } = {}): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tổng hợp báo cáo";
  wb.title = `${model.title} ${model.subject}`;
  // A fixed timestamp keeps the file identical for identical input.
  wb.created = wb.modified = new Date(`${model.reportDate}T00:00:00Z`);
  writeReportBody(wb.addWorksheet(REPORT_SHEETS[0]), model);
  writeAppendixFigures(wb.addWorksheet(REPORT_SHEETS[1]), model);
  writeAppendixProblems(wb.addWorksheet(REPORT_SHEETS[2]), model);
  if (opts.embed !== undefined) embedResult(wb, opts.embed);
  escapeWorkbookText(wb);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
