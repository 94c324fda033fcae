/** Reads a task's "Thời gian thực hiện" wording into a due date, "thuong-xuyen", or nothing. */
import { isRealDate } from "../model/template-schema.js";

/** How sure the reader is: "high" = the text says it, "medium" = a year or reading was assumed. */
export type Confidence = "high" | "medium" | "low";

/** A calendar span named by the text, so a caller can match it to a reporting period. */
export interface NamedSpan {
  kind: "month" | "quarter" | "half" | "nine-months" | "year";
  year: number;
  /** Month 1–12 or quarter 1–4. */
  index?: number;
}

/** What a timeframe phrase means. `due` is "YYYY-MM-DD", "thuong-xuyen", or null when unknown. */
export interface Timeframe {
  due: string | null;
  confidence: Confidence;
  span?: NamedSpan;
  /** Why the reading is less than certain, in Vietnamese. */
  note?: string;
}

const ROMAN_Q: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return `${year}-${pad(month)}-${pad(d.getUTCDate())}`;
}

function iso(y: number, m: number, d: number): string | null {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return m >= 1 && m <= 12 && isRealDate(s) ? s : null;
}

/** All four-digit years (1990–2100) in `s`, in order. */
export function yearsIn(s: string): number[] {
  return [...s.matchAll(/(?<!\d)(19[9]\d|20\d\d|2100)(?!\d)/g)].map((m) => Number(m[1]));
}

/** The year written after position `from`, else any year in the text, else `fallback`. */
function yearAfter(t: string, from: number, fallback?: number): { year?: number; assumed: boolean } {
  const after = yearsIn(t.slice(from));
  if (after.length) return { year: after[0], assumed: false };
  const any = yearsIn(t);
  if (any.length) return { year: any[any.length - 1], assumed: false };
  return { year: fallback, assumed: true };
}

function assumedNote(year: number | undefined): string {
  return `Không ghi năm: tạm lấy năm ${year} của kế hoạch.`;
}

/**
 * Parses a timeframe phrase. Understands dates ("trước ngày 15/6/2023"), months
 * ("tháng 5/2023", "từ tháng 3 đến tháng 5"), quarters ("Trong quý I/2023", "dự kiến Quý III,
 * năm 2023"), half and nine months ("6 tháng đầu năm 2023"), years ("Trong năm 2023",
 * "giai đoạn 2021-2025"), school years, and ongoing or recurring work ("Thường xuyên",
 * "Định kỳ hằng năm" → "thuong-xuyen"). A missing year is taken from `defaultYear`.
 */
