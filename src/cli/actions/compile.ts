/** `tong-hop compile`: compiles the units' files into the report for UBND. */
// Before anything writes a workbook: keeps emoji whole in the XML parts exceljs hands JSZip.
import "../../excel/write/zip-text-fix.js";
import { basename, resolve } from "node:path";
import { collectFiles, collectSheets, withoutSource } from "../collect-files.js";
import { runCompileJob } from "../compile-job.js";
import { expandInputs, ignoredFiles } from "../expand-inputs.js";
import { loadSources, planSources, type SheetSourceOptions } from "../google/sheet-sources.js";
import { resolveAsOf } from "../as-of.js";
import { checkOutputPath } from "../output-path.js";
import { checkDocxOption, docxLine } from "../docx-output.js";
import { progressBar } from "../progress.js";
import { isReportFile } from "../report-file.js";
import { summarize } from "../summary.js";
import { AppError } from "../../core/model/problem.js";

/** Options of the compile command. */
export interface CompileOptions extends SheetSourceOptions {
  input: string[];
  out?: string;
  docx?: string;
  json?: string;
  asOf?: string;
  includeDrafts?: boolean;
  quiet?: boolean;
}

/**
 * The input files without the report about to be written: a previous report at the --out path
 * (inside an input folder) is replaced, never read as data; a unit's file there is refused.
 * @throws AppError "cli.out-is-input" when --out would overwrite a data file.
 */
export async function withoutOutput(files: string[], out: string | undefined): Promise<string[]> {
  if (!out) return files;
  const target = resolve(out);
  const same = files.filter((f) => resolve(f) === target);
  if (!same.length) return files;
  if (!(await isReportFile(target))) {
    throw new AppError(
      "cli.out-is-input",
      `Tệp --out "${out}" cũng là một tệp số liệu đầu vào; ghi báo cáo vào đó sẽ xóa mất số liệu của đơn vị.`,
      ["Chọn tên khác cho --out, tốt nhất ở ngoài thư mục số liệu, ví dụ --out bao-cao.xlsx."],
    );
  }
  return files.filter((f) => resolve(f) !== target);
}

/** Reads, compiles, writes; prints a summary. */
export async function compileCommand(o: CompileOptions): Promise<number> {
  if (!o.input.length && !o.sheet?.length)
    throw new AppError("cli.no-input", "Chưa chọn nguồn số liệu.", [
      "Thêm --input <tệp .xlsx | thư mục | mẫu *.xlsx> và/hoặc --sheet <bảng tính Google>.",
    ]);
  if (!o.out && !o.json && !o.docx)
    throw new AppError("cli.no-output", "Chưa chọn nơi ghi kết quả.", [
      "Thêm --out bao-cao.xlsx, --docx bao-cao.docx và/hoặc --json ket-qua.json.",
    ]);
  // Everything that can be refused is refused before reading a single file.
  const asOf = resolveAsOf(o.asOf);
  if (o.out) checkOutputPath(o.out, ".xlsx", "--out");
  checkDocxOption(o.docx);
  if (o.json && o.json !== "-") checkOutputPath(o.json, ".json", "--json");
  const planned = planSources(o);
  const files = await withoutOutput(await expandInputs(o.input), o.out);
  const { template: t, period: p, live } = await loadSources(o, planned);
  const quiet = o.quiet || o.json === "-";
  const bar = progressBar(files.length, !quiet);
  const c = await collectFiles(t, p.id, files, bar.tick);
  bar.stop();
  await collectSheets(t, p.id, live, c);
  const r = await runCompileJob({
    template: t,
    periodId: p.id,
    asOf,
    rows: c.rows,
    problems: c.problems,
    out: o.out,
    docx: o.docx,
    json: o.json,
    includeDrafts: o.includeDrafts,
  });
  if (!quiet) {
    for (const x of await ignoredFiles(o.input)) process.stdout.write(`Bỏ qua ${basename(x.file)}: ${x.reason}\n`);
    for (const x of c.outcomes.filter((s) => !s.ok))
      process.stdout.write(`Bỏ qua ${x.source}: ${withoutSource(x.reason ?? "", x.source)}\n`);
    process.stdout.write(`${summarize(t, r).join("\n")}\n`);
    if (o.out) process.stdout.write(`Báo cáo: ${o.out}\n`);
    if (o.docx) process.stdout.write(docxLine(o.docx));
    if (o.json) process.stdout.write(`Kết quả JSON: ${o.json}\n`);
  }
  return 0;
}
