/** Picks the period to compile: the open data sheet's, else the last one compiled, else the latest started. */
import type { Period, Template } from "../../core/model/template-schema.js";

/**
 * The period whose data sheet is `activeSheetName` (its label); else `lastId`, the period
 * compiled last (the "Tổng hợp" sheet is open after a compile); else the latest period whose
 * window has started by `today` ("YYYY-MM-DD"); else the first one.
 */
export function choosePeriod(
  t: Pick<Template, "periods">,
  activeSheetName: string,
  today: string,
  sheetName: (p: Period) => string,
  lastId?: string | null,
): Period {
  const byName = t.periods.find((p) => sheetName(p) === activeSheetName);
  if (byName) return byName;
  const last = lastId ? t.periods.find((p) => p.id === lastId) : undefined;
  if (last) return last;
  const started = t.periods
    .filter((p) => p.from <= today)
    .sort((a, b) => (a.deadline < b.deadline ? 1 : a.deadline > b.deadline ? -1 : 0));
  return started[0] ?? t.periods[0];
}
