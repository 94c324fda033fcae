/**
 * Rebuilds task tables that PDF text extraction flattened to one cell fragment per line (a
 * Công báo Phụ lục: "STT" / "Tên nhiệm vụ" / "Cơ quan" / "chủ trì" … then "1." / text / owner …)
 * into tab-separated rows, so they are read like the tables of a .docx.
 */
import type { FlatRowCells } from "./flat-row-cells.js";
import { readFlatRow, type RowWidths } from "./flat-row.js";
import { type Column, NUMBER_HEAD_RE, readHeader, splitNumberHead } from "./table-header.js";

/** A raw source line with its 1-based line number (as repair-lines reads them). */
interface RawLine {
  text: string;
  line: number;
}

interface Header {
  /** The header's lines as printed; the same lines repeated mark a new page. */
  lines: string[];
  cols: (Column | null)[];
  cells: string[];
  /** Index of the first line after the header. */
  end: number;
}

/** A row number alone on its line ("1.", "1.4", "12. "). */
const LONE_NUMBER_RE = /^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.?)$/u;
/** A row number with the first words of its cell on the same line ("10.  Xây dựng …"). */
const GLUED_NUMBER_RE = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\p{Lu}.*)$/u;
/** A group row: "II. Hoàn thiện …", "III Tiếp tục …", or the numeral alone with its text on the next line. */
const ROMAN_ROW_RE = /^([IVX]{1,5})(?:\.?\s+(\p{Lu}.*)|\.?)$/u;
/** The marks around a table copied from a document ("[[TABLE]]", "[[/TABLE]]"). */
const TABLE_MARK_RE = /^\[\[\/?TABLE\]\]$/u;
/** A lettered row alone on its line ("a)", "đ)"), under the numbered row it details. */
const LETTER_ROW_RE = /^([a-zđ])\)$/u;
/** What ends a Phụ lục table: the next Phụ lục, or the recipients of a letter. */
const TABLE_END_RE = /^(?:PHỤ LỤC|Phụ lục\s+[IVX\d]|Nơi nhận)/u;

/** Words a header cell starts with: the header is cut before each, however the PDF broke its lines. */
const HEADER_CELL_RE =
  /(?<=\s)(?=(?:Tên nhiệm vụ|Nhiệm vụ|Nội dung|Hoạt động|Công việc|Cơ quan|Đơn vị|Bộ phận|Sản phẩm|Kết quả|Thời gian|Thời hạn|Tiến độ|Ghi chú)(?:\s|,|$))/u;

/** Reads a flattened header starting at line `i` ("STT", then short lines; or "TT Tên nhiệm vụ Cơ quan" …), or null. */
function readFlatHeader(lines: RawLine[], i: number): Header | null {
  const head = lines[i].text.trim();
  if (!NUMBER_HEAD_RE.test(head) || head.length > 60) return null;
  const got: string[] = [head];
  let end = i + 1;
  for (let k = i + 1; k < lines.length && got.length < 14; k++) {
    const t = lines[k].text.trim();
    if (!t || TABLE_MARK_RE.test(t)) continue;
    if (t.length > 30 || rowStart(t)) break;
    got.push(t);
    end = k + 1;
  }
  // A line opening with a capital opens a cell ("Cấp phê duyệt"); a cell's words may share a line with the next.
  const byLine: string[] = [];
  for (const t of got) {
    if (byLine.length && !/^\p{Lu}/u.test(t)) byLine[byLine.length - 1] += ` ${t}`;
    else byLine.push(t);
  }
  const cells = byLine.flatMap((c) =>
    ` ${c}`
      .split(HEADER_CELL_RE)
      .map((x) => x.trim())
      .filter(Boolean),
  );
  // "STT Tên nhiệm vụ" on one line: the number cell is the first word.
  const split = splitNumberHead(cells[0] ?? "");
  if (split) cells.splice(0, 1, ...split);
  const cols = readHeader(cells);
  return cols && cells.length >= 3 ? { lines: got, cols, cells, end } : null;
}

