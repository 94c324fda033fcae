/** Reads shared Google Sheets into the same named grids an .xlsx file gives: two requests each. */
import type { Grid } from "../../core/model/cell.js";
import { AppError } from "../../core/model/problem.js";
import type { NamedGrid } from "../../core/read/select-sheets.js";
import type { Template } from "../../core/model/template-schema.js";
import { CONFIG_SHEET } from "../../core/template/config-grid.js";
import { templateFromConfigValues } from "./config-values.js";
import { resolveCredentials } from "./credentials.js";
import { resolveEndpoints, type GoogleEndpoints } from "./endpoints.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
import { createSheetsReader } from "./sheets-client.js";
import { parseSpreadsheetRef } from "./spreadsheet-ref.js";
import { applyMerges, valuesToGrid, wholeSheetRange } from "./values-to-grid.js";
import { ADD_ON_SHEETS } from "../../core/template/sheet-names.js";

// Skipping the add-on's own tabs keeps the one batchGet small (the log grows all year) and keeps
// their "Mã đơn vị" column out of the no-marker fallback.
export { ADD_ON_SHEETS };

/** How to reach Google; every field has a default. */
export interface LiveSheetOptions {
  /** --credentials: a key file. */
  credentials?: string;
  /** Environment to read (GOOGLE_APPLICATION_CREDENTIALS, XDG_CONFIG_HOME, TONG_HOP_*_URL…). */
  env?: NodeJS.ProcessEnv;
  endpoints?: Partial<GoogleEndpoints>;
  retry?: Partial<RetryOptions>;
}

/** One spreadsheet, read. */
export interface LiveSource {
  spreadsheetId: string;
  /** How messages name it: Google Sheets "title". */
  name: string;
  /** Its tabs that may hold unit data (not the add-on's own tabs, not charts). */
  sheets: NamedGrid[];
}

/** The spreadsheets, and the template of the first one's "Cấu hình" when asked for. */
export interface LiveRead {
  sources: LiveSource[];
  template?: Template;
}

/**
 * Reads each spreadsheet with `spreadsheets.get` (titles, ids and merges only) then ONE
 * `values.batchGet` for every data tab, plus "Cấu hình" of the first spreadsheet when
 * `needTemplate`. Access problems (no credentials, no access, not found, quota, network)
 * throw an AppError: a missing spreadsheet is a whole office's data, not one unit's file.
 */
export async function readLiveSheets(
  refs: readonly string[],
  o: LiveSheetOptions & { needTemplate: boolean },
): Promise<LiveRead> {
  const ids = [...new Set(refs.map(parseSpreadsheetRef))];
  const env = o.env ?? process.env;
  const endpoints = resolveEndpoints(env, o.endpoints);
  const creds = await resolveCredentials({ credentials: o.credentials, env, endpoints });
  const reader = await createSheetsReader(creds, endpoints, { ...DEFAULT_RETRY, ...o.retry });
  const out: LiveRead = { sources: [] };
  for (const [i, id] of ids.entries()) {
    const info = await reader.info(id);
    const name = `Google Sheets "${info.title}"`;
    const data = info.sheets.filter((s) => s.sheetType === "GRID" && !ADD_ON_SHEETS.includes(s.title.trim()));
    const config = o.needTemplate && i === 0 ? info.sheets.find((s) => s.title.trim() === CONFIG_SHEET) : undefined;
    if (o.needTemplate && i === 0 && !config) {
      throw new AppError("config.missing", `${name} chưa có trang "${CONFIG_SHEET}" nên không biết mẫu kế hoạch.`, [
        "Thêm --template <mẫu> (ví dụ -t ttdn-2023), hoặc mở bảng tính và chạy Báo cáo → Thiết lập bảng tính.",
      ]);
    }
    const ranges = [...data.map((s) => wholeSheetRange(s.title)), ...(config ? [wholeSheetRange(config.title)] : [])];
    const got = await reader.values(id, ranges);
    const gridAt = (k: number): Grid => valuesToGrid(got[k]?.values, got[k]?.range);
    const sheets = data.map((s, k) => {
      const grid = gridAt(k);
      return { name: s.title, grid, problems: applyMerges(grid, s.merges, `${name} › ${s.title}`) };
    });
    if (config) out.template = templateFromConfigValues(gridAt(data.length), `trang ${CONFIG_SHEET} của ${name}`);
    out.sources.push({ spreadsheetId: id, name, sheets });
  }
  return out;
}
