/** Checks an output path before any work: right extension, not a folder, not locked by Excel. */
import { closeSync, existsSync, openSync, statSync } from "node:fs";
import { extname } from "node:path";
import { AppError } from "../core/model/problem.js";

/** Which program the extension is for, in the refusal's words. */
const OPENED_BY: Record<string, string> = { ".xlsx": " để Excel mở được", ".docx": " để Word mở được", ".json": "" };

/**
 * Refuses, before reading anything, an output the command could not write or Excel could not
 * open: a folder, another extension than `ext`, an existing file that cannot be opened for
 * writing (open in Excel on Windows, read-only). File-system errors propagate to the caller,
 * which shows them in Vietnamese.
 * @throws AppError "cli.out-folder" or "cli.out-extension"
 */
export function checkOutputPath(
  file: string,
  ext: ".xlsx" | ".docx" | ".json",
  option: string,
  example = ext === ".json" ? "ket-qua" : "bao-cao",
): void {
  const isDir = /[\\/]$/.test(file) || (existsSync(file) && statSync(file).isDirectory());
  if (isDir) {
    const dir = file.replace(/[\\/]+$/, "");
    throw new AppError("cli.out-folder", `${option} "${file}" là một thư mục; cần tên tệp ${ext}.`, [
      `Ví dụ: ${option} ${dir ? `${dir}/` : ""}${example}${ext}`,
    ]);
  }
  if (extname(file).toLowerCase() !== ext) {
    const fixed = `${file.slice(0, file.length - extname(file).length)}${ext}`;
    throw new AppError("cli.out-extension", `${option} "${file}": tệp phải có đuôi ${ext}${OPENED_BY[ext]}.`, [
      `Ví dụ: ${option} ${fixed}`,
    ]);
  }
  // Opening without truncating finds a file locked by Excel (EBUSY) or read-only (EACCES/EPERM) now, not after the work.
  if (existsSync(file)) closeSync(openSync(file, "r+"));
}
