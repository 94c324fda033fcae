/** The data-sheet columns a template generates, each with a stable key. */
import type { Indicator, Task, Template, TextField } from "../model/template-schema.js";

/** Task statuses a unit picks in its row. */
export const TASK_INPUT_STATUSES = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"] as const;

/** Column kinds, in sheet order. */
export type ColumnKind =
  | "stt"
  | "unit-code"
  | "unit-name"
  | "group"
  | "indicator"
  | "task-status"
  | "task-date"
  | "text"
  | "reporter"
  | "phone"
  | "submitted"
  | "submitted-at";

/** One column of a data sheet. `key` is what maps a column, never its position. */
export interface ColumnSpec {
  key: string;
  kind: ColumnKind;
  /** Header text shown to units (Vietnamese). */
  header: string;
  /** Suggested width in characters. */
  width: number;
  indicator?: Indicator;
  task?: Task;
  textField?: TextField;
}

/** Fixed keys of the non-indicator columns. */
export const COLUMN_KEYS = {
  stt: "stt",
  unitCode: "ma_don_vi",
  unitName: "ten_don_vi",
  group: "nhom",
  reporter: "nguoi_bao_cao",
  phone: "dien_thoai",
  submitted: "xac_nhan_gui",
  submittedAt: "thoi_gian_gui",
} as const;

/** Header text of the unit-code column; the reader looks for exactly this. */
export const UNIT_CODE_HEADER = "Mã đơn vị";

/** Key of a task's status column. */
export const taskStatusKey = (code: string): string => `task:${code}:status`;
/** Key of a task's completion-date column. */
export const taskDateKey = (code: string): string => `task:${code}:date`;
/** Key of a free-text column. */
export const textKey = (key: string): string => `text:${key}`;

/** Header of an indicator column: label and ĐVT. */
export function indicatorHeader(ind: Indicator): string {
  return ind.unit ? `${ind.label} (${ind.unit})` : ind.label;
}

/** Lists the columns of a period's data sheet, in order. */
export function buildColumns(t: Pick<Template, "indicators" | "tasks" | "textFields">): ColumnSpec[] {
  const cols: ColumnSpec[] = [
    { key: COLUMN_KEYS.stt, kind: "stt", header: "STT", width: 5 },
    { key: COLUMN_KEYS.unitCode, kind: "unit-code", header: UNIT_CODE_HEADER, width: 12 },
    { key: COLUMN_KEYS.unitName, kind: "unit-name", header: "Tên đơn vị", width: 36 },
    { key: COLUMN_KEYS.group, kind: "group", header: "Nhóm", width: 18 },
  ];
  for (const ind of t.indicators) {
    cols.push({
      key: ind.key,
      kind: "indicator",
      header: indicatorHeader(ind),
      width: ind.type === "text" ? 30 : 14,
      indicator: ind,
    });
  }
  for (const task of t.tasks) {
    cols.push({
      key: taskStatusKey(task.code),
      kind: "task-status",
      header: `Nhiệm vụ ${task.code}: tình trạng`,
      width: 18,
      task,
    });
    cols.push({
      key: taskDateKey(task.code),
      kind: "task-date",
      header: `Nhiệm vụ ${task.code}: ngày hoàn thành`,
      width: 14,
      task,
    });
  }
  for (const f of t.textFields) {
    cols.push({ key: textKey(f.key), kind: "text", header: f.label, width: 40, textField: f });
  }
  cols.push(
    { key: COLUMN_KEYS.reporter, kind: "reporter", header: "Người báo cáo", width: 22 },
    { key: COLUMN_KEYS.phone, kind: "phone", header: "Điện thoại", width: 14 },
    { key: COLUMN_KEYS.submitted, kind: "submitted", header: "Xác nhận gửi", width: 10 },
    { key: COLUMN_KEYS.submittedAt, kind: "submitted-at", header: "Thời gian gửi", width: 18 },
  );
  return cols;
}

/**
 * Sheet layout: row 1 holds the hidden keys (the marker cell first), row 2 the headers,
 * units from row 3. The marker names the plan and the period so a file can never be
 * compiled as another period.
 */
export const LAYOUT = { keyRow: 1, headerRow: 2, firstDataRow: 3, frozenColumns: 3 } as const;

/** Prefix of the marker stored in the key row. */
export const MARKER_PREFIX = "#tong-hop";

/** Builds the marker text for a plan and period. */
export function makeMarker(planCode: string, periodId: string): string {
  return `${MARKER_PREFIX}|v1|${planCode}|${periodId}`;
}

/** Reads a marker back; null when `text` is not one. */
export function parseMarker(text: unknown): { planCode: string; periodId: string } | null {
  if (typeof text !== "string" || !text.startsWith(`${MARKER_PREFIX}|`)) return null;
  const parts = text.split("|");
  if (parts.length < 4) return null;
  return { planCode: parts[2], periodId: parts.slice(3).join("|") };
}
