/** Apps Script bench: Spreadsheet calls in all per compile at 10 and 2,000 units against the ≤ 12 target (and the first run's), set-up calls per unit, edit vs exceljs cost, bundle size, the 6-minute model, reminders and archive. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { buildGas } from "../scripts/build-gas.js";
import {
  cellsPerUnit,
  COMPILE_COST,
  estimateCompileMs,
  maxCompileUnits,
  planSetupRuns,
  SETUP_BUDGET_MS,
} from "../src/core/sheet-life/run-budget.js";
import { CONFIG_WIDTH } from "../src/core/template/config-grid.js";
import { columnLetters } from "../test/gas/harness/a1.js";
import { GasHarness } from "../test/gas/harness/gas-harness.js";
import { spreadsheetCalls } from "../test/gas/support/call-kinds.js";
import { templateWithUnits, writeConfig } from "../test/gas/support/config-fixture.js";

const SHEET = "Quý I năm 2024";
/** The target for a compile's Spreadsheet calls, the same at 10 and at 2,000 units. */
const COMPILE_TARGET = 12;

/**
 * Sets up a sheet of `units` units (shared with every unit's editor, as the Văn phòng is told
 * to), runs set-up again, fills half of the units as submitted, and compiles twice.
 */
async function compileCalls(code: string, units: number) {
  const t = templateWithUnits(units);
  const h = GasHarness.load({
    code,
    now: new Date("2024-03-25T03:00:00Z"),
    flowingClock: true,
    sharedEditors: t.units.flatMap((u) => u.editors),
  });
  writeConfig(h, t);
  h.log.reset();
  const setupStarted = performance.now();
  h.run("thietLapBangTinh");
  const setupMs = performance.now() - setupStarted;
  const setupCalls = h.log.count({ service: "SpreadsheetApp" });
  h.log.reset();
  h.run("thietLapBangTinh");
  const setupAgainCalls = h.log.count({ service: "SpreadsheetApp" });
  const sheet = h.sheet(SHEET);
  const keys = sheet._grid()[0] as string[];
  const c = (k: string) => keys.indexOf(k) + 1;
  for (let i = 0; i < units; i += 2) {
    const row = 3 + i;
    sheet._cell(row, c("so_tin_bai"), true).value = (i % 17) + 1;
    sheet._cell(row, c("so_lop_tap_huan"), true).value = i % 5;
    sheet._cell(row, c("xac_nhan_gui"), true).value = true;
    sheet._cell(row, c("thoi_gian_gui"), true).value = new Date("2024-03-19T02:00:00Z");
  }
  h.ss._active = sheet;
  const runOnce = async () => {
    h.log.reset();
    const started = performance.now();
    await h.run("tongHopBaoCao");
    const ms = performance.now() - started;
    if (h.ui._dialogs.length === 0) throw new Error(`compile failed: ${h.ui._alerts.at(-1)?.prompt}`);
    return { ...spreadsheetCalls(h.log), ms };
  };
  // The first compile builds Tổng hợp and leaves it open (as Sheets opens a new sheet); the next
  // runs from there, the third from the period's own sheet.
  const first = await runOnce();
  const again = await runOnce();
  h.ss._active = sheet;
  const fromDataSheet = await runOnce();
  const dataWidth = sheet.getLastColumn();
  // Nhắc hạn one day after the deadline (half the units outstanding), then Mở kỳ báo cáo mới.
  h.world.now = new Date("2024-03-21T01:00:00Z");
  h.log.reset();
  let started = performance.now();
  h.ui._answers.push({ button: "YES", text: "" });
  h.run("nhacHan");
  const reminder = {
    ms: Math.round(performance.now() - started),
    mails: h.mail._sent.length,
    spreadsheetCalls: h.log.count({ service: "SpreadsheetApp" }),
  };
  h.log.reset();
  started = performance.now();
  h.ss._active = sheet;
  h.ui._answers.push({ button: "YES", text: "" });
  h.run("moKyBaoCaoMoi");
  const archive = {
    ms: Math.round(performance.now() - started),
    spreadsheetCalls: h.log.count({ service: "SpreadsheetApp" }),
    ok: !h.ss.getSheetByName(SHEET),
  };
  if (!archive.ok) throw new Error(`archive failed: ${h.ui._alerts.at(-1)?.prompt}`);
  return {
    units,
    periods: t.periods.length,
    setupMs: Math.round(setupMs),
    setupCalls,
    setupAgainCalls,
    first,
    again,
    fromDataSheet,
    exceljsInitMs: h.exceljsInitMs(),
    dataWidth,
    reminder,
    archive,
  };
}

