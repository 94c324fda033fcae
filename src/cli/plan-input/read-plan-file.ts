/** Reads a plan file (.docx, .pdf, .txt) into text for import-plan, with one Vietnamese line for each way it can fail. */
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { docxHtmlToText } from "../../core/import-plan/docx-html.js";
import { AppError } from "../../core/model/problem.js";
import { pdfText } from "./pdf-text.js";

/** The signature of an OLE compound file: what Word writes for an encrypted .docx (and for old .doc). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

async function docxText(bytes: Uint8Array, file: string): Promise<string> {
  if (startsWith(bytes, OLE_MAGIC))
    throw new AppError(
      "plan.docx-password",
      `Tệp Word ${file} có mật khẩu (hoặc là Word đời cũ đổi tên): hãy mở bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại dưới dạng .docx.`,
    );
  const mammoth = (await import("mammoth")).default;
  try {
    if (!startsWith(bytes, ZIP_MAGIC)) throw new Error("not a zip");
    const html = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return docxHtmlToText(html.value);
  } catch {
    // The library's reason is English and technical ("Can't find end of central directory"): not shown.
    throw new AppError(
      "plan.unreadable",
      `Không đọc được tệp Word ${file}: tệp không phải .docx hợp lệ hoặc đã bị hỏng. Hãy mở bằng Word rồi lưu lại dưới dạng .docx, hoặc chép nội dung ra tệp .txt.`,
    );
  }
}

function plainText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new AppError(
      "plan.unreadable",
      `Không đọc được tệp ${file}: tệp không phải văn bản chữ Unicode (UTF-8). Hãy lưu lại dưới dạng .txt mã UTF-8, hoặc dùng bản .docx.`,
    );
  }
}

/**
 * Reads the text of a plan: a Word .docx (paragraphs, lists and tables, task tables as
 * tab-separated rows), a PDF with a text layer, or UTF-8 text (.txt, .md).
 * @throws AppError with one Vietnamese line: not found, a folder, an old .doc, a password,
 * a damaged file, a scanned PDF, an unsupported type, or no text at all.
 */
export async function readPlanText(file: string): Promise<string> {
  if (!existsSync(file))
    throw new AppError(
      "plan.not-found",
      `Không tìm thấy tệp kế hoạch ${file}: kiểm tra lại đường dẫn (đường dẫn có dấu cách cần đặt trong ngoặc kép).`,
    );
  if (statSync(file).isDirectory())
    throw new AppError("plan.is-folder", `${file} là một thư mục; cần một tệp kế hoạch .docx, .pdf hoặc .txt.`);
  const ext = extname(file).toLowerCase();
  const bytes = new Uint8Array(await readFile(file));
  let text: string;
  if (ext === ".docx") text = await docxText(bytes, file);
  else if (ext === ".pdf" || startsWith(bytes, PDF_MAGIC)) text = await pdfText(bytes, file);
  else if (ext === ".txt" || ext === ".md" || ext === "") text = plainText(bytes, file);
  else if (ext === ".doc")
    throw new AppError(
      "plan.old-word",
      `Tệp ${file} là Word đời cũ (.doc): hãy mở bằng Word và lưu lại dưới dạng .docx.`,
    );
  else
    throw new AppError(
      "plan.unsupported",
      `Chỉ đọc được kế hoạch dạng .docx, .pdf hoặc .txt, không đọc được tệp ${file}.`,
    );
  if (!text.trim()) throw new AppError("plan.empty", `Tệp kế hoạch ${file} không có nội dung chữ.`);
  return text;
}
