/** `tong-hop compile`: compiles the units' files into the report for UBND. */
import { collectFiles, collectSheets } from "../collect-files.js";
import { runCompileJob } from "../compile-job.js";
import { expandInputs } from "../expand-inputs.js";
import { loadSources, planSources, type SheetSourceOptions } from "../google/sheet-sources.js";
import { resolveAsOf } from "../as-of.js";
import { progressBar } from "../progress.js";
import { summarize } from "../summary.js";
import { AppError } from "../../core/problem.js";

/** Options of the compile command. */
export interface CompileOptions extends SheetSourceOptions {
  input: string[];
  out?: string;
  json?: string;
  asOf?: string;
  includeDrafts?: boolean;
  quiet?: boolean;
}

/** Reads, compiles, writes; prints a summary. */
export async function compileCommand(o: CompileOptions): Promise<number> {
  if (!o.input.length && !o.sheet?.length) throw new AppError("cli.no-input", "Chưa chọn nguồn số liệu.", ["Thêm --input <tệp .xlsx | thư mục | mẫu *.xlsx> và/hoặc --sheet <bảng tính Google>."]);
  if (!o.out && !o.json) throw new AppError("cli.no-output", "Chưa chọn nơi ghi kết quả.", ["Thêm --out bao-cao.xlsx và/hoặc --json ket-qua.json."]);
  const planned = planSources(o);
  const files = await expandInputs(o.input);
  const { template: t, period: p, live } = await loadSources(o, planned);
  const quiet = o.quiet || o.json === "-";
  const bar = progressBar(files.length, !quiet);
  const c = await collectFiles(t, p.id, files, bar.tick);
  bar.stop();
  await collectSheets(t, p.id, live, c);
  const r = await runCompileJob({ template: t, periodId: p.id, asOf: resolveAsOf(o.asOf), rows: c.rows, problems: c.problems, out: o.out, json: o.json, includeDrafts: o.includeDrafts });
  if (!quiet) {
    for (const x of c.outcomes.filter((s) => !s.ok)) process.stdout.write(`Bỏ qua ${x.source}: ${x.reason}\n`);
    process.stdout.write(`${summarize(t, r).join("\n")}\n`);
    if (o.out) process.stdout.write(`Báo cáo: ${o.out}\n`);
    if (o.json) process.stdout.write(`Kết quả JSON: ${o.json}\n`);
  }
  return 0;
}
