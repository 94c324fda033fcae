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

/** What every rule sees: the lower-cased text, the plan's year, and whether the text says "thường xuyên". */
interface RuleInput {
  t: string;
  defaultYear?: number;
  ongoing: boolean;
}

/** One way of reading a timeframe; null when the text is not of its kind. */
type Rule = (x: RuleInput) => Timeframe | null;

/** A dated reading of a text that also says "thường xuyên" is ongoing. */
function withOngoing(x: RuleInput, tf: Timeframe): Timeframe {
  return x.ongoing
    ? {
        due: "thuong-xuyen",
        confidence: "medium",
        note: "Vừa ghi thường xuyên vừa ghi mốc thời gian: tạm coi là thường xuyên.",
      }
    : tf;
}

/** A reading at `due` whose year may have been assumed. */
function dated(x: RuleInput, due: string, assumed: boolean, year: number | undefined, span?: NamedSpan): Timeframe {
  return withOngoing(x, {
    due,
    confidence: assumed ? "medium" : "high",
    ...(span ? { span } : {}),
    note: assumed ? assumedNote(year) : undefined,
  });
}

/** Full dates: the last one is the deadline ("từ 01/3/2023 đến 30/4/2023" → 30/4/2023). */
const fullDates: Rule = (x) => {
  const dates: string[] = [];
  for (const m of x.t.matchAll(
    /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?!\d)|(?<![\d.-])(\d{1,2})([.-])(\d{1,2})\5(\d{4})(?!\d)/g,
  )) {
    const d = m[1] ? iso(+m[3], +m[2], +m[1]) : iso(+m[7], +m[6], +m[4]);
    if (d) dates.push(d);
  }
  for (const m of x.t.matchAll(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/g)) {
    const d = iso(+m[3], +m[2], +m[1]);
    if (d) dates.push(d);
  }
  return dates.length ? withOngoing(x, { due: dates.sort()[dates.length - 1], confidence: "high" }) : null;
};

/** Day and month without a year: "trước ngày 15/6", "ngày 30 tháng 4". */
const dayMonth: Rule = (x) => {
  const dm =
    /(?:ngày|trước|hạn|chậm nhất)\s*(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/.exec(x.t) ??
    /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s*(?:\/|năm)\s*\d)/.exec(x.t);
  if (!dm) return null;
  const { year, assumed } = yearAfter(x.t, dm.index + dm[0].length, x.defaultYear);
  const d = year ? iso(year, +dm[2], +dm[1]) : null;
  return d ? dated(x, d, assumed, year) : null;
};

/** Months: "tháng 5/2023", "tháng 9 - 12/2023", "từ tháng 3 đến tháng 5 năm 2023". */
const months: Rule = (x) => {
  const found = [
    ...x.t.matchAll(/tháng\s+(\d{1,2})(?:\s*(?:-|–|đến)\s*(?:tháng\s*)?(\d{1,2}))?(?!\s*(?:năm học))/g),
  ].filter((m) => !/(?:\d|sáu|chín)\s*$/.test(x.t.slice(0, m.index)));
  if (!found.length) return null;
  const m = found[found.length - 1];
  const month = Number(m[2] ?? m[1]);
  const { year, assumed } = yearAfter(x.t, m.index + m[0].length, x.defaultYear);
  if (!year || month < 1 || month > 12) return null;
  return dated(x, lastDay(year, month), assumed, year, { kind: "month", year, index: month });
};

/** Quarters: "quý i/2023", "quý iii, năm 2023", "quý ii - quý iii/2023", "quý ii, iii năm 2023". */
const quarters: Rule = (x) => {
  const found = [
    ...x.t.matchAll(
      /quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}\d])((?:\s*(?:,|-|–|và|đến)\s*(?:quý\s+)?(?:iv|iii|ii|i|[1-4])(?![\p{L}\d]))*)/gu,
    ),
  ];
  if (!found.length) return null;
  const m = found[found.length - 1];
  const more = [...(m[2] ?? "").matchAll(/(iv|iii|ii|i|[1-4])(?![\p{L}\d])/gu)].map((y) => y[1]);
  const q = ROMAN_Q[more.length ? more[more.length - 1] : m[1]];
  const { year, assumed } = yearAfter(x.t, m.index + m[0].length, x.defaultYear);
  if (!year) return null;
  return dated(x, lastDay(year, q * 3), assumed, year, { kind: "quarter", year, index: q });
};

