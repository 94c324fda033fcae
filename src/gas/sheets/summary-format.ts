/**
 * The look of "Tổng hợp" as conditional-format rules read from its values: titles and totals in
 * bold, coloured table headers, errors in red. Set once when the sheet is built, they restyle
 * it by themselves whenever one setValues rewrites the values, so a compile never writes formats.
 */
import type { SubmissionStatus } from "../../core/model/compile-result.js";
import { HIGHLIGHT_COLORS, stringLiteral } from "./highlight-rules.js";
import { SECTION_PREFIXES, STATUS_ORDER, SUMMARY_LABELS } from "./summary-grid.js";

/** Background of the tables' header rows. */
export const SUMMARY_HEADER_BG = "#cfe2f3";

/** Colour of each status's header cell (the chart's series, and the data sheet's legend). */
export const STATUS_COLORS: Record<SubmissionStatus, string> = {
  "on-time": HIGHLIGHT_COLORS.onTime,
  late: HIGHLIGHT_COLORS.late,
  undated: HIGHLIGHT_COLORS.dueSoon,
  pending: HIGHLIGHT_COLORS.dueSoon,
  overdue: HIGHLIGHT_COLORS.overdue,
};

/** One rule over whole columns of the sheet; relative references are written for row 1 of its first column. */
export interface SummaryFormatRule {
  /** 1-based first column. */
  column: number;
  /** Columns covered; absent: from `column` to the sheet's last. */
  numColumns?: number;
  formula: string;
  background?: string;
  bold?: boolean;
}

const isA = (label: string) => `$A1=${stringLiteral(label)}`;
const isHeader = `OR(${isA(SUMMARY_LABELS.groupHeader)},${isA(SUMMARY_LABELS.number)})`;

/**
 * The rules, in Sheets' order of precedence (a cell shows the first rule that holds): the status
 * colours of the status table's header, the header rows (non-empty cells, coloured and bold), a
 * problem that is an error (its Mức độ cell red), then the bold rows (title, section titles,
 * Tổng cộng). A unit group or indicator named like a label would be styled like it: the look
 * only, never a value.
 */
export function summaryFormatRules(): SummaryFormatRule[] {
  const sections = SECTION_PREFIXES.map((p) => `LEFT($A1,${p.length})=${stringLiteral(p)}`);
  return [
    ...STATUS_ORDER.map((s, i) => ({
      column: 2 + i,
      numColumns: 1,
      formula: `=${isA(SUMMARY_LABELS.groupHeader)}`,
      background: STATUS_COLORS[s],
      bold: true,
    })),
    { column: 1, formula: `=AND(${isHeader},A1<>"")`, background: SUMMARY_HEADER_BG, bold: true },
    {
      column: 2,
      numColumns: 1,
      formula: `=AND($B1=${stringLiteral(SUMMARY_LABELS.error)},ISNUMBER($A1))`,
      background: HIGHLIGHT_COLORS.overdue,
    },
    { column: 1, formula: `=OR(ROW()=1,${isA(SUMMARY_LABELS.total)},${sections.join(",")})`, bold: true },
  ];
}
