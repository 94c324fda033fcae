/** Validates keyed rows against the template: one record per row, a problem per bad cell. */
import { isBlank, type CellValue } from "../model/cell.js";
import {
  buildColumns,
  COLUMN_KEYS,
  taskDateKey,
  taskStatusKey,
  textKey,
  TASK_INPUT_STATUSES,
  type ColumnSpec,
} from "../template/columns.js";
import type { RawRow, UnitRecord } from "../model/compile-result.js";
import { isCellError } from "../model/cell.js";
import { cellText } from "../vn/show.js";
import {
  readBoolean,
  readChoice,
  readDateTime,
  readDay,
  readIndicator,
  readPhone,
  readText,
  type CellIssue,
} from "./parse-cell.js";
import { showValue } from "../vn/show.js";
import type { Problem } from "../model/problem.js";
import { parseVnDate } from "../vn/parse-date.js";
import { formatDateTimeVN, formatDayVN } from "../vn/dates.js";
import type { Template, Unit } from "../model/template-schema.js";
import { unitLookup } from "../template/unit-code.js";

/** Records of known units (in row order) and every problem found. */
export interface ValidatedRows {
  records: UnitRecord[];
  problems: Problem[];
}

/**
 * Reads every cell of every row by its column's type. Invalid values become `null` in the
 * record and a problem naming unit, column, value and fix; rows of unknown units are kept
 * out of the records and listed.
 */
export function validateRows(t: Template, rows: readonly RawRow[]): ValidatedRows {
  const columns = new Map(buildColumns(t).map((c) => [c.key, c]));
  const find = unitLookup(t.units);
  const problems: Problem[] = [];
  const records: UnitRecord[] = [];

  for (const raw of rows) {
    const typed = raw.cells[COLUMN_KEYS.unitCode];
    const typedCode = isBlank(typed) || isCellError(typed) ? "" : cellText(typed);
    const unit = typedCode ? find(typedCode) : undefined;
    const base = { row: raw.row, source: raw.source };
    if (!unit) {
      const name = isBlank(raw.cells[COLUMN_KEYS.unitName]) ? "" : cellText(raw.cells[COLUMN_KEYS.unitName]);
      const byName = name
        ? t.units.find((u) => u.name.normalize("NFC").toLowerCase() === name.toLowerCase())
        : undefined;
      const errorCell = isCellError(typed);
      problems.push({
        ...base,
        code: errorCell ? "unit.error-value" : typedCode ? "unit.unknown" : "unit.missing-code",
        severity: "error",
        unitCode: typedCode || undefined,
        unitName: name || undefined,
        column: "Mã đơn vị",
        columnKey: COLUMN_KEYS.unitCode,
        value: typedCode ? showValue(typedCode) : showValue(typed),
        message: errorCell
          ? `Ô mã đơn vị đang báo lỗi công thức ${typed.error}; số liệu của dòng này chưa được tổng hợp.`
          : typedCode
            ? `Mã đơn vị "${showValue(typedCode, 40)}" không có trong danh sách đơn vị của kế hoạch; số liệu của dòng này chưa được tổng hợp.`
            : "Dòng có số liệu nhưng không có mã đơn vị; số liệu của dòng này chưa được tổng hợp.",
        fix: byName
          ? `Có thể là ${byName.name}: nhập mã ${byName.code}.`
          : "Nhập đúng mã đơn vị do Văn phòng cấp (danh sách đơn vị trong trang Cấu hình của bảng tính dùng chung, hoặc hỏi Văn phòng); nếu đơn vị chưa có trong danh sách, đề nghị Văn phòng bổ sung.",
      });
      continue;
    }
    if (typedCode !== unit.code) {
      problems.push({
        ...base,
        code: "unit.code-form",
        severity: "warning",
        unitCode: unit.code,
        unitName: unit.name,
        column: "Mã đơn vị",
        columnKey: COLUMN_KEYS.unitCode,
        value: showValue(typedCode),
        message: `Mã đơn vị được nhập là "${typedCode}", đã hiểu là ${unit.code}.`,
        fix: `Sửa lại thành ${unit.code} cho thống nhất.`,
      });
    }
    records.push(readRecord(t, unit, raw, columns, problems));
  }
  return { records, problems };
}

/**
 * A cell as the unit sees it in its sheet: a serial number in a date column (as the Sheets API
 * hands it) is shown as the date it displays, a phone number keeps its digits.
 */
function shownValue(col: ColumnSpec | undefined, v: CellValue): string {
  if (typeof v === "number" && col) {
    const dateColumn = col.kind === "task-date" || col.kind === "submitted-at" || col.indicator?.type === "date";
    const d = dateColumn ? parseVnDate(v) : null;
    if (d?.ok) return col.kind === "submitted-at" ? formatDateTimeVN(d.value) : formatDayVN(d.value);
  }
  return showValue(v);
}

/** Lists one cell's issue as a problem of the row's unit. */
type Report = (key: string, v: CellValue, issue: CellIssue, severity: Problem["severity"]) => void;

