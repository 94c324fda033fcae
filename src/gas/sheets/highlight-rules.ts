/** Conditional-format rules (formula strings and colours) that keep deadlines and bad cells visible live. */
import type { ColumnSpec } from "../../core/template/columns.js";
import { COLUMN_KEYS, TASK_INPUT_STATUSES } from "../../core/template/columns.js";
import { formatDayVN } from "../../core/vn/dates.js";
import { colName } from "../../core/read/map-grid.js";
import { DUE_SOON_DAYS } from "../../core/compile/submission-status.js";
import { taskDueDay } from "../../core/compile/task-status.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { describeValidation } from "../../core/template/validation-rules.js";

/** The colours of the highlighting, shared by the rules and the legend. */
export const HIGHLIGHT_COLORS = {
  overdue: "#f4cccc",
  dueSoon: "#fce8b2",
  late: "#f9cb9c",
  onTime: "#d9ead3",
  invalid: "#ead1dc",
  invalidFont: "#990000",
} as const;

/** One conditional-format rule: a custom formula relative to the first cell of its ranges. */
export interface HighlightRule {
  id: string;
  formula: string;
  /** A1 ranges on the data sheet. */
  ranges: string[];
  background: string;
  fontColor?: string;
}

/** One legend cell: its colour and what it means. */
export interface LegendEntry {
  background: string;
  fontColor?: string;
  text: string;
}

/** Where the columns sit: 0-based column index by key, and the data rows (1-based, inclusive). */
export interface HighlightLayout {
  columns: readonly ColumnSpec[];
  /** 0-based column index of each key on the sheet. */
  indexOf: ReadonlyMap<string, number>;
  firstRow: number;
  lastRow: number;
}

/** `DATE(y,m,d)` for a "YYYY-MM-DD". */
export function dateLiteral(day: string): string {
  return `DATE(${Number(day.slice(0, 4))},${Number(day.slice(5, 7))},${Number(day.slice(8, 10))})`;
}

/** A string literal for a formula ("" doubles quotes). */
export function stringLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(n));

/** Helpers shared by the rule builders: a key's column letter, a column's data range, the first data row. */
interface RuleContext {
  col: (key: string) => string | null;
  range: (c: string, c2?: string) => string;
  r: number;
}

function ruleContext(layout: HighlightLayout): RuleContext {
  const { indexOf, firstRow, lastRow } = layout;
  return {
    col: (key) => (indexOf.has(key) ? colName(indexOf.get(key)!) : null),
    range: (c, c2 = c) => `${c}${firstRow}:${c2}${lastRow}`,
    r: firstRow,
  };
}

/** Cell-level rules: a value the column's validation rejects. */
function invalidRules(layout: HighlightLayout, { col, range, r }: RuleContext, rules: HighlightRule[]): void {
  for (const c of layout.columns) {
    const letter = col(c.key);
    if (!letter) continue;
    const v = describeValidation(c);
    const cell = `${letter}${r}`;
    let bad: string | null = null;
    if (v.kind === "integer" || v.kind === "number") {
      // IF, not OR: Sheets evaluates every OR argument, and INT("12 bài") is an error that
      // would make the whole rule false; IF only evaluates the branch it takes.
      const parts: string[] = [];
      if (v.kind === "integer") parts.push(`${cell}<>INT(${cell})`);
      parts.push(`${cell}<${num(v.min ?? 0)}`);
      if (v.max !== undefined) parts.push(`${cell}>${num(v.max)}`);
      bad = `=AND(NOT(ISBLANK(${cell})),IF(ISNUMBER(${cell}),OR(${parts.join(",")}),TRUE))`;
    } else if (v.kind === "date") {
      bad = `=AND(NOT(ISBLANK(${cell})),NOT(ISNUMBER(${cell})))`;
    } else if (v.kind === "list" && v.list && v.list.length) {
      bad = `=AND(${cell}<>"",${v.list.map((x) => `${cell}<>${stringLiteral(x)}`).join(",")})`;
    }
    if (bad)
      rules.push({
        id: `invalid:${c.key}`,
        formula: bad,
        ranges: [range(letter)],
        background: HIGHLIGHT_COLORS.invalid,
        fontColor: HIGHLIGHT_COLORS.invalidFont,
      });
  }
}

