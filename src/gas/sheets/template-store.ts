/** Gets the plan template: from the document cache, else from the "Cấu hình" sheet, else a bundled one. */
import { AppError } from "../../core/model/problem.js";
import type { Template } from "../../core/model/template-schema.js";
import bundled from "tong-hop:sheets-templates";
import { chunkUtf8 } from "../platform/bytes.js";
import { logError } from "../platform/redact.js";
import { parseConfigGrid } from "../../core/template/config-errors.js";
import { CONFIG_SHEET } from "../../core/template/config-grid.js";
import { fromSheet } from "./sheet-values.js";

const CACHE_KEY = "tong-hop:template:v1";
/**
 * CacheService keeps at most 100 KB (102,400 bytes) per value
 * (https://developers.google.com/apps-script/reference/cache/cache#put(String,String)): pieces of
 * half that, in UTF-8 bytes, leave a wide margin whatever the names' letters.
 */
export const CACHE_PIECE_BYTES = 50_000;
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

/**
 * Stores the parsed template in the document cache for onEdit, best effort: a cache that refuses
 * it (size, quota, service failure) is logged and skipped, onEdit then reads "Cấu hình" instead.
 * True when stored.
 */
export function cacheTemplate(t: Template): boolean {
  try {
    const cache = CacheService.getDocumentCache();
    if (!cache) return false;
    const parts = chunkUtf8(JSON.stringify(t), CACHE_PIECE_BYTES);
    const values: Record<string, string> = { [CACHE_KEY]: String(parts.length) };
    parts.forEach((p, i) => (values[`${CACHE_KEY}:${i}`] = p));
    cache.putAll(values, CACHE_SECONDS);
    return true;
  } catch (err) {
    logError("cacheTemplate", err);
    return false;
  }
}

/** Drops the cached template (the Văn phòng edited "Cấu hình"). */
export function forgetTemplate(): void {
  try {
    CacheService.getDocumentCache()?.remove(CACHE_KEY);
  } catch (err) {
    logError("forgetTemplate", err);
  }
}

function cachedTemplate(): Template | null {
  try {
    const cache = CacheService.getDocumentCache();
    if (!cache) return null;
    const n = Number(cache.get(CACHE_KEY));
    if (!n) return null;
    const keys = Array.from({ length: n }, (_, i) => `${CACHE_KEY}:${i}`);
    const got = cache.getAll(keys);
    if (keys.some((k) => typeof got[k] !== "string")) return null;
    return JSON.parse(keys.map((k) => got[k]).join("")) as Template;
  } catch (err) {
    // A cache that fails is only slower: the sheet is read instead.
    logError("cachedTemplate", err);
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
