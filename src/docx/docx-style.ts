/** Page geometry, fonts and paragraph spacing of the Word report, per Nghị định 30/2020 Phụ lục I. */

/** Twentieths of a point (twips) per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded. */
export const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);

/** A4 portrait, in twips (210 × 297 mm). */
export const PAGE = { width: 11906, height: 16838 } as const;

/** Margins in twips: top and bottom 20 mm, left 30 mm, right 15 mm; the page number sits 10 mm from the top. */
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) };

/** The width text may take, in twips. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** The one font of the document. */
export const FONT = "Times New Roman";

/**
 * Font sizes in points, within the decree's ranges: the parent body and Quốc hiệu at 12 (12–13)
 * so each stays on one line of its column, the issuer and "Số:" at 13, the motto, the date and
 * the body at 14 (13–14), tables at 12, Nơi nhận at 12 and its items at 11.
 */
export const SIZE = {
  body: 14,
  table: 12,
  header: 13,
  headerSmall: 12,
  recipients: 11,
  recipientsHeading: 12,
} as const;

/** Half-points, the unit of run sizes in WordprocessingML. */
export const halfPoints = (pt: number): number => pt * 2;

/** First-line indent of body paragraphs: 1 cm. */
export const FIRST_LINE = mm(10);

/** Body spacing: 6 pt after each paragraph, line spacing 1.15 (240 = single). */
export const BODY_SPACING = { before: 0, after: 120, line: 276 } as const;

/** Spacing inside tables and blocks: none between paragraphs, single lines. */
export const TIGHT_SPACING = { before: 0, after: 0, line: 240 } as const;

/**
 * Widths of the two columns shared by the header block and the signing block: 40 % / 60 %, so
 * "UBND THÀNH PHỐ HẢI PHÒNG" and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" each fit on one line
 * with a gap between them.
 */
export const BLOCK_COLUMNS = [Math.round(TEXT_WIDTH * 0.4), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.4)] as const;

/** Width of one character of Times New Roman in ems: capitals wide, digits half, i/l/t and punctuation narrow. */
function charEms(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[.,:;'!|/()\-\s]/.test(ch)) return 0.28;
  if (/[Iijlft]/.test(ch)) return 0.3;
  if (/[mwMW]/.test(ch)) return 0.85;
  if (/\p{Lu}|&/u.test(ch)) return 0.7;
  return 0.47;
}

/**
 * Estimated width in twips of `text` in Times New Roman at `pt` points (bold about 6 % wider):
 * what short rules under headings and table columns are sized from.
 */
export function textWidth(text: string, pt: number, bold = false): number {
  let ems = 0;
  for (const ch of text) ems += charEms(ch);
  return Math.round(ems * pt * 20 * (bold ? 1.06 : 1));
}
