/** Reads many sources (.xlsx files, Google Sheets) for one period; a bad one is reported and skipped, never fatal. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { RawRow } from "../core/compile-result.js";
import { AppError, type Problem } from "../core/problem.js";
import { selectPeriodSheets, type NamedGrid } from "../core/select-sheets.js";
import type { Template } from "../core/template-schema.js";
import { readWorkbookValues } from "../excel/read-workbook.js";

/** What happened to one source. */
export interface SourceOutcome {
  source: string;
  ok: boolean;
  rows: number;
  reason?: string;
}

/** Rows of all sources, the problems found, and one outcome per source. */
export interface Collected {
  rows: RawRow[];
  problems: Problem[];
  outcomes: SourceOutcome[];
}

/** Reads `files` and keeps the rows of `periodId`; `onProgress` is called after each file. */
export async function collectFiles(t: Template, periodId: string, files: readonly string[], onProgress?: (done: number, total: number, file: string) => void): Promise<Collected> {
  const out: Collected = { rows: [], problems: [], outcomes: [] };
  let done = 0;
  for (const file of files) {
    const name = basename(file);
    await addSource(out, t, periodId, name, async () => readWorkbookValues(await readFile(file), name));
    onProgress?.(++done, files.length, name);
  }
  return out;
}

/**
 * Adds already-read spreadsheets (Google Sheets) to `into`, through the same sheet
 * selection and mapping as a file, so every rule (keys, marker, period, units) is the same.
 */
export async function collectSheets(t: Template, periodId: string, sources: readonly { name: string; sheets: NamedGrid[] }[], into: Collected): Promise<Collected> {
  for (const s of sources) await addSource(into, t, periodId, s.name, async () => s.sheets);
  return into;
}

/** Maps one source's sheets; a source refused by name is recorded, never fatal. */
async function addSource(out: Collected, t: Template, periodId: string, name: string, read: () => Promise<NamedGrid[]>): Promise<void> {
  try {
    const got = selectPeriodSheets(t, periodId, await read(), name);
    out.rows.push(...got.rows);
    out.problems.push(...got.problems);
    out.outcomes.push({ source: name, ok: true, rows: got.rows.length });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out.outcomes.push({ source: name, ok: false, rows: 0, reason: e.message });
    out.problems.push({ code: e.code, severity: "error", message: e.message.split("\n")[0], fix: e.details[e.details.length - 1] ?? "Kiểm tra lại tệp rồi gửi lại.", source: name, value: name });
  }
}
