/** Keeps one record per unit when a unit appears twice: the later submission wins, listed. */
import type { UnitRecord } from "../model/compile-result.js";
import { formatDateTimeVN } from "../vn/dates.js";
import { booleanLabel, vnNumber } from "../vn/show.js";
import type { Problem } from "../model/problem.js";
import type { Template } from "../model/template-schema.js";

const where = (r: UnitRecord) => `${r.source ? `${r.source}, ` : ""}dòng ${r.row}`;

/** How many values a record carries (indicators, tasks, texts). */
const filled = (r: UnitRecord) =>
  Object.values(r.values).filter((v) => v !== null).length +
  Object.values(r.tasks).filter((x) => x.input || x.doneDate).length +
  Object.keys(r.texts).length;

/** A record's content, to break a tie the same way whatever the order of rows and files. */
const content = (r: UnitRecord) => JSON.stringify([r.values, r.tasks, r.texts, r.reporter, r.phone]);

/**
 * Orders two records of one unit: submitted beats draft, then later time, then more values
 * filled in. Row order never decides (users sort and files arrive in any order): a last
 * tie is broken by content, and reported as such.
 */
function beats(a: UnitRecord, b: UnitRecord): boolean {
  if (a.submitted !== b.submitted) return a.submitted;
  const ta = a.submittedAt ?? "";
  const tb = b.submittedAt ?? "";
  if (ta !== tb) return ta > tb;
  if (filled(a) !== filled(b)) return filled(a) > filled(b);
  return content(a) > content(b);
}

/** Why `win` beat `lose`, in words for Phụ lục II. */
function reason(win: UnitRecord, lose: UnitRecord): string {
  if (win.submitted !== lose.submitted) return "bản được dùng đã xác nhận gửi, bản kia chưa";
  if ((win.submittedAt ?? "") !== (lose.submittedAt ?? ""))
    return lose.submittedAt ? "bản được dùng gửi sau" : "chỉ bản được dùng có thời gian gửi";
  if (filled(win) !== filled(lose)) return "cùng thời gian gửi, bản được dùng có nhiều số liệu hơn";
  return "";
}

/** True when nothing but content told the two records apart. */
const tied = (a: UnitRecord, b: UnitRecord) =>
  a.submitted === b.submitted && (a.submittedAt ?? "") === (b.submittedAt ?? "") && filled(a) === filled(b);

const show = (v: UnitRecord["values"][string]) =>
  v === null || v === undefined
    ? "(trống)"
    : typeof v === "number"
      ? vnNumber(v)
      : typeof v === "boolean"
        ? booleanLabel(v)
        : String(v);

/**
 * One record per unit. Each duplicate is listed with the values that differ, so the Văn
 * phòng can see what was not used and why.
 */
export function consolidate(
  t: Template,
  records: readonly UnitRecord[],
): { records: UnitRecord[]; problems: Problem[] } {
  const byUnit = new Map<string, UnitRecord>();
  const problems: Problem[] = [];
  const name = new Map(t.units.map((u) => [u.code, u.name]));
  const label = new Map(t.indicators.map((i) => [i.key, i.label]));
  for (const r of records) {
    const prev = byUnit.get(r.unitCode);
    if (!prev) {
      byUnit.set(r.unitCode, r);
      continue;
    }
    const [win, lose] = beats(r, prev) ? [r, prev] : [prev, r];
    byUnit.set(r.unitCode, win);
    const diffs = Object.keys(win.values)
      .filter((k) => (win.values[k] ?? null) !== (lose.values[k] ?? null))
      .map((k) => `${label.get(k) ?? k}: dùng ${show(win.values[k])}, bỏ ${show(lose.values[k])}`);
    const conflict = tied(win, lose) && content(win) !== content(lose);
    const time = (x: UnitRecord) =>
      x.submittedAt
        ? x.submittedAtFrom === "file-saved"
          ? `lưu tệp lúc ${formatDateTimeVN(x.submittedAt)}, Thời gian gửi để trống`
          : `gửi ${formatDateTimeVN(x.submittedAt)}`
        : x.submitted
          ? "không rõ thời gian gửi"
          : "chưa xác nhận gửi";
    problems.push({
      code: "unit.duplicate",
      severity: "warning",
      unitCode: r.unitCode,
      unitName: name.get(r.unitCode),
      column: "Mã đơn vị",
      columnKey: "ma_don_vi",
      value: diffs.length ? diffs.join("; ") : "số liệu giống nhau",
      message: conflict
        ? `Đơn vị có hai bản báo cáo khác nhau mà không rõ bản nào gửi sau (${time(win)}): tạm dùng bản ở ${where(win)}, bỏ bản ở ${where(lose)}.`
        : `Đơn vị có hai bản báo cáo: dùng bản ở ${where(win)} (${time(win)}), bỏ bản ở ${where(lose)} (${time(lose)})${reason(win, lose) ? `; lý do: ${reason(win, lose)}` : ""}.`,
      fix: conflict
        ? "Đơn vị xác nhận bản đúng; xóa bản sai (hoặc ghi lại Thời gian gửi) rồi tổng hợp lại."
        : "Nếu bản được dùng chưa đúng, xóa bản sai rồi tổng hợp lại.",
      row: lose.row,
      source: lose.source,
    });
  }
  const order = new Map(t.units.map((u, i) => [u.code, i]));
  const out = [...byUnit.values()].sort((a, b) => (order.get(a.unitCode) ?? 0) - (order.get(b.unitCode) ?? 0));
  return { records: out, problems };
}
