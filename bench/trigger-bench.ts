/**
 * Edit-trigger bench: the path of one tick (bundle load + the simple and installable edit
 * triggers, calls made) and what a deadline day costs in trigger executions and minutes at 72 and
 * 2,000 units, against Apps Script's daily trigger runtime quota (90 min on gmail, 6 h on
 * Workspace: https://developers.google.com/apps-script/guides/services/quotas).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { buildGas } from "../scripts/build-gas.js";
import { COMPILE_COST } from "../src/core/sheet-life/run-budget.js";
import { columnLetters } from "../test/gas/harness/a1.js";
import { GasHarness } from "../test/gas/harness/gas-harness.js";
import { templateWithUnits, writeConfig } from "../test/gas/support/config-fixture.js";

const SHEET = "Quý I năm 2024";
/** Documented daily total runtime of triggers, in minutes. */
const QUOTA_MIN = { gmail: 90, workspace: 360 };

/** Sets up `units`, then one unit types a figure and ticks; calls, executions and times of each. */
function tickPath(code: string, units: number) {
  const t = templateWithUnits(units);
  const h = GasHarness.load({
    code,
    now: new Date("2024-03-20T03:00:00Z"),
    sharedEditors: t.units.flatMap((u) => u.editors),
  });
  writeConfig(h, t);
  h.run("thietLapBangTinh");
  const keys = h.sheet(SHEET)._grid()[0] as string[];
  const at = (key: string) => `${columnLetters(keys.indexOf(key) + 1)}3`;
  const figureColumns = keys.filter((k) => /^(so_|ty_le|muc_do|dien_thoai|ngay_|nv_)/.test(k)).length;
  h.log.reset();
  h.type("dv0001@truong.edu.vn", SHEET, at("so_tin_bai"), "12");
  const figureCalls = h.log.count({ service: "SpreadsheetApp" });
  h.log.reset();
  const started = performance.now();
  h.type("dv0001@truong.edu.vn", SHEET, at("xac_nhan_gui"), true);
  const tickMs = performance.now() - started;
  const tickCalls = h.log.count({ service: "SpreadsheetApp" });
  const allCalls = h.log.count({});
  return { figureCalls, tickCalls, allCalls, tickMs, figureColumns };
}

/** Runs the bench, prints it, and returns the numbers. */
export async function runTriggerBench(): Promise<Record<string, unknown>> {
  const build = await buildGas({ outDir: mkdtempSync(join(tmpdir(), "tong-hop-gas-trigger-")), probe: true });
  const code = readFileSync(build.file, "utf8");
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) loads.push(GasHarness.load({ code }).loadMs);
  const loadMs = [...loads].sort((a, b) => a - b)[2];
  const out: Record<string, unknown> = { bundleKB: Math.round(build.bytes / 1024), loadBundleMs: +loadMs.toFixed(1) };
  console.log("Edit triggers (vm + fakes; minutes estimated at the model's 7 ms per Spreadsheet call):");
  console.log(
    `  bundle load in vm                  ${out.loadBundleMs} ms (${out.bundleKB} KB, paid by every execution)`,
  );
  for (const units of [72, 2000]) {
    const p = tickPath(code, units);
    // A deadline day: every unit types each figure once and ticks once. Each edit runs the simple
    // trigger (its own quota-free 30 s) and the installable one, which counts against the daily
    // trigger runtime; a figure edit returns before any call, a tick makes its calls.
    const executions = units * (p.figureColumns + 1);
    const tickTriggerMs = loadMs + p.tickCalls * COMPILE_COST.msPerCall;
    const figureTriggerMs = loadMs;
    const minutes = (units * (p.figureColumns * figureTriggerMs + tickTriggerMs)) / 60_000;
    const row = {
      units,
      figureEditCalls: p.figureCalls,
      tickCalls: p.tickCalls,
      tickAllServiceCalls: p.allCalls,
      tickVmMs: +p.tickMs.toFixed(2),
      editsPerUnit: p.figureColumns + 1,
      installableTriggerExecutions: executions,
      estimatedTriggerMinutes: +minutes.toFixed(1),
      gmailQuotaShare: +(minutes / QUOTA_MIN.gmail).toFixed(3),
      workspaceQuotaShare: +(minutes / QUOTA_MIN.workspace).toFixed(3),
    };
    out[`day${units}`] = row;
    console.log(
      `  ${String(units).padStart(4)} units: one tick ${p.tickCalls} Spreadsheet calls (${p.allCalls} service calls, ${row.tickVmMs} ms in vm); a figure edit ${p.figureCalls}; deadline day ${executions} installable-trigger executions ≈ ${row.estimatedTriggerMinutes} min = ${(row.gmailQuotaShare * 100).toFixed(1)}% of 90 min (gmail), ${(row.workspaceQuotaShare * 100).toFixed(1)}% of 6 h (Workspace)`,
    );
  }
  const per = out.day2000 as { estimatedTriggerMinutes: number };
  const perUnit = per.estimatedTriggerMinutes / 2000;
  out.largestUnits = {
    gmail: Math.floor(QUOTA_MIN.gmail / perUnit),
    workspace: Math.floor(QUOTA_MIN.workspace / perUnit),
  };
  console.log(
    `  largest deployment whose deadline day fits the daily trigger runtime: ≈ ${(out.largestUnits as { gmail: number }).gmail} units (gmail), ≈ ${(out.largestUnits as { workspace: number }).workspace} units (Workspace)`,
  );
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runTriggerBench().then((r) => console.log(JSON.stringify(r)));
}
