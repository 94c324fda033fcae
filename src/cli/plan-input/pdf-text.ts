/** Reads the text layer of a PDF with unpdf (PDF.js), loaded only when a PDF is given. */
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
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pages: string[];
  try {
    // verbosity 0: PDF.js would print its own English warnings about a damaged file.
    const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
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
  const letters = pages.join("").replace(/[^\p{L}]/gu, "").length;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length))
    throw new AppError(
      "plan.scanned-pdf",
      `Tệp PDF ${file} là bản quét (ảnh), không có lớp chữ để đọc: hãy dùng bản .docx của kế hoạch, hoặc nhận dạng chữ (OCR) rồi lưu thành PDF có chữ.`,
    );
  return pages.join("\n\n");
}
