/** Reads dates typed as dd/mm/yyyy (and real dates, serial numbers) into wall-clock values. */
import { cleanText } from "../model/cell.js";
import { isoDateTime, serialToWallClock } from "./dates.js";
import { quoteTyped, stripInvisible, type Parsed } from "./parse-number.js";

/** A Date cell as users see it: 20/03/2023, with the time when there is one (any year). */
export function vnDateCell(d: Date): string {
  if (Number.isNaN(d.getTime())) return "(ngày không hợp lệ)";
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const [h, m, s] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${two(h)}:${two(m)}${s ? `:${two(s)}` : ""}`;
}

const fail = (code: string, message: string, fix: string): Parsed<never> => ({ ok: false, code, message, fix });

/** Serial numbers from 1950 to 2100 are read as dates; others are refused. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73051;
const FIX = "Nhập ngày dạng ngày/tháng/năm, ví dụ 05/05/2023.";

/** Day, month, hour, minute with two digits, as dd/mm/yyyy hh:mm. */
const two = (n: number): string => String(n).padStart(2, "0");

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
    return fail(
      "date.invalid",
      `Ngày ${two(d)}/${two(m)}/${y}${hh || mi ? ` ${two(hh)}:${two(mi)}` : ""} không có thật.`,
      "Kiểm tra lại ngày, tháng, giờ; nhập dạng ngày/tháng/năm, ví dụ 05/05/2023.",
    );
  }
  if (y < 1950 || y > 2100) return fail("date.year", `Năm ${y} không hợp lý.`, "Nhập năm đủ 4 chữ số, ví dụ 2023.");
  return { ok: true, value: isoDateTime(t) };
}

/** Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999 (as Excel reads them). */
const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y));

/** A 12-hour clock suffix: SA/CH (Vietnamese Excel), AM/PM. */
function hour24(h: number, suffix: string | undefined): number {
  if (!suffix) return h;
  const pm = /^(ch|pm)$/i.test(suffix);
  if (h < 1 || h > 12) return 99; // refused by build()
  return (h % 12) + (pm ? 12 : 0);
}

const TIME = /^(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s*(SA|CH|AM|PM))?$/i;
const TIME_SRC = String.raw`\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM))?`;
const DATE_THEN_TIME = new RegExp(String.raw`^(.+?)(?:(?:,?\s+|T)(${TIME_SRC}))?$`, "i");
const TIME_THEN_DATE = new RegExp(String.raw`^(${TIME_SRC}),?\s+(.+)$`, "i");
const YMD = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const DMY = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$/;
const WORDS = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm\s+|,\s*|\/\s*)(\d{4})$/i;

/** Reads the day part alone into [year, month, day], or null. */
function dayParts(s: string): [number, number, number] | null {
  let m = YMD.exec(s);
  if (m) return [+m[1], +m[3], +m[4]];
  m = DMY.exec(s);
  if (m) return [fullYear(m[4]), +m[3], +m[1]];
  m = WORDS.exec(s);
  if (m) return [+m[3], +m[2], +m[1]];
  return null;
}

/** Reads "HH:mm[:ss] [SA|CH]" into [h, m, s]; hours out of range are left for build() to refuse. */
function timeParts(s: string | undefined): [number, number, number] {
  const m = s ? TIME.exec(s) : null;
  return m ? [hour24(+m[1], m[4]), +m[2], +(m[3] ?? 0)] : [0, 0, 0];
}

/**
 * Parses a date (and optional time). Returns "YYYY-MM-DDTHH:mm:ss" wall-clock time.
 * Accepts Date cells, Sheets serial numbers, "dd/mm/yyyy", "d/m/yy", "dd-mm-yyyy",
 * "dd.mm.yyyy", "yyyy-mm-dd", "yyyy/mm/dd", "ngày 5 tháng 6 năm 2023", optionally with a
 * time "HH:mm[:ss]" (and SA/CH or AM/PM) before or after the day.
 */
export function parseVnDate(v: unknown): Parsed<string> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail("date.invalid", "Ngày không hợp lệ.", "Nhập lại dạng ngày/tháng/năm.");
    const y = v.getUTCFullYear();
    // A time typed alone lands on Excel's day zero (30/12/1899): there is no date in it.
    if (y < 1900 || (y === 1900 && v.getUTCMonth() === 0 && v.getUTCDate() === 1 && v.getTime() % 86_400_000 !== 0)) {
      return fail("date.time-only", "Ô chỉ có giờ, không có ngày.", FIX);
    }
    // The same years as typed dates: a small number in a date cell shows as 1900-something.
    if (y < 1950 || y > 2100)
      return fail(
        "date.year",
        `Năm ${y} không hợp lý (ô hiển thị ${vnDateCell(v)}).`,
        "Nhập ngày dạng ngày/tháng/năm với năm đủ 4 chữ số, ví dụ 05/05/2023.",
      );
    return { ok: true, value: isoDateTime(v) };
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < SERIAL_MIN || v > SERIAL_MAX)
      return fail(
        "date.number",
        `Số ${Number.isFinite(v) ? String(v).replace(".", ",") : "không hữu hạn"} không phải là ngày.`,
        FIX,
      );
    return { ok: true, value: isoDateTime(serialToWallClock(v)) };
  }
  if (typeof v === "boolean")
    return fail("date.boolean", "Ô chứa giá trị Đúng/Sai, không phải ngày.", "Nhập ngày dạng ngày/tháng/năm.");
  const s = stripInvisible(cleanText(String(v ?? "")))
    .replace(/\s+/g, " ")
    .trim();
  const dt = DATE_THEN_TIME.exec(s);
  const day = dt ? dayParts(dt[1]) : null;
  if (day) return build(...day, ...timeParts(dt![2]));
  const td = TIME_THEN_DATE.exec(s);
  const day2 = td ? dayParts(td[2]) : null;
  if (day2) return build(...day2, ...timeParts(td![1]));
  if (TIME.test(s)) return fail("date.time-only", `${quoteTyped(s)} chỉ có giờ, không có ngày.`, FIX);
  return fail(
    "date.text",
    `${quoteTyped(s)} không đọc được là ngày.`,
    "Nhập ngày dạng ngày/tháng/năm, ví dụ 05/05/2023 (có thể kèm giờ 16:20).",
  );
}
