/** Judges a unit's progress on a task with the officials' four statuses. */
import type { TaskStatus } from "../model/compile-result.js";
import { periodCalendarEnd } from "../template/periods.js";
import type { Task, Template } from "../model/template-schema.js";

/** The day a task is due, or null for ongoing ("thuong-xuyen") tasks. */
export function taskDueDay(t: Pick<Template, "periods">, task: Pick<Task, "due">): string | null {
  if (task.due === "thuong-xuyen") return null;
  const p = t.periods.find((x) => x.id === task.due);
  return p ? periodCalendarEnd(p) : task.due;
}

/** Status of one task for one unit that reported; `asOfDay` is "YYYY-MM-DD". */
export function taskStatus(
  due: string | null,
  input: string | null,
  doneDate: string | null,
  asOfDay: string,
): TaskStatus {
  if (input === "Hoàn thành") {
    if (due === null) return "done-on-time";
    const when = doneDate ?? asOfDay;
    return when <= due ? "done-on-time" : "done-late";
  }
  if (due === null) return "open-in-time";
  return asOfDay <= due ? "open-in-time" : "open-overdue";
}
