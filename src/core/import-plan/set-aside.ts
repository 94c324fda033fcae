/** Moves tasks that are not work to report on into the provisions, where the review still names them. */
import type { PlanTask, Provision } from "./task-types.js";

/**
 * The tasks `pick` chooses become provisions carrying their code, line and title plus `mark` (the
 * reason the review gives); the rest is returned in order.
 */
export function setAside(
  tasks: PlanTask[],
  provisions: Provision[],
  pick: (t: PlanTask) => boolean,
  mark: Partial<Provision> = {},
): PlanTask[] {
  const kept: PlanTask[] = [];
  for (const t of tasks) {
    if (pick(t))
      provisions.push({ code: t.code, line: t.line, text: t.title, units: [], general: false, refs: [], ...mark });
    else kept.push(t);
  }
  return kept;
}
