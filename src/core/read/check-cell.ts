/** Checks one edited cell by its column, for notes written while a unit types. */
import { isBlank, type CellValue } from "../model/cell.js";
import type { ColumnSpec } from "../template/columns.js";
import { TASK_INPUT_STATUSES } from "../template/columns.js";
import { readBoolean, readChoice, readDateTime, readDay, readIndicator, readPhone, readText } from "./parse-cell.js";
import type { Severity } from "../model/problem.js";

/** A note for a bad cell: what is wrong and what to do, in Vietnamese. */
export interface CellNote {
  severity: Severity;
  code: string;
  message: string;
  fix: string;
}

/**
 * Returns a note for a bad value in `column`, or null when the value is fine (or blank).
 * Uses the very readers the compile uses, so a note while typing and the compile's problem
 * list never disagree.
 */
export function checkCell(column: ColumnSpec, value: CellValue): CellNote | null {
  if (isBlank(value)) return null;
  let r;
  switch (column.kind) {
    case "indicator":
      r = readIndicator(column.indicator!, value);
      break;
    case "task-status":
      r = readChoice(value, TASK_INPUT_STATUSES);
      break;
    case "task-date":
      r = readDay(value);
      break;
    case "text":
    case "reporter":
      r = readText(value);
      break;
    case "phone":
      r = readPhone(value);
      break;
    case "submitted":
      r = readBoolean(value);
      break;
    case "submitted-at":
      r = readDateTime(value);
      break;
    default:
      return null;
  }
  if (r.ok) return r.warning ? { severity: "warning", ...r.warning } : null;
  return { severity: "error", code: r.code, message: r.message, fix: r.fix };
}

/** The note text written on a cell: message and fix on two lines. */
export function noteText(n: CellNote): string {
  return `${n.severity === "error" ? "Lỗi" : "Lưu ý"}: ${n.message}\nCách sửa: ${n.fix}`;
}
