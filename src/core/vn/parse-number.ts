/** Reads numbers the Vietnamese way: "1.234" is 1234, "1,5" is 1.5; text is never guessed. */

/** A parse outcome: a value, or a reason code with a Vietnamese message and fix. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string; fix: string };

const fail = (code: string, message: string, fix: string): Parsed<never> => ({ ok: false, code, message, fix });

/** Quotes typed text back in a message, shortened so a pasted page cannot flood it. */
export function quoteTyped(s: string, max = 40): string {
  if (s.length <= max) return `"${s}"`;
  // Never cut an emoji (a surrogate pair) in half: a lone surrogate breaks the .xlsx XML.
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return `"${s.slice(0, end)}…" (${s.length} ký tự)`;
}

/**
 * Removes what a paste from Word or the web leaves invisible in a number: soft hyphens,
 * direction marks and other format characters; full-width digits become plain digits and
 * the minus sign (U+2212) a hyphen. None of these changes what the person sees.
 */
export function stripInvisible(s: string): string {
  return s
    .replace(/\p{Cf}/gu, "")
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/\u2212/g, "-");
}

/**
 * Parses a typed number. Accepts "1234", "1.234", "1.234.567", "1 234", "1,5", "1.234,5",
 * "-3". Refuses anything with letters, and the ambiguous "1.5" and "1,234,567". A group
 * separator never follows a leading zero, so "0.500" is refused rather than read as 500.
 */
export function parseVnNumber(text: string): Parsed<number> {
  const s = stripInvisible(text).replace(/\s+/g, " ").trim();
  if (s === "") return fail("number.empty", "Ô trống.", "Nhập một số.");
  const q = quoteTyped(s);
  if (/^[=+@]/.test(s))
    return fail(
      "number.formula-text",
      "Đây là công thức hoặc lệnh, không phải số.",
      "Nhập con số, không bắt đầu bằng =, + hoặc @.",
    );
  if (
    /^#(REF|N\/A|DIV\/0|VALUE|NAME|NUM|NULL|SPILL|CALC|GETTING_DATA|ERROR)[!?]?/i.test(s) ||
    /^#[A-Z/0!?]+[!?]$/i.test(s)
  ) {
    return fail(
      "number.error-value",
      `Ô đang báo lỗi công thức ${s.length <= 40 ? s : quoteTyped(s)}.`,
      "Sửa công thức hoặc nhập trực tiếp con số.",
    );
  }
  if (/%$/.test(s))
    return fail(
      "number.percent",
      "Cột này không nhận tỷ lệ phần trăm.",
      "Nhập số lượng tuyệt đối (ví dụ 12), không kèm dấu %.",
    );
  if (/\p{L}/u.test(s)) {
    return fail(
      "number.text",
      "Có chữ trong ô số, chương trình không đoán con số.",
      "Chỉ nhập con số (ví dụ 12), bỏ chữ và đơn vị tính; nếu chưa có số liệu thì để trống.",
    );
  }
  const neg = s.startsWith("-");
  const body = neg ? s.slice(1).trim() : s;
  let n: number | null = null;
  if (/^\d+$/.test(body)) n = Number(body);
  else if (/^[1-9]\d{0,2}( \d{3})+(,\d+)?$/.test(body)) n = Number(body.replace(/ /g, "").replace(",", "."));
  else if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(body)) n = Number(body.replace(/\./g, ""));
  else if (/^[1-9]\d{0,2}(\.\d{3})+,\d+$/.test(body) || /^\d+,\d+$/.test(body))
    n = Number(body.replace(/\./g, "").replace(",", "."));
  else if (/^\d+\.\d+$/.test(body)) {
    return fail(
      "number.ambiguous-dot",
      `${q} không rõ: theo cách viết Việt Nam dấu chấm ngăn cách hàng nghìn.`,
      "Viết phần thập phân bằng dấu phẩy (ví dụ 1,5) hoặc nhập số nguyên.",
    );
  } else if (/^\d{1,3}(,\d{3}){2,}$/.test(body)) {
    return fail(
      "number.ambiguous-comma",
      `${q} viết theo kiểu tiếng Anh, không rõ giá trị.`,
      "Viết dấu chấm ngăn cách hàng nghìn (ví dụ 1.234.567) hoặc không dùng dấu ngăn cách.",
    );
  } else if (body === "" || /^[-–—.,_/\\*?]+$/.test(body)) {
    return fail(
      "number.placeholder",
      `${q} không phải số liệu.`,
      "Nếu không có số liệu, để trống ô; nếu bằng không, nhập 0.",
    );
  }
  if (n === null || !Number.isFinite(n)) {
    return fail(
      "number.invalid",
      `${q} không phải là một số.`,
      "Chỉ nhập chữ số, dấu chấm ngăn cách hàng nghìn và dấu phẩy thập phân (ví dụ 1.234,5).",
    );
  }
  return { ok: true, value: neg ? -n : n };
}
