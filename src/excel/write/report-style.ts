/** Fonts, borders and sizes of a Nghị định 30/2020 report, shared by every report sheet. */
import type { Alignment, Borders, Cell, Font, Worksheet } from "exceljs";

/** The only font an administrative document uses. */
export const FONT_NAME = "Times New Roman";

/** A black Times New Roman font of `size` with extra properties. */
export function font(size: number, extra: Partial<Font> = {}): Partial<Font> {
  return { name: FONT_NAME, size, color: { argb: "FF000000" }, ...extra };
}

/** Thin borders on all four sides, for table cells. */
export const THIN: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Margins in inches: top/bottom 20 mm, left 30 mm, right 15 mm (Nghị định 30/2020). */
export const MARGINS = { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 };

/** Page numbers centred in the top margin, none on the first page. */
export function pageNumbers(ws: Worksheet): void {
  ws.headerFooter.differentFirst = true;
  ws.headerFooter.firstHeader = "";
  ws.headerFooter.oddHeader = `&C&"${FONT_NAME},Regular"&13&P`;
}

/**
 * Whole numbers in Vietnamese notation whatever the viewer's locale: the dots are literal
 * characters, not the locale's grouping separator (which turns "19.326" into "19,326" on an
 * English-locale computer). Checked in LibreOffice under en-US and vi-VN; up to 999.999.999.
 */
export const VN_INT_FORMAT = '[>=1000000]#"."###"."###;[>=1000]#"."###;0';

/**
 * Fractions in Vietnamese notation: the [$-42A] (vi-VN) locale tag makes LibreOffice use
 * Vietnamese separators under any locale (checked under en-US and vi-VN). Excel takes the
 * separators from the computer's settings, so there it follows the viewer (not verified here).
 */
export const VN_DEC_FORMAT = "[$-42A]#,##0.##";

/** Writes a text value; strings stay strings, so "=…" is never a formula. */
export function setText(
  cell: Cell,
  value: string | number | null,
  f: Partial<Font>,
  align: Partial<Alignment> = {},
): void {
  cell.value = value === null ? null : typeof value === "string" ? fitCell(value) : value;
  cell.font = f;
  cell.alignment = { vertical: "middle", wrapText: true, ...align };
}

/** Excel's limit on the characters of one cell; longer text makes Excel "repair" the file. */
export const EXCEL_CELL_MAX = 32767;

/** Cuts text that Excel cannot hold in one cell, saying so in Vietnamese, never splitting an emoji. */
export function fitCell(text: string): string {
  if (text.length <= EXCEL_CELL_MAX) return text;
  const note = ` … (đã cắt bớt, bản gốc ${text.length} ký tự)`;
  let cut = EXCEL_CELL_MAX - note.length;
  // A high surrogate left without its pair would write a broken character.
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  return text.slice(0, cut) + note;
}

/**
 * Height in points for `text` wrapped in a box `widthChars` wide. Excel does not auto-fit
 * merged cells, so wrapped paragraphs need their height set.
 */
export function wrappedHeight(text: string, widthChars: number, size: number): number {
  const perLine = Math.max(8, Math.floor(widthChars * (13 / size) * 0.95));
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
  // 409 pt is the tallest row Excel allows; a taller value makes it refuse the file.
  return Math.min(409, Math.max(size * 1.45, lines * size * 1.35 + 4));
}

/** An appendix's page: A4 landscape, as wide as one page, its header row repeated on every page, numbered. */
export function landscapeAppendix(ws: Worksheet, hr: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: MARGINS,
    printTitlesRow: `${hr}:${hr}`,
  };
  pageNumbers(ws);
}

/** An appendix's three title lines (label, title, subtitle), each merged across its `n` columns and centred. */
export function appendixTitles(ws: Worksheet, a: { label: string; title: string; subtitle: string }, n: number): void {
  const title = (row: number, text: string, f: Partial<Font>) => {
    ws.mergeCells(row, 1, row, n);
    setText(ws.getCell(row, 1), text, f, { horizontal: "center" });
  };
  title(1, a.label, font(14, { bold: true }));
  title(2, a.title, font(14, { bold: true }));
  title(3, a.subtitle, font(13, { italic: true }));
}