/** Cell-level rules: tasks overdue or done late. */
function taskRules(
  t: Pick<Template, "periods" | "unitGroups">,
  layout: HighlightLayout,
  { col, range, r }: RuleContext,
  rules: HighlightRule[],
): void {
  const code = col(COLUMN_KEYS.unitCode);
  const group = col(COLUMN_KEYS.group);
  for (const c of layout.columns) {
    if (!c.task) continue;
    const due = taskDueDay(t, c.task);
    const letter = col(c.key);
    if (!due || !letter) continue;
    const groupNames = (c.task.groups ?? []).map((g) => t.unitGroups.find((x) => x.code === g)?.name ?? g);
    const inGroup =
      group && groupNames.length ? `,OR(${groupNames.map((n) => `$${group}${r}=${stringLiteral(n)}`).join(",")})` : "";
    if (c.kind === "task-status") {
      rules.push({
        id: `task-overdue:${c.task.code}`,
        formula: `=AND($${code}${r}<>""${inGroup},${letter}${r}<>${stringLiteral(TASK_INPUT_STATUSES[0])},TODAY()>${dateLiteral(due)})`,
        ranges: [range(letter)],
        background: HIGHLIGHT_COLORS.overdue,
      });
    } else if (c.kind === "task-date") {
      rules.push({
        id: `task-late:${c.task.code}`,
        formula: `=AND(ISNUMBER(${letter}${r}),INT(${letter}${r})>${dateLiteral(due)})`,
        ranges: [range(letter)],
        background: HIGHLIGHT_COLORS.late,
      });
    }
  }
}

/** Row-level statuses on the identity columns (and "Thời gian gửi" when late). */
function statusRules(
  period: Pick<Period, "deadline">,
  layout: HighlightLayout,
  { col, range, r }: RuleContext,
  rules: HighlightRule[],
): void {
  const { indexOf } = layout;
  const code = col(COLUMN_KEYS.unitCode)!;
  const sent = col(COLUMN_KEYS.submitted)!;
  const sentAt = col(COLUMN_KEYS.submittedAt);
  const deadline = dateLiteral(period.deadline);
  const first = colName(0);
  const lastIdentity = colName(
    Math.max(
      indexOf.get(COLUMN_KEYS.group) ?? 0,
      indexOf.get(COLUMN_KEYS.unitName) ?? 0,
      indexOf.get(COLUMN_KEYS.unitCode) ?? 0,
    ),
  );
  const identity = range(first, lastIdentity);
  // A tick without a time (the stamp could not be written) is never shown late: the compile lists it instead.
  const when = sentAt ? `IF(ISNUMBER($${sentAt}${r}),$${sentAt}${r},${deadline})` : "NOW()";
  const lateRanges = sentAt ? [identity, range(sentAt)] : [identity];
  rules.push(
    {
      id: "late",
      formula: `=AND($${sent}${r}=TRUE,${when}>=${deadline}+1)`,
      ranges: lateRanges,
      background: HIGHLIGHT_COLORS.late,
    },
    {
      id: "on-time",
      formula: `=AND($${sent}${r}=TRUE,${when}<${deadline}+1)`,
      ranges: [identity],
      background: HIGHLIGHT_COLORS.onTime,
    },
    {
      id: "overdue",
      formula: `=AND($${code}${r}<>"",$${sent}${r}<>TRUE,TODAY()>${deadline})`,
      ranges: [identity],
      background: HIGHLIGHT_COLORS.overdue,
    },
    {
      id: "due-soon",
      formula: `=AND($${code}${r}<>"",$${sent}${r}<>TRUE,TODAY()<=${deadline},${deadline}-TODAY()<=${DUE_SOON_DAYS})`,
      ranges: [identity],
      background: HIGHLIGHT_COLORS.dueSoon,
    },
  );
}

/**
 * The rules for one period's data sheet. Sheets applies the first matching rule of a cell,
 * so cell-level marks (bad values, overdue tasks) come before the row-level statuses, and
 * the row-level statuses cover only the identity columns (STT … Nhóm).
 */
export function highlightRules(
  t: Pick<Template, "periods" | "unitGroups">,
  period: Pick<Period, "deadline">,
  layout: HighlightLayout,
): HighlightRule[] {
  const ctx = ruleContext(layout);
  const rules: HighlightRule[] = [];
  if (!ctx.col(COLUMN_KEYS.unitCode) || !ctx.col(COLUMN_KEYS.submitted)) return rules;
  invalidRules(layout, ctx, rules);
  taskRules(t, layout, ctx, rules);
  statusRules(period, layout, ctx, rules);
  return rules;
}

/** The legend shown in the header row, right of the table. */
export function legendEntries(period: Pick<Period, "deadline">): LegendEntry[] {
  return [
    { background: "#ffffff", text: `Chú giải màu (hạn nộp ${formatDayVN(period.deadline)}):` },
    { background: HIGHLIGHT_COLORS.overdue, text: "Đỏ: chưa nộp khi đã quá hạn; ô nhiệm vụ quá hạn chưa hoàn thành" },
    { background: HIGHLIGHT_COLORS.dueSoon, text: `Vàng: chưa nộp, còn ${DUE_SOON_DAYS} ngày trở xuống đến hạn` },
    { background: HIGHLIGHT_COLORS.late, text: "Cam: nộp muộn; nhiệm vụ hoàn thành sau hạn" },
    { background: HIGHLIGHT_COLORS.onTime, text: "Xanh: đã nộp đúng hạn" },
    {
      background: HIGHLIGHT_COLORS.invalid,
      fontColor: HIGHLIGHT_COLORS.invalidFont,
      text: "Hồng, chữ đỏ: ô sai dữ liệu (xem ghi chú của ô)",
    },
  ];
}
