/** A report section's table in the Word report: bordered, 12 pt, numbers in Vietnamese notation. */
import type { Table } from "docx";
import type { ReportCell, ReportTable } from "../core/report/report-model.js";
import { vnNumber } from "../core/vn/show.js";
import type { Docx } from "./load-docx.js";
import { line } from "./docx-paragraphs.js";
import { SIZE, TEXT_WIDTH, textWidth } from "./docx-style.js";

/** The text a table cell shows: numbers as 3.047 and 505,5. */
export function cellText(v: ReportCell): string {
  return typeof v === "number" ? vnNumber(v) : (v ?? "");
}

/** Left plus right cell padding, in twips. */
const PADDING = 2 * 57;

/**
 * The width (twips) column `c` needs so no word, number or date breaks across lines
 * ("31/03/202" + "3", "ST" + "T"), capped at a quarter of the page so one odd word cannot take it.
 */
export function minimumWidth(t: ReportTable, c: number): number {
  const tokens = (text: string, bold: boolean) =>
    text.split(/\s+|(?<=[-/])(?=\p{L})/u).map((w) => textWidth(w, SIZE.table, bold));
  const widest = Math.max(
    0,
    ...tokens(t.columns[c].header, true),
    ...t.rows.flatMap((r, i) => tokens(cellText(r[c]), t.boldRows.includes(i))),
  );
  return Math.min(Math.round(TEXT_WIDTH / 4), widest + PADDING + 40);
}

/**
 * Column widths in twips summing to the text width: the model's proportions, each at least its
 * minimum; columns held at their minimum take it first and the rest share what is left.
 */
export function columnWidths(t: ReportTable): number[] {
  const n = t.columns.length;
  const min = t.columns.map((_, c) => minimumWidth(t, c));
  const needed = min.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (needed >= TEXT_WIDTH) {
    // Too many wide columns for the page: each gets its minimum's share, and long words wrap.
    widths = min.map((m) => Math.floor((m / needed) * TEXT_WIDTH));
  } else {
    const fixed = new Set<number>();
    for (;;) {
      const spare = TEXT_WIDTH - [...fixed].reduce((a, c) => a + min[c], 0);
      const free = t.columns.reduce((a, col, c) => (fixed.has(c) ? a : a + col.width), 0);
      widths = t.columns.map((col, c) => (fixed.has(c) ? min[c] : Math.floor((col.width / free) * spare)));
      const short = widths.map((_, c) => c).filter((c) => !fixed.has(c) && widths[c] < min[c]);
      if (!short.length) break;
      for (const c of short) fixed.add(c);
      if (fixed.size === n) {
        widths = [...min];
        break;
      }
    }
  }
  widths[n - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Renders `t`: a header row repeated on every page, then the rows, bold where the model says. */
export function reportTable(D: Docx, t: ReportTable): Table {
  const widths = columnWidths(t);
  const border = { style: D.BorderStyle.SINGLE, size: 4, color: "000000" };
  const cell = (v: ReportCell, c: number, bold: boolean, align: "left" | "center" | "right") =>
    new D.TableCell({
      width: { size: widths[c], type: D.WidthType.DXA },
      verticalAlign: D.VerticalAlignTable.CENTER,
      margins: { left: 57, right: 57, top: 20, bottom: 20 },
      children: [line(D, cellText(v), { size: SIZE.table, bold, align })],
    });
  const header = new D.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((col, c) => cell(col.header, c, true, "center")),
  });
  const rows = t.rows.map(
    (row, i) =>
      new D.TableRow({
        cantSplit: true,
        children: row.map((v, c) =>
          cell(
            v,
            c,
            t.boldRows.includes(i),
            typeof v === "number" && t.columns[c].align !== "center" ? "right" : t.columns[c].align,
          ),
        ),
      }),
  );
  return new D.Table({
    width: { size: TEXT_WIDTH, type: D.WidthType.DXA },
    columnWidths: widths,
    layout: D.TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [header, ...rows],
  });
}
