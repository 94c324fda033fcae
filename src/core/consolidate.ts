/** Keeps one record per unit when a unit appears twice: the later submission wins, listed. */
import type { UnitRecord } from "./compile-result.js";
import { formatDateTimeVN } from "./dates.js";
import type { Problem } from "./problem.js";
import type { Template } from "./template-schema.js";

const where = (r: UnitRecord) => `${r.source ? `${r.source}, ` : ""}dòng ${r.row}`;

/** Orders two records of one unit: submitted beats draft, then later time, then later input. */
function beats(a: UnitRecord, b: UnitRecord): boolean {
  if (a.submitted !== b.submitted) return a.submitted;
  const ta = a.submittedAt ?? "";
  const tb = b.submittedAt ?? "";
  if (ta !== tb) return ta > tb;
  return true; // the later one in input order wins a tie
}

/**
 * One record per unit. Each duplicate is listed with the values that differ, so the Văn
 * phòng can see what was not used and why.
 */
export function consolidate(t: Template, records: readonly UnitRecord[]): { records: UnitRecord[]; problems: Problem[] } {
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
      .map((k) => `${label.get(k) ?? k}: dùng ${String(win.values[k] ?? "(trống)")}, bỏ ${String(lose.values[k] ?? "(trống)")}`);
    const time = (x: UnitRecord) => (x.submittedAt ? `gửi ${formatDateTimeVN(x.submittedAt)}` : x.submitted ? "không rõ thời gian gửi" : "chưa xác nhận gửi");
    problems.push({
      code: "unit.duplicate",
      severity: "warning",
      unitCode: r.unitCode,
      unitName: name.get(r.unitCode),
      column: "Mã đơn vị",
      columnKey: "ma_don_vi",
      value: diffs.length ? diffs.join("; ") : "số liệu giống nhau",
      message: `Đơn vị có hai bản báo cáo: dùng bản ở ${where(win)} (${time(win)}), bỏ bản ở ${where(lose)} (${time(lose)}).`,
      fix: "Nếu bản được dùng chưa đúng, xóa bản sai rồi tổng hợp lại.",
      row: lose.row,
      source: lose.source,
    });
  }
  const order = new Map(t.units.map((u, i) => [u.code, i]));
  const out = [...byUnit.values()].sort((a, b) => (order.get(a.unitCode) ?? 0) - (order.get(b.unitCode) ?? 0));
  return { records: out, problems };
}
