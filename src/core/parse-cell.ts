/** Reads one cell by the type its column declares; every refusal says why and what to do. */
import { cleanText, isBlank, isCellError, type CellValue } from "./cell.js";
import type { Indicator } from "./template-schema.js";
import type { IndicatorValue } from "./compile-result.js";
import { parseVnNumber } from "./parse-number.js";
import { parseVnDate } from "./parse-date.js";
import { formatDayVN } from "./dates.js";

/** A problem found in one cell, before unit and column are attached. */
export interface CellIssue {
  code: string;
  message: string;
  fix: string;
}

/** Outcome of reading a cell: a value (maybe with a warning), or an error. */
export type CellRead = { ok: true; value: IndicatorValue; warning?: CellIssue } | ({ ok: false } & CellIssue);

const bad = (code: string, message: string, fix: string): CellRead => ({ ok: false, code, message, fix });

/** Text longer than this is kept but flagged: it will not fit a report cell. */
export const LONG_TEXT = 10_000;

/** Formats a number the Vietnamese way for messages: 1.234,5. */
export function vnNumber(n: number): string {
  const [i, d] = String(Math.abs(n)).split(".");
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + grouped + (d ? "," + d : "");
}

/** Reads a number cell (integer or number), checking min and max. */
export function readNumber(raw: CellValue, ind: Pick<Indicator, "type" | "min" | "max">): CellRead {
  let n: number;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return bad("number.invalid", "Giá trị không phải số hữu hạn.", "Nhập lại con số.");
    n = raw;
  } else if (typeof raw === "boolean") {
    return bad("number.boolean", `Ô chứa giá trị ${raw ? "Đúng (TRUE)" : "Sai (FALSE)"}, không phải số.`, "Bỏ ô đánh dấu và nhập con số.");
  } else if (raw instanceof Date) {
    return bad("number.date", "Ô chứa ngày tháng, không phải số.", "Đổi định dạng ô về Số và nhập lại con số.");
  } else if (isCellError(raw)) {
    return bad("number.error-value", `Ô đang báo lỗi công thức ${raw.error}.`, "Sửa công thức hoặc nhập trực tiếp con số.");
  } else {
    const p = parseVnNumber(cleanText(String(raw)));
    if (!p.ok) return bad(p.code, p.message, p.fix);
    n = p.value;
  }
  if (ind.type === "integer" && !Number.isInteger(n)) {
    const hint = typeof raw === "string" && /^\d{1,3},\d{3}$/.test(cleanText(raw)) ? ` Dấu phẩy là dấu thập phân, nên "${cleanText(raw)}" là ${vnNumber(n)}.` : "";
    return bad("number.not-integer", `Cột này chỉ nhận số nguyên, "${vnNumber(n)}" có phần lẻ.${hint}`, "Nhập số nguyên (ví dụ 1234 hoặc 1.234).");
  }
  if (ind.min !== undefined && n < ind.min) {
    return bad(n < 0 ? "number.negative" : "number.below-min", `Giá trị ${vnNumber(n)} nhỏ hơn mức tối thiểu ${vnNumber(ind.min)}.`, `Nhập số từ ${vnNumber(ind.min)} trở lên.`);
  }
  if (ind.max !== undefined && n > ind.max) {
    return bad("number.above-max", `Giá trị ${vnNumber(n)} lớn hơn mức tối đa ${vnNumber(ind.max)}, có thể nhập nhầm.`, `Kiểm tra lại; số hợp lệ không quá ${vnNumber(ind.max)}.`);
  }
  if (ind.min === undefined && n < 0) {
    return bad("number.negative", `Giá trị âm (${vnNumber(n)}) không hợp lệ cho số lượng.`, "Nhập số từ 0 trở lên.");
  }
  if (ind.max === undefined && Math.abs(n) >= 1e12) {
    return bad("number.absurd", `Giá trị ${vnNumber(n)} quá lớn, có thể nhập nhầm.`, "Kiểm tra lại con số.");
  }
  return { ok: true, value: n };
}

