/** Reads one cell by the type its column declares; every refusal says why and what to do. */
import { cleanText, isBlank, isCellError, type CellValue } from "../model/cell.js";
import type { Indicator } from "../model/template-schema.js";
import type { IndicatorValue } from "../model/compile-result.js";
import { parseVnNumber, quoteTyped, stripInvisible } from "../vn/parse-number.js";
import { parseVnDate } from "../vn/parse-date.js";
import { cellText, vnNumber } from "../vn/show.js";

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

/** True for a number with exactly three digits after the point (1.234, not 1.23 or 1.2345). */
export function hasThreeDecimals(n: number): boolean {
  const thousandths = n * 1000;
  return (
    !Number.isInteger(n) && Math.abs(thousandths - Math.round(thousandths)) < 1e-6 && Math.round(thousandths) % 10 !== 0
  );
}

/** The indicator fields a number cell is checked against. */
type NumberSpec = Pick<Indicator, "type" | "min" | "max"> & { unit?: string };

/** Reads a number cell (integer or number), checking min and max. */
export function readNumber(raw: CellValue, ind: NumberSpec): CellRead {
  const percentColumn = ind.unit?.trim() === "%";
  const read = numberOf(raw, percentColumn);
  if (typeof read !== "number") return read;
  let n = read;
  if (Object.is(n, -0)) n = 0;
  const typed = typeof raw === "string" ? stripInvisible(cleanText(raw)) : "";
  const refused = refuseNumber(raw, n, typed, ind);
  if (refused) return refused;
  return acceptNumber(raw, n, typed, percentColumn);
}

/** The number a cell holds, or the refusal when it holds none. */
function numberOf(raw: CellValue, percentColumn: boolean): number | CellRead {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return bad("number.invalid", "Giá trị không phải số hữu hạn.", "Nhập lại con số.");
    return raw;
  }
  if (typeof raw === "boolean") {
    return bad(
      "number.boolean",
      `Ô chứa giá trị ${raw ? "Đúng (TRUE)" : "Sai (FALSE)"}, không phải số.`,
      "Bỏ ô đánh dấu và nhập con số.",
    );
  }
  if (raw instanceof Date) {
    return bad("number.date", "Ô chứa ngày tháng, không phải số.", "Đổi định dạng ô về Số và nhập lại con số.");
  }
  if (isCellError(raw)) {
    return bad(
      "number.error-value",
      `Ô đang báo lỗi công thức ${raw.error}.`,
      "Sửa công thức hoặc nhập trực tiếp con số.",
    );
  }
  let text = cleanText(String(raw));
  // In a column counted in percent, "85%" says 85 plainly; elsewhere % is refused.
  if (percentColumn && /\d\s*%$/.test(text)) text = text.replace(/\s*%$/, "");
  const p = parseVnNumber(text);
  if (!p.ok) return bad(p.code, p.message, p.fix);
  return p.value;
}

