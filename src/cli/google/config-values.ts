/** Reads the "Cấu hình" sheet as the Sheets API returns it into a template. */
import { cleanText, type Grid } from "../../core/model/cell.js";
import { serialToWallClock } from "../../core/vn/dates.js";
import type { Template } from "../../core/model/template-schema.js";
import { CONFIG_TABLES, sectionMarker } from "../../core/template/config-grid.js";
import { parseConfigGrid } from "../../core/template/config-errors.js";

// Same bounds as the core's date parser: serials from 1950 to 2100 are dates.
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73051;

const norm = (v: unknown) => (typeof v === "string" ? cleanText(v).replace(/\s+/g, " ").toLocaleUpperCase("vi") : "");

/** Per table title: the headers of the columns the add-on writes dates into. */
const DATE_HEADERS = new Map(
  Object.entries(CONFIG_TABLES).map(([id, def]) => [
    norm(sectionMarker(def.title)),
    new Set(
      def.columns.filter((c) => c.kind === "date" || (id === "tasks" && c.key === "due")).map((c) => norm(c.header)),
    ),
  ]),
);

/**
 * Turns serial numbers back into wall-clock Dates in the columns where the add-on writes
 * dates. Apps Script hands those cells over as Dates; the API (SERIAL_NUMBER) as numbers,
 * and a task's "Hạn" column also holds text, so only its Date form says "a day".
 */
export function configSerialsToDates(grid: Grid): Grid {
  const out = grid.map((row) => [...(row ?? [])]);
  let dateCols = new Set<number>();
  for (let r = 0; r < out.length; r++) {
    const headers = DATE_HEADERS.get(norm(out[r][0]));
    if (headers) {
      const header = out[r + 1] ?? [];
      dateCols = new Set(header.flatMap((h, i) => (headers.has(norm(h)) ? [i] : [])));
      r++;
      continue;
    }
    if (/^■/.test(typeof out[r][0] === "string" ? (out[r][0] as string).trim() : "")) dateCols = new Set();
    for (const c of dateCols) {
      const v = out[r][c];
      if (typeof v === "number" && v >= SERIAL_MIN && v <= SERIAL_MAX) out[r][c] = serialToWallClock(v);
    }
  }
  return out;
}

/** The template the "Cấu hình" grid describes, checked like any template. */
export function templateFromConfigValues(grid: Grid, source: string): Template {
  // The same reader as the add-on, so a mistake is named by table, row and column of the sheet.
  return parseConfigGrid(configSerialsToDates(grid), source);
}
