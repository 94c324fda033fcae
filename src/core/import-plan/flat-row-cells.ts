/** Splits one row of a flattened PDF table (its cell fragments, one per line, in column order) into cells. */
import { parseTimeframe } from "./timeframe.js";
import { isUnitName } from "./units.js";

/** The cells read from one row; text of the columns between owner and timeframe is kept, not interpreted. */
export interface FlatRowCells {
  content: string;
  owner: string;
  /** The cells between owner and timeframe (coordinator, product…), as many as the header has. */
  middle: string[];
  timeframe: string;
}

/** Words after which a cell fragment cannot end: the name or phrase goes on below. */
const HANGING_RE =
  /(?:[,\-–]|(?:^|\s)(?:và|của|ở|với|các|thuộc|trình|đối|tại|cho|trong|về|Bộ|Sở|Ban|Phòng|Cục|Vụ|Viện|Ủy ban|Uỷ ban))\s*$/u;
/** How a time cell opens ("Quý I/2027", "Thường xuyên", "Từ tháng 5/2026", "Nhiệm vụ thường xuyên", "Theo yêu cầu …"). */
const TIME_START_RE =
  /^(?:Theo yêu cầu|Khi có yêu cầu|Thực hiện thường xuyên|Thường xuyên|Hằng năm|Hàng năm|Liên tục|Đã hoàn thành|Hoàn thành|Định kỳ|Nhiệm vụ thường xuyên|Quý|Tháng|Năm|Từ|Trước|Trong|Đến|Giai đoạn|Ngày|Tuần|Học kỳ|Cả năm|Sau|\d)/u;

function words(s: string): number {
  return s.trim().split(/\s+/).length;
}

/** True when the text reads as a time, the way a "Thời gian" cell is written. */
export function isTimeCell(s: string): boolean {
  const t = s.trim();
  if (!TIME_START_RE.test(t)) return false;
  if (/thường xuyên|hằng năm|hàng năm|liên tục|đã hoàn thành|định kỳ|^(?:theo|khi có) yêu cầu/iu.test(t)) return true;
  // "2026", "2026 - 2027": a year or a span of years.
  if (/^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$/u.test(t)) return true;
  return parseTimeframe(t).due !== null;
}

/**
 * How likely a cell ends between fragment `a` and fragment `b`: positive means a new cell.
 * A justified narrow cell breaks a name over several short lines, so a lower-case start,
 * a trailing comma or a hanging word all say the name goes on.
 */
export function gapScore(a: string, b: string): number {
  const x = a.trim();
  const y = b.trim();
  if (/^\p{Ll}/u.test(y)) return -3;
  let s = /^[\p{Lu}\d(]/u.test(y) ? 1 : 0;
  if (isUnitName(y)) s += 0.5;
  // "Các" alone on a line opens a list of units ("Các" / "Bộ," / "ngành,"): a new cell, and it hangs.
  if (/^Các$/u.test(y)) s += 0.5;
  if (/^Các$/u.test(x)) s -= 1.5;
  if (/,$/.test(x)) s -= 2;
  else if (HANGING_RE.test(x)) s -= 1.5;
  if (words(x) === 1) s -= 1;
  if (/[.;)]$/.test(x)) s += 1;
  return s;
}

/** Splits the time cell off the end of the fragments, also when the PDF glued it to the cell before. */
export function takeTime(frags: string[]): { rest: string[]; time: string } {
  // The shortest tail that reads as a time: "Thường xuyên"; "Từ" / "quý" / "III/2026" / "đến" / "quý III/2030".
  // A cell that opens "Thực hiện thường xuyên, lồng ghép …" may run on, a word a line, far longer.
  for (let i = frags.length - 1; i >= Math.max(0, frags.length - 24); i--) {
    const tail = frags.slice(i).join(" ").trim();
    const near = frags.length - i <= 6 || /^(?:Thực hiện\s+)?thường xuyên/iu.test(tail);
    if (near && isTimeCell(tail)) return { rest: frags.slice(0, i), time: tail };
  }
  const last = frags[frags.length - 1] ?? "";
  // "văn bản phối hợp Thường xuyên": two cells on one baseline.
  for (const m of last.matchAll(/\s(?=\p{Lu})/gu)) {
    const t = last.slice(m.index + 1).trim();
    if (isTimeCell(t)) return { rest: [...frags.slice(0, -1), last.slice(0, m.index)], time: t };
  }
  return { rest: frags, time: "" };
}

/** Cuts the fragments into at most `cells` cells at the most likely gaps (the first cell ends at the first likely gap). */
export function cutCells(frags: string[], cells: number): string[] {
  if (frags.length === 0) return [];
  if (frags.length <= cells) return frags.map((f) => f.trim());
  const gaps = frags.slice(1).map((b, k) => ({ at: k + 1, score: gapScore(frags[k], b) }));
  // The first sure gap ends the first cell (the owner); then the surest others, then even ones while cells are missing.
  const first = gaps.find((g) => g.score > 0);
  const ranked = gaps.filter((g) => g !== first).sort((p, q) => q.score - p.score || p.at - q.at);
  const sure = ranked.filter((g) => g.score > 0).length;
  const even = ranked.filter((g) => g.score >= 0).length;
  const want = cells - 1 - (first ? 1 : 0);
  const take = Math.min(want, Math.max(sure, Math.min(even, want), first ? 0 : 1));
  const cuts = [...(first ? [first] : []), ...ranked.slice(0, Math.max(0, take))].sort((p, q) => p.at - q.at);
  const out: string[] = [];
  let from = 0;
  for (const c of [...cuts, { at: frags.length }]) {
    out.push(
      frags
        .slice(from, c.at)
        .map((f) => f.trim())
        .join(" "),
    );
    from = c.at;
  }
  return out;
}

/** True when the cell text ends in the middle of a name ("Bộ Khoa học và"): its rest is on the next page. */
export function isCutShort(cell: string): boolean {
  return HANGING_RE.test(cell.trim());
}
