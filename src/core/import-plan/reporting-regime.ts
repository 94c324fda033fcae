/** Reads the reporting regime ("định kỳ hàng quý, 6 tháng (05/5), hàng năm (05/11)") into periods. */
import type { PeriodKind } from "../model/template-schema.js";
import { presetWindow } from "../template/periods.js";
import { addDays, daysBetween, formatDayVN } from "../vn/dates.js";
import { isRealDate } from "../model/template-schema.js";
import type { PlanLine } from "./normalize-lines.js";
import { review, type ReviewItem } from "./review.js";

/** A period with every date written out, plus where the plan said so. */
export interface PeriodDraft {
  id: string;
  label: string;
  kind: PeriodKind;
  year?: number;
  index?: number;
  from: string;
  to: string;
  deadline: string;
  line: number;
  /** True when the plan gave the deadline; false when it was defaulted. */
  deadlineGiven: boolean;
}

/** What the regime reader needs to know about the plan. */
export interface RegimeContext {
  /** Years the plan covers; recurring reports get one period per year (at most five years). */
  years: number[];
  /** The plan's date, when written: the start of milestone periods. */
  planDate?: string | null;
}

/** Periods found, the sentences they came from, and review notes. */
export interface RegimeResult {
  periods: PeriodDraft[];
  sentences: { line: number; text: string }[];
  review: ReviewItem[];
}

type TokenKind = "month" | "quarter" | "half" | "nine" | "year" | "on-demand" | "milestone";

interface Token {
  kind: TokenKind;
  at: number;
  end: number;
  /** Milestones: the year and label words ("Sơ kết 03 năm"). */
  year?: number;
  label?: string;
}

interface Deadline {
  at: number;
  day: number;
  month?: number;
  year?: number;
  /** "tháng cuối quý" */
  lastMonthOfQuarter?: boolean;
}

const TOKEN_PATTERNS: [TokenKind, RegExp][] = [
  ["month", /(?:hằng|hàng|mỗi)\s+tháng|định kỳ\s+tháng|báo cáo\s+tháng/gu],
  ["quarter", /(?:hằng|hàng|mỗi)\s+quý|định kỳ\s+quý|báo cáo\s+quý|theo quý/gu],
  // "ngày 06 tháng 7 năm 2026" is a date, not a 6-month report.
  ["half", /(?<![\d\p{L}])(?<!ngày\s+)(?:6|06|sáu)\s+tháng(?!\s+cuối|\s+\d)(?:\s+đầu\s+năm)?/gu],
  ["nine", /(?<![\d\p{L}])(?<!ngày\s+)(?:9|09|chín)\s+tháng(?!\s+\d)(?:\s+đầu\s+năm)?/gu],
  [
    "year",
    /(?:hằng|hàng|mỗi)\s+năm(?!\s+học)|định kỳ\s+năm(?!\s+học)|báo cáo\s+năm(?!\s+học|\s+\d)|cả năm|tổng kết\s+năm(?!\s+học|\s+\d)/gu,
  ],
  ["on-demand", /khi có yêu cầu|theo yêu cầu|đột xuất/gu],
];
/** "sơ kết 03 năm vào năm 2025": the words between may not hold another sơ kết/tổng kết or "hằng năm". */
const MILESTONE_RE =
  /(sơ kết|tổng kết)((?:\s+(?:giữa kỳ|\d{1,2}|ba|bốn|mười)\s+năm)?)(?:(?!sơ kết|tổng kết|hằng năm|hàng năm)[^.;]){0,50}?năm\s+(\d{4})/gu;