/** The refusal of a number its column does not accept (misread, not whole, out of range), or null. */
function refuseNumber(raw: CellValue, n: number, typed: string, ind: NumberSpec): CellRead | null {
  if (ind.type === "integer" && typeof raw === "number" && hasThreeDecimals(n)) {
    // An English-locale program stores a typed "1.234" as 1.234: a count cannot have a part
    // in thousandths, so this is the unit's one thousand two hundred thirty-four, misread.
    const whole = Math.round(n * 1000);
    return bad(
      "number.misread-thousands",
      `Ô chứa số ${vnNumber(n)} (có đúng ba chữ số lẻ) trong cột số nguyên: có thể đơn vị gõ "${vnNumber(whole)}" (dấu chấm ngăn cách hàng nghìn) trên máy cài đặt tiếng Anh nên bị đọc thành số thập phân.`,
      `Nhập lại con số không có dấu ngăn cách hàng nghìn (ví dụ ${whole}).`,
    );
  }
  if (ind.type === "integer" && !Number.isInteger(n)) {
    const hint = /^\d{1,3},\d{3}$/.test(typed) ? ` Dấu phẩy là dấu thập phân, nên "${typed}" là ${vnNumber(n)}.` : "";
    return bad(
      "number.not-integer",
      `Cột này chỉ nhận số nguyên, "${vnNumber(n)}" có phần lẻ.${hint}`,
      "Nhập số nguyên (ví dụ 1234 hoặc 1.234).",
    );
  }
  if (ind.min !== undefined && n < ind.min) {
    return bad(
      n < 0 ? "number.negative" : "number.below-min",
      `Giá trị ${vnNumber(n)} nhỏ hơn mức tối thiểu ${vnNumber(ind.min)}.`,
      `Nhập số từ ${vnNumber(ind.min)} trở lên.`,
    );
  }
  if (ind.max !== undefined && n > ind.max) {
    return bad(
      "number.above-max",
      `Giá trị ${vnNumber(n)} lớn hơn mức tối đa ${vnNumber(ind.max)}, có thể nhập nhầm.`,
      `Kiểm tra lại; số hợp lệ không quá ${vnNumber(ind.max)}.`,
    );
  }
  if (ind.min === undefined && n < 0) {
    return bad("number.negative", `Giá trị âm (${vnNumber(n)}) không hợp lệ cho số lượng.`, "Nhập số từ 0 trở lên.");
  }
  if (ind.max === undefined && Math.abs(n) >= 1e12) {
    return bad("number.absurd", `Giá trị ${vnNumber(n)} quá lớn, có thể nhập nhầm.`, "Kiểm tra lại con số.");
  }
  return null;
}

/** An accepted number, with a warning when its writing may mean something else. */
function acceptNumber(raw: CellValue, n: number, typed: string, percentColumn: boolean): CellRead {
  if (/^\d{1,3},\d{3}$/.test(typed)) {
    // "1,234" is 1,234 by the Vietnamese rule, but an English habit would mean 1234: say so.
    const whole = vnNumber(Number(typed.replace(",", "")));
    return {
      ok: true,
      value: n,
      warning: {
        code: "number.comma-decimal",
        message: `"${typed}" được hiểu là ${vnNumber(n)} (dấu phẩy là dấu thập phân).`,
        fix: `Nếu ý là ${whole}, hãy viết ${whole} hoặc ${typed.replace(",", "")}.`,
      },
    };
  }
  if (percentColumn && typeof raw === "number" && n > 0 && n < 1) {
    // A cell formatted as % stores 85% as 0,85; the program cannot see the format, so it asks.
    return {
      ok: true,
      value: n,
      warning: {
        code: "number.percent-fraction",
        message: `Đã hiểu là ${vnNumber(n)}%; nếu ô được định dạng phần trăm thì giá trị thật là ${vnNumber(Math.round(n * 1e6) / 1e4)}%.`,
        fix: `Nếu là ${vnNumber(Math.round(n * 1e6) / 1e4)}%, nhập ${vnNumber(Math.round(n * 1e6) / 1e4)} (ô định dạng Số, không phải %).`,
      },
    };
  }
  return { ok: true, value: n };
}

/** Reads free text: NFC, trimmed, never changed otherwise; long text is flagged, never cut. */
export function readText(raw: CellValue): CellRead {
  if (isCellError(raw))
    return bad(
      "text.error-value",
      `Ô đang báo lỗi công thức ${raw.error}.`,
      "Sửa công thức hoặc nhập trực tiếp nội dung.",
    );
  // Word's manual line break arrives as a vertical tab; other control characters are invisible
  // and make an .xlsx unreadable, so they go (the text a person reads does not change).
  const s =
    typeof raw === "string"
      ? cleanText(raw)
          .replace(/\r\n?|\u000B/g, "\n")
          .replace(/[\u0000-\u0008\u000C\u000E-\u001F\u007F]/g, "")
      : cellText(raw);
  if (/^[=+@]/.test(s)) {
    // Kept verbatim (nothing a unit typed is rewritten); every output writes it as text.
    return {
      ok: true,
      value: s,
      warning: {
        code: "text.formula-like",
        message: "Nội dung bắt đầu giống một công thức (=, +, @); đã được giữ nguyên dạng chữ, không thực thi.",
        fix: "Nếu là dán nhầm, hãy xóa và nhập lại nội dung.",
      },
    };
  }
  if (s.length > LONG_TEXT) {
    return {
      ok: true,
      value: s,
      warning: {
        code: "text.long",
        message: `Nội dung dài ${vnNumber(s.length)} ký tự.`,
        fix: "Rút gọn còn dưới 10.000 ký tự; phần đầy đủ vẫn được giữ trong dữ liệu.",
      },
    };
  }
  return { ok: true, value: s };
}

