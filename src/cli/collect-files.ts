/** Reads many .xlsx sources for one period; a bad file is reported and skipped, never fatal. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { RawRow } from "../core/compile-result.js";
import { AppError, type Problem } from "../core/problem.js";
import { selectPeriodSheets } from "../core/select-sheets.js";
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
    try {
      const sheets = await readWorkbookValues(await readFile(file), name);
      const got = selectPeriodSheets(t, periodId, sheets, name);
      out.rows.push(...got.rows);
      out.problems.push(...got.problems);
      out.outcomes.push({ source: name, ok: true, rows: got.rows.length });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.outcomes.push({ source: name, ok: false, rows: 0, reason: e.message });
      out.problems.push({ code: e.code, severity: "error", message: e.message.split("\n")[0], fix: e.details[e.details.length - 1] ?? "Kiểm tra lại tệp rồi gửi lại.", source: name, value: name });
    }
    onProgress?.(++done, files.length, name);
  }
  return out;
}