/** A compile's numbers for the bench: the steady state from another sheet (the larger), from the period's sheet, and the first run. */
function compileNumbers(c: Awaited<ReturnType<typeof compileCalls>>) {
  const { again, first, fromDataSheet } = c;
  return {
    spreadsheetCalls: again.all,
    readsWrites: again.cells,
    builders: again.builders,
    ui: again.ui,
    document: again.document,
    fromDataSheetCalls: fromDataSheet.all,
    firstRunCalls: first.all,
    firstRun: { cells: first.cells, builders: first.builders, ui: first.ui, document: first.document },
    ms: Math.round(again.ms),
  };
}

/** Loads the bundle and handles one edit, before anything initialises exceljs. */
function editCost(code: string) {
  const loads: number[] = [];
  const edits: number[] = [];
  let calls = 0;
  let inits = 0;
  for (let i = 0; i < 5; i++) {
    const h = GasHarness.load({ code, now: new Date("2024-03-18T03:00:00Z") });
    loads.push(h.loadMs);
    writeConfig(h, templateWithUnits(10));
    h.run("thietLapBangTinh");
    const keys = h.sheet(SHEET)._grid()[0] as string[];
    h.log.reset();
    const r = h.type("dv0001@truong.edu.vn", SHEET, `${columnLetters(keys.indexOf("so_tin_bai") + 1)}3`, "12 bài");
    edits.push(r.onEditMs);
    calls = h.log.count({ service: "SpreadsheetApp" });
    inits += h.exceljsInitCount();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    loadMs: +median(loads).toFixed(1),
    editMs: +median(edits).toFixed(2),
    editSpreadsheetCalls: calls,
    exceljsInitsOnEditPath: inits,
  };
}

