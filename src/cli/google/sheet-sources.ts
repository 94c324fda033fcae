/** For compile and validate: the template and the live spreadsheets, in the right order. */
import { AppError } from "../../core/model/problem.js";
import { findPeriod } from "../../core/template/template.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { loadTemplate } from "../load-template.js";
import { readLiveSheets, type LiveSheetOptions, type LiveSource } from "./read-live-sheet.js";
import { parseSpreadsheetRef } from "./spreadsheet-ref.js";

/** The options of a command that reads files and/or spreadsheets. */
export interface SheetSourceOptions {
  /** Without it, the first --sheet's "Cấu hình" tab is the template. */
  template?: string;
  period: string;
  /** Spreadsheet IDs or addresses (repeatable). */
  sheet?: string[];
  credentials?: string;
  /** Endpoints, environment and retry timing (tests, proxies). */
  google?: LiveSheetOptions;
}

/** What can be checked offline, before any request. */
export interface PlannedSources {
  given?: Template;
  sheets: string[];
}

/** What the command works with. */
export interface Sources {
  template: Template;
  period: Period;
  live: LiveSource[];
}

/**
 * Checks offline what can be checked (--template, --period with it, the spreadsheet
 * addresses), so a typo costs no request.
 * @throws AppError "cli.no-template" when there is neither --template nor --sheet.
 */
export function planSources(o: SheetSourceOptions): PlannedSources {
  const sheets = o.sheet ?? [];
  if (!o.template && !sheets.length) {
    throw new AppError("cli.no-template", "Chưa chọn mẫu kế hoạch.", [
      "Thêm --template <mẫu> (ví dụ -t ttdn-2023), hoặc --sheet <bảng tính Google> để dùng trang Cấu hình của bảng tính.",
    ]);
  }
  const given = o.template ? loadTemplate(o.template) : undefined;
  if (given) findPeriod(given, o.period);
  sheets.forEach(parseSpreadsheetRef);
  return { given, sheets };
}

/** Reads the spreadsheets (if any); the template is --template or the first one's "Cấu hình". */
export async function loadSources(o: SheetSourceOptions, planned: PlannedSources = planSources(o)): Promise<Sources> {
  const { given, sheets } = planned;
  if (!sheets.length) return { template: given!, period: findPeriod(given!, o.period), live: [] };
  const read = await readLiveSheets(sheets, {
    ...o.google,
    credentials: o.credentials ?? o.google?.credentials,
    needTemplate: !given,
  });
  const template = given ?? read.template!;
  return { template, period: findPeriod(template, o.period), live: read.sources };
}
