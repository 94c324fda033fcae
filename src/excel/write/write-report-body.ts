/** Lays out the sheet "Báo cáo": header blocks, sections with tables, signature and Nơi nhận. */
import type { Worksheet } from "exceljs";
import { vnNumber } from "../../core/vn/show.js";
import type { ReportCell, ReportModel, ReportTable } from "../../core/report/report-model.js";
import { font, MARGINS, pageNumbers, setText, THIN, wrappedHeight } from "./report-style.js";

const BODY = 13;
/** Printable width of A4 portrait with 30/15 mm margins, in Excel character units. */
const PRINT_WIDTH = 92;

/**
 * Width in Excel character units (7 px) of a word at 12 pt Times New Roman: digits 8 px,
 * punctuation and I about 4.5 px, capitals 11 px, other letters 7.5 px, plus the cell's padding.
 */
export function wordWidth(word: string): number {
  let px = 0;
  for (const ch of word)
    px += /[0-9]/.test(ch)
      ? 8
      : /[.,:;'!|/()-]/.test(ch)
        ? 4.5
        : /[Iijlt]/.test(ch)
          ? 5
          : /\p{Lu}/u.test(ch)
            ? 11
            : 7.5;
  return px / 7 + 0.6;
}

/** Width of the longest piece of a cell that cannot wrap: a date, a number, a long word. */
function longestToken(v: ReportCell): number {
  const text = typeof v === "number" ? vnNumber(v) : (v ?? "");
  // Lines break at spaces and after hyphens ("GDNN-" / "GDTX").
  return Math.max(0, ...text.split(/\s+|(?<=-)/).map(wordWidth));
}

/**
 * The width (Excel character units) a column needs so no date or number breaks across lines at
 * 12 pt ("31/03/202" + "3"), capped so one odd word cannot take the page. Last columns of a
 * table span to the grid's end, so they do not constrain a single column.
 */
export function minimumWidths(tables: ReportTable[], n: number): number[] {
  return Array.from({ length: n }, (_, j) =>
    Math.min(
      16,
      Math.max(
        4,
        ...tables
          // A last column spans to the grid's end, unless the table is as wide as the grid.
          .filter((t) => j < t.columns.length - 1 || t.columns.length === n)
          .flatMap((t) => [t.columns[j].header, ...t.rows.map((r) => r[j])].map(longestToken)),
      ),
    ),
  );
}

/** Column widths shared by every table of the body: the template's proportions on the printable width, each at least its minimum. */
export function gridWidths(tables: ReportTable[]): number[] {
  const n = Math.max(8, ...tables.map((t) => t.columns.length));
  const raw = Array.from({ length: n }, (_, j) => Math.max(4, ...tables.map((t) => t.columns[j]?.width ?? 0)));
  const min = minimumWidths(tables, n);
  // Columns held at their minimum take their share first; the rest share what is left, in proportion.
  const fixed = new Set<number>();
  let widths = raw;
  for (let pass = 0; pass < n; pass++) {
    const spare = PRINT_WIDTH - [...fixed].reduce((a, j) => a + min[j], 0);
    const free = raw.reduce((a, w, j) => (fixed.has(j) ? a : a + w), 0);
    widths = raw.map((w, j) =>
      fixed.has(j) ? Math.ceil(min[j] * 10) / 10 : Math.max(4, Math.round(((w * Math.max(spare, 0)) / free) * 10) / 10),
    );
    const short = widths.map((_w, j) => j).filter((j) => !fixed.has(j) && widths[j] < min[j]);
    if (!short.length) break;
    short.forEach((j) => fixed.add(j));
  }
  return widths;
}

/**
 * How many grid columns the left header block (parent body, issuer, number) spans: about 40% of
 * the width as in the Nghị định 30/2020 model, and never a lone narrow column (STT) when the
 * next column is wide.
 */
export function leftBlockColumns(widths: number[]): number {
  const n = widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  let left = 1;
  let acc = widths[0];
  for (; left < n - 2 && acc + widths[left] <= total * 0.42; left++) acc += widths[left];
  // "UBND THÀNH PHỐ HẢI PHÒNG" needs about 30% of the width; one more column rather than a squeezed header.
  if (acc < total * 0.3 && left < n - 2) left++;
  return left;
}

/** The body's column grid: the sheet, its column count and widths, and the left header block's span. */
interface BodyGrid {
  ws: Worksheet;
  n: number;
  widths: number[];
  /** Sum of the column widths. */
  total: number;
  /** Columns of the left header block (and of Nơi nhận). */
  left: number;
}

/** Fills `ws` with the report body. */
export function writeReportBody(ws: Worksheet, m: ReportModel): void {
  const tables = m.sections.flatMap((s) => (s.table ? [s.table] : []));
  const widths = gridWidths(tables);
  const n = widths.length;
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const total = widths.reduce((a, b) => a + b, 0);
  const left = leftBlockColumns(widths);
  const leftWidth = widths.slice(0, left).reduce((a, b) => a + b, 0);
  const rightWidth = total - leftWidth;
  const g: BodyGrid = { ws, n, widths, total, left };

  let r = writeHeading(g, m, 1);
  r = writeText(g, m, r);
  writeSignature(g, m, r);
  void rightWidth;

  ws.pageSetup = {
    paperSize: 9,
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: MARGINS,
    horizontalCentered: true,
  };
  pageNumbers(ws);
}

/** Merges columns `c1`..`c2` of `row` (when more than one) and returns the merged cell. */
function mergeRow(ws: Worksheet, row: number, c1: number, c2: number) {
  if (c2 > c1) ws.mergeCells(row, c1, row, c2);
  return ws.getCell(row, c1);
}

/**
 * A short centred rule under a heading. Cell borders can only be as wide as whole columns,
 * so the rule is a run of box-drawing characters sized to the text above it.
 */
function drawRule(ws: Worksheet, row: number, c1: number, c2: number, chars: number): void {
  setText(mergeRow(ws, row, c1, c2), "\u2500".repeat(Math.max(3, Math.round(chars))), font(7), {
    horizontal: "center",
    vertical: "top",
  });
  ws.getRow(row).height = 8;
}

/** Writes the header blocks, title and subject from row `r`; returns the next free row. */
function writeHeading({ ws, n, total, left }: BodyGrid, m: ReportModel, r: number): number {
  const merge = (row: number, c1: number, c2: number) => mergeRow(ws, row, c1, c2);
  const rule = (row: number, c1: number, c2: number, chars: number) => drawRule(ws, row, c1, c2, chars);

  // Header: parent + issuer on the left, nation + motto on the right.
  setText(merge(r, 1, left), m.header.parent, font(13), { horizontal: "center" });
  setText(merge(r, left + 1, n), m.header.nation, font(13, { bold: true }), { horizontal: "center" });
  r++;
  setText(merge(r, 1, left), m.header.issuer, font(13, { bold: true }), { horizontal: "center" });
  setText(merge(r, left + 1, n), m.header.motto, font(14, { bold: true }), { horizontal: "center" });
  r++;
  // Issuer: a third of the name's length; motto: the motto's full length (Nghị định 30/2020).
  rule(r, 1, left, (m.header.issuer.length * 13 * 0.62) / 3 / 7);
  rule(r, left + 1, n, (m.header.motto.length * 14 * 0.62) / 7);
  r++;
  setText(merge(r, 1, left), m.header.number, font(13), { horizontal: "center" });
  setText(merge(r, left + 1, n), m.header.placeDate, font(14, { italic: true }), { horizontal: "center" });
  ws.getRow(r).height = 20;
  r += 2;

  setText(merge(r, 1, n), m.title, font(14, { bold: true }), { horizontal: "center" });
  r++;
  setText(merge(r, 1, n), m.subject, font(14, { bold: true }), { horizontal: "center" });
  ws.getRow(r).height = wrappedHeight(m.subject, total, 14);
  r++;
  rule(r, 1, n, (Math.min(m.subject.length, 70) * 14 * 0.5) / 3 / 7);
  r += 2;
  return r;
}

/** Writes the intro, every section with its table, and the closing from row `r`; returns the next free row. */
function writeText({ ws, n, widths, total }: BodyGrid, m: ReportModel, r: number): number {
  const para = (text: string, f = font(BODY), indent = true) => {
    // Top-aligned: the height estimate errs on the tall side (clipped text is worse), so any
    // spare space falls after the paragraph, where it reads as paragraph spacing.
    setText(mergeRow(ws, r, 1, n), text, f, { horizontal: "justify", vertical: "top", indent: indent ? 1 : 0 });
    ws.getRow(r).height = wrappedHeight(text, total, f.size ?? BODY);
    r++;
  };
  para(m.intro);
  for (const s of m.sections) {
    para(s.heading, font(BODY, { bold: true }), false);
    s.paragraphs.forEach((p) => para(p));
    if (s.table) r = writeTable(ws, s.table, r, n, widths);
    s.after.forEach((p) => para(p));
  }
  para(m.closing);
  r++;
  return r;
}

/** Writes Nơi nhận (left) and the signature block (right) from row `r`, sharing rows as on a printed report. */
function writeSignature({ ws, n, left }: BodyGrid, m: ReportModel, r: number): void {
  const merge = (row: number, c1: number, c2: number) => mergeRow(ws, row, c1, c2);
  const start = r;
  setText(merge(r, 1, left), m.recipientsHeading, font(12, { bold: true, italic: true }), { horizontal: "left" });
  m.recipientLines.forEach((text, i) => {
    setText(merge(start + 1 + i, 1, left), text, font(11), { horizontal: "left" });
  });
  let s = start;
  if (m.signer.authority)
    setText(merge(s++, left + 1, n), m.signer.authority.toUpperCase(), font(14, { bold: true }), {
      horizontal: "center",
    });
  setText(merge(s++, left + 1, n), m.signer.title.toUpperCase(), font(14, { bold: true }), { horizontal: "center" });
  s += 3;
  setText(merge(s, left + 1, n), m.signer.name, font(14, { bold: true }), { horizontal: "center" });
}

/** Writes a bordered table at row `r`; its last column spans to the grid's end. Returns the next free row. */
export function writeTable(ws: Worksheet, t: ReportTable, r: number, n: number, widths: number[]): number {
  const k = t.columns.length;
  const span = (c: number) => (c === k - 1 ? n : c + 1);
  const put = (
    row: number,
    c: number,
    v: string | number | null,
    bold: boolean,
    align: "left" | "center" | "right",
    size: number,
  ) => {
    if (span(c) > c + 1) ws.mergeCells(row, c + 1, row, span(c));
    const cell = ws.getCell(row, c + 1);
    // A figure here is only read: written as Vietnamese-notation text it prints "19.326" and
    // "2.405,69" on every computer, where a number format follows the viewer's locale.
    setText(cell, typeof v === "number" ? vnNumber(v) : v, font(size, { bold }), { horizontal: align });
    for (let x = c + 1; x <= span(c); x++) ws.getCell(row, x).border = THIN;
  };
  const cellWidth = (c: number) => widths.slice(c, span(c)).reduce((a, b) => a + b, 0);
  let hh = 18;
  t.columns.forEach((col, c) => {
    put(r, c, col.header, true, "center", 12);
    hh = Math.max(hh, wrappedHeight(col.header, cellWidth(c), 12));
  });
  ws.getRow(r).height = hh;
  r++;
  t.rows.forEach((row, i) => {
    let h = 18;
    row.forEach((v, c) => {
      put(
        r,
        c,
        v,
        t.boldRows.includes(i),
        typeof v === "number" && t.columns[c].align !== "center" ? "right" : t.columns[c].align,
        12,
      );
      if (typeof v === "string") h = Math.max(h, wrappedHeight(v, cellWidth(c), 12));
    });
    ws.getRow(r).height = h;
    r++;
  });
  return r;
}