export function parseTimeframe(text: string, defaultYear?: number): Timeframe {
  const t = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  if (!t) return { due: null, confidence: "low", note: "Không có nội dung thời gian." };
  const ongoing = /thường xuyên|liên tục|hằng ngày|hàng ngày|hằng tuần|hàng tuần/.test(t);

  const withOngoing = (tf: Timeframe): Timeframe =>
    ongoing
      ? {
          due: "thuong-xuyen",
          confidence: "medium",
          note: "Vừa ghi thường xuyên vừa ghi mốc thời gian: tạm coi là thường xuyên.",
        }
      : tf;

  // Full dates: the last one is the deadline ("từ 01/3/2023 đến 30/4/2023" → 30/4/2023).
  const dates: string[] = [];
  for (const m of t.matchAll(
    /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?!\d)|(?<![\d.-])(\d{1,2})([.-])(\d{1,2})\5(\d{4})(?!\d)/g,
  )) {
    const d = m[1] ? iso(+m[3], +m[2], +m[1]) : iso(+m[7], +m[6], +m[4]);
    if (d) dates.push(d);
  }
  for (const m of t.matchAll(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/g)) {
    const d = iso(+m[3], +m[2], +m[1]);
    if (d) dates.push(d);
  }
  if (dates.length) return withOngoing({ due: dates.sort()[dates.length - 1], confidence: "high" });

  // Day and month without a year: "trước ngày 15/6", "ngày 30 tháng 4".
  const dm =
    /(?:ngày|trước|hạn|chậm nhất)\s*(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/.exec(t) ??
    /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s*(?:\/|năm)\s*\d)/.exec(t);
  if (dm) {
    const { year, assumed } = yearAfter(t, dm.index + dm[0].length, defaultYear);
    const d = year ? iso(year, +dm[2], +dm[1]) : null;
    if (d)
      return withOngoing({
        due: d,
        confidence: assumed ? "medium" : "high",
        note: assumed ? assumedNote(year) : undefined,
      });
  }

  // Months: "tháng 5/2023", "tháng 9 - 12/2023", "từ tháng 3 đến tháng 5 năm 2023".
  const months = [
    ...t.matchAll(/tháng\s+(\d{1,2})(?:\s*(?:-|–|đến)\s*(?:tháng\s*)?(\d{1,2}))?(?!\s*(?:năm học))/g),
  ].filter((m) => !/(?:\d|sáu|chín)\s*$/.test(t.slice(0, m.index)));
  if (months.length) {
    const m = months[months.length - 1];
    const month = Number(m[2] ?? m[1]);
    const { year, assumed } = yearAfter(t, m.index + m[0].length, defaultYear);
    if (year && month >= 1 && month <= 12) {
      return withOngoing({
        due: lastDay(year, month),
        confidence: assumed ? "medium" : "high",
        span: { kind: "month", year, index: month },
        note: assumed ? assumedNote(year) : undefined,
      });
    }
  }

  // Quarters: "quý i/2023", "quý iii, năm 2023", "quý ii - quý iii/2023", "quý ii, iii năm 2023".
  const quarters = [
    ...t.matchAll(
      /quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}\d])((?:\s*(?:,|-|–|và|đến)\s*(?:quý\s+)?(?:iv|iii|ii|i|[1-4])(?![\p{L}\d]))*)/gu,
    ),
  ];
  if (quarters.length) {
    const m = quarters[quarters.length - 1];
    const more = [...(m[2] ?? "").matchAll(/(iv|iii|ii|i|[1-4])(?![\p{L}\d])/gu)].map((x) => x[1]);
    const q = ROMAN_Q[more.length ? more[more.length - 1] : m[1]];
    const { year, assumed } = yearAfter(t, m.index + m[0].length, defaultYear);
    if (year) {
      return withOngoing({
        due: lastDay(year, q * 3),
        confidence: assumed ? "medium" : "high",
        span: { kind: "quarter", year, index: q },
        note: assumed ? assumedNote(year) : undefined,
      });
    }
  }

  // Half year and nine months.
  const half = /(?:6|sáu) tháng (đầu|cuối)(?: năm)?/.exec(t);
  const nine = /(?:9|chín) tháng(?: đầu)?(?: năm)?/.exec(t);
  const hn = half ?? nine;
  if (hn) {
    const { year, assumed } = yearAfter(t, hn.index + hn[0].length, defaultYear);
    if (year) {
      const late = half?.[1] === "cuối";
      const month = half ? (late ? 12 : 6) : 9;
      return withOngoing({
        due: lastDay(year, month),
        confidence: assumed ? "medium" : "high",
        span: late ? { kind: "year", year } : { kind: half ? "half" : "nine-months", year },
        note: assumed ? assumedNote(year) : undefined,
      });
    }
  }

  // School terms and years: "học kỳ i năm học 2022-2023", "năm học 2023-2024".
  const school = /(?:học kỳ\s+(i|ii|1|2)\s*,?\s*)?năm học\s*(\d{4})\s*[-–]\s*(\d{4})/.exec(t);
  if (school) {
    const term = school[1] ? ROMAN_Q[school[1]] : 0;
    const due = term === 1 ? `${school[3]}-01-31` : `${school[3]}-05-31`;
    return withOngoing({
      due,
      confidence: "low",
      note: "Mốc năm học/học kỳ được ước theo lịch năm học thông thường: cần xác nhận ngày.",
    });
  }

  // Years and ranges: "trong năm 2023", "năm 2023", "giai đoạn 2021 - 2025", "đến năm 2025".
  const years = yearsIn(t);
  if (years.length && !ongoing) {
    const y = Math.max(...years);
    const range = years.length > 1 || /đến năm|giai đoạn/.test(t);
    return {
      due: `${y}-12-31`,
      confidence: range ? "medium" : "high",
      span: range ? undefined : { kind: "year", year: y },
      note: range ? `Khoảng thời gian nhiều năm: tạm lấy hạn cuối năm ${y}.` : undefined,
    };
  }

  if (ongoing) return { due: "thuong-xuyen", confidence: years.length ? "medium" : "high" };
  if (/(?:hằng|hàng|mỗi) (?:năm|quý|tháng)|định kỳ/.test(t)) {
    return {
      due: "thuong-xuyen",
      confidence: "medium",
      note: "Việc lặp lại theo định kỳ: tạm coi là thường xuyên, không có một hạn duy nhất.",
    };
  }
  if (/khi có yêu cầu|theo yêu cầu|đột xuất/.test(t)) {
    return { due: "thuong-xuyen", confidence: "low", note: "Thực hiện khi có yêu cầu: không có hạn cố định." };
  }
  if (/trong năm|cả năm|cuối năm/.test(t) && defaultYear) {
    return {
      due: `${defaultYear}-12-31`,
      confidence: "medium",
      span: { kind: "year", year: defaultYear },
      note: assumedNote(defaultYear),
    };
  }
  return { due: null, confidence: "low", note: "Không hiểu được mốc thời gian." };
}
