/** Reporting periods: Nghị định 09/2019 presets for any year, every date overridable. */
import { AppError } from "../model/problem.js";
import { addDays, lastDayOfMonth } from "../vn/dates.js";
import type { Period } from "../model/template-schema.js";

const ROMAN = ["I", "II", "III", "IV"];

/** Preset input: what a template may leave out. */
export interface PeriodInput {
  id: string;
  kind: Period["kind"];
  label?: string;
  year?: number;
  index?: number;
  from?: string;
  to?: string;
  deadline?: string;
}

/**
 * The data cut-off window of a period per Nghị định 09/2019, Điều 12:
 * month 15/(m-1)–14/m; quarter 15 of the month before – 14 of its last month;
 * half-year 15/12 of the year before – 14/6; year 15/12 of the year before – 14/12.
 */
export function presetWindow(kind: Period["kind"], year: number, index = 1): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  const day15Before = (y: number, m: number) => (m === 1 ? `${y - 1}-12-15` : `${y}-${pad(m - 1)}-15`);
  switch (kind) {
    case "month":
      return { from: day15Before(year, index), to: `${year}-${pad(index)}-14` };
    case "quarter": {
      const first = (index - 1) * 3 + 1;
      return { from: day15Before(year, first), to: `${year}-${pad(first + 2)}-14` };
    }
    case "half":
      return { from: `${year - 1}-12-15`, to: `${year}-06-14` };
    case "year":
      return { from: `${year - 1}-12-15`, to: `${year}-12-14` };
    default:
      throw new AppError(
        "period.custom-needs-dates",
        "Kỳ báo cáo tùy chọn phải ghi rõ ngày bắt đầu, ngày kết thúc và hạn nộp.",
      );
  }
}

/** Default Vietnamese label of a preset period. */
export function presetLabel(kind: Period["kind"], year: number, index = 1): string {
  switch (kind) {
    case "month":
      return `Tháng ${index} năm ${year}`;
    case "quarter":
      return `Quý ${ROMAN[index - 1]} năm ${year}`;
    case "half":
      return `6 tháng đầu năm ${year}`;
    case "year":
      return `Năm ${year}`;
    default:
      return `Kỳ báo cáo ${year}`;
  }
}

/** Resolves every date of a period; the deadline defaults to 5 days after the window ends. */
export function resolvePeriod(p: PeriodInput): Period {
  let from = p.from;
  let to = p.to;
  if ((!from || !to) && p.kind !== "custom" && p.year) {
    const w = presetWindow(p.kind, p.year, p.index ?? 1);
    from ??= w.from;
    to ??= w.to;
  }
  if (!from || !to) {
    throw new AppError(
      "period.missing-dates",
      `Kỳ báo cáo "${p.id}" thiếu ngày: hãy ghi "year" (và "index" cho tháng, quý) để dùng mốc theo Nghị định 09/2019, hoặc ghi rõ "from" và "to".`,
    );
  }
  const deadline = p.deadline ?? addDays(to, 5);
  const label = p.label ?? (p.year ? presetLabel(p.kind, p.year, p.index ?? 1) : p.id);
  return { id: p.id, label, kind: p.kind, from, to, deadline };
}

/** The quarters, half-year and year of `year` as presets. */
export function presetPeriods(year: number): Period[] {
  const out: Period[] = [];
  for (let q = 1; q <= 4; q++) out.push(resolvePeriod({ id: `quy_${q}_${year}`, kind: "quarter", year, index: q }));
  out.push(resolvePeriod({ id: `sau_thang_${year}`, kind: "half", year }));
  out.push(resolvePeriod({ id: `nam_${year}`, kind: "year", year }));
  return out;
}

/** Calendar end of a period's span, for tasks due "by the period": the last day of its last month. */
export function periodCalendarEnd(p: Period): string {
  const y = Number(p.to.slice(0, 4));
  const m = Number(p.to.slice(5, 7));
  return lastDayOfMonth(y, m);
}