/** Reads free text: NFC, trimmed, never changed otherwise; long text is flagged, never cut. */
export function readText(raw: CellValue): CellRead {
  if (isCellError(raw)) return bad("text.error-value", `Ô đang báo lỗi công thức ${raw.error}.`, "Sửa công thức hoặc nhập trực tiếp nội dung.");
  let s: string;
  if (raw instanceof Date) s = formatDayVN(raw.toISOString());
  else s = cleanText(String(raw ?? "")).replace(/\r\n?/g, "\n");
  if (/^[=+@]/.test(s)) {
    // Kept verbatim (nothing a unit typed is rewritten); every output writes it as text.
    return { ok: true, value: s, warning: { code: "text.formula-like", message: "Nội dung bắt đầu giống một công thức (=, +, -, @); đã được giữ nguyên dạng chữ, không thực thi.", fix: "Nếu là dán nhầm, hãy xóa và nhập lại nội dung." } };
  }
  if (s.length > LONG_TEXT) {
    return { ok: true, value: s, warning: { code: "text.long", message: `Nội dung dài ${vnNumber(s.length)} ký tự.`, fix: "Rút gọn còn dưới 10.000 ký tự; phần đầy đủ vẫn được giữ trong dữ liệu." } };
  }
  return { ok: true, value: s };
}

const TRUE_WORDS = new Set(["true", "có", "co", "x", "đúng", "dung", "yes", "1", "đã", "rồi"]);
const FALSE_WORDS = new Set(["false", "không", "khong", "sai", "no", "0", "chưa"]);

/** Reads a yes/no cell (checkbox, or typed "có"/"không"). */
export function readBoolean(raw: CellValue): CellRead {
  if (typeof raw === "boolean") return { ok: true, value: raw };
  const s = cleanText(String(raw ?? "")).toLowerCase();
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  return bad("boolean.invalid", `"${s}" không phải Có/Không.`, "Đánh dấu ô chọn, hoặc nhập Có / Không.");
}

/** Reads a choice, matching case and Unicode form loosely, returning the canonical choice. */
export function readChoice(raw: CellValue, choices: readonly string[]): CellRead {
  const s = cleanText(String(raw ?? ""));
  const norm = (x: string) => x.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  const hit = choices.find((c) => norm(c) === norm(s));
  if (hit) return { ok: true, value: hit };
  return bad("choice.invalid", `"${s}" không có trong danh sách lựa chọn.`, `Chọn một trong: ${choices.join("; ")}.`);
}

/** Reads a date cell into "YYYY-MM-DD". */
export function readDay(raw: CellValue): CellRead {
  if (isCellError(raw)) return bad("date.error-value", `Ô đang báo lỗi công thức ${raw.error}.`, "Nhập ngày dạng ngày/tháng/năm.");
  const p = parseVnDate(raw);
  if (!p.ok) return bad(p.code, p.message, p.fix);
  return { ok: true, value: p.value.slice(0, 10) };
}

/** Reads a date-time cell into "YYYY-MM-DDTHH:mm:ss". */
export function readDateTime(raw: CellValue): CellRead {
  if (isCellError(raw)) return bad("date.error-value", `Ô đang báo lỗi công thức ${raw.error}.`, "Nhập ngày giờ dạng ngày/tháng/năm giờ:phút.");
  const p = parseVnDate(raw);
  return p.ok ? { ok: true, value: p.value } : bad(p.code, p.message, p.fix);
}

/** Reads an indicator cell by its declared type; a blank cell is `null`. */
export function readIndicator(ind: Indicator, raw: CellValue): CellRead {
  if (isBlank(raw)) return { ok: true, value: null };
  switch (ind.type) {
    case "integer":
    case "number":
      return readNumber(raw, ind);
    case "text":
      return readText(raw);
    case "date":
      return readDay(raw);
    case "choice":
      return readChoice(raw, ind.choices ?? []);
    case "boolean":
      return readBoolean(raw);
  }
}
