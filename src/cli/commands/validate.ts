/** `tong-hop validate`: lists every data problem in the given files; exit 1 if any error. */
import { compileRows } from "../../core/compile.js";
import { collectFiles, collectSheets } from "../collect-files.js";
import { expandInputs } from "../expand-inputs.js";
import { loadSources, planSources, type SheetSourceOptions } from "../google/sheet-sources.js";
import { resolveAsOf } from "../as-of.js";
import { EXIT } from "../run-command.js";

/** Options of the validate command. */
export interface ValidateOptions extends SheetSourceOptions {
  input: string[];
  asOf?: string;
}

/** Prints problems grouped by unit. */
export async function validateCommand(o: ValidateOptions): Promise<number> {
  const planned = planSources(o);
  const files = await expandInputs(o.input);
  const { template: t, period: p, live } = await loadSources(o, planned);
  const c = await collectFiles(t, p.id, files);
  await collectSheets(t, p.id, live, c);
  const r = compileRows({ template: t, periodId: p.id, rows: c.rows, asOf: resolveAsOf(o.asOf), problems: c.problems });
  const errors = r.problems.filter((x) => x.severity === "error");
  for (const x of r.problems) {
    const who = x.unitName ? `${x.unitName} (${x.unitCode})` : x.unitCode ?? x.source ?? "";
    const col = x.column ? ` — cột "${x.column}"` : "";
    const val = x.value ? ` — giá trị "${x.value}"` : "";
    process.stdout.write(`[${x.severity === "error" ? "Lỗi" : "Lưu ý"}] ${who}${col}${val}${x.row ? ` (dòng ${x.row})` : ""}\n    ${x.message}\n    Cách sửa: ${x.fix}\n`);
  }
  process.stdout.write(`\n${p.label}: ${c.rows.length} dòng số liệu từ ${[files.length || !live.length ? `${files.length} tệp` : "", live.length ? `${live.length} bảng tính Google` : ""].filter(Boolean).join(" và ")}; ${errors.length} lỗi, ${r.problems.length - errors.length} lưu ý.\n`);
  return errors.length ? EXIT.problems : 0;
}
