/**
 * Measures consolidating 300 one-unit files against compiling the same data from one sheet.
 * Both sides take the path a user's `tong-hop compile -i …` takes: expand the inputs (the
 * folder, or the one file), read every file from disk, map it, and compile the rows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectFiles } from "../src/cli/collect-files.js";
import { expandInputs } from "../src/cli/expand-inputs.js";
import { compileRows } from "../src/core/compile/compile.js";
import { writeDataSheetXlsx } from "../src/excel/write/write-data-sheet.js";
import { syntheticRows, syntheticTemplate } from "./synthetic.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Writes the files, then times both ways (one warm-up each, then 3 interleaved runs; medians). */
export async function runSourcesBench(units = 300, indicators = 40, runs = 3) {
  const t = syntheticTemplate(units, indicators);
  const periodId = t.periods[0].id;
  const rows = syntheticRows(t);
  const dir = mkdtempSync(join(tmpdir(), "tong-hop-bench-"));
  const unitDir = join(dir, "units");
  mkdirSync(unitDir);
  const oneSheet = join(dir, "one-sheet.xlsx");
  writeFileSync(oneSheet, await writeDataSheetXlsx(t, periodId, { rows }));
  for (const r of rows)
    writeFileSync(
      join(unitDir, `${r.ma_don_vi}.xlsx`),
      await writeDataSheetXlsx(t, periodId, { rows: [r], unitCode: String(r.ma_don_vi) }),
    );

  const once = async (input: string) => {
    const t0 = performance.now();
    const files = await expandInputs([input]);
    const c = await collectFiles(t, periodId, files);
    const r = compileRows({ template: t, periodId, rows: c.rows, asOf: "2023-11-20", problems: c.problems });
    const ms = performance.now() - t0;
    if (c.outcomes.some((o) => !o.ok) || c.rows.length !== units)
      throw new Error(`bench input not read whole: ${input}`);
    return { ms, files: files.length, totals: JSON.stringify(r.totals), problems: r.problems.length };
  };
  await once(oneSheet);
  await once(unitDir);
  const many: number[] = [];
  const one: number[] = [];
  let same = true;
  let fileCount = 0;
  for (let i = 0; i < runs; i++) {
    const a = await once(oneSheet);
    const b = await once(unitDir);
    same &&= a.totals === b.totals && a.problems === b.problems;
    fileCount = b.files;
    one.push(a.ms);
    many.push(b.ms);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    scenario: `consolidate ${units} one-unit files vs one sheet of the same ${units} units × ${indicators} indicators (expand inputs, read from disk, map, compile)`,
    oneSheetMs: Math.round(median(one)),
    unitFilesMs: Math.round(median(many)),
    perUnitFileMs: +(median(many) / fileCount).toFixed(3),
    ratio: +(median(many) / median(one)).toFixed(2),
    target: "< 2",
    sameTotals: same,
    runsMs: { oneSheet: one.map(Math.round), unitFiles: many.map(Math.round) },
  };
}

if (process.argv[1]?.endsWith("sources-bench.ts")) console.log(JSON.stringify(await runSourcesBench(), null, 2));
