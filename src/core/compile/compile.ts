/** Compiles one period: map, validate, consolidate, judge statuses and total the figures. */
import type { Grid } from "../model/cell.js";
import type { CompileResult, RawRow, UnitRecord, UnitStatus } from "../model/compile-result.js";
import { consolidate } from "./consolidate.js";
import { formatDateTimeVN } from "../vn/dates.js";
import { mapGrid } from "../read/map-grid.js";
import { AppError, type Problem } from "../model/problem.js";
import { capProblems } from "../read/cap-problems.js";
import { buildColumns, taskDateKey } from "../template/columns.js";
import { submissionTimeNotes } from "./submission-time-notes.js";
import { submissionStatus } from "./submission-status.js";
import { taskDueDay, taskStatus } from "./task-status.js";
import { findPeriod } from "../template/template.js";
import type { Template } from "../model/template-schema.js";
import { computeTotals } from "./totals.js";
import { validateRows } from "../read/validate-rows.js";

/** What to compile. `asOf` is "YYYY-MM-DD" or a wall-clock "YYYY-MM-DDTHH:mm:ss". */
export interface CompileRowsInput {
  template: Template;
  periodId: string;
  rows: readonly RawRow[];
  asOf: string;
  /** Problems found before validation (structure, sources) to carry into the result. */
  problems?: readonly Problem[];
  /** Count figures of units that filled their row but did not tick "Xác nhận gửi". */
  includeDrafts?: boolean;
}

/** One unit of the template. */
type Unit = Template["units"][number];

/** What every unit's status is judged against, shared by the helpers of {@link compileRows}. */
interface UnitContext {
  t: Template;
  period: ReturnType<typeof findPeriod>;
  asOf: string;
  asOfDay: string;
  includeDrafts: boolean | undefined;
  header: Map<string, string>;
  refused: Set<string>;
  byUnit: Map<string, UnitRecord>;
  problems: Problem[];
  counted: string[];
}

/** Compiles keyed rows into statuses, totals and problems. */
export function compileRows(input: CompileRowsInput): CompileResult {
  const { template: t, periodId, asOf } = input;
  const period = findPeriod(t, periodId);
  const v = validateRows(t, input.rows);
  const c = consolidate(t, v.records);
  const problems: Problem[] = [...(input.problems ?? []), ...v.problems, ...c.problems];
  const byUnit = new Map(c.records.map((r) => [r.unitCode, r]));
  const asOfDay = asOf.slice(0, 10);
  const byUnitCode = new Set(t.units.map((u) => u.code));
  const header = new Map(buildColumns(t).map((c) => [c.key, c.header]));
  // Cells already refused: a required value left out because it was invalid is not "missing".
  const refused = new Set(
    problems
      .filter((p) => p.severity === "error" && p.unitCode && p.columnKey)
      .map((p) => `${p.unitCode}|${p.columnKey}`),
  );

  const counted: string[] = [];
  const ctx: UnitContext = {
    t,
    period,
    asOf,
    asOfDay,
    includeDrafts: input.includeDrafts,
    header,
    refused,
    byUnit,
    problems,
    counted,
  };
  const statuses: UnitStatus[] = t.units.map((u) => unitStatus(ctx, u));
  const countedSet = new Set(counted);
  const totals = computeTotals(
    t,
    c.records.filter((r) => countedSet.has(r.unitCode)),
  );
  return {
    planCode: t.plan.code,
    periodId,
    asOf,
    records: c.records,
    statuses,
    totals,
    problems: capProblems(problems, (code) => byUnitCode.has(code)),
    countedUnits: counted,
  };
}

/** Judges one unit: its submission and task statuses, pushing its problems and counting it when its figures count. */
function unitStatus(ctx: UnitContext, u: Unit): UnitStatus {
  const { t, problems, asOfDay } = ctx;
  const r = ctx.byUnit.get(u.code);
  const s = submissionStatus(ctx.period, r?.submitted ?? false, r?.submittedAt ?? null, ctx.asOf);
  const draft = !!r && !r.submitted;
  problems.push(...submissionTimeNotes(u, r, s.status));
  const tasks: UnitStatus["tasks"] = {};
  for (const task of t.tasks) {
    if (task.groups && !task.groups.includes(u.group)) continue;
    const entry = r?.tasks[task.code];
    tasks[task.code] =
      r && (r.submitted || ctx.includeDrafts)
        ? taskStatus(taskDueDay(t, task), entry?.input ?? null, entry?.doneDate ?? null, asOfDay)
        : "not-reported";
  }
  if (r && (r.submitted || ctx.includeDrafts)) ctx.counted.push(u.code);
  if (r && draft) problems.push(draftProblem(u, r, ctx.includeDrafts));
  // After the deadline submissionTimeNotes lists the unit as undated; one line per unit, never two.
  if (r?.submitted && r.submittedAt && r.submittedAt.slice(0, 10) > asOfDay) {
    problems.push(futureSubmissionProblem(u, r, r.submittedAt));
  }
  if (r) problems.push(...futureTaskDateProblems(ctx, u, r));
  if (r && (r.submitted || ctx.includeDrafts)) problems.push(...missingRequiredProblems(ctx, u, r));
  return {
    unitCode: u.code,
    unitName: u.name,
    group: u.group,
    status: s.status,
    submittedAt: r?.submitted ? r.submittedAt : null,
    dueSoon: s.dueSoon,
    draft,
    tasks,
  };
}