const TRUE_WORDS = new Set(["true", "có", "co", "x", "đúng", "dung", "yes", "1", "đã", "rồi"]);
const FALSE_WORDS = new Set(["false", "không", "khong", "sai", "no", "0", "chưa"]);

/** Reads a yes/no cell (checkbox, or typed "có"/"không"). */
export function readBoolean(raw: CellValue): CellRead {
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (isCellError(raw))
    return bad(
      "boolean.error-value",
      `Ô đang báo lỗi công thức ${raw.error}.`,
      "Xóa công thức, đánh dấu ô chọn hoặc nhập Có / Không.",
    );
  const s = stripInvisible(cellText(raw)).toLowerCase();
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  return bad(
    "boolean.invalid",
    `${quoteTyped(cellText(raw))} không phải Có/Không.`,
    "Đánh dấu ô chọn, hoặc nhập Có / Không.",
  );
}

/** Reads a choice, matching case, spaces and Unicode form loosely, returning the canonical choice. */
export function readChoice(raw: CellValue, choices: readonly string[]): CellRead {
  if (isCellError(raw))
    return bad(
      "choice.error-value",
      `Ô đang báo lỗi công thức ${raw.error}.`,
      `Xóa công thức và chọn một trong: ${choices.join("; ")}.`,
    );
  const s = cellText(raw);
  const norm = (x: string) => stripInvisible(x.normalize("NFC")).toLowerCase().replace(/\s+/g, " ").trim();
  const hit = choices.find((c) => norm(c) === norm(s));
  if (hit) return { ok: true, value: hit };
  return bad(
    "choice.invalid",
    `${quoteTyped(s)} không có trong danh sách lựa chọn.`,
    `Chọn một trong: ${choices.join("; ")}.`,
  );
}

/** Reads a phone number: kept as typed (a number keeps its digits), flagged when it does not look like one. */
export function readPhone(raw: CellValue): CellRead {
  const s = cellText(raw);
  if (/^\+?[\d\s.()-]{8,20}$/.test(s)) return { ok: true, value: s };
  return {
    ok: true,
    value: s,
    warning: {
      code: "phone.invalid",
      message: `Số điện thoại ${quoteTyped(s)} không đúng dạng.`,
      fix: "Nhập số điện thoại gồm 10 chữ số, ví dụ 0912 345 678.",
    },
  };
}

/** Reads a date cell into "YYYY-MM-DD". */
export function readDay(raw: CellValue): CellRead {
  if (isCellError(raw))
    return bad("date.error-value", `Ô đang báo lỗi công thức ${raw.error}.`, "Nhập ngày dạng ngày/tháng/năm.");
  const p = parseVnDate(raw);
  if (!p.ok) return bad(p.code, p.message, p.fix);
  return { ok: true, value: p.value.slice(0, 10) };
}

/** Reads a date-time cell into "YYYY-MM-DDTHH:mm:ss". */
export function readDateTime(raw: CellValue): CellRead {
  if (isCellError(raw))
    return bad(
      "date.error-value",
      `Ô đang báo lỗi công thức ${raw.error}.`,
      "Nhập ngày giờ dạng ngày/tháng/năm giờ:phút.",
    );
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