/** The number or Roman numeral a line opens a row with, and the text after it. */
function rowStart(t: string): { number: string; text: string; roman: boolean } | null {
  const letter = LETTER_ROW_RE.exec(t);
  if (letter) return { number: `${letter[1]})`, text: "", roman: false };
  const lone = LONE_NUMBER_RE.exec(t);
  if (lone) return { number: lone[1].replace(/\.$/, ""), text: "", roman: false };
  const roman = ROMAN_ROW_RE.exec(t);
  if (roman) return { number: roman[1], text: roman[2] ?? "", roman: true };
  const glued = GLUED_NUMBER_RE.exec(t);
  return glued ? { number: glued[1], text: glued[2], roman: false } : null;
}

/** Whether `next` can follow row number `prev` ("1" → "2", "1.1"; "1.7" → "1.8", "2"; after a Roman row, "1"). */
export function followsNumber(prev: string, next: string, afterRoman: boolean): boolean {
  const p = prev ? prev.split(".").map(Number) : [];
  const n = next.split(".").map(Number);
  if (n.length === 1 && n[0] === 1 && (afterRoman || p.length === 0)) return true;
  if (p.length === 0) return n.every((x) => x === 1);
  if (n.length === p.length + 1 && n[n.length - 1] === 1) return p.every((x, k) => x === n[k]);
  if (n.length > p.length) return false;
  return n.every((x, k) => (k < n.length - 1 ? x === p[k] : x === p[k] + 1));
}

/**
 * Running heads inside a table: a line printed on three or more pages next to a page number.
 * A cell's line repeated in many rows ("Quý IV/2026") is never next to one, so it stays.
 */
function furniture(lines: RawLine[]): Set<string> {
  const pageNumber = (k: number) => /^\d{1,4}$/.test(lines[k]?.text.trim() ?? "");
  const counts = new Map<string, number>();
  lines.forEach((l, k) => {
    const t = l.text.trim();
    if (t.length >= 8 && t.length <= 80 && (pageNumber(k - 1) || pageNumber(k + 1)))
      counts.set(t, (counts.get(t) ?? 0) + 1);
  });
  return new Set([...counts].filter(([t, n]) => n >= 3 && /\d/.test(t)).map(([t]) => t));
}

/**
 * A bare number is a page number unless it is the next row's number ("1" … "7" in a table numbered
 * without dots) or a year; a number printed under a running head is always the page's.
 */
function isPageNumber(t: string, before: string, heads: Set<string>, prev: string, afterRoman: boolean): boolean {
  if (!/^\d{1,4}$/.test(t)) return false;
  if (heads.has(before)) return true;
  // "2026" alone is a year in a time cell.
  if (/^(?:19|20)\d\d$/.test(t)) return false;
  // After a group row the count starts again at "1".
  return t.length > 2 || !followsNumber(prev, t, afterRoman);
}

/** Where the header printed again at line `k` ends (the index after it), or 0 when it is not there. */
function headerAgain(lines: RawLine[], k: number, header: Header): number {
  let j = 0;
  let at = k;
  for (; at < lines.length && j < header.lines.length; at++) {
    const t = lines[at].text.trim();
    if (!t) continue;
    if (t !== header.lines[j]) return 0;
    j++;
  }
  return j === header.lines.length ? at : 0;
}

interface FlatRow {
  line: number;
  number: string;
  roman: boolean;
  /** The row's fragments, one array per page. */
  pages: string[][];
}