/** A unit that filled its row but did not tick "Xác nhận gửi". */
function draftProblem(u: Unit, r: UnitRecord, includeDrafts: boolean | undefined): Problem {
  return {
    code: "unit.draft",
    severity: "warning",
    unitCode: u.code,
    unitName: u.name,
    column: "Xác nhận gửi",
    columnKey: "xac_nhan_gui",
    value: r.submittedAt ? `đã bỏ tích (thời gian gửi cũ ${formatDateTimeVN(r.submittedAt)})` : "chưa tích",
    message: includeDrafts
      ? "Đơn vị đã nhập số liệu nhưng chưa xác nhận gửi; số liệu vẫn được tính theo yêu cầu."
      : "Đơn vị đã nhập số liệu nhưng chưa xác nhận gửi; số liệu chưa được tính vào tổng hợp.",
    fix: 'Đơn vị kiểm tra lại số liệu rồi tích ô "Xác nhận gửi" (trong tệp Excel: chọn Có).',
    row: r.row,
    source: r.source,
  };
}

/** A submission time after the compile day, probably mistyped. */
function futureSubmissionProblem(u: Unit, r: UnitRecord, submittedAt: string): Problem {
  return {
    code: "submission.future",
    severity: "warning",
    unitCode: u.code,
    unitName: u.name,
    column: "Thời gian gửi",
    columnKey: "thoi_gian_gui",
    value: formatDateTimeVN(submittedAt),
    message: "Thời gian gửi ở sau ngày tổng hợp, có thể nhập nhầm.",
    fix: "Sửa lại thời gian gửi cho đúng.",
    row: r.row,
    source: r.source,
  };
}

/** Task completion dates after the compile day, one problem per task, in template order. */
function futureTaskDateProblems(ctx: UnitContext, u: Unit, r: UnitRecord): Problem[] {
  const found: Problem[] = [];
  for (const task of ctx.t.tasks) {
    const done = r.tasks[task.code]?.doneDate;
    if (done && done > ctx.asOfDay) {
      found.push({
        code: "task.date-future",
        severity: "warning",
        unitCode: u.code,
        unitName: u.name,
        column: ctx.header.get(taskDateKey(task.code)),
        columnKey: taskDateKey(task.code),
        value: formatDateTimeVN(done),
        message: `Ngày hoàn thành ở sau ngày tổng hợp (${formatDateTimeVN(ctx.asOfDay)}), có thể nhập nhầm năm hoặc nhầm ngày với tháng.`,
        fix: "Sửa lại ngày hoàn thành (dạng ngày/tháng/năm).",
        row: r.row,
        source: r.source,
      });
    }
  }
  return found;
}

/** Required indicators left empty (and not already refused as invalid), in template order. */
function missingRequiredProblems(ctx: UnitContext, u: Unit, r: UnitRecord): Problem[] {
  const found: Problem[] = [];
  for (const ind of ctx.t.indicators) {
    if (ind.required && r.values[ind.key] === null && !ctx.refused.has(`${u.code}|${ind.key}`)) {
      found.push({
        code: "required.missing",
        severity: "error",
        unitCode: u.code,
        unitName: u.name,
        column: ctx.header.get(ind.key),
        columnKey: ind.key,
        value: "",
        message: "Chỉ tiêu bắt buộc nhưng chưa có số liệu.",
        fix: requiredFix(ind),
        row: r.row,
        source: r.source,
      });
    }
  }
  return found;
}

/** How to fill a required indicator, by its type. */
function requiredFix(ind: Template["indicators"][number]): string {
  return ind.type === "boolean"
    ? "Chọn Có hoặc Không."
    : ind.type === "choice"
      ? `Chọn một trong: ${(ind.choices ?? []).join(", ")}.`
      : ind.type === "integer" || ind.type === "number"
        ? "Nhập số liệu (nếu không phát sinh, nhập 0)."
        : "Nhập nội dung cho ô này.";
}

/** Input of {@link compileGrid}: one sheet as a grid. */
export interface CompileGridInput extends Omit<CompileRowsInput, "rows"> {
  grid: Grid;
  source?: string;
}

/**
 * Compiles a sheet grid. Refuses a sheet whose marker names another plan or period.
 * @throws AppError "source.other-plan" / "source.other-period"
 */
export function compileGrid(input: CompileGridInput): CompileResult {
  const m = mapSheetForPeriod(input.template, input.periodId, input.grid, input.source);
  return compileRows({ ...input, rows: m.rows, problems: [...(input.problems ?? []), ...m.problems] });
}

/** Maps a grid and checks its marker belongs to this plan and period. */
export function mapSheetForPeriod(t: Template, periodId: string, grid: Grid, source?: string) {
  const m = mapGrid(t, grid, source);
  const where = source ? ` (${source})` : "";
  if (m.planCode && m.planCode !== t.plan.code) {
    throw new AppError(
      "source.other-plan",
      `Bảng dữ liệu${where} thuộc kế hoạch ${m.planCode}, không phải ${t.plan.code}.`,
      ["Hãy chọn đúng tệp hoặc đúng mẫu kế hoạch."],
    );
  }
  if (m.periodId && m.periodId !== periodId) {
    const other = t.periods.find((p) => p.id === m.periodId);
    const want = findPeriod(t, periodId);
    throw new AppError(
      "source.other-period",
      `Bảng dữ liệu${where} là của kỳ "${other?.label ?? m.periodId}", không phải kỳ "${want.label}".`,
      ["Hãy chọn đúng kỳ báo cáo (--period) hoặc đúng tệp."],
    );
  }
  return m;
}
