/** Helpers for CLI tests: a temp folder, the mini template on disk, captured output. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { vi } from "vitest";
import type { CellValue } from "../../src/core/model/cell.js";
import { writeDataSheetXlsx } from "../../src/excel/write/write-data-sheet.js";
import { mini, miniInput } from "../fixtures/mini-template.js";

/** A fresh temp folder with the mini template written as mini.json. */
export function workdir(): { dir: string; template: string; path: (f: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), "tong-hop-"));
  const template = join(dir, "mini.json");
  writeFileSync(template, JSON.stringify(miniInput));
  return { dir, template, path: (f) => join(dir, f) };
}

/** Writes a filled data workbook for the mini template. */
export async function writeFilled(
  file: string,
  rows: Record<string, CellValue>[],
  opts: { period?: string; unitCode?: string } = {},
): Promise<void> {
  writeFileSync(
    file,
    await writeDataSheetXlsx(mini, opts.period ?? "sau_thang_2023", { rows, unitCode: opts.unitCode }),
  );
}

/** Runs `fn` while capturing what it writes to stdout. */
export async function captureStdout<T>(fn: () => Promise<T>): Promise<{ value: T; out: string }> {
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    return { value: await fn(), out };
  } finally {
    spy.mockRestore();
  }
}

/** Loads an .xlsx file with exceljs. */
export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
