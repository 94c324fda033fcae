/** Measures compile + report write against a raw exceljs write of the same cells. */
import ExcelJS from "exceljs";
import { compileGrid } from "../src/core/compile/compile.js";
import { buildReportModel } from "../src/core/report/report-model.js";
import { writeReportXlsx } from "../src/excel/write/write-report.js";
import { syntheticGrid, syntheticTemplate } from "./synthetic.js";

/** Compile end to end (grid → result → report bytes); returns milliseconds and byte size. */
export async function timeCompile(units: number, indicators: number): Promise<{ ms: number; bytes: number }> {
  const t = syntheticTemplate(units, indicators);
  const grid = syntheticGrid(t);
  // The CLI writes with this fix loaded, so its cost belongs to the measured path.
  await import("../src/excel/write/zip-text-fix.js");
  const t0 = performance.now();
  const r = compileGrid({ template: t, periodId: t.periods[0].id, grid, asOf: "2023-11-20" });
  const bytes = await writeReportXlsx(buildReportModel(t, r));
  return { ms: performance.now() - t0, bytes: bytes.length };
}

/** A raw exceljs write of the same cells (one row per unit: code, name, figures). */
export async function timeRawWrite(units: number, indicators: number): Promise<{ ms: number; bytes: number }> {
  const t = syntheticTemplate(units, indicators);
  const grid = syntheticGrid(t);
  // The same zip writer as the compile side, so the ratio measures the compile's own work.
  await import("../src/excel/write/zip-text-fix.js");
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Raw");
  for (const line of grid) ws.addRow(line as ExcelJS.CellValue[]);
  const buf = await wb.xlsx.writeBuffer();
  return { ms: performance.now() - t0, bytes: (buf as ArrayBuffer).byteLength };
}

// Run as a child process: `tsx bench/compile-bench.ts compile|raw units indicators`.
if (process.argv[1]?.endsWith("compile-bench.ts")) {
  const [kind, u, i] = process.argv.slice(2);
  const f = kind === "raw" ? timeRawWrite : timeCompile;
  const r = await f(Number(u), Number(i));
  process.stdout.write(`${JSON.stringify({ ...r, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}
