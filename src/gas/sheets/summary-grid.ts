/** The "Tổng hợp" sheet as one grid: who updated it and when, submission status by group, totals, and the problems to fix. */
import type { CellValue } from "../../core/model/cell.js";
import { shortChecksum } from "../../core/sheet-life/checksum.js";
import type { CompileResult, SubmissionStatus } from "../../core/model/compile-result.js";
import { formatDateTimeVN, formatDayVN } from "../../core/vn/dates.js";
import { displayValue } from "../../core/report/report-model.js";
import { LOG_SHEET } from "../../core/template/sheet-names.js";
import { SUBMISSION_LABELS } from "../../core/report/status-labels.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { AGGREGATE_LABELS } from "../../core/template/config-grid.js";

/** Name of the summary sheet. */
export { SUMMARY_SHEET } from "../../core/template/sheet-names.js";

/**
 * Texts of column A (and B) that the sheet's look keys on (see summary-format.ts): the look is
 * given by conditional formats reading these, so it always follows the values.
 */
export const SUMMARY_LABELS = {
  /** Column A of the status table's header row. */
  groupHeader: "Nhóm đơn vị",
  /** Column A of the totals' and the problems' header rows. */
  number: "STT",
  /** Column A of the status table's total row. */
  total: "Tổng cộng",
  /** Column B of a problem that is an error. */
  error: "Lỗi",
  warning: "Lưu ý",
} as const;

/** Section titles start with these. */
export const SECTION_PREFIXES = ["I. ", "II. ", "III. "] as const;

/** Statuses in the order of the status table's columns B… (the chart's series). */
export const STATUS_ORDER: readonly SubmissionStatus[] = ["on-time", "late", "pending", "overdue"];

/** Rows kept in view: the title, the period and the status line. */
export const SUMMARY_FROZEN_ROWS = 3;

/** Who wrote the summary and from which data, for its status line. */
export interface SummaryStamp {
  /** Wall-clock ISO date-time of the compile. */
  compiledAt: string;
  /** E-mail of the person who ran it ("" when Apps Script does not reveal it). */
  updatedBy: string;
  /** SHA-256 (hex) of the data compiled. */
  checksum: string;
}

/** The planned summary: values, and where the chart's data is. */
export interface SummaryGrid {
  grid: CellValue[][];
  width: number;
  /** Unit groups in the status table (the chart's rows). */
  groups: number;
  /** The status-by-group table (header + one row per group, no total), 1-based, for the chart. */
  chartRange: { row: number; column: number; numRows: number; numColumns: number };
  /** 1-based cell where the chart is placed (right of the status table). */
  chartAnchor: { row: number; column: number };
  /** How many problems are listed (all of them, errors first). */
  problemCount: number;
}

/** The status line: when, by whom, and the data's checksum (the full one is in the log). */
export function statusLine(s: SummaryStamp): string {
  return `Cập nhật lúc ${formatDateTimeVN(s.compiledAt)} bởi ${s.updatedBy || "(không rõ email)"}. Mã kiểm tra số liệu: ${shortChecksum(s.checksum)}… (hai lần tổng hợp cùng mã là cùng một số liệu; mã đầy đủ trong trang "${LOG_SHEET}").`;
}

/** Appends a row to the grid being built; returns its 0-based index. */
type Push = (row: CellValue[]) => number;