/** Cuts the table's lines into rows, each row's fragments split at page breaks. */
function splitRows(lines: RawLine[], header: Header, heads: Set<string>): { rows: FlatRow[]; end: number } {
  const rows: FlatRow[] = [];
  let prev = "";
  let afterRoman = false;
  let k = 0;
  let before = header.lines[header.lines.length - 1];
  for (; k < lines.length; k++) {
    const t = lines[k].text.trim();
    if (TABLE_END_RE.test(t)) break;
    if (!t) continue;
    const last = before;
    before = t;
    if (heads.has(t) || isPageNumber(t, last, heads, prev, afterRoman)) continue;
    const after = headerAgain(lines, k, header);
    if (after > 0) {
      rows[rows.length - 1]?.pages.push([]);
      k = after - 1;
      continue;
    }
    const start = rowStart(t);
    const lettered = !!start && /\)$/.test(start.number);
    if (start && (start.roman || (lettered ? rows.length > 0 : followsNumber(prev, start.number, afterRoman)))) {
      rows.push({
        line: lines[k].line,
        number: start.number,
        roman: start.roman,
        pages: [start.text ? [start.text] : []],
      });
      if (!start.roman && !lettered) prev = start.number;
      afterRoman = start.roman;
      continue;
    }
    const row = rows[rows.length - 1];
    if (row) row.pages[row.pages.length - 1].push(t);
  }
  return { rows, end: k };
}

/** Line widths of the table, from the usual widest line (the content column's width). */
function widths(rows: FlatRow[]): RowWidths {
  const lens = rows
    .filter((r) => !r.roman)
    .flatMap((r) => r.pages.flat().map((f) => f.trim().length))
    .sort((a, b) => a - b);
  const p90 = lens[Math.floor(lens.length * 0.9)] ?? 40;
  const p97 = lens[Math.floor(lens.length * 0.97)] ?? p90;
  return { long: Math.round(p90 * 0.7), full: Math.round(p90 * 0.8), widest: p97 + 2 };
}

/** Puts a row's cells under the header's columns, joined by tabs. */
function rowText(header: Header, number: string, cells: FlatRowCells): string {
  const middle = [...cells.middle];
  return header.cols
    .map((c) => {
      if (c === "number") return number;
      if (c === "content") return cells.content;
      if (c === "owner") return cells.owner;
      if (c === "timeframe") return cells.timeframe;
      return middle.shift() ?? "";
    })
    .join("\t");
}

function middleCount(header: Header): number {
  return header.cols.filter((c) => c !== "number" && c !== "content" && c !== "owner" && c !== "timeframe").length;
}

/** The table from line `i` on, as tab-separated lines, and where it ends. */
function rebuildAt(lines: RawLine[], i: number, header: Header, heads: Set<string>): { out: RawLine[]; end: number } {
  const from = header.end;
  const { rows, end } = splitRows(lines.slice(from), header, heads);
  if (rows.length < 2) return { out: [], end: i };
  const w = widths(rows);
  const out: RawLine[] = [{ text: header.cells.join("\t"), line: lines[i].line }];
  for (const r of rows) {
    const cells: FlatRowCells = r.roman
      ? { content: r.pages.flat().join(" "), owner: "", middle: [], timeframe: "" }
      : readFlatRow(r.pages, w, middleCount(header));
    out.push({ text: rowText(header, r.roman ? `${r.number}.` : r.number, cells), line: r.line });
  }
  return { out, end: from + end };
}

/** A table of one row, its header, whose body follows flattened ("[[TABLE]]", "TT⇥Nội dung …", "[[/TABLE]]", "1", …). */
function headerOnlyTable(lines: RawLine[], i: number): boolean {
  return lines[i - 1]?.text.trim() === "[[TABLE]]" && lines[i + 1]?.text.trim() === "[[/TABLE]]";
}

/** The lines with every flattened task table rebuilt into tab-separated rows; other lines unchanged. */
export function rebuildFlatTables(lines: RawLine[]): RawLine[] {
  const heads = furniture(lines);
  const out: RawLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = lines[i].text.includes("\t") && !headerOnlyTable(lines, i) ? null : readFlatHeader(lines, i);
    const rebuilt = header ? rebuildAt(lines, i, header, heads) : null;
    if (rebuilt?.out.length) {
      out.push(...rebuilt.out, { text: "", line: lines[rebuilt.end - 1]?.line ?? lines[i].line });
      i = rebuilt.end;
      continue;
    }
    out.push(lines[i]);
    i++;
  }
  return out;
}
