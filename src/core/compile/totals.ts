/** Aggregates indicator values per indicator and per unit group. */
import type { IndicatorTotal, IndicatorValue, UnitRecord } from "../model/compile-result.js";
import { exactSum } from "./exact-sum.js";
import type { Indicator, Template } from "../model/template-schema.js";
import { booleanLabel, NO_LABEL, YES_LABEL } from "../vn/show.js";

/** Aggregates one indicator's non-null values by its `aggregate` rule. */
export function aggregateValues(
  ind: Pick<Indicator, "aggregate" | "type">,
  values: readonly IndicatorValue[],
): number | null {
  const present = values.filter((v) => v !== null && v !== "");
  if (ind.aggregate === "none") return null;
  if (ind.aggregate === "count")
    return ind.type === "boolean" ? present.filter((v) => v === true).length : present.length;
  if (ind.type === "boolean" && ind.aggregate === "sum") return present.filter((v) => v === true).length;
  const nums = present.filter((v): v is number => typeof v === "number");
  if (nums.length === 0) return null;
  switch (ind.aggregate) {
    case "sum":
      return exactSum(nums);
    case "avg":
      return Math.round((exactSum(nums) / nums.length) * 100) / 100;
    case "min":
      return Math.min(...nums);
    case "max":
      return Math.max(...nums);
  }
}

/** Totals per indicator over `records`, with per-group subtotals and choice distributions. */
export function computeTotals(t: Template, records: readonly UnitRecord[]): IndicatorTotal[] {
  const groupOf = new Map(t.units.map((u) => [u.code, u.group]));
  const recordGroups = records.map((r) => groupOf.get(r.unitCode) ?? "");
  return t.indicators.map((ind) => {
    const all: IndicatorValue[] = [];
    const perGroup = new Map<string, IndicatorValue[]>(t.unitGroups.map((g) => [g.code, []]));
    records.forEach((r, i) => {
      const v = r.values[ind.key] ?? null;
      all.push(v);
      perGroup.get(recordGroups[i])?.push(v);
    });
    const count = (vs: IndicatorValue[]) => vs.filter((v) => v !== null && v !== "").length;
    const byGroup: IndicatorTotal["byGroup"] = {};
    for (const [g, vs] of perGroup)
      byGroup[g] = { total: count(vs) ? aggregateValues(ind, vs) : null, reportedCount: count(vs) };
    const out: IndicatorTotal = {
      key: ind.key,
      total: count(all) ? aggregateValues(ind, all) : null,
      reportedCount: count(all),
      byGroup,
    };
    if (ind.type === "choice" || ind.type === "boolean") {
      const dist: Record<string, number> = {};
      if (ind.type === "choice") for (const c of ind.choices ?? []) dist[c] = 0;
      else Object.assign(dist, { [YES_LABEL]: 0, [NO_LABEL]: 0 });
      for (const v of all) {
        if (v === null) continue;
        const k = typeof v === "boolean" ? booleanLabel(v) : String(v);
        dist[k] = (dist[k] ?? 0) + 1;
      }
      out.distribution = dist;
    }
    return out;
  });
}