/** Runs the Apps Script bench, prints it, and returns the numbers. */
export async function runGasBench(): Promise<Record<string, unknown>> {
  // The bench's own build, with the test probe, in a temporary folder: dist/gas stays the production bundle.
  const build = await buildGas({ outDir: mkdtempSync(join(tmpdir(), "tong-hop-gas-bench-")), probe: true });
  const code = readFileSync(build.file, "utf8");
  const edit = editCost(code);
  const small = await compileCalls(code, 10);
  const large = await compileCalls(code, 2000);
  const out = {
    bundleBytes: build.bytes,
    bundleKB: Math.round(build.bytes / 1024),
    loadBundleMs: edit.loadMs,
    oneEditMs: edit.editMs,
    oneEditSpreadsheetCalls: edit.editSpreadsheetCalls,
    exceljsInitsOnEditPath: edit.exceljsInitsOnEditPath,
    exceljsInitMs: large.exceljsInitMs,
    compileTarget: COMPILE_TARGET,
    compile10: compileNumbers(small),
    compile2000: compileNumbers(large),
    setup2000: {
      ms: large.setupMs,
      spreadsheetCalls: large.setupCalls,
      againCalls: large.setupAgainCalls,
      callsPerUnitSheet: +(
        (large.setupCalls - small.setupCalls) /
        ((large.units - small.units) * large.periods)
      ).toFixed(2),
      againPerUnitSheet: +(
        (large.setupAgainCalls - small.setupAgainCalls) /
        ((large.units - small.units) * large.periods)
      ).toFixed(2),
      model: planSetupRuns({
        units: large.units,
        periods: large.periods,
        dataWidth: large.dataWidth,
        configWidth: CONFIG_WIDTH,
      }),
      model6Periods: planSetupRuns({
        units: large.units,
        periods: 6,
        dataWidth: large.dataWidth,
        configWidth: CONFIG_WIDTH,
      }),
    },
    reminders2000: large.reminder,
    archive2000: large.archive,
    sixMinutes: {
      vmMsPerUnit: +((large.again.ms - small.again.ms) / (large.units - small.units)).toFixed(3),
      modelCpuMsPerUnit: COMPILE_COST.cpuMsPerUnit,
      cellsPerUnit: cellsPerUnit(large.dataWidth, CONFIG_WIDTH),
      modelMsPerUnit: +(
        cellsPerUnit(large.dataWidth, CONFIG_WIDTH) * COMPILE_COST.msPerCell +
        COMPILE_COST.cpuMsPerUnit
      ).toFixed(2),
      estimate2000Ms: Math.round(
        estimateCompileMs({ units: 2000, dataWidth: large.dataWidth, configWidth: CONFIG_WIDTH }),
      ),
      maxUnits: maxCompileUnits(large.dataWidth, CONFIG_WIDTH),
      dataWidth: large.dataWidth,
    },
  };
  console.log("Apps Script (vm + fakes):");
  console.log(`  bundle Code.js (with test probe)   ${out.bundleKB} KB`);
  console.log(`  load bundle in vm                  ${out.loadBundleMs} ms`);
  console.log(
    `  one edit (onEdit, bad value)       ${out.oneEditMs} ms, ${out.oneEditSpreadsheetCalls} Spreadsheet calls, exceljs initialised ${out.exceljsInitsOnEditPath}×`,
  );
  console.log(`  exceljs initialisation (compile)   ${out.exceljsInitMs} ms`);
  const mark = (n: number) => `${n} (target ≤ ${COMPILE_TARGET}: ${n <= COMPILE_TARGET ? "met" : "NOT met"})`;
  for (const [label, c] of [
    ["10 units", out.compile10],
    ["2000 units", out.compile2000],
  ] as const) {
    console.log(
      `  Tổng hợp báo cáo, ${label.padEnd(10)}     Spreadsheet calls in all ${mark(c.spreadsheetCalls)} = ${c.readsWrites} reads/writes + ${c.builders} builder + ${c.ui} getUi/toast + ${c.document} other; from the period's sheet ${c.fromDataSheetCalls}; ${c.ms} ms`,
    );
    console.log(
      `                                     first run (builds Tổng hợp: chart, conditional formats, protection) ${c.firstRunCalls} = ${c.firstRun.cells} reads/writes + ${c.firstRun.builders} builder + ${c.firstRun.ui} getUi/toast + ${c.firstRun.document} other`,
    );
  }
  const su = out.setup2000;
  const runs = (p: ReturnType<typeof planSetupRuns>) =>
    p.fits
      ? `${p.runs} run${p.runs > 1 ? "s" : ""} of ≤ ${SETUP_BUDGET_MS / 60_000} min, ≈ ${(p.totalMs / 1000).toFixed(0)} s`
      : "refused";
  console.log(
    `  Thiết lập bảng tính, 2000 units    ${su.spreadsheetCalls} Spreadsheet calls (${su.callsPerUnitSheet} per unit per data sheet, ${large.periods} sheets), again ${su.againCalls} (${su.againPerUnitSheet} per unit per sheet), ${su.ms} ms in the vm`,
  );
  console.log(
    `                                     model: ${runs(su.model)}; with 6 periods: ${runs(su.model6Periods)}`,
  );
  console.log(
    `  Nhắc hạn, 2000 units               ${out.reminders2000.mails} mails (quota 100), ${out.reminders2000.spreadsheetCalls} Spreadsheet calls, ${out.reminders2000.ms} ms`,
  );
  console.log(
    `  Mở kỳ báo cáo mới, 2000 units      ${out.archive2000.spreadsheetCalls} Spreadsheet calls, ${out.archive2000.ms} ms`,
  );
  const m = out.sixMinutes;
  console.log(
    `  6-minute model                     ${m.cellsPerUnit} cells/unit (data ${m.dataWidth} + Cấu hình ${CONFIG_WIDTH} columns), vm ${m.vmMsPerUnit} ms/unit (model ${m.modelCpuMsPerUnit}), model ${m.modelMsPerUnit} ms/unit in Apps Script`,
  );
  console.log(
    `                                     2000 units ≈ ${(m.estimate2000Ms / 1000).toFixed(1)} s; refused above ${m.maxUnits} units`,
  );
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runGasBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
