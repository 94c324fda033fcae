/** Leaves out the items that set days off (holidays, Tết, annual leave): entitlements, not work to report on. */
import { setAside } from "./set-aside.js";
import type { PlanTask, Provision } from "./task-types.js";

/** "Ngày nghỉ lễ, tết trong năm: …", "Thời gian nghỉ phép năm của giáo viên …", "Nghỉ hè: …". */
const DAYS_OFF_RE = /^(?:(?:Ngày|Thời gian|Lịch)\s+nghỉ|Nghỉ\s+(?:lễ|tết|hè|phép))(?=[\s,:]|$)/iu;

/**
 * The items whose subject is when people are off (a school-year calendar's "Ngày nghỉ lễ, tết",
 * "Thời gian nghỉ phép năm của giáo viên") become provisions: they state a right, and no unit
 * reports on having done them. The review still names each with its line.
 */
export function moveDaysOffItems(tasks: PlanTask[], provisions: Provision[]): PlanTask[] {
  const daysOff = (t: PlanTask) => DAYS_OFF_RE.test(t.title.trim());
  return setAside(tasks, provisions, daysOff, { daysOff: true });
}
