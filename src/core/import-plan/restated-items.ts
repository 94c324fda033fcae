/** Drops the content items a Phụ lục task table restates: headings that name no unit and no time. */
import { setAside } from "./set-aside.js";
import type { PlanTask, Provision } from "./task-types.js";

/** A Phụ lục with fewer owned rows than this is a list of examples, not the plan's assignment of tasks. */
const MIN_TABLE_TASKS = 3;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** Words of a title, lower case, for comparing an item with a table row. */
function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
}

/**
 * An item the table restates row for row: it names no unit, the table has a row under the same
 * number within the part ("II.1.a" and "PL.1.a"), or in the group the table numbers in Roman
 * ("II.3.c" and "PL.III.3"), and the two say mostly the same words.
 */
function sameAsRow(t: PlanTask, rows: PlanTask[]): boolean {
  if (t.code.startsWith("PL.") || t.owner) return false;
  const path = t.code.split(".").slice(1);
  if (!path.length) return false;
  // The table numbers its groups in Roman ("I.", "II.") where the part numbers them 1, 2: rows of that group.
  const group = `PL.${ROMAN[Number(path[0]) - 1] ?? "-"}.`;
  const candidates = rows.filter((r) => r.code === `PL.${path.join(".")}` || r.code.startsWith(group));
  // Titles alike, or the row says most of what the whole item says (a long item is not one short row).
  return candidates.some((row) => alike(t.title, row.title, false) || alike(t.text, row.text, true));
}

/** Whether `x` and `y` share six in ten words of the shorter one, or of `x` alone when `ofFirst`. */
function alike(x: string, y: string, ofFirst: boolean): boolean {
  const a = words(x);
  const b = words(y);
  const shared = [...a].filter((w) => b.has(w)).length;
  return a.size > 0 && b.size > 0 && shared >= 0.6 * (ofFirst ? a.size : Math.min(a.size, b.size));
}

/**
 * When the plan assigns its tasks in a Phụ lục table ("Phụ lục kèm theo") that details its own
 * "Nhiệm vụ" part (at least two rows for each of the part's items that name no unit and no
 * time), those items are the headings the table details, not tasks of their own; so is an item the
 * table restates row for row (see `sameAsRow`). They leave the task list and become provisions, so
 * the review still names each of them with its line.
 */
export function moveRestatedItems(tasks: PlanTask[], provisions: Provision[]): PlanTask[] {
  const tableTasks = tasks.filter((t) => t.code.startsWith("PL.") && t.owner);
  if (tableTasks.length < MIN_TABLE_TASKS) return tasks;
  const headings = (t: PlanTask) =>
    !t.code.startsWith("PL.") && !t.owner && (!t.timeframe || t.timeframeFrom === "plan");
  // A table that details the part has more rows than the part has headings; a short list of
  // "nhiệm vụ trọng tâm" picks a few items and leaves the others to stand as tasks.
  const detailed = tableTasks.length >= 2 * tasks.filter(headings).length;
  // One item that happens to match a row is chance; a part the table restates matches row after row.
  const rowForRow = tasks.filter((t) => sameAsRow(t, tableTasks));
  const restated = (t: PlanTask) =>
    (detailed && headings(t)) || (rowForRow.length >= MIN_TABLE_TASKS && rowForRow.includes(t));
  return setAside(tasks, provisions, restated, { restated: true });
}
