/** `tong-hop validate`: lists every data problem in the given files; exit 1 if any error. */
import { compileRows } from "../../core/compile/compile.js";
import { collectFiles, collectSheets, withoutSource } from "../collect-files.js";
import { basename } from "node:path";
import { expandInputs, ignoredFiles } from "../expand-inputs.js";
import { loadSources, planSources, type SheetSourceOptions } from "../google/sheet-sources.js";
import { resolveAsOf } from "../as-of.js";
import { EXIT } from "../run-command.js";
import { AppError } from "../../core/model/problem.js";

/** Options of the validate command. */
export interface ValidateOptions extends SheetSourceOptions {
  input: string[];
  asOf?: string;
}

/** Prints problems grouped by unit. */
export async function validateCommand(o: ValidateOptions): Promise<number> {
  if (!o.input.length && !o.sheet?.length)
    throw new AppError("cli.no-input", "Chưa chọn số liệu cần kiểm tra.", [
      "Thêm --input <tệp .xlsx | thư mục | mẫu *.xlsx> và/hoặc --sheet <bảng tính Google>.",
    ]);
  const asOf = resolveAsOf(o.asOf);
  const planned = planSources(o);
  const files = await expandInputs(o.input);
  const { template: t, period: p, live } = await loadSources(o, planned);
  const c = await collectFiles(t, p.id, files);
  await collectSheets(t, p.id, live, c);
  const r = compileRows({ template: t, periodId: p.id, rows: c.rows, asOf, problems: c.problems });
  const errors = r.problems.filter((x) => x.severity === "error");
  for (const x of await ignoredFiles(o.input)) process.stdout.write(`Bỏ qua ${basename(x.file)}: ${x.reason}\n`);
  for (const x of r.problems) {
    const who = x.unitName ? `${x.unitName} (${x.unitCode})` : (x.unitCode ?? x.source ?? "");
    const col = x.column ? ` — cột "${x.column}"` : "";
    // A refused file carries its own name as the value: say it once.
    const val = x.value && x.value !== who ? ` — giá trị "${x.value}"` : "";
    const stripped = x.source ? withoutSource(x.message, x.source) : x.message;
    const message = stripped.charAt(0).toUpperCase() + stripped.slice(1);
    process.stdout.write(
      `[${x.severity === "error" ? "Lỗi" : "Lưu ý"}] ${who}${col}${val}${x.row ? ` (dòng ${x.row})` : ""}\n    ${message}\n    Cách sửa: ${x.fix}\n`,
    );
  }
  process.stdout.write(
    `\n${p.label}: ${c.rows.length} dòng số liệu từ ${[files.length || !live.length ? `${files.length} tệp` : "", live.length ? `${live.length} bảng tính Google` : ""].filter(Boolean).join(" và ")}; ${errors.length} lỗi, ${r.problems.length - errors.length} lưu ý.\n`,
  );
  return errors.length ? EXIT.problems : 0;
}