const KIND_WORDS: Record<TokenKind, string> = {
  month: "hằng tháng",
  quarter: "hằng quý",
  half: "6 tháng",
  nine: "9 tháng",
  year: "hằng năm",
  "on-demand": "khi có yêu cầu",
  milestone: "sơ kết, tổng kết",
};
const ROMAN = ["I", "II", "III", "IV"];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Splits a paragraph into sentences. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+(?=[\p{Lu}(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The frequency words of a sentence, in order; empty when it does not set a reporting regime. */
export function regimeTokens(sentence: string): Token[] {
  const t = sentence.toLowerCase();
  const aboutReports = /báo cáo|định kỳ|sơ kết|tổng kết/.test(t);
  const tokens: Token[] = [];
  for (const m of t.matchAll(MILESTONE_RE)) {
    const word = m[1] === "sơ kết" ? "Sơ kết" : "Tổng kết";
    const span = (m[2] ?? "").trim();
    tokens.push({
      kind: "milestone",
      at: m.index,
      end: m.index + m[0].length,
      year: Number(m[3]),
      label: span ? `${word} ${span}` : word,
    });
  }
  if (!aboutReports) return tokens;
  for (const [kind, re] of TOKEN_PATTERNS) {
    for (const m of t.matchAll(re)) {
      if (kind === "on-demand" && !/báo cáo/.test(t)) continue;
      if (tokens.some((x) => m.index >= x.at && m.index < x.end)) continue;
      tokens.push({ kind, at: m.index, end: m.index + m[0].length });
    }
  }
  return tokens.sort((a, b) => a.at - b.at);
}

function deadlinesIn(t: string, offset: number): Deadline[] {
  const out: Deadline[] = [];
  const re =
    /\(\s*(?:trước\s+)?(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*\)|(?:trước|chậm nhất|hạn|vào)\s+(?:vào\s+)?(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?|(?:trước|chậm nhất|vào)\s+ngày\s+(\d{1,2})(?!\s*\/)((?:\s+(?:hằng|hàng|của|mỗi)\s+tháng)|(?:\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+|của\s+)?quý))?|(?<=\d\s*\)?\s*(?:và|,)\s+)(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/gu;
  for (const m of t.matchAll(re)) {
    if (m[1]) out.push({ at: offset + m.index, day: +m[1], month: +m[2], year: m[3] ? +m[3] : undefined });
    else if (m[4]) out.push({ at: offset + m.index, day: +m[4], month: +m[5], year: m[6] ? +m[6] : undefined });
    else if (m[7]) out.push({ at: offset + m.index, day: +m[7], lastMonthOfQuarter: /cuối/.test(m[8] ?? "") });
    else out.push({ at: offset + m.index, day: +m[9], month: +m[10], year: m[11] ? +m[11] : undefined });
  }
  return out;
}

/** Pairs each frequency with the deadline written after it (before the next frequency). */
function pairDeadlines(sentence: string, tokens: Token[]): Map<Token, Deadline> {
  const t = sentence.toLowerCase();
  const pairs = new Map<Token, Deadline>();
  const leftovers: Deadline[] = [];
  tokens.forEach((tok, i) => {
    const end = i + 1 < tokens.length ? tokens[i + 1].at : t.length;
    const found = deadlinesIn(t.slice(tok.end, end), tok.end);
    if (found.length) pairs.set(tok, found[0]);
    if (i === tokens.length - 1) leftovers.push(...found.slice(1));
  });
  // "6 tháng và hằng năm báo cáo trước ngày 15/6 và 15/12": extra dates go to the earlier frequencies.
  const waiting = tokens.filter((x) => !pairs.has(x) && x.kind !== "on-demand" && x.kind !== "milestone");
  if (leftovers.length && waiting.length) {
    const last = tokens[tokens.length - 1];
    const all = [pairs.get(last)!, ...leftovers];
    const order = [...waiting, last].sort((a, b) => a.at - b.at);
    order.forEach((tok, i) => {
      if (all[i]) pairs.set(tok, all[i]);
    });
  }
  return pairs;
}

function dayOf(y: number, m: number, d: number): string | null {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return m >= 1 && m <= 12 && isRealDate(s) ? s : null;
}

/** A "dd/mm" deadline for a window: the year of the window's end, or the next one when it would fall early in the window. */
function resolveDayMonth(d: Deadline, from: string, to: string): string | null {
  if (!d.month) return null;
  const toYear = Number(to.slice(0, 4));
  if (d.year) return dayOf(d.year, d.month, d.day);
  const same = dayOf(toYear, d.month, d.day);
  if (!same) return null;
  const mid = addDays(from, Math.floor(daysBetween(from, to) / 2));
  return same < mid ? dayOf(toYear + 1, d.month, d.day) : same;
}

/** A day-of-month deadline ("trước ngày 20 hằng tháng") for a window ending on `to`. */
function resolveDayOnly(d: Deadline, to: string, lastMonth: number): string | null {
  const y = Number(to.slice(0, 4));
  if (d.lastMonthOfQuarter) return dayOf(y, lastMonth, d.day);
  const m = Number(to.slice(5, 7));
  if (d.day > 14) return dayOf(y, m, d.day);
  return m === 12 ? dayOf(y + 1, 1, d.day) : dayOf(y, m + 1, d.day);
}

function windowFor(kind: TokenKind, year: number, index: number): { from: string; to: string } {
  if (kind === "nine") return { from: `${year - 1}-12-15`, to: `${year}-09-14` };
  const k: PeriodKind = kind === "month" ? "month" : kind === "quarter" ? "quarter" : kind === "half" ? "half" : "year";
  return presetWindow(k, year, index);
}

function periodMeta(kind: TokenKind, year: number, index: number): { id: string; label: string; kind: PeriodKind } {
  switch (kind) {
    case "month":
      return { id: `thang_${index}_${year}`, label: `Tháng ${index} năm ${year}`, kind: "month" };
    case "quarter":
      return { id: `quy_${index}_${year}`, label: `Quý ${ROMAN[index - 1]} năm ${year}`, kind: "quarter" };
    case "half":
      return { id: `sau_thang_${year}`, label: `6 tháng đầu năm ${year}`, kind: "half" };
    case "nine":
      return { id: `chin_thang_${year}`, label: `9 tháng đầu năm ${year}`, kind: "custom" };
    default:
      return { id: `nam_${year}`, label: `Năm ${year}`, kind: "year" };
  }
}

/** The default periods when a plan states no regime: one annual report per plan year. */
export function fallbackPeriods(years: number[], line = 0): PeriodDraft[] {
  return years.slice(0, 5).map((y) => {
    const w = presetWindow("year", y);
    return {
      id: `nam_${y}`,
      label: `Năm ${y}`,
      kind: "year" as const,
      year: y,
      from: w.from,
      to: w.to,
      deadline: addDays(w.to, 5),
      line,
      deadlineGiven: false,
    };
  });
}

/** Collects the periods of a regime, one id once, with the notes they need. */
class RegimeBuilder {
  readonly periods: PeriodDraft[] = [];
  readonly notes: ReviewItem[] = [];
  private readonly seen = new Set<string>();
  private readonly defaulted = new Map<TokenKind, number>();
  private readonly early = new Map<TokenKind, { deadline: string; to: string; line: number }>();

  constructor(
    private readonly years: number[],
    private readonly ctx: RegimeContext,
  ) {}

  private add(p: PeriodDraft): void {
    if (this.seen.has(p.id)) return;
    this.seen.add(p.id);
    this.periods.push(p);
  }

  /** "Sơ kết 03 năm vào năm 2025": from the plan's date to mid-December of that year. */
  milestone(tok: Token, dl: Deadline | undefined, line: number, sentence: string): void {
    const y = tok.year!;
    const word = tok.label!.startsWith("Sơ") ? "so_ket" : "tong_ket";
    let from = this.ctx.planDate ?? `${this.years[0] ?? y}-01-01`;
    const to = `${y}-12-14`;
    if (from > to) from = `${y}-01-01`;
    const given = dl ? resolveDayMonth({ ...dl, year: dl.year ?? y }, from, to) : null;
    this.add({
      id: `${word}_${y}`,
      label: `${tok.label} (${y})`,
      kind: "custom",
      year: y,
      from,
      to,
      deadline: given ?? addDays(to, 5),
      line,
      deadlineGiven: !!given,
    });
    this.notes.push(
      review.needs(
        `${tok.label} (${y}): kế hoạch chỉ nêu năm; Văn phòng đặt ngày chốt số liệu và hạn nộp (đang tạm để ${formatDayVN(to)} và ${formatDayVN(given ?? addDays(to, 5))}).`,
        line,
        sentence,
      ),
    );
  }

  /** "Báo cáo khi có yêu cầu": one period over the plan's years. */
  onDemand(line: number, sentence: string): void {
    const first = this.years[0];
    const last = this.years[this.years.length - 1];
    if (!first) return;
    this.add({
      id: `khi_co_yeu_cau_${first}`,
      label: first === last ? `Báo cáo khi có yêu cầu (năm ${first})` : `Báo cáo khi có yêu cầu (${first}–${last})`,
      kind: "custom",
      from: `${first}-01-01`,
      to: `${last}-12-31`,
      deadline: `${last}-12-31`,
      line,
      deadlineGiven: false,
    });
    this.notes.push(
      review.needs(
        "Báo cáo khi có yêu cầu: không có kỳ và hạn nộp cố định; Văn phòng sửa ngày của kỳ khi có văn bản yêu cầu.",
        line,
        sentence,
      ),
    );
  }

  /** Monthly, quarterly, half-yearly, nine-month or yearly reports: one period each in every plan year. */
  recurring(kind: TokenKind, dl: Deadline | undefined, line: number): void {
    const count = kind === "month" ? 12 : kind === "quarter" ? 4 : 1;
    // One report a year over the plan's whole span; monthly and quarterly ones for its first five years.
    for (const y of kind === "year" ? this.years : this.years.slice(0, 5)) {
      for (let i = 1; i <= count; i++) {
        const w = windowFor(kind, y, i);
        const meta = periodMeta(kind, y, i);
        let deadline: string | null = null;
        if (dl)
          deadline = dl.month
            ? resolveDayMonth(dl, w.from, w.to)
            : resolveDayOnly(dl, w.to, kind === "quarter" ? i * 3 : Number(w.to.slice(5, 7)));
        const given = deadline !== null;
        if (!deadline) {
          deadline = addDays(w.to, 5);
          this.defaulted.set(kind, line);
        } else if (deadline < w.to && !this.early.has(kind)) {
          this.early.set(kind, { deadline, to: w.to, line });
        }
        const index = kind === "month" || kind === "quarter" ? i : undefined;
        this.add({ ...meta, year: y, index, from: w.from, to: w.to, deadline, line, deadlineGiven: given });
      }
    }
  }

  /** Notes on defaulted and early deadlines and on quarters that overlap half-year or yearly periods. */
  finish(): ReviewItem[] {
    for (const [kind, line] of this.defaulted) {
      this.notes.push(
        review.needs(
          `Kế hoạch không nêu hạn nộp báo cáo ${KIND_WORDS[kind]}: tạm đặt 5 ngày sau ngày chốt số liệu (Nghị định 09/2019). Văn phòng xác nhận hạn nộp.`,
          line,
        ),
      );
    }
    for (const [kind, e] of this.early) {
      this.notes.push(
        review.needs(
          `Hạn nộp báo cáo ${KIND_WORDS[kind]} (${formatDayVN(e.deadline)}) sớm hơn ngày chốt số liệu theo Nghị định 09/2019 (${formatDayVN(e.to)}): Văn phòng chọn lại ngày chốt số liệu nếu cần.`,
          e.line,
        ),
      );
    }
    const kinds = new Set(this.periods.map((p) => p.kind));
    if (kinds.has("quarter") && (kinds.has("half") || kinds.has("year"))) {
      this.notes.push(
        review.needs(
          "Báo cáo quý cùng với báo cáo 6 tháng/năm: Quý II trùng kỳ 6 tháng, Quý IV trùng kỳ năm; cân nhắc bỏ kỳ quý trùng.",
        ),
      );
    }
    this.periods.sort((a, b) =>
      a.deadline === b.deadline ? a.to.localeCompare(b.to) : a.deadline.localeCompare(b.deadline),
    );
    return this.notes;
  }
}

/**
 * The years the plan runs: its own years, stretched to its last milestone ("tổng kết vào năm
 * 2030") when the regime names one later.
 */
function planSpan(lines: PlanLine[], years: number[]): number[] {
  const first = years[0];
  if (first === undefined) return [];
  let last = years[years.length - 1];
  for (const l of lines)
    for (const sentence of sentencesOf(l.text))
      for (const tok of regimeTokens(sentence))
        if (tok.kind === "milestone" && tok.year && tok.year <= first + 15) last = Math.max(last, tok.year);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Finds the reporting regime in `lines` and turns it into periods with explicit dates:
 * windows from the Nghị định 09/2019 presets, deadlines from the plan ("6 tháng (05/5)") or,
 * when it gives none, 5 days after the window (flagged for review). Also reads "báo cáo … khi
 * có yêu cầu" and milestones ("sơ kết 03 năm vào năm 2025 và tổng kết vào năm 2030").
 */
export function readRegime(lines: PlanLine[], ctx: RegimeContext): RegimeResult {
  const b = new RegimeBuilder(planSpan(lines, ctx.years), ctx);
  const sentences: { line: number; text: string }[] = [];
  for (const l of lines) {
    for (const sentence of sentencesOf(l.text)) {
      const tokens = regimeTokens(sentence);
      if (!tokens.length) continue;
      sentences.push({ line: l.line, text: sentence });
      const kinds = [...new Set(tokens.map((t) => KIND_WORDS[t.kind]))];
      b.notes.push(review.found(`Chế độ báo cáo: ${kinds.join(", ")}.`, l.line, sentence));
      const pairs = pairDeadlines(sentence, tokens);
      for (const tok of tokens) {
        const dl = pairs.get(tok);
        if (tok.kind === "milestone" && tok.year) b.milestone(tok, dl, l.line, sentence);
        else if (tok.kind === "on-demand") b.onDemand(l.line, sentence);
        else b.recurring(tok.kind, dl, l.line);
      }
    }
  }
  const notes = b.finish();
  return { periods: b.periods, sentences, review: notes };
}
