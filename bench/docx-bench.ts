/** Word report bench: the .docx build against the .xlsx build of the same report, and the add-on's bundle load with and without the docx library. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildGas } from "../scripts/build-gas.js";
import { SAMPLE, type Sample } from "../src/cli/actions/demo.js";
import { loadTemplate } from "../src/cli/load-template.js";
import { compileGrid } from "../src/core/compile/compile.js";
import type { Grid } from "../src/core/model/cell.js";
import type { Template } from "../src/core/model/template-schema.js";
import { buildReportModel, type ReportModel } from "../src/core/report/report-model.js";
import { writeReportDocx } from "../src/docx/write-report-docx.js";
import { writeReportXlsx } from "../src/excel/write/write-report.js";
import { GasHarness } from "../test/gas/harness/gas-harness.js";
import { makeGrid } from "../test/fixtures/grid.js";
import { syntheticGrid, syntheticTemplate } from "./synthetic.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Times both renderings of one model, interleaved so machine noise hits both alike (after one warm-up each). */
async function docxVsXlsx(label: string, t: Template, grid: Grid, asOf: string, runs = 9) {
  const model: ReportModel = buildReportModel(t, compileGrid({ template: t, periodId: t.periods[0].id, grid, asOf }));
  const time = async (f: () => Promise<Uint8Array>) => {
    const t0 = performance.now();
    const bytes = await f();
    return { ms: performance.now() - t0, bytes: bytes.length };
  };
  await writeReportDocx(model);
  await writeReportXlsx(model);
  const d: number[] = [];
  const x: number[] = [];
  let sizes = { docx: 0, xlsx: 0 };
  for (let i = 0; i < runs; i++) {
    const a = await time(() => writeReportDocx(model));
    const b = await time(() => writeReportXlsx(model));
    d.push(a.ms);
    x.push(b.ms);
    sizes = { docx: a.bytes, xlsx: b.bytes };
  }
  return {
    scenario: `${label}: build the Word Báo cáo (.docx) vs the Excel report (.xlsx) from the same model`,
    docxMs: +median(d).toFixed(1),
    xlsxMs: +median(x).toFixed(1),
    ratio: +(median(d) / median(x)).toFixed(2),
    docxKB: Math.round(sizes.docx / 1024),
    xlsxKB: Math.round(sizes.xlsx / 1024),
  };
}

/**
 * Loads two bundles alternately in one fresh process, `runs` times each, and returns the load
 * times. Each load gets a unique last line, so V8's compilation cache never serves a bundle
 * it has seen: every load pays its full scan and parse, as each Apps Script execution does.
 */
function loadAlternately(a: string, b: string, runs: number): { a: number[]; b: number[] } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "load", a, b, String(runs)], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`loading the bundles failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/** The add-on's bundle load with the docx library against the same build without it. */
async function bundleLoad(runs = 25) {
  const dir = mkdtempSync(join(tmpdir(), "tong-hop-bench-"));
  const withDocx = await buildGas({ outDir: join(dir, "with") });
  const without = await buildGas({ outDir: join(dir, "without"), docx: false });
  const { a, b } = loadAlternately(withDocx.file, without.file, runs);
  const ratio = median(a) / median(b);
  return {
    scenario: "Apps Script bundle load in a fresh vm, with the docx library vs without it",
    withDocxKB: Math.round(withDocx.bytes / 1024),
    withoutDocxKB: Math.round(without.bytes / 1024),
    withDocxMs: +median(a).toFixed(1),
    withoutDocxMs: +median(b).toFixed(1),
    ratio: +ratio.toFixed(3),
    target: "≤ 1.10",
    met: ratio <= 1.1,
  };
}

/** Runs the Word report bench, prints it, and returns the numbers. */
export async function runDocxBench(): Promise<Record<string, unknown>> {
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8")) as Sample;
  const t = loadTemplate(sample.template);
  const small = await docxVsXlsx(
    `sample, ${t.units.length} units × ${t.indicators.length} indicators`,
    { ...t, periods: [t.periods.find((p) => p.id === sample.period)!, ...t.periods] },
    makeGrid(t, sample.period, sample.rows),
    sample.asOf,
  );
  const big = syntheticTemplate(2000, 14);
  const large = await docxVsXlsx("2,000 units × 14 indicators", big, syntheticGrid(big), "2023-11-20");
  const load = await bundleLoad();
  console.log("Word report (.docx):");
  for (const r of [small, large])
    console.log(
      `  ${r.scenario}: ${r.docxMs} ms vs ${r.xlsxMs} ms (ratio ${r.ratio}); ${r.docxKB} KB vs ${r.xlsxKB} KB`,
    );
  console.log(
    `  bundle load with docx ${load.withDocxMs} ms (${load.withDocxKB} KB) vs without ${load.withoutDocxMs} ms (${load.withoutDocxKB} KB): ratio ${load.ratio} (target ≤ 1.10: ${load.met ? "met" : "NOT met"})`,
  );
  return { docx: { sample: small, units2000: large, bundleLoad: load } };
}

// Child process: `tsx bench/docx-bench.ts load <A/Code.js> <B/Code.js> <runs>` prints both bundles' load times (ms).
if (process.argv[1]?.endsWith("docx-bench.ts") && process.argv[2] === "load") {
  const [a, b] = [process.argv[3], process.argv[4]].map((f) => readFileSync(f, "utf8"));
  const runs = Number(process.argv[5]);
  const times = { a: [] as number[], b: [] as number[] };
  const load = (code: string, tag: string) =>
    GasHarness.load({ code: `${code}\n// load ${tag}\n`, now: new Date("2024-03-18T03:00:00Z") }).loadMs;
  for (let i = 0; i < runs; i++) {
    // Alternating, and each first in turn, so warm-up and machine noise hit both alike.
    if (i % 2) {
      times.a.push(load(a, `a${i}`));
      times.b.push(load(b, `b${i}`));
    } else {
      times.b.push(load(b, `b${i}`));
      times.a.push(load(a, `a${i}`));
    }
  }
  process.stdout.write(`${JSON.stringify(times)}\n`);
}
