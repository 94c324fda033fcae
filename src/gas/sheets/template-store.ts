/** Gets the plan template: from the document cache, else from the "Cấu hình" sheet, else a bundled one. */
import { AppError } from "../../core/model/problem.js";
import type { Template } from "../../core/model/template-schema.js";
import bundled from "tong-hop:sheets-templates";
import { chunkText } from "../platform/bytes.js";
import { parseConfigGrid } from "../../core/template/config-errors.js";
import { CONFIG_SHEET } from "../../core/template/config-grid.js";
import { fromSheet } from "./sheet-values.js";

const CACHE_KEY = "tong-hop:template:v1";
/** CacheService keeps at most 100 KB per value; stay well below. */
const CHUNK = 90_000;
const CACHE_SECONDS = 6 * 3600;

/** The templates bundled from sheets-templates/*.json. */
export function bundledTemplates(): { name: string; input: unknown }[] {
  return bundled;
}

/** Reads and checks the "Cấu hình" sheet. Null when the sheet does not exist. */
export function readConfigSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Template | null {
  const sheet = ss.getSheetByName(CONFIG_SHEET);
  if (!sheet) return null;
  // One call for the whole used range (-1: up to the last row and column with data).
  const grid = fromSheet(sheet.getSheetValues(1, 1, -1, -1));
  return parseConfigGrid(grid);
}

/** Stores the parsed template in the document cache for onEdit. */
export function cacheTemplate(t: Template): void {
  const cache = CacheService.getDocumentCache();
  if (!cache) return;
  const parts = chunkText(JSON.stringify(t), CHUNK);
  const values: Record<string, string> = { [CACHE_KEY]: String(parts.length) };
  parts.forEach((p, i) => (values[`${CACHE_KEY}:${i}`] = p));
  cache.putAll(values, CACHE_SECONDS);
}

/** Drops the cached template (the Văn phòng edited "Cấu hình"). */
export function forgetTemplate(): void {
  CacheService.getDocumentCache()?.remove(CACHE_KEY);
}

function cachedTemplate(): Template | null {
  const cache = CacheService.getDocumentCache();
  if (!cache) return null;
  const n = Number(cache.get(CACHE_KEY));
  if (!n) return null;
  const keys = Array.from({ length: n }, (_, i) => `${CACHE_KEY}:${i}`);
  const got = cache.getAll(keys);
  if (keys.some((k) => typeof got[k] !== "string")) return null;
  try {
    return JSON.parse(keys.map((k) => got[k]).join("")) as Template;
  } catch {
    return null;
  }
}

/**
 * The template for onEdit: the cached copy when there is one (no sheet read), else the
 * "Cấu hình" sheet (then cached). `fresh` always reads the sheet (compile and set-up do).
 * @throws AppError "config.missing" when the sheet has not been set up.
 */
export function loadTemplate(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, opts: { fresh?: boolean } = {}): Template {
  if (!opts.fresh) {
    const hit = cachedTemplate();
    if (hit) return hit;
  }
  const t = readConfigSheet(ss);
  if (!t) {
    throw new AppError("config.missing", `Bảng tính chưa có trang "${CONFIG_SHEET}".`, [
      "Văn phòng chạy Báo cáo → Thiết lập bảng tính trước.",
    ]);
  }
  cacheTemplate(t);
  return t;
}
