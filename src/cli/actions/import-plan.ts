/** `tong-hop import-plan`: reads a plan (.docx, .pdf or .txt) and writes a draft template plus its review list. */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { importPlan, type ImportPlanResult } from "../../core/import-plan/import-plan.js";
import { AppError } from "../../core/model/problem.js";
import { formatReview } from "../../core/import-plan/review.js";
import { templateInputSchema } from "../../core/model/template-schema.js";
import { checkOutputPath } from "../output-path.js";
import { readPlanText } from "../plan-input/read-plan-file.js";

export { readPlanText } from "../plan-input/read-plan-file.js";

/** Options of the import-plan command. */
export interface ImportPlanCommandOptions {
  /** Where to write the template; default `sheets-templates/<code>.json`. */
  out?: string;
  /** Where to also write the review list (.json for JSON, otherwise text). */
  review?: string;
  /** Overwrite an existing template file. */
  force?: boolean;
}

/** Imports a plan's text, or says in one Vietnamese line that the file is not a plan. */
function importOrRefuse(text: string, file: string): ImportPlanResult {
  const notAPlan = new AppError(
    "plan.not-a-plan",
    `Tệp ${file} không phải văn bản kế hoạch: không thấy tên Kế hoạch/Chương trình và không có nhiệm vụ đánh số hay bảng nhiệm vụ.`,
  );
  let result: ImportPlanResult;
  try {
    result = importPlan(text, { defaultYear: new Date().getFullYear() });
  } catch {
    throw notAPlan;
  }
  const named = /k[ếe]\s*ho[ạa]ch|chương\s*trình|đề\s*án|phương\s*án/iu.test(text);
  // Without a plan's name, lines that are not numbered items or table rows do not make a plan.
  if (!named && result.tasks.every((t) => t.synthesized)) throw notAPlan;
  return result;
}

/**
 * Imports a plan into a draft template: writes the template JSON (2-space indent), prints the
 * review list in Vietnamese and, with `review`, writes it to a file too.
 * @throws AppError with a Vietnamese message when the file cannot be read or the output exists.
 */
export async function importPlanCommand(file: string, opts: ImportPlanCommandOptions = {}): Promise<ImportPlanResult> {
  const text = await readPlanText(file);
  const result = importOrRefuse(text, file);
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
