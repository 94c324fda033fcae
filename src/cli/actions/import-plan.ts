/** `tong-hop import-plan`: reads a plan (.txt or .docx) and writes a draft template plus its review list. */
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import mammoth from "mammoth";
import { importPlan, type ImportPlanResult } from "../../core/import-plan/import-plan.js";
import { AppError } from "../../core/model/problem.js";
import { formatReview } from "../../core/import-plan/review.js";
import { templateInputSchema } from "../../core/model/template-schema.js";
import { checkOutputPath } from "../output-path.js";

/** Options of the import-plan command. */
export interface ImportPlanCommandOptions {
  /** Where to write the template; default `sheets-templates/<code>.json`. */
  out?: string;
  /** Where to also write the review list (.json for JSON, otherwise text). */
  review?: string;
  /** Overwrite an existing template file. */
  force?: boolean;
}

/** Reads the text of a plan file: UTF-8 for .txt/.md, the raw text of a Word .docx. */
export async function readPlanText(file: string): Promise<string> {
  if (!existsSync(file))
    throw new AppError("plan.not-found", `Không tìm thấy tệp kế hoạch: ${file}`, [
      "Kiểm tra lại đường dẫn; đường dẫn có dấu cách cần đặt trong ngoặc kép.",
    ]);
  if (statSync(file).isDirectory())
    throw new AppError("plan.is-folder", `${file} là một thư mục; cần một tệp kế hoạch .docx hoặc .txt.`);
  const ext = extname(file).toLowerCase();
  let text: string;
  if (ext === ".docx") {
    try {
      text = (await mammoth.extractRawText({ path: file })).value;
    } catch {
      // The library's reason is English and technical ("Can't find end of central directory"): not shown.
      throw new AppError(
        "plan.unreadable",
        `Không đọc được tệp Word ${file}: tệp không phải .docx hợp lệ hoặc đã bị hỏng. Hãy mở bằng Word rồi lưu lại dưới dạng .docx (Word 2007 trở lên), hoặc chép nội dung ra tệp .txt.`,
      );
    }
  } else if (ext === ".txt" || ext === ".md" || ext === "") {
    text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } else if (ext === ".doc") {
    throw new AppError(
      "plan.old-word",
      `Tệp ${file} là Word đời cũ (.doc): hãy mở bằng Word và lưu lại dưới dạng .docx.`,
    );
  } else {
    throw new AppError("plan.unsupported", `Chỉ đọc được kế hoạch dạng .txt hoặc .docx, không đọc được tệp ${file}.`);
  }
  if (!text.trim()) throw new AppError("plan.empty", `Tệp kế hoạch ${file} không có nội dung chữ.`);
  return text;
}

/**
 * Imports a plan into a draft template: writes the template JSON (2-space indent), prints the
 * review list in Vietnamese and, with `review`, writes it to a file too.
 * @throws AppError with a Vietnamese message when the file cannot be read or the output exists.
 */
export async function importPlanCommand(file: string, opts: ImportPlanCommandOptions = {}): Promise<ImportPlanResult> {
  const text = await readPlanText(file);
  const result = importPlan(text, { defaultYear: new Date().getFullYear() });
  const checked = templateInputSchema.safeParse(result.template);
  if (!checked.success) {
    throw new AppError(
      "plan.invalid-draft",
      `Mẫu tạo ra từ ${file} chưa hợp lệ (${checked.error.issues.map((i) => i.path.join(".")).join(", ")}). Đây là lỗi của chương trình: hãy gửi tệp kế hoạch cho nhóm phát triển.`,
    );
  }
  const out = opts.out ?? join("sheets-templates", `${result.template.plan.code}.json`);
  if (existsSync(out) && !opts.force) {
    throw new AppError(
      "plan.exists",
      `Tệp ${out} đã có: không ghi đè mẫu có thể đã được Văn phòng sửa. Hãy chọn tệp khác bằng --out hoặc xóa tệp cũ.`,
    );
  }
  checkOutputPath(out, ".json", "--out", "moi");
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result.template, null, 2)}\n`, "utf8");

  const codes = (result.template.tasks ?? []).map((t) => t.code);
  const reviewText = formatReview(result.review, codes);
  if (opts.review) {
    await mkdir(dirname(opts.review), { recursive: true });
    const body =
      extname(opts.review).toLowerCase() === ".json"
        ? `${JSON.stringify(result.review, null, 2)}\n`
        : `${reviewText}\n`;
    await writeFile(opts.review, body, "utf8");
  }
  process.stdout.write(`${reviewText}\n\n`);
  process.stdout.write(`Đã ghi mẫu kế hoạch (bản nháp, cần Văn phòng xem lại): ${out}\n`);
  if (opts.review) process.stdout.write(`Đã ghi danh sách cần xem lại: ${opts.review}\n`);
  return result;
}
