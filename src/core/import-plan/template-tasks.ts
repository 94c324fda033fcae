/** Turns the tasks read from a plan into template tasks with a due date, and review notes for each. */
import type { TemplateInput } from "../model/template-schema.js";
import { periodCalendarEnd } from "../template/periods.js";
import { formatDayVN } from "../vn/dates.js";
import type { PeriodDraft } from "./reporting-regime.js";
import { review, type ReviewItem } from "./review.js";
import { uniqueId } from "./slug.js";
import type { PlanTask } from "./tasks.js";
import { parseTimeframe } from "./timeframe.js";
import { sameUnit } from "./units.js";

type TaskInput = NonNullable<TemplateInput["tasks"]>[number];

/** What the tasks are placed against. */
export interface TaskContext {
  year: number;
  singleYear: boolean;
  periods: PeriodDraft[];
  compilerName: string;
  groupOf: (name: string) => string | undefined;
}

function fmt(due: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? formatDayVN(due) : due === "thuong-xuyen" ? "thường xuyên" : `kỳ ${due}`;
}

/** Shows the note of a plan-wide timeframe once, not on every task it applies to. */
interface Shown {
  planNote: boolean;
  generalNote: boolean;
}

/** The due date of a task: its timeframe read, else the end of the plan's year, else ongoing. */
function dueOf(t: PlanTask, ctx: TaskContext, notes: string[], items: ReviewItem[], shown: Shown): string {
  let due: string | null = null;
  if (t.timeframe) {
    const tf = parseTimeframe(t.timeframe, ctx.year);
    due = tf.due;
    if (!tf.due || tf.confidence === "low")
      notes.push(`thời gian "${t.timeframe}" chưa rõ${tf.note ? ` (${tf.note})` : ""}`);
    else if (tf.note && t.timeframeFrom !== "plan")
      items.push(review.found(`Nhiệm vụ ${t.code}: ${tf.note}`, t.timeframeLine, t.timeframe, t.code));
    else if (tf.note && !shown.planNote) {
      shown.planNote = true;
      items.push(
        review.found(
          `Các nhiệm vụ không có thời gian riêng theo thời gian chung "${t.timeframe}": ${tf.note}`,
          t.timeframeLine,
        ),
      );
    }
  }
  if (t.timeframeFrom === "wording")
    notes.push(
      `thời gian "${t.timeframe}" đọc từ lời văn của nhiệm vụ (không có dòng "Thời gian thực hiện"): xác nhận`,
    );
  if (!due) {
    if (ctx.singleYear) {
      due = `${ctx.year}-12-31`;
      notes.push(
        t.timeframe
          ? `tạm đặt hạn cuối năm ${ctx.year}`
          : `kế hoạch không nêu thời gian thực hiện; tạm đặt hạn cuối năm ${ctx.year}`,
      );
    } else {
      due = "thuong-xuyen";
      notes.push(
        t.timeframe ? "tạm coi là thường xuyên" : "kế hoạch không nêu thời gian thực hiện; tạm coi là thường xuyên",
      );
    }
  }
  const minFrom = ctx.periods.reduce((m, p) => (p.from < m ? p.from : m), "9999-12-31");
  const maxDeadline = ctx.periods.reduce((m, p) => (p.deadline > m ? p.deadline : m), "0000-01-01");
  if (/^\d{4}-\d{2}-\d{2}$/.test(due) && (due < minFrom || due > maxDeadline)) {
    const p = ctx.periods.find((x) => periodCalendarEnd(x) === due);
    if (p) due = p.id;
    else notes.push(`hạn ${formatDayVN(due)} nằm ngoài các kỳ báo cáo`);
  }
  return due;
}

/** Notes on who carries the task out and how it was numbered. */
function ownerNotes(t: PlanTask, ctx: TaskContext, notes: string[], items: ReviewItem[], shown: Shown): void {
  if (!t.owner) notes.push("chưa rõ đơn vị thực hiện");
  else if (ctx.compilerName && sameUnit(t.owner, ctx.compilerName))
    notes.push("nhiệm vụ do chính cơ quan tổng hợp thực hiện; cân nhắc bỏ khỏi mẫu báo cáo của các đơn vị");
  if (t.planCode) notes.push(`kế hoạch ghi mã ${t.planCode} (số thứ tự lặp lại mục trước); tạm đánh mã ${t.code}`);
  if (t.synthesized) notes.push(`mục không đánh số trong kế hoạch; mã ${t.code} đánh theo thứ tự gạch đầu dòng`);
  if (t.ownerFrom === "shared")
    notes.push(
      'đơn vị và thời gian lấy từ các dòng "Cơ quan/Thời gian thực hiện" ghi sau mục kế tiếp: xác nhận chúng áp dụng cả cho mục này',
    );
  if (t.ownerFrom === "reference")
    items.push(
      review.found(
        `Nhiệm vụ ${t.code}: đơn vị thực hiện lấy từ mục Tổ chức thực hiện.`,
        t.ownerLine,
        undefined,
        t.code,
      ),
    );
  if (t.ownerFrom === "general" && !shown.generalNote) {
    shown.generalNote = true;
    items.push(
      review.found(
        `Nhiệm vụ không ghi đơn vị thực hiện được giao cho các đơn vị triển khai toàn bộ kế hoạch: ${t.owner}.`,
        t.ownerLine,
      ),
    );
  }
}

/** Template tasks in plan order, each with a "found" entry and, when unsure, a "needs review" one. */
export function buildTemplateTasks(
  planTasks: PlanTask[],
  ctx: TaskContext,
): { tasks: TaskInput[]; review: ReviewItem[] } {
  const items: ReviewItem[] = [];
  const taskIds = new Set<string>();
  const shown: Shown = { planNote: false, generalNote: false };
  const tasks = planTasks.map((t) => {
    const notes: string[] = [];
    const due = dueOf(t, ctx, notes, items, shown);
    ownerNotes(t, ctx, notes, items, shown);
    const code = uniqueId(t.code, taskIds, "-");
    const groups = t.assignees.map(ctx.groupOf);
    const task: TaskInput = {
      code,
      title: t.title || `Nhiệm vụ ${code}`,
      owner: t.owner,
      due,
      ...(t.timeframe ? { timeframe: t.timeframe } : {}),
      ...(t.assignees.length && groups.every(Boolean) ? { groups: [...new Set(groups as string[])] } : {}),
    };
    const summary = `Nhiệm vụ ${code}: ${task.title}${t.owner ? ` — đơn vị: ${t.owner}` : ""}${t.coordinator ? `; phối hợp: ${t.coordinator}` : ""} — hạn: ${fmt(due)}${t.timeframe ? ` (${t.timeframe})` : ""}.`;
    items.push(review.found(summary, t.line, t.text, code));
    if (notes.length) items.push(review.needs(`Nhiệm vụ ${code}: ${notes.join("; ")}.`, t.line, t.title, code));
    return task;
  });
  if (!tasks.length)
    items.push(
      review.needs("Không tìm thấy nhiệm vụ đánh số nào trong phần nội dung/nhiệm vụ: Văn phòng nhập nhiệm vụ."),
    );
  return { tasks, review: items };
}
