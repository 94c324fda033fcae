/** Types of a compiled period: unit records, statuses, totals and problems. */
import type { CellValue } from "./cell.js";
import type { Problem } from "./problem.js";

/** A sheet row mapped by column key, before validation. */
export interface RawRow {
  /** 1-based row number in its sheet. */
  row: number;
  cells: Record<string, CellValue>;
  source?: string;
  /** The file's own last-saved time (wall clock, UTC+7), used when "Thời gian gửi" is blank. */
  savedAt?: string;
}

/** A validated indicator value. Dates are "YYYY-MM-DD". */
export type IndicatorValue = number | string | boolean | null;

/** Submission statuses (values are stable keys; labels in `SUBMISSION_LABELS`). */
export type SubmissionStatus = "on-time" | "late" | "undated" | "pending" | "overdue";

/** The officials' four task statuses, plus "not reported" for units that sent nothing. */
export type TaskStatus = "done-on-time" | "done-late" | "open-in-time" | "open-overdue" | "not-reported";

/** One unit's validated row. */
export interface UnitRecord {
  unitCode: string;
  values: Record<string, IndicatorValue>;
  tasks: Record<string, { input: string | null; doneDate: string | null }>;
  texts: Record<string, string>;
  reporter: string;
  phone: string;
  submitted: boolean;
  /** Local wall-clock time "YYYY-MM-DDTHH:mm:ss", or null. */
  submittedAt: string | null;
  /** "file-saved" when `submittedAt` is the file's last-saved time, the unit having left it blank. */
  submittedAtFrom?: "file-saved";
  row: number;
  source?: string;
}

/** Submission state of one unit in a period. */
export interface UnitStatus {
  unitCode: string;
  unitName: string;
  group: string;
  status: SubmissionStatus;
  submittedAt: string | null;
  /** Not submitted, deadline within 3 days. */
  dueSoon: boolean;
  /** Has figures but "Xác nhận gửi" not ticked. */
  draft: boolean;
  tasks: Record<string, TaskStatus>;
  /** Extra words on the status (a rolled-up office: how many of its units sent). */
  note?: string;
}

/** Totals of one indicator over the units whose values count. */
export interface IndicatorTotal {
  key: string;
  /** sum/avg/min/max result; for count, the count; null when nothing reported. */
  total: number | null;
  reportedCount: number;
  byGroup: Record<string, { total: number | null; reportedCount: number }>;
  /** Per choice (or "Có"/"Không" for booleans): how many units picked it. */
  distribution?: Record<string, number>;
}

/** Everything compiled for one plan and period. */
export interface CompileResult {
  planCode: string;
  periodId: string;
  /** "YYYY-MM-DD" the statuses were judged at. */
  asOf: string;
  records: UnitRecord[];
  statuses: UnitStatus[];
  totals: IndicatorTotal[];
  problems: Problem[];
  /** Which unit codes' figures are in the totals. */
  countedUnits: string[];
}
