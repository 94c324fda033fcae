/** Expands --input values (files, folders, glob patterns) into .xlsx paths. */
import { statSync } from "node:fs";
import fg from "fast-glob";
import { AppError } from "../core/model/problem.js";

/**
 * Spreadsheet files a folder may hold. Old .xls and macro .xlsm files are taken too, so the
 * reader reports them by name (an .xls must be saved as .xlsx) instead of skipping them silently.
 */
const SHEET_FILE = /\.(xlsx|xlsm|xls|ods)$/i;
/** Lock files Excel ("~$a.xlsx") and LibreOffice (".~lock.a.ods#") leave beside an open file. */
const LOCK_FILE = /(^|[\\/])(~\$|\.~lock\.)[^\\/]*$/;

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
      files = await fg("**/*.{xlsx,xlsm,xls,ods}", { cwd: inp, absolute: true, caseSensitiveMatch: false });
    else if (st?.isFile()) files = [inp];
    else if (fg.isDynamicPattern(inp)) files = await fg(inp, { absolute: true, caseSensitiveMatch: false });
    else
      throw new AppError("input.not-found", `Không tìm thấy "${inp}".`, ["Kiểm tra lại đường dẫn tệp hoặc thư mục."]);
    const xlsx = files.filter((f) => SHEET_FILE.test(f) && !LOCK_FILE.test(f));
    if (!xlsx.length && st?.isDirectory())
      throw new AppError("input.empty-folder", `Thư mục "${inp}" không có tệp .xlsx hay .ods nào.`, [
        "Chép các tệp báo cáo của đơn vị (.xlsx) vào thư mục rồi chạy lại.",
      ]);
    if (!xlsx.length)
      throw new AppError("input.no-match", `Không có tệp .xlsx hay .ods nào khớp "${inp}".`, [
        "Tệp số liệu của đơn vị là tệp Excel .xlsx hoặc LibreOffice .ods; kiểm tra lại tên tệp hoặc mẫu tên tệp.",
      ]);
    xlsx.forEach((f) => out.add(f));
  }
  return [...out].sort();
}

/**
 * The files inside input folders that are not read, each with why, so that no file a unit sent
 * is passed over without a line saying so.
 */
export async function ignoredFiles(inputs: readonly string[]): Promise<{ file: string; reason: string }[]> {
  const out: { file: string; reason: string }[] = [];
  for (const inp of inputs) {
    let dir = false;
    try {
      dir = statSync(inp).isDirectory();
    } catch {
      dir = false;
    }
    if (!dir) continue;
    for (const f of await fg("**/*", { cwd: inp, absolute: true, dot: true })) {
      if (SHEET_FILE.test(f) && !LOCK_FILE.test(f)) continue;
      out.push({
        file: f,
        reason: LOCK_FILE.test(f)
          ? "tệp khóa tạm của Excel/LibreOffice (tệp gốc đang được mở); không phải số liệu."
          : /\.csv$/i.test(f)
            ? "tệp .csv không giữ được mã cột và dấu nhận biết kỳ; hãy gửi tệp .xlsx hoặc .ods."
            : "không phải tệp bảng tính (.xlsx, .ods) nên không được đọc.",
      });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
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
