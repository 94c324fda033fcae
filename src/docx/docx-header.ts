/** The header block of the Word report: a borderless two-column table (issuer | Quốc hiệu), then BÁO CÁO and the trích yếu. */
import type { Paragraph, Table } from "docx";
import type { ReportModel } from "../core/report/report-model.js";
import type { Docx } from "./load-docx.js";
import { line, rule } from "./docx-paragraphs.js";
import { BLOCK_COLUMNS, SIZE, TEXT_WIDTH, textWidth } from "./docx-style.js";

/** A borderless table of the two block columns; `cells` are [left, right] per row. */
export function blockTable(D: Docx, rows: [Paragraph[], Paragraph[]][]): Table {
  return new D.Table({
    width: { size: TEXT_WIDTH, type: D.WidthType.DXA },
    columnWidths: [...BLOCK_COLUMNS],
    layout: D.TableLayoutType.FIXED,
    borders: D.TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new D.TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new D.TableCell({
                width: { size: BLOCK_COLUMNS[i], type: D.WidthType.DXA },
                margins: { left: 0, right: 0, top: 0, bottom: 0 },
                children,
              }),
          ),
        }),
    ),
  });
}

/**
 * The header table: parent body (upper case, 12 pt), issuer (bold, a rule a third of its length
 * under it) and "Số:" on the left; Quốc hiệu (bold, 12 pt), Tiêu ngữ (bold, a rule its full length)
 * and the place and date (italics, day and month blank) on the right. Số and the date share
 * the second row, so they sit on one line as on a printed document.
 */
export function headerTable(D: Docx, m: ReportModel): Table {
  const [left, right] = BLOCK_COLUMNS;
  const h = m.header;
  return blockTable(D, [
    [
      [
        line(D, h.parent, { size: SIZE.headerSmall }),
        line(D, h.issuer, { size: SIZE.header, bold: true }),
        rule(D, textWidth(h.issuer, SIZE.header, true) / 3, left),
      ],
      [
        line(D, h.nation, { size: SIZE.headerSmall, bold: true }),
        line(D, h.motto, { size: SIZE.body, bold: true }),
        rule(D, textWidth(h.motto, SIZE.body, true), right),
      ],
    ],
    [
      [line(D, h.number, { size: SIZE.header, spacing: { before: 120, after: 0 } })],
      [line(D, h.placeDateToFill, { size: SIZE.body, italics: true, spacing: { before: 120, after: 0 } })],
    ],
  ]);
}

/** BÁO CÁO, the trích yếu and a short rule under it. */
export function titleBlock(D: Docx, m: ReportModel): Paragraph[] {
  return [
    line(D, m.title, { bold: true, spacing: { before: 360, after: 0 }, keepNext: true }),
    line(D, m.subject, { bold: true, keepNext: true }),
    rule(D, Math.min(textWidth(m.subject, SIZE.body, true), TEXT_WIDTH) / 3, TEXT_WIDTH),
    line(D, "", { spacing: { before: 0, after: 120 } }),
  ];
}
