/** Expands --input values (files, folders, glob patterns) into .xlsx paths. */
import { statSync } from "node:fs";
import fg from "fast-glob";
import { AppError } from "../core/model/problem.js";

/**
 * Spreadsheet files a folder may hold. Old .xls and macro .xlsm files are taken too, so the
 * reader reports them by name (an .xls must be saved as .xlsx) instead of skipping them silently.
 */
const SHEET_FILE = /\.(xlsx|xlsm|xls)$/i;

/** Every spreadsheet file named by `inputs`, sorted, without Excel's "~$" lock files. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const inp of inputs) {
    let files: string[];
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(inp);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory())
      files = await fg("**/*.{xlsx,xlsm,xls}", { cwd: inp, absolute: true, caseSensitiveMatch: false });
    else if (st?.isFile()) files = [inp];
    else if (fg.isDynamicPattern(inp)) files = await fg(inp, { absolute: true, caseSensitiveMatch: false });
    else
      throw new AppError("input.not-found", `Không tìm thấy "${inp}".`, ["Kiểm tra lại đường dẫn tệp hoặc thư mục."]);
    const xlsx = files.filter((f) => SHEET_FILE.test(f) && !/(^|[\\/])~\$/.test(f));
    if (!xlsx.length && st?.isDirectory())
      throw new AppError("input.empty-folder", `Thư mục "${inp}" không có tệp .xlsx nào.`, [
        "Chép các tệp báo cáo của đơn vị (.xlsx) vào thư mục rồi chạy lại.",
      ]);
    if (!xlsx.length)
      throw new AppError("input.no-match", `Không có tệp .xlsx nào khớp "${inp}".`, [
        "Tệp số liệu của đơn vị là tệp Excel .xlsx; kiểm tra lại tên tệp hoặc mẫu tên tệp.",
      ]);
    xlsx.forEach((f) => out.add(f));
  }
  return [...out].sort();
}

/** Like {@link expandInputs} but for compiled results: .json and .xlsx files. */
export async function expandResultInputs(inputs: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const inp of inputs) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(inp);
    } catch {
      st = undefined;
    }
    const files = st?.isDirectory()
      ? await fg("**/*.{json,xlsx}", { cwd: inp, absolute: true })
      : st?.isFile()
        ? [inp]
        : await fg(inp, { absolute: true });
    const ok = files.filter((f) => /\.(json|xlsx)$/i.test(f) && !/(^|[\\/])~\$/.test(f));
    if (!ok.length) throw new AppError("input.no-match", `Không có tệp kết quả (.json hoặc .xlsx) nào ở "${inp}".`);
    ok.forEach((f) => out.add(f));
  }
  return [...out].sort();
}
