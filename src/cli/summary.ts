/** A short Vietnamese summary of a compile for the terminal. */
import type { CompileResult } from "../core/model/compile-result.js";
import { vnNumber } from "../core/vn/show.js";
import type { Template } from "../core/model/template-schema.js";

/** Lines summarising statuses, the main totals and the problem count. */
export function summarize(t: Template, r: CompileResult): string[] {
  const c = (s: string) => r.statuses.filter((x) => x.status === s).length;
  const errors = r.problems.filter((p) => p.severity === "error").length;
  const warnings = r.problems.length - errors;
  const lines = [
    `Kỳ báo cáo: ${t.periods.find((p) => p.id === r.periodId)?.label} — tính đến ${r.asOf.slice(0, 10).split("-").reverse().join("/")}`,
    `Đơn vị: ${r.statuses.length}; nộp đúng hạn ${c("on-time")}, nộp muộn ${c("late")}, ${c("undated") ? `đã nộp không rõ thời gian ${c("undated")}, ` : ""}chưa nộp còn hạn ${c("pending")}, chưa nộp quá hạn ${c("overdue")}.`,
  ];
  t.indicators.slice(0, 5).forEach((ind, i) => {
    const tot = r.totals[i];
    if (tot.total !== null)
      lines.push(
        `  ${ind.label}: ${vnNumber(tot.total)}${ind.unit ? ` ${ind.unit}` : ""} (${tot.reportedCount} đơn vị)`,
      );
  });
  lines.push(`Vấn đề cần rà soát: ${errors} lỗi, ${warnings} lưu ý (xem Phụ lục II).`);
  return lines;
}
