/** Submission times from Nhật ký, for ticked rows whose "Thời gian gửi" could not be written. */
import type { Grid } from "../../core/model/cell.js";
import { COLUMN_KEYS, LAYOUT } from "../../core/template/columns.js";
import { instantToWallClock } from "../../core/vn/dates.js";
import { LOG_ACTIONS, LOG_SHEET } from "./log-sheet.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * For each ticked row of `grid` (wall-clock, keys in the key row) with no "Thời gian gửi", the
 * time of the unit's last log line for this sheet when that line is a tick ("Xác nhận gửi"):
 * the edit trigger logs every tick with its own time even when the stamp could not be written.
 * Returns a copy with those times filled in, and how many were filled; the log is read (one call)
 * only when such a row exists.
 */
export function fillTimesFromLog(ss: Spreadsheet, sheetName: string, grid: Grid): { grid: Grid; filled: number } {
  const keys = (grid[LAYOUT.keyRow - 1] ?? []).map((k) => (typeof k === "string" ? k.trim() : ""));
  const sent = keys.indexOf(COLUMN_KEYS.submitted);
  const at = keys.indexOf(COLUMN_KEYS.submittedAt);
  const code = keys.indexOf(COLUMN_KEYS.unitCode);
  if (sent < 0 || at < 0 || code < 0) return { grid, filled: 0 };
  const missing = grid.slice(LAYOUT.firstDataRow - 1).some((r) => r[sent] === true && (r[at] ?? "") === "");
  if (!missing) return { grid, filled: 0 };
  const log = ss.getSheetByName(LOG_SHEET);
  if (!log) return { grid, filled: 0 };
  const last = new Map<string, { action: string; at: Date }>();
  for (const r of log.getSheetValues(1, 1, -1, -1).slice(1)) {
    if (String(r[3]) !== sheetName || !(r[0] instanceof Date)) continue;
    const action = String(r[2]);
    if (action !== LOG_ACTIONS.submit && action !== LOG_ACTIONS.unsubmit) continue;
    const prev = last.get(String(r[4]));
    if (!prev || prev.at.getTime() <= r[0].getTime()) last.set(String(r[4]), { action, at: r[0] });
  }
  let filled = 0;
  const out = grid.map((row, i) => {
    if (i < LAYOUT.firstDataRow - 1 || row[sent] !== true || (row[at] ?? "") !== "") return row;
    const entry = last.get(String(row[code]));
    if (!entry || entry.action !== LOG_ACTIONS.submit) return row;
    filled++;
    const copy = [...row];
    copy[at] = instantToWallClock(entry.at);
    return copy;
  });
  return { grid: out, filled };
}
