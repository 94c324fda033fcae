/**
 * CLI start-up: `tong-hop --help` and compiling the 72-unit sample with the built CLI, each
 * against `node -e 0`, in fresh processes interleaved in the same run (medians).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SAMPLE, type Sample } from "../src/cli/actions/demo.js";
import { loadTemplate } from "../src/cli/load-template.js";
import { writeDataSheetXlsx } from "../src/excel/write/write-data-sheet.js";
import { buildCli } from "../scripts/build-cli.js";

const BIN = fileURLToPath(new URL("../bin/tong-hop.js", import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of one fresh process, in ms; fails on a non-zero exit. */
function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${r.stderr}`);
  return ms;
}

/** Builds the CLI as `npm install` does, writes the sample's filled sheet, then times the four commands. */
export async function runStartupBench(runs = 7) {
  await buildCli();
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8")) as Sample;
  const dir = mkdtempSync(join(tmpdir(), "tong-hop-startup-"));
  const filled = join(dir, "so-lieu-mau.xlsx");
  const t = loadTemplate(sample.template);
  writeFileSync(filled, await writeDataSheetXlsx(t, sample.period, { rows: sample.rows }));
  const commands = {
    node: ["-e", "0"],
    help: [BIN, "--help"],
    compile: [
      ...[BIN, "compile", "-t", sample.template, "-p", sample.period, "-i", filled],
      ...["-o", join(dir, "bao-cao.xlsx"), "--json", join(dir, "ket-qua.json"), "--as-of", sample.asOf, "-q"],
    ],
    demo: [BIN, "demo", "--out-dir", join(dir, "demo")],
  };
  const ms: Record<keyof typeof commands, number[]> = { node: [], help: [], compile: [], demo: [] };
  for (const args of Object.values(commands)) timed(args); // warm the disk cache once
  for (let i = 0; i < runs; i++)
    for (const [k, args] of Object.entries(commands)) ms[k as keyof typeof commands].push(timed(args));
  rmSync(dir, { recursive: true, force: true });
  const m = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(median(v))])) as Record<
    keyof typeof commands,
    number
  >;
  return {
    scenario: `CLI start-up, built bundle (dist/cli): --help and compile of the ${t.units.length}-unit sample vs node -e 0`,
    nodeMs: m.node,
    helpMs: m.help,
    helpRatio: +(m.help / m.node).toFixed(2),
    helpTarget: "≤ 2",
    compileMs: m.compile,
    compileRatio: +(m.compile / m.node).toFixed(2),
    compileTarget: "≤ 4",
    demoMs: m.demo,
    demoRatio: +(m.demo / m.node).toFixed(2),
  };
}
