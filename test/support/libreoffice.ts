/**
 * Runs the real LibreOffice (headless, its own profile per locale) for the real-program tests:
 * one LibreOffice start per call, many files per start, through test/support/lo-uno.py (Python
 * UNO). Typing goes through LibreOffice's own input line, so the locale parses what is typed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A locale LibreOffice runs under (its ooLocale and ooSetupSystemLocale). */
export type LoLocale = "vi-VN" | "en-US";

/** One step on an open document. */
export type LoStep =
  | { op: "type"; cell: string; text: string; sheet?: string }
  | { op: "sort"; range: string; column: number; ascending?: boolean; sheet?: string }
  | { op: "rename"; sheet: string; to: string }
  | { op: "recalc" }
  | { op: "sleep"; seconds: number }
  | { op: "read"; cell: string; as?: string; sheet?: string }
  | { op: "find"; range: string; as: string; sheet?: string };

/** Open `in`, run `steps`, save as every file in `save` (.xlsx or .ods, by extension; .pdf exports). */
export interface LoJob {
  in: string;
  steps?: LoStep[];
  save?: string[];
}

/** What "read" and "find" steps saw, per job. */
export type LoResult = Record<string, { string: string; value: number; formula: string } | string[][]>;

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "lo-uno.py");

/** True when LibreOffice and Python's UNO bridge are both installed. */
export function libreOfficeAvailable(): boolean {
  if (!existsSync("/usr/bin/soffice") || !existsSync("/usr/bin/python3")) return false;
  return spawnSync("/usr/bin/python3", ["-c", "import uno"], { timeout: 20_000 }).status === 0;
}

/** The profile folder of `locale` for this process, with the locale set as the user would in Tools → Options. */
function profile(locale: LoLocale): string {
  const dir = join(tmpdir(), `lo-tong-hop-${locale}-${process.pid}`);
  const xcu = join(dir, "user", "registrymodifications.xcu");
  if (!existsSync(xcu)) {
    mkdirSync(dirname(xcu), { recursive: true });
    const item = (name: string) =>
      `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${name}" oor:op="fuse"><value>${locale}</value></prop></item>`;
    writeFileSync(
      xcu,
      `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("ooSetupSystemLocale")}${item("ooLocale")}</oor:items>\n`,
    );
  }
  return dir;
}

/** Runs `jobs` in one headless LibreOffice under `locale`; throws with LibreOffice's error output on failure. */
export function runLibreOffice(locale: LoLocale, jobs: LoJob[]): LoResult[] {
  const r = spawnSync("timeout", ["-k", "5", "150", "/usr/bin/python3", SCRIPT], {
    input: JSON.stringify({ profile: profile(locale), jobs }),
    encoding: "utf8",
    env: { ...process.env, LANG: "C.UTF-8", TZ: "UTC" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`LibreOffice (${locale}) failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as LoResult[];
}
