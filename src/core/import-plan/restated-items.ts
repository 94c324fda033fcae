/** Drops the content items a Phụ lục task table restates: headings that name no unit and no time. */
import type { PlanTask, Provision } from "./task-types.js";

/** A Phụ lục with fewer owned rows than this is a list of examples, not the plan's assignment of tasks. */
const MIN_TABLE_TASKS = 3;

/**
 * When the plan assigns its tasks in a Phụ lục table ("Phụ lục kèm theo") that details its own
 * "Nhiệm vụ" part (at least two rows for each of the part's items that name no unit and no
 * time), those items are the headings the table details, not tasks of their own. They leave the task list and become provisions, so the review still
 * names each of them with its line.
 */
export function moveRestatedItems(tasks: PlanTask[], provisions: Provision[]): PlanTask[] {
  const tableTasks = tasks.filter((t) => t.code.startsWith("PL.") && t.owner);
  if (tableTasks.length < MIN_TABLE_TASKS) return tasks;
  const restated = (t: PlanTask) =>
    !t.code.startsWith("PL.") && !t.owner && (!t.timeframe || t.timeframeFrom === "plan");
  // A table that details the part has more rows than the part has headings; a short list of
  // "nhiệm vụ trọng tâm" picks a few items and leaves the others to stand as tasks.
  if (tableTasks.length < 2 * tasks.filter(restated).length) return tasks;
  for (const t of tasks.filter(restated))
    provisions.push({ code: t.code, line: t.line, text: t.title, units: [], general: false, refs: [], restated: true });
  return tasks.filter((t) => !restated(t));
}