/** Section II: each indicator's total, overall and by group. */
function totalsSection(t: Template, result: CompileResult, push: Push): void {
  push([`${SECTION_PREFIXES[1]}TỔNG HỢP CÁC CHỈ TIÊU`]);
  push([
    SUMMARY_LABELS.number,
    "Chỉ tiêu",
    "ĐVT",
    "Cách tổng hợp",
    "Kết quả",
    "Số đơn vị có số liệu",
    ...t.unitGroups.map((g) => g.name),
  ]);
  const totalOf = new Map(result.totals.map((x) => [x.key, x]));
  t.indicators.forEach((ind, i) => {
    const tot = totalOf.get(ind.key);
    const dist = tot?.distribution
      ? Object.entries(tot.distribution)
          .map(([k, v]) => `${k}: ${v}`)
          .join("; ")
      : "";
    const value = (n: number | null | undefined): CellValue =>
      ind.aggregate === "none" || n === null || n === undefined ? "" : (displayValue(ind, n) ?? "");
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
}

/** Section III: every problem, errors first; returns how many. */
function problemsSection(t: Template, result: CompileResult, push: Push): number {
  const problems = [...result.problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  const unitName = new Map(t.units.map((u) => [u.code, u.name]));
  push([`${SECTION_PREFIXES[2]}CÁC VẤN ĐỀ CẦN XỬ LÝ (${problems.length})`]);
  push([SUMMARY_LABELS.number, "Mức độ", "Đơn vị", "Cột", "Giá trị đã nhập", "Vấn đề", "Cách sửa", "Dòng"]);
  problems.forEach((p, i) => {
    push([
      i + 1,
      p.severity === "error" ? SUMMARY_LABELS.error : SUMMARY_LABELS.warning,
      p.unitCode ? `${p.unitCode} - ${p.unitName ?? unitName.get(p.unitCode) ?? ""}`.replace(/ - $/, "") : "",
      p.column ?? "",
      p.value ?? "",
      p.message,
      p.fix,
      p.row ?? "",
    ]);
  });
  if (problems.length === 0) push(["", "Không có vấn đề nào."]);

  return problems.length;
}

/**
 * Builds the summary grid for a compiled period. The status table always starts at the same
 * row, so the chart's data range never moves while the number of groups stays the same.
 */
export function buildSummaryGrid(t: Template, period: Period, result: CompileResult, stamp: SummaryStamp): SummaryGrid {
  const rows: CellValue[][] = [];
  const push: Push = (row) => {
    rows.push(row);
    return rows.length - 1;
  };

  push([`TỔNG HỢP BÁO CÁO: ${t.plan.title.toUpperCase()}`]);
  push([
    `Kỳ báo cáo: ${period.label} (từ ${formatDayVN(period.from)} đến ${formatDayVN(period.to)}), hạn nộp ${formatDayVN(period.deadline)}.`,
  ]);
  push([statusLine(stamp)]);
  push([]);

  // I. Submission status by group
  push([`${SECTION_PREFIXES[0]}TÌNH HÌNH NỘP BÁO CÁO THEO NHÓM ĐƠN VỊ`]);
  const statusHeader = [SUMMARY_LABELS.groupHeader, ...STATUS_ORDER.map((s) => SUBMISSION_LABELS[s]), "Tổng số đơn vị"];
  const chartHeaderRow = push(statusHeader) + 1;
  const groups = t.unitGroups.map((g) => {
    const units = result.statuses.filter((s) => s.group === g.code);
    return {
      name: g.name,
      counts: STATUS_ORDER.map((s) => units.filter((u) => u.status === s).length),
      total: units.length,
    };
  });
  for (const g of groups) push([g.name, ...g.counts, g.total]);
  push([
    SUMMARY_LABELS.total,
    ...STATUS_ORDER.map((_, i) => groups.reduce((n, g) => n + g.counts[i], 0)),
    result.statuses.length,
  ]);
  const draftCount = result.statuses.filter((s) => s.draft).length;
  push([
    `Số đơn vị đã nhập số liệu nhưng chưa tích "Xác nhận gửi": ${draftCount}. Số liệu được tổng hợp từ ${result.countedUnits.length} đơn vị đã xác nhận gửi.`,
  ]);
  push([]);

  totalsSection(t, result, push);
  const problemCount = problemsSection(t, result, push);
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) =>
    [...r, ...Array<CellValue>(width - r.length).fill("")].map((v) => (v === null || v === undefined ? "" : v)),
  );
  return {
    grid,
    width,
    groups: groups.length,
    chartRange: { row: chartHeaderRow, column: 1, numRows: groups.length + 1, numColumns: STATUS_ORDER.length + 1 },
    chartAnchor: { row: chartHeaderRow - 1, column: statusHeader.length + 2 },
    problemCount,
  };
}
