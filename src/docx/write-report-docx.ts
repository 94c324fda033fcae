/** Builds the Word (.docx) Báo cáo from the report model: the document UBND receives, its figures attached in Excel. */
import type { FileChild } from "docx";
import type { ReportModel } from "../core/report/report-model.js";
import { headerTable, titleBlock } from "./docx-header.js";
import { bodyParagraph, line } from "./docx-paragraphs.js";
import { signingTable } from "./docx-signing.js";
import { BODY_SPACING, FONT, halfPoints, MARGIN, PAGE, SIZE } from "./docx-style.js";
import { reportTable } from "./docx-table.js";
import { type Docx, loadDocx } from "./load-docx.js";

/** The body: opening, sections I–V with their tables, closing. */
function body(D: Docx, m: ReportModel): FileChild[] {
  const out: FileChild[] = [bodyParagraph(D, m.intro)];
  for (const s of m.sections) {
    out.push(bodyParagraph(D, s.heading, { bold: true, keepNext: true }));
    out.push(...s.paragraphs.map((p) => bodyParagraph(D, p)));
    if (s.table) {
      out.push(reportTable(D, s.table));
      // Space between the table and the text that follows.
      out.push(line(D, "", { size: 6 }));
    }
    out.push(...s.after.map((p) => bodyParagraph(D, p)));
  }
  out.push(bodyParagraph(D, m.closing));
  return out;
}

/** The page number, centred in the top margin (the first page has its own, empty, header). */
function pageNumberHeader(D: Docx) {
  return new D.Header({
    children: [
      new D.Paragraph({
        alignment: "center",
        children: [new D.TextRun({ children: [D.PageNumber.CURRENT], font: FONT, size: halfPoints(SIZE.body) })],
      }),
    ],
  });
}

/** Renders `model` to a .docx file's bytes. */
export async function writeReportDocx(model: ReportModel): Promise<Uint8Array> {
  const D = await loadDocx();
  const doc = new D.Document({
    creator: "Tổng hợp báo cáo",
    title: `${model.title} ${model.subject}`,
    styles: {
      default: {
        document: {
          // Vietnamese, so Word checks the spelling in Vietnamese rather than flagging every word.
          run: { font: FONT, size: halfPoints(SIZE.body), language: { value: "vi-VN" } },
          // Each paragraph sets its own alignment and indent; the default keeps table cells unindented.
          paragraph: { spacing: BODY_SPACING },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: D.PageOrientation.PORTRAIT },
            margin: { ...MARGIN, gutter: 0 },
          },
        },
        headers: { default: pageNumberHeader(D), first: new D.Header({ children: [new D.Paragraph({})] }) },
        children: [
          headerTable(D, model),
          ...titleBlock(D, model),
          ...body(D, model),
          line(D, ""),
          signingTable(D, model),
        ],
      },
    ],
  });
  const buf = await D.Packer.toArrayBuffer(doc);
  return new Uint8Array(buf);
}
