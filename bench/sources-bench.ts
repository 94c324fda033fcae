/** Measures consolidating 300 one-unit files against compiling the same data from one sheet. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectFiles } from "../src/cli/collect-files.js";
import { compileRows } from "../src/core/compile.js";
import { writeDataSheetXlsx } from "../src/excel/write-data-sheet.js";
import { syntheticRows, syntheticTemplate } from "./synthetic.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Writes the files, then times both ways (interleaved, median of 3). */
export async function runSourcesBench(units = 300, indicators = 40) {
  const t = syntheticTemplate(units, indicators);
  const rows = syntheticRows(t);
  const dir = mkdtempSync(join(tmpdir(), "tong-hop-bench-"));
  mkdirSync(join(dir, "units"));
  writeFileSync(join(dir, "one-sheet.xlsx"), await writeDataSheetXlsx(t, t.periods[0].id, { rows }));
  const unitFiles: string[] = [];
  for (const r of rows) {
    const f = join(dir, "units", `${r.ma_don_vi}.xlsx`);
    writeFileSync(f, await writeDataSheetXlsx(t, t.periods[0].id, { rows: [r], unitCode: String(r.ma_don_vi) }));
    unitFiles.push(f);
  }
  const once = async (files: string[]) => {
    const t0 = performance.now();
    const c = await collectFiles(t, t.periods[0].id, files);
    const r = compileRows({ template: t, periodId: t.periods[0].id, rows: c.rows, asOf: "2023-11-20", problems: c.problems });
    return { ms: performance.now() - t0, total: r.totals[0].total };
  };
  const many: number[] = [];
  const one: number[] = [];
  let same = true;
  for (let i = 0; i < 3; i++) {
    const a = await once([join(dir, "one-sheet.xlsx")]);
    const b = await once(unitFiles);
    same &&= a.total === b.total;
    one.push(a.ms);
    many.push(b.ms);
  }
  rmSync(dir, { recursive: true, force: true });
  const res = {
    scenario: `consolidate ${units} one-unit files vs one sheet of the same ${units} units × ${indicators} indicators`,
    oneSheetMs: Math.round(median(one)),
    unitFilesMs: Math.round(median(many)),
    ratio: +(median(many) / median(one)).toFixed(2),
    target: "< 2",
    sameTotals: same,
  };
  return res;
}

if (process.argv[1]?.endsWith("sources-bench.ts")) console.log(JSON.stringify(await runSourcesBench(), null, 2));
