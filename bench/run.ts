/** `npm run bench`: every benchmark, each measured in fresh processes of the same run. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const tsx = ["--import", "tsx"];

function child(script: string, args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, [...tsx, here(script), ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function compileVsRaw(units: number, indicators: number, runs = 3) {
  const c: Record<string, number>[] = [];
  const w: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved so machine noise hits both sides alike.
    w.push(child("./compile-bench.ts", ["raw", String(units), String(indicators)]));
    c.push(child("./compile-bench.ts", ["compile", String(units), String(indicators)]));
  }
  const cm = median(c.map((x) => x.ms));
  const wm = median(w.map((x) => x.ms));
  return {
    scenario: `compile ${units} units × ${indicators} indicators → report .xlsx vs raw exceljs write`,
    compileMs: Math.round(cm),
    rawWriteMs: Math.round(wm),
    ratio: +(cm / wm).toFixed(2),
    target: "≤ 1.3",
    compilePeakRssMB: Math.max(...c.map((x) => x.maxRssMB)),
    rawPeakRssMB: Math.max(...w.map((x) => x.maxRssMB)),
  };
}

const results: unknown[] = [];
results.push(await compileVsRaw(5000, 40));
for (const extra of [
  "./gas-bench.ts",
  "./trigger-bench.ts",
  "./sources-bench.ts",
  "./startup-bench.ts",
  "./docx-bench.ts",
]) {
  if (!existsSync(here(extra))) continue;
  const mod = await import(extra);
  const fn = Object.values(mod).find((f) => typeof f === "function") as () => Promise<unknown>;
  results.push(await fn());
}
for (const r of results) console.log(JSON.stringify(r, null, 2));
