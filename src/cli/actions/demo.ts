/** `tong-hop demo` (npm start): fills the bundled sample into a sheet and compiles it. */
// Before anything writes a workbook: keeps emoji whole in the XML parts exceljs hands JSZip.
import "../../excel/write/zip-text-fix.js";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CellValue } from "../../core/model/cell.js";
import { asciiSlug } from "../../core/report/report-model.js";
import { findPeriod } from "../../core/template/template.js";
import { writeDataSheetXlsx } from "../../excel/write/write-data-sheet.js";
import { collectFiles } from "../collect-files.js";
import { runCompileJob } from "../compile-job.js";
import { loadTemplate } from "../load-template.js";
import { packagePath } from "../package-root.js";
import { summarize } from "../summary.js";
import { docxLine } from "../docx-output.js";

/** The bundled sample's shape. */
export interface Sample {
  template: string;
  period: string;
  asOf: string;
  rows: Record<string, CellValue>[];
}

/** The bundled sample file. */
export const SAMPLE = packagePath("samples", "ttdn-2023_sau_thang_2023.json");

/** Writes out/<sample>.xlsx (the filled sheet), out/<report>.xlsx and its Word Báo cáo .docx, and prints a summary. */
export async function demoCommand(o: { sample?: string; outDir?: string }): Promise<number> {
  const sample = JSON.parse(await readFile(o.sample ?? SAMPLE, "utf8")) as Sample;
  const t = loadTemplate(sample.template);
  const p = findPeriod(t, sample.period);
  const dir = resolve(o.outDir ?? "out");
  await mkdir(dir, { recursive: true });
  const filled = resolve(dir, `so-lieu-mau_${asciiSlug(t.plan.code)}_${p.id}.xlsx`);
  await writeFile(filled, await writeDataSheetXlsx(t, p.id, { rows: sample.rows }));
  const c = await collectFiles(t, p.id, [filled]);
  const out = resolve(dir, "bao-cao-tong-hop-mau.xlsx");
  const docx = resolve(dir, "bao-cao-tong-hop-mau.docx");
  const json = resolve(dir, "ket-qua-mau.json");
  const r = await runCompileJob({
    template: t,
    periodId: p.id,
    asOf: sample.asOf,
    rows: c.rows,
    problems: c.problems,
    out,
    docx,
    json,
  });
  process.stdout.write(
    `Dữ liệu mẫu (bảng tính các đơn vị đã nhập): ${filled}\n${summarize(t, r).join("\n")}\nBáo cáo tổng hợp: ${out}\n${docxLine(docx)}Kết quả JSON: ${json}\n`,
  );
  return 0;
}
