/** Leaves out the clauses every Quyết định or Chỉ thị closes with: when it takes effect, who executes it. */
import { setAside } from "./set-aside.js";
import type { PlanTask, Provision } from "./task-types.js";

/** "… có hiệu lực kể từ ngày ký", "… chịu trách nhiệm thi hành Quyết định này". */
const CLOSING_RE =
  /(?:có hiệu lực(?: thi hành)? kể từ ngày|chịu trách nhiệm thi hành (?:Quyết định|Chỉ thị|Nghị quyết|Kế hoạch) này)/u;

/**
 * The tasks that are the document's closing clauses become provisions, so the review still names
 * each with its line: an item saying when the decision takes effect, or that the heads of bodies
 * "chịu trách nhiệm thi hành Quyết định này", is not work to report on.
 */
export function moveClosingClauses(tasks: PlanTask[], provisions: Provision[]): PlanTask[] {
  // The item's own first line: an article glued on below ("Điều 2. Quyết định này có hiệu lực …") is not the item.
  const closing = (t: PlanTask) => CLOSING_RE.test(t.text.split("\n")[0].replace(/\s+/g, " "));
  return setAside(tasks, provisions, closing);
}
