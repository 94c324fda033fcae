/** `tong-hop rollup`: compiles the results of several lower offices into one higher report. */
// Before anything writes a workbook: keeps emoji whole in the XML parts exceljs hands JSZip.
import "../../excel/write/zip-text-fix.js";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { AppError } from "../../core/model/problem.js";
import { buildReportModel } from "../../core/report/report-model.js";
import { parseResultJson, toResultJson, type ResultJson } from "../../core/compile/result-json.js";
import { rollup } from "../../core/compile/rollup.js";
import { findPeriod } from "../../core/template/template.js";
import { readEmbeddedResult } from "../../excel/read/embedded-result.js";
import { readWorkbook } from "../../excel/read/read-workbook.js";
import { applyVisibleFigures } from "../../excel/read/visible-figures.js";
import type { Template } from "../../core/model/template-schema.js";
import { writeReportXlsx } from "../../excel/write/write-report.js";
import { resolveAsOf } from "../as-of.js";
import { expandResultInputs } from "../expand-inputs.js";
import { loadTemplate } from "../load-template.js";
import { checkOutputPath } from "../output-path.js";
import { checkDocxOption, docxLine, writeDocxFile } from "../docx-output.js";
import { summarize } from "../summary.js";

/** Options of the rollup command. */
export interface RollupOptions {
  template: string;
  period: string;
  input: string[];
  out?: string;
  docx?: string;
  json?: string;
  issuer?: string;
  parent?: string;
  abbreviation?: string;
  /** The issuer's name as written inside a sentence. */
  issuerInText?: string;
  asOf?: string;
  quiet?: boolean;
}

/**
 * Reads one lower result: a --json file or a report .xlsx made by tong-hop. With `t`, a
 * report's visible Phụ lục I figures win over its embedded result where they differ.
 */
export async function readResultFile(file: string, t?: Template): Promise<ResultJson> {
  const name = basename(file);
  const bytes = await readFile(file);
  if (/\.json$/i.test(file)) {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new AppError("rollup.bad-json", `${name}: không phải tệp JSON hợp lệ.`);
    }
    return parseResultJson(json, name);
  }
  const sheets = await readWorkbook(bytes, name);
  const embedded = readEmbeddedResult(sheets);
  if (embedded === undefined)
    throw new AppError("rollup.no-result", `${name}: là tệp Excel nhưng không phải báo cáo tổng hợp do tong-hop tạo.`, [
      "Hãy dùng báo cáo .xlsx do tong-hop compile tạo, hoặc tệp --json của nó.",
    ]);
  const doc = parseResultJson(embedded, name);
  if (t) applyVisibleFigures(t, sheets, doc, name);
  return doc;
}

/** Codes of the refusals `rollup` records for an input it does not use. */
const REFUSED = new Set(["rollup.other-plan", "rollup.other-period", "rollup.duplicate-office"]);

/** Rolls up, writes the report and JSON, prints a summary. */
export async function rollupCommand(o: RollupOptions): Promise<number> {
  if (!o.input.length)
    throw new AppError("cli.no-input", "Chưa chọn kết quả của cơ quan cấp dưới.", [
      "Thêm --input <tệp .json | báo cáo .xlsx do tong-hop tạo | thư mục> cho mỗi cơ quan.",
    ]);
  if (!o.out && !o.json && !o.docx)
    throw new AppError("cli.no-output", "Chưa chọn nơi ghi kết quả.", [
      "Thêm --out bao-cao.xlsx, --docx bao-cao.docx và/hoặc --json ket-qua.json.",
    ]);
  // Only checked when given: without it the report is dated by the latest lower result.
  const asOf = o.asOf === undefined ? undefined : resolveAsOf(o.asOf);
  if (o.out) checkOutputPath(o.out, ".xlsx", "--out");
  checkDocxOption(o.docx);
  if (o.json) checkOutputPath(o.json, ".json", "--json");
  const t = loadTemplate(o.template);
  const p = findPeriod(t, o.period);
  const files = await expandResultInputs(o.input);
  const docs: { source: string; doc: ResultJson }[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    try {
      docs.push({ source: basename(f), doc: await readResultFile(f, t) });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skipped.push(e.message);
    }
  }
  if (!docs.length)
    throw new AppError("rollup.no-input", "Không có kết quả nào của cơ quan cấp dưới để tổng hợp.", skipped);
  const r = rollup(
    t,
    p.id,
    docs,
    { name: o.issuer, parent: o.parent, abbreviation: o.abbreviation, nameInText: o.issuerInText },
    asOf,
  );
  // Inputs of another plan or period, or a second copy of an office, are refused inside rollup().
  const refused = r.result.problems.filter((x) => REFUSED.has(x.code)).map((x) => x.message);
  const used = r.template.units.length;
  if (!used)
    throw new AppError(
      "rollup.nothing-used",
      "Không có kết quả nào dùng được để tổng hợp.",
      [...skipped, ...refused].map((x) => x.split("\n")[0]),
    );
  for (const s of skipped)
    r.result.problems.unshift({
      code: "rollup.skipped",
      severity: "error",
      message: s.split("\n")[0],
      fix: "Kiểm tra lại tệp rồi chạy lại.",
    });
  if (o.docx) await writeDocxFile(o.docx, buildReportModel(r.template, r.result));
  if (o.out) {
    await mkdir(dirname(o.out), { recursive: true });
    await writeFile(
      o.out,
      await writeReportXlsx(buildReportModel(r.template, r.result), { embed: toResultJson(r.template, r.result) }),
    );
  }
  if (o.json) {
    await mkdir(dirname(o.json), { recursive: true });
    await writeFile(o.json, JSON.stringify(toResultJson(r.template, r.result), null, 2));
  }
  if (!o.quiet) {
    // Each reason starts with its file name: "Bỏ qua b.json: …", as compile says it.
    [...skipped, ...refused].forEach((s) => process.stdout.write(`Bỏ qua ${s.split("\n")[0]}\n`));
    process.stdout.write(`Tổng hợp ${used} cơ quan cấp dưới.\n${summarize(r.template, r.result).join("\n")}\n`);
    if (o.out) process.stdout.write(`Báo cáo: ${o.out}\n`);
    if (o.docx) process.stdout.write(docxLine(o.docx));
    if (o.json) process.stdout.write(`Kết quả JSON: ${o.json}\n`);
  }
  return 0;
}
