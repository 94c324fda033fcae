/** Paragraph builders of the Word report: body text, centred lines and the short rules under headings. */
import type { Paragraph } from "docx";
import type { Docx } from "./load-docx.js";
import { BODY_SPACING, FIRST_LINE, FONT, halfPoints, SIZE, TIGHT_SPACING } from "./docx-style.js";

/** How one paragraph looks. */
export interface LineStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  align?: "left" | "center" | "right" | "both";
  /** First-line indent in twips. */
  firstLine?: number;
  spacing?: { before?: number; after?: number; line?: number };
  keepNext?: boolean;
}

/** One paragraph of a single run of text. */
export function line(D: Docx, text: string, s: LineStyle = {}): Paragraph {
  return new D.Paragraph({
    alignment: s.align ?? "center",
    spacing: s.spacing ?? TIGHT_SPACING,
    indent: s.firstLine ? { firstLine: s.firstLine } : undefined,
    keepNext: s.keepNext,
    children: [
      new D.TextRun({
        text,
        font: FONT,
        size: halfPoints(s.size ?? SIZE.body),
        bold: s.bold,
        italics: s.italics,
      }),
    ],
  });
}

/** A body paragraph: justified, first-line indent, 6 pt after. */
export function bodyParagraph(D: Docx, text: string, s: Pick<LineStyle, "bold" | "keepNext"> = {}): Paragraph {
  return line(D, text, { ...s, align: "both", firstLine: FIRST_LINE, spacing: BODY_SPACING });
}

/**
 * A short horizontal rule centred in a space `room` twips wide, `width` twips long: an empty
 * paragraph with a bottom border, narrowed by equal indents. It stays an editable paragraph
 * (no drawing or text box), and Word and LibreOffice both draw it.
 */
export function rule(D: Docx, width: number, room: number): Paragraph {
  const side = Math.max(0, Math.round((room - width) / 2));
  return new D.Paragraph({
    alignment: "center",
    spacing: { before: 0, after: 0, line: 240 },
    indent: { left: side, right: side },
    border: { bottom: { style: D.BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new D.TextRun({ text: "", font: FONT, size: halfPoints(2) })],
  });
}
