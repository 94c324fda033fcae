/** Reads the text layer of a PDF with unpdf (PDF.js), loaded only when a PDF is given. */
import { layoutPdfPages, type PdfItem } from "../../core/import-plan/pdf-layout.js";
import { AppError } from "../../core/model/problem.js";

/** Fewer letters than this on an average page means there is no text layer to read (a scan). */
const MIN_LETTERS_PER_PAGE = 40;

function isPasswordError(e: unknown): boolean {
  return (e as { name?: string })?.name === "PasswordException" || /password/i.test(String((e as Error)?.message));
}

/**
 * The text of every page, pages separated by a blank line.
 * @throws AppError "plan.pdf-password", "plan.unreadable" or "plan.scanned-pdf" (one Vietnamese line each).
 */
export async function pdfText(bytes: Uint8Array, file: string): Promise<string> {
  let pages: PdfItem[][];
  try {
    pages = await pageItems(bytes);
  } catch (e) {
    if (isPasswordError(e))
      throw new AppError(
        "plan.pdf-password",
        `Tệp PDF ${file} có mật khẩu: hãy mở bằng mật khẩu rồi in ra PDF không mật khẩu, hoặc dùng bản .docx của kế hoạch.`,
      );
    throw new AppError(
      "plan.unreadable",
      `Không đọc được tệp PDF ${file}: tệp hỏng hoặc không phải PDF. Hãy tải lại tệp, hoặc dùng bản .docx của kế hoạch.`,
    );
  }
  const letters = pages
    .flat()
    .map((i) => i.str)
    .join("")
    .replace(/[^\p{L}]/gu, "").length;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length))
    throw new AppError(
      "plan.scanned-pdf",
      `Tệp PDF ${file} là bản quét (ảnh), không có lớp chữ để đọc: hãy dùng bản .docx của kế hoạch, hoặc nhận dạng chữ (OCR) rồi lưu thành PDF có chữ.`,
    );
  return layoutPdfPages(pages);
}

/** Every page's text pieces with their position, as PDF.js reads them. */
async function pageItems(bytes: Uint8Array): Promise<PdfItem[][]> {
  const { getDocumentProxy } = await import("unpdf");
  // verbosity 0: PDF.js would print its own English warnings about a damaged file.
  const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  const pages: PdfItem[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items.flatMap((it) =>
        "str" in it
          ? [{ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: it.height, eol: it.hasEOL }]
          : [],
      ),
    );
  }
  return pages;
}