/** Reads one known unit's row into its record, listing a problem per bad cell. */
function readRecord(
  t: Template,
  unit: Unit,
  raw: RawRow,
  columns: Map<string, ColumnSpec>,
  problems: Problem[],
): UnitRecord {
  const rec: UnitRecord = {
    unitCode: unit.code,
    values: {},
    tasks: {},
    texts: {},
    reporter: "",
    phone: "",
    submitted: false,
    submittedAt: null,
    row: raw.row,
    source: raw.source,
  };
  const report: Report = (key, v, issue, severity) => {
    problems.push({
      code: issue.code,
      severity,
      unitCode: unit.code,
      unitName: unit.name,
      column: columns.get(key)?.header ?? key,
      columnKey: key,
      value: shownValue(columns.get(key), v),
      message: issue.message,
      fix: issue.fix,
      row: raw.row,
      source: raw.source,
    });
  };
  readIndicators(t, raw, rec, report);
  readTasks(t, raw, rec, report);
  readTexts(t, raw, rec, report);
  readContact(raw, rec, report);
  readSubmission(raw, rec, report);
  return rec;
}

/** Reads every indicator cell into `rec.values`; an invalid value becomes null. */
function readIndicators(t: Template, raw: RawRow, rec: UnitRecord, report: Report): void {
  for (const ind of t.indicators) {
    const v = raw.cells[ind.key];
    const r = readIndicator(ind, v);
    if (r.ok) {
      rec.values[ind.key] = r.value;
      if (r.warning) report(ind.key, v, r.warning, "warning");
    } else {
      rec.values[ind.key] = null;
      report(ind.key, v, r, "error");
    }
  }
}

/** Reads each task's status and completion date into `rec.tasks`, when the row has their columns. */
function readTasks(t: Template, raw: RawRow, rec: UnitRecord, report: Report): void {
  const has = (key: string) => key in raw.cells;
  for (const task of t.tasks) {
    const sk = taskStatusKey(task.code);
    const dk = taskDateKey(task.code);
    let input: string | null = null;
    let doneDate: string | null = null;
    if (!isBlank(raw.cells[sk])) {
      const r = readChoice(raw.cells[sk], TASK_INPUT_STATUSES);
      if (r.ok) input = r.value as string;
      else report(sk, raw.cells[sk], r, "error");
    }
    if (!isBlank(raw.cells[dk])) {
      const r = readDay(raw.cells[dk]);
      if (r.ok) doneDate = r.value as string;
      else report(dk, raw.cells[dk], r, "error");
    }
    if (doneDate && input !== "Hoàn thành") {
      report(
        dk,
        raw.cells[dk],
        {
          code: "task.date-without-done",
          message: 'Có ngày hoàn thành nhưng tình trạng chưa là "Hoàn thành".',
          fix: 'Chọn tình trạng "Hoàn thành" hoặc xóa ngày hoàn thành.',
        },
        "warning",
      );
    }
    if (has(sk) || has(dk)) rec.tasks[task.code] = { input, doneDate };
  }
}

/** Reads the filled free-text fields into `rec.texts`. */
function readTexts(t: Template, raw: RawRow, rec: UnitRecord, report: Report): void {
  for (const f of t.textFields) {
    const k = textKey(f.key);
    if (isBlank(raw.cells[k])) continue;
    const r = readText(raw.cells[k]);
    if (r.ok) {
      rec.texts[f.key] = r.value as string;
      if (r.warning) report(k, raw.cells[k], r.warning, "warning");
    } else report(k, raw.cells[k], r, "error");
  }
}

/** Reads the reporter's name and phone number. */
function readContact(raw: RawRow, rec: UnitRecord, report: Report): void {
  const reporter = raw.cells[COLUMN_KEYS.reporter];
  if (!isBlank(reporter)) {
    const r = readText(reporter);
    if (r.ok) {
      rec.reporter = r.value as string;
      if (r.warning) report(COLUMN_KEYS.reporter, reporter, r.warning, "warning");
    } else report(COLUMN_KEYS.reporter, reporter, r, "error");
  }
  const phone = raw.cells[COLUMN_KEYS.phone];
  if (!isBlank(phone)) {
    const r = readPhone(phone);
    if (r.ok) {
      rec.phone = r.value as string;
      if (r.warning) report(COLUMN_KEYS.phone, phone, r.warning, "warning");
    } else report(COLUMN_KEYS.phone, phone, r, "error");
  }
}

/** Reads "Xác nhận gửi" and "Thời gian gửi", falling back to the file's save time for a ticked row. */
function readSubmission(raw: RawRow, rec: UnitRecord, report: Report): void {
  const sub = raw.cells[COLUMN_KEYS.submitted];
  if (!isBlank(sub)) {
    const r = readBoolean(sub);
    if (r.ok) rec.submitted = r.value === true;
    else report(COLUMN_KEYS.submitted, sub, r, "error");
  }
  const at = raw.cells[COLUMN_KEYS.submittedAt];
  if (!isBlank(at)) {
    const r = readDateTime(at);
    if (r.ok) rec.submittedAt = r.value as string;
    else report(COLUMN_KEYS.submittedAt, at, r, "error");
  } else if (rec.submitted && raw.savedAt) {
    // Excel and LibreOffice fill nothing in "Thời gian gửi"; the file's own save time is the
    // best evidence of when it was sent, and the report says it was used.
    rec.submittedAt = raw.savedAt;
    rec.submittedAtFrom = "file-saved";
  }
}
