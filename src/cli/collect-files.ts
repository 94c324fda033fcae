/** Reads many sources (.xlsx files, Google Sheets) for one period; a bad one is reported and skipped, never fatal. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { RawRow } from "../core/model/compile-result.js";
import { AppError, type Problem } from "../core/model/problem.js";
import { selectPeriodSheets, type NamedGrid } from "../core/read/select-sheets.js";
import type { Template } from "../core/model/template-schema.js";
import { hasEmbeddedResult } from "../excel/read/embedded-result.js";
import type { FastReadOptions } from "../excel/read/fast-read-xlsx.js";
import { readWorkbookValues } from "../excel/read/read-workbook.js";
import { zlibInflaters } from "./zlib-inflaters.js";

/** The fast reader with Node's zlib (see zlib-inflaters.ts). */
const FAST: FastReadOptions = { inflaters: zlibInflaters };

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

/** A reason without the file name it starts with ("a.xlsx: là số liệu của …"), so the name is said once. */
export function withoutSource(reason: string, source: string): string {
  return reason.startsWith(`${source}: `) ? reason.slice(source.length + 2) : reason;
}

/** Reads `files` and keeps the rows of `periodId`; `onProgress` is called after each file. */
export async function collectFiles(
  t: Template,
  periodId: string,
  files: readonly string[],
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<Collected> {
  const out: Collected = { rows: [], problems: [], outcomes: [] };
  let done = 0;
  for (const file of files) {
    const name = basename(file);
    // A synchronous read: a unit's file is a few kilobytes, and an await per file cost more
    // (a thread-pool round trip each) than reading it; nothing else runs meanwhile.
    await addSource(out, t, periodId, name, async () =>
      refuseReport(await readWorkbookValues(readFileSync(file), name, FAST), name),
    );
    onProgress?.(++done, files.length, name);
  }
  return out;
}

/**
 * A report made by tong-hop is not a unit's data: reading its tables as data would list a
 * hundred false problems. Refused by name, pointing at `rollup`, which is what reads reports.
 * @throws AppError "source.is-report"
 */
export function refuseReport<S extends NamedGrid>(sheets: S[], name: string): S[] {
  if (!hasEmbeddedResult(sheets)) return sheets;
  throw new AppError(
    "source.is-report",
    `${name}: là báo cáo tổng hợp do tong-hop tạo, không phải số liệu của đơn vị; tệp không được dùng.`,
    [
      "Để riêng báo cáo ra ngoài thư mục số liệu; muốn tổng hợp báo cáo của các cơ quan cấp dưới thì dùng tong-hop rollup.",
    ],
  );
}

/**
 * Adds already-read spreadsheets (Google Sheets) to `into`, through the same sheet
 * selection and mapping as a file, so every rule (keys, marker, period, units) is the same.
 */
export async function collectSheets(
  t: Template,
  periodId: string,
  sources: readonly { name: string; sheets: NamedGrid[] }[],
  into: Collected,
): Promise<Collected> {
  for (const s of sources) await addSource(into, t, periodId, s.name, async () => s.sheets);
  return into;
}

/** Maps one source's sheets; a source refused by name is recorded, never fatal. */
async function addSource(
  out: Collected,
  t: Template,
  periodId: string,
  name: string,
  read: () => Promise<NamedGrid[]>,
): Promise<void> {
  try {
    const got = selectPeriodSheets(t, periodId, await read(), name);
    out.rows.push(...got.rows);
    out.problems.push(...got.problems);
    out.outcomes.push({ source: name, ok: true, rows: got.rows.length });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out.outcomes.push({ source: name, ok: false, rows: 0, reason: e.message });
    out.problems.push({
      code: e.code,
      severity: "error",
      message: e.message.split("\n")[0],
      fix: e.details[e.details.length - 1] ?? "Kiểm tra lại tệp rồi gửi lại.",
      source: name,
      value: name,
    });
  }
}
