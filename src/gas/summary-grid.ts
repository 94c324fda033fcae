/** The "Tổng hợp" sheet as one grid: submission status by group, totals, and the problems to fix. */
import type { CellValue } from "../core/cell.js";
import type { CompileResult, SubmissionStatus } from "../core/compile-result.js";
import { formatDateTimeVN, formatDayVN } from "../core/dates.js";
import { displayValue } from "../core/report-model.js";
import { SUBMISSION_LABELS } from "../core/status-labels.js";
import type { Period, Template } from "../core/template-schema.js";
import { AGGREGATE_LABELS } from "../core/config-grid.js";
import { HIGHLIGHT_COLORS } from "./highlight-rules.js";

/** Name of the summary sheet. */
export { SUMMARY_SHEET } from "../core/sheet-names.js";

/** The planned summary: values, styles and where the chart's data is. */
export interface SummaryGrid {
  grid: CellValue[][];
  width: number;
  /** 0-based rows shown bold (titles, headers, totals). */
  boldRows: number[];
  /** Background per cell (null for none), same shape as `grid`. */
  backgrounds: (string | null)[][];
  /** The status-by-group table (header + one row per group, no total), 1-based, for the chart. */
  chartRange: { row: number; column: number; numRows: number; numColumns: number };
  /** 1-based row after which the chart may be placed (right of the status table). */
  chartAnchor: { row: number; column: number };
  /** How many problems are listed (all of them, errors first). */
  problemCount: number;
}

const STATUS_ORDER: SubmissionStatus[] = ["on-time", "late", "pending", "overdue"];
const STATUS_COLORS: Record<SubmissionStatus, string> = {
  "on-time": HIGHLIGHT_COLORS.onTime,
  late: HIGHLIGHT_COLORS.late,
  pending: HIGHLIGHT_COLORS.dueSoon,
  overdue: HIGHLIGHT_COLORS.overdue,
};
const HEADER_BG = "#cfe2f3";

/** Builds the summary grid for a compiled period. `compiledAt` is a wall-clock ISO date-time. */
export function buildSummaryGrid(t: Template, period: Period, result: CompileResult, compiledAt: string): SummaryGrid {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const fills: Map<number, Map<number, string>> = new Map();
  const fill = (r: number, c: number, color: string) => {
    if (!fills.has(r)) fills.set(r, new Map());
    fills.get(r)!.set(c, color);
  };
  const push = (row: CellValue[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row);
    return rows.length - 1;
  };
  const header = (row: CellValue[]) => {
    const r = push(row, true);
    row.forEach((_, c) => fill(r, c, HEADER_BG));
  };

  push([`TỔNG HỢP BÁO CÁO: ${t.plan.title.toUpperCase()}`], true);
  push([`Kỳ báo cáo: ${period.label} (từ ${formatDayVN(period.from)} đến ${formatDayVN(period.to)}), hạn nộp ${formatDayVN(period.deadline)}. Tổng hợp lúc ${formatDateTimeVN(compiledAt)}.`]);
  push([]);

  // I. Submission status by group
  push(["I. TÌNH HÌNH NỘP BÁO CÁO THEO NHÓM ĐƠN VỊ"], true);
  const statusHeader = ["Nhóm đơn vị", ...STATUS_ORDER.map((s) => SUBMISSION_LABELS[s]), "Tổng số đơn vị"];
  header(statusHeader);
  const chartHeaderRow = rows.length; // 0-based index of the header row
  STATUS_ORDER.forEach((s, i) => fill(chartHeaderRow - 1, i + 1, STATUS_COLORS[s]));
  const groups = t.unitGroups.map((g) => {
    const units = result.statuses.filter((s) => s.group === g.code);
    return { name: g.name, counts: STATUS_ORDER.map((s) => units.filter((u) => u.status === s).length), total: units.length };
  });
  for (const g of groups) push([g.name, ...g.counts, g.total]);
  push(["Tổng cộng", ...STATUS_ORDER.map((_, i) => groups.reduce((n, g) => n + g.counts[i], 0)), result.statuses.length], true);
  const draftCount = result.statuses.filter((s) => s.draft).length;
  push([`Số đơn vị đã nhập số liệu nhưng chưa tích "Xác nhận gửi": ${draftCount}. Số liệu được tổng hợp từ ${result.countedUnits.length} đơn vị đã xác nhận gửi.`]);
  push([]);

  // II. Totals
  push(["II. TỔNG HỢP CÁC CHỈ TIÊU"], true);
  header(["STT", "Chỉ tiêu", "ĐVT", "Cách tổng hợp", "Kết quả", "Số đơn vị có số liệu", ...t.unitGroups.map((g) => g.name)]);
  const totalOf = new Map(result.totals.map((x) => [x.key, x]));
  t.indicators.forEach((ind, i) => {
    const tot = totalOf.get(ind.key);
    const dist = tot?.distribution ? Object.entries(tot.distribution).map(([k, v]) => `${k}: ${v}`).join("; ") : "";
    const value = (n: number | null | undefined): CellValue => (ind.aggregate === "none" || n === null || n === undefined ? "" : (displayValue(ind, n) ?? ""));
    push([
      i + 1,
      ind.label,
      ind.unit,
      AGGREGATE_LABELS[ind.aggregate],
      dist && ind.aggregate === "count" ? dist : value(tot?.total),
      tot?.reportedCount ?? 0,
      ...t.unitGroups.map((g) => value(tot?.byGroup[g.code]?.total)),
    ]);
  });
  if (t.indicators.length === 0) push(["", "Kế hoạch không có chỉ tiêu số liệu."]);
  push([]);

  // III. Problems
  const problems = [...result.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const unitName = new Map(t.units.map((u) => [u.code, u.name]));
  push([`III. CÁC VẤN ĐỀ CẦN XỬ LÝ (${problems.length})`], true);
  header(["STT", "Mức độ", "Đơn vị", "Cột", "Giá trị đã nhập", "Vấn đề", "Cách sửa", "Dòng"]);
  problems.forEach((p, i) => {
    const r = push([
      i + 1,
      p.severity === "error" ? "Lỗi" : "Lưu ý",
      p.unitCode ? `${p.unitCode} - ${p.unitName ?? unitName.get(p.unitCode) ?? ""}`.replace(/ - $/, "") : "",
      p.column ?? "",
      p.value ?? "",
      p.message,
      p.fix,
      p.row ?? "",
    ]);
    if (p.severity === "error") fill(r, 1, HIGHLIGHT_COLORS.overdue);
  });
  if (problems.length === 0) push(["", "Không có vấn đề nào."]);

  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")].map((v) => (v === null || v === undefined ? "" : v)));
  const backgrounds = grid.map((row, r) => row.map((_, c) => fills.get(r)?.get(c) ?? null));
  return {
    grid,
    width,
    boldRows: bold,
    backgrounds,
    chartRange: { row: chartHeaderRow, column: 1, numRows: groups.length + 1, numColumns: STATUS_ORDER.length + 1 },
    chartAnchor: { row: 4, column: statusHeader.length + 2 },
    problemCount: problems.length,
  };
}
