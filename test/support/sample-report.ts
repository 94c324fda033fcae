/** The bundled sample compiled into its report model, as `npm start` builds it: one set-up for the report tests. */
import { readFileSync } from "node:fs";
import { SAMPLE, type Sample } from "../../src/cli/actions/demo.js";
import { loadTemplate } from "../../src/cli/load-template.js";
import { compileGrid } from "../../src/core/compile/compile.js";
import type { CompileResult } from "../../src/core/model/compile-result.js";
import type { Template } from "../../src/core/model/template-schema.js";
import { buildReportModel, type ReportModel } from "../../src/core/report/report-model.js";
import { makeGrid } from "../fixtures/grid.js";

/** The sample's template, its compiled result and the report model dated 06/5/2023. */
export function sampleReport(): { template: Template; result: CompileResult; model: ReportModel } {
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8")) as Sample;
  const template = loadTemplate(sample.template);
  const result = compileGrid({
    template,
    periodId: sample.period,
    grid: makeGrid(template, sample.period, sample.rows),
    asOf: sample.asOf,
  });
  return { template, result, model: buildReportModel(template, result, { reportDate: "2023-05-06" }) };
}
