/** The compile job shared by `compile` and `demo`: sources in, report and JSON out. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { compileRows } from "../core/compile/compile.js";
import type { CompileResult, RawRow } from "../core/model/compile-result.js";
import type { Problem } from "../core/model/problem.js";
import { buildReportModel } from "../core/report/report-model.js";
import { toResultJson } from "../core/compile/result-json.js";
import type { Template } from "../core/model/template-schema.js";
import { writeReportXlsx } from "../excel/write/write-report.js";
import { writeDocxFile } from "./docx-output.js";

/** Everything a compile needs, already read from its sources. */
export interface CompileJob {
  template: Template;
  periodId: string;
  asOf: string;
  rows: RawRow[];
  problems: Problem[];
  out?: string;
  /** The Word Báo cáo to write (--docx). */
  docx?: string;
  json?: string;
  includeDrafts?: boolean;
}

/** Compiles and writes the report (and the JSON result); returns the result. */
export async function runCompileJob(job: CompileJob): Promise<CompileResult> {
  const result = compileRows({
    template: job.template,
    periodId: job.periodId,
    rows: job.rows,
    asOf: job.asOf,
    problems: job.problems,
    includeDrafts: job.includeDrafts,
  });
  const model = job.out || job.docx ? buildReportModel(job.template, result) : undefined;
  if (job.docx && model) await writeDocxFile(job.docx, model);
  if (job.out && model) {
    const bytes = await writeReportXlsx(model, {
      embed: toResultJson(job.template, result),
    });
    await mkdir(dirname(job.out), { recursive: true });
    await writeFile(job.out, bytes);
  }
  if (job.json === "-") {
    process.stdout.write(`${JSON.stringify(toResultJson(job.template, result), null, 2)}\n`);
  } else if (job.json) {
    await mkdir(dirname(job.json), { recursive: true });
    await writeFile(job.json, JSON.stringify(toResultJson(job.template, result), null, 2));
  }
  return result;
}