/** Half year and nine months: "6 tháng đầu năm 2023", "9 tháng". */
const halfOrNine: Rule = (x) => {
  const half = /(?:6|sáu) tháng (đầu|cuối)(?: năm)?/.exec(x.t);
  const nine = /(?:9|chín) tháng(?: đầu)?(?: năm)?/.exec(x.t);
  const hn = half ?? nine;
  if (!hn) return null;
  const { year, assumed } = yearAfter(x.t, hn.index + hn[0].length, x.defaultYear);
  if (!year) return null;
  const late = half?.[1] === "cuối";
  const month = half ? (late ? 12 : 6) : 9;
  const span: NamedSpan = late ? { kind: "year", year } : { kind: half ? "half" : "nine-months", year };
  return dated(x, lastDay(year, month), assumed, year, span);
};

/** School terms and years: "học kỳ i năm học 2022-2023", "năm học 2023-2024". */
const schoolYear: Rule = (x) => {
  const school = /(?:học kỳ\s+(i|ii|1|2)\s*,?\s*)?năm học\s*(\d{4})\s*[-–]\s*(\d{4})/.exec(x.t);
  if (!school) return null;
  const term = school[1] ? ROMAN_Q[school[1]] : 0;
  const due = term === 1 ? `${school[3]}-01-31` : `${school[3]}-05-31`;
  return withOngoing(x, {
    due,
    confidence: "low",
    note: "Mốc năm học/học kỳ được ước theo lịch năm học thông thường: cần xác nhận ngày.",
  });
};

/** Years and ranges: "trong năm 2023", "năm 2023", "giai đoạn 2021 - 2025", "đến năm 2025". */
const yearsRule: Rule = (x) => {
  const years = yearsIn(x.t);
  if (!years.length || x.ongoing) return null;
  const y = Math.max(...years);
  const range = years.length > 1 || /đến năm|giai đoạn/.test(x.t);
  return {
    due: `${y}-12-31`,
    confidence: range ? "medium" : "high",
    span: range ? undefined : { kind: "year", year: y },
    note: range ? `Khoảng thời gian nhiều năm: tạm lấy hạn cuối năm ${y}.` : undefined,
  };
};

/** "Thường xuyên", "liên tục", "hằng tuần". */
const ongoingRule: Rule = (x) =>
  x.ongoing ? { due: "thuong-xuyen", confidence: yearsIn(x.t).length ? "medium" : "high" } : null;

/** Recurring work: "hằng năm", "định kỳ". */
const recurring: Rule = (x) =>
  /(?:hằng|hàng|mỗi) (?:năm|quý|tháng)|định kỳ/.test(x.t)
    ? {
        due: "thuong-xuyen",
        confidence: "medium",
        note: "Việc lặp lại theo định kỳ: tạm coi là thường xuyên, không có một hạn duy nhất.",
      }
    : null;

/** On demand: "khi có yêu cầu", "đột xuất". */
const onDemand: Rule = (x) =>
  /khi có yêu cầu|theo yêu cầu|đột xuất/.test(x.t)
    ? { due: "thuong-xuyen", confidence: "low", note: "Thực hiện khi có yêu cầu: không có hạn cố định." }
    : null;

/** "Trong năm", "cuối năm" without a year: the plan's year. */
const planYear: Rule = (x) =>
  /trong năm|cả năm|cuối năm/.test(x.t) && x.defaultYear
    ? {
        due: `${x.defaultYear}-12-31`,
        confidence: "medium",
        span: { kind: "year", year: x.defaultYear },
        note: assumedNote(x.defaultYear),
      }
    : null;

/** Tried in order: the most precise reading wins. */
const RULES: Rule[] = [
  fullDates,
  dayMonth,
  months,
  quarters,
  halfOrNine,
  schoolYear,
  yearsRule,
  ongoingRule,
  recurring,
  onDemand,
  planYear,
];

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
  const x: RuleInput = {
    t,
    defaultYear,
    ongoing: /thường xuyên|liên tục|hằng ngày|hàng ngày|hằng tuần|hàng tuần/.test(t),
  };
  for (const rule of RULES) {
    const tf = rule(x);
    if (tf) return tf;
  }
  return { due: null, confidence: "low", note: "Không hiểu được mốc thời gian." };
}
