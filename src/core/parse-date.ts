/** Reads dates typed as dd/mm/yyyy (and real dates, serial numbers) into wall-clock values. */
import type { Parsed } from "./parse-number.js";
import { isoDateTime, serialToWallClock } from "./dates.js";

const fail = (code: string, message: string, fix: string): Parsed<never> => ({ ok: false, code, message, fix });

/** Serial numbers from 1950 to 2100 are read as dates; others are refused. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73051;

function build(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): Parsed<string> {
  if (m < 1 || m > 12) {
    return fail(
      "date.month",
      `Tháng ${m} không có thật${d >= 1 && d <= 12 ? " (có thể đã nhập theo kiểu tháng/ngày của Mỹ)" : ""}.`,
      "Nhập theo dạng ngày/tháng/năm, ví dụ 05/05/2023.",
    );
  }
  const t = new Date(Date.UTC(y, m - 1, d, hh, mi, ss));
  if (t.getUTCDate() !== d || t.getUTCMonth() !== m - 1 || hh > 23 || mi > 59 || ss > 59) {
    return fail("date.invalid", `Ngày ${d}/${m}/${y} không có thật.`, "Kiểm tra lại ngày, tháng; nhập dạng ngày/tháng/năm, ví dụ 05/05/2023.");
  }
  if (y < 1950 || y > 2100) return fail("date.year", `Năm ${y} không hợp lý.`, "Nhập năm đủ 4 chữ số, ví dụ 2023.");
  return { ok: true, value: isoDateTime(t) };
}

/**
 * Parses a date (and optional time). Returns "YYYY-MM-DDTHH:mm:ss" wall-clock time.
 * Accepts Date cells, Sheets serial numbers, "dd/mm/yyyy", "d/m/yy", "dd-mm-yyyy",
 * "dd.mm.yyyy", "yyyy-mm-dd", each optionally followed by "HH:mm[:ss]".
 */
export function parseVnDate(v: unknown): Parsed<string> {
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return fail("date.invalid", "Ngày không hợp lệ.", "Nhập lại dạng ngày/tháng/năm.");
    return { ok: true, value: isoDateTime(v) };
  }
  if (typeof v === "number") {
    if (v < SERIAL_MIN || v > SERIAL_MAX) return fail("date.number", `Số ${v} không phải là ngày.`, "Nhập ngày dạng ngày/tháng/năm, ví dụ 05/05/2023.");
    return { ok: true, value: isoDateTime(serialToWallClock(v)) };
  }
  if (typeof v === "boolean") return fail("date.boolean", "Ô chứa giá trị Đúng/Sai, không phải ngày.", "Nhập ngày dạng ngày/tháng/năm.");
  const s = String(v).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:,?\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return build(y, +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return build(+m[6], +m[5], +m[4], +m[1], +m[2], +(m[3] ?? 0));
  return fail("date.text", `"${s.length > 40 ? s.slice(0, 40) + "…" : s}" không đọc được là ngày.`, "Nhập ngày dạng ngày/tháng/năm, ví dụ 05/05/2023 (có thể kèm giờ 16:20).");
}
