/** Rolls compiled results of several lower offices up into the next level's result. */
import type { CompileResult, IndicatorTotal, UnitRecord, UnitStatus } from "../model/compile-result.js";
import { exactSum } from "./exact-sum.js";
import type { Problem } from "../model/problem.js";
import type { ResultJson } from "./result-json.js";
import { findPeriod } from "../template/template.js";
import type { Template } from "../model/template-schema.js";

/** The group every lower office is placed in at the higher level. */
export const OFFICE_GROUP = { code: "CQ", name: "Cơ quan, đơn vị cấp dưới" };

/** Who issues the higher-level report (defaults to the template's issuer). */
export interface RollupIssuer {
  parent?: string;
  name?: string;
  abbreviation?: string;
  /** The name as written inside a sentence ("Ủy ban nhân dân thành phố Hải Phòng"). */
  nameInText?: string;
}

/** Combines one indicator's totals across offices by its aggregate rule. */
export function combineTotals(
  aggregate: string,
  parts: { total: number | null; reportedCount: number }[],
): number | null {
  const present = parts.filter((p) => p.total !== null && p.reportedCount > 0) as {
    total: number;
    reportedCount: number;
  }[];
  if (!present.length || aggregate === "none") return null;
  switch (aggregate) {
    case "avg": {
      const n = present.reduce((a, p) => a + p.reportedCount, 0);
      return Math.round((exactSum(present.map((p) => p.total * p.reportedCount)) / n) * 100) / 100;
    }
    case "min":
      return Math.min(...present.map((p) => p.total));
    case "max":
      return Math.max(...present.map((p) => p.total));
    default:
      return exactSum(present.map((p) => p.total));
  }
}

/** One lower office's result and where it came from. */
type Input = { source: string; doc: ResultJson };
/** An office as a row of the higher report. */
type Office = { code: string; name: string };

/** The inputs of this plan and period, each office once; every other one is refused in `problems`. */
function selectInputs(t: Template, periodId: string, inputs: Input[], problems: Problem[]): Input[] {
  const used: Input[] = [];
  for (const x of inputs) {
    const refuse = (code: string, message: string) =>
      problems.push({
        code,
        severity: "error",
        message,
        fix: "Kiểm tra lại tệp kết quả của cơ quan cấp dưới rồi chạy lại.",
        source: x.source,
        value: x.source,
      });
    if (x.doc.plan !== t.plan.code)
      refuse(
        "rollup.other-plan",
        `${x.source}: là kết quả của kế hoạch ${x.doc.plan}, không phải ${t.plan.code}; không được dùng.`,
      );
    else if (x.doc.period !== periodId)
      refuse(
        "rollup.other-period",
        `${x.source}: là kết quả của kỳ ${t.periods.find((p) => p.id === x.doc.period)?.label ?? x.doc.period}, không phải kỳ ${findPeriod(t, periodId).label}; không được dùng.`,
      );
    else if (used.some((u) => u.doc.office.code === x.doc.office.code && u.doc.office.name === x.doc.office.name))
      refuse(
        "rollup.duplicate-office",
        `${x.source}: ${x.doc.office.name} đã có trong một tệp khác; tệp này không được dùng để tránh cộng hai lần.`,
      );
    else used.push(x);
  }
  return used;
}

/** Each office as a unit: its code (numbered when two offices share one) and its name with its parent. */
function officesOf(used: Input[]): Office[] {
  const codes = new Map<string, number>();
  return used.map(({ doc }) => {
    const n = (codes.get(doc.office.code) ?? 0) + 1;
    codes.set(doc.office.code, n);
    return {
      code: n > 1 ? `${doc.office.code}-${n}` : doc.office.code,
      name:
        doc.office.parent && doc.office.name !== doc.office.parent
          ? `${doc.office.name} (${doc.office.parent})`
          : doc.office.name,
    };
  });
}

/** The template of the higher report: the higher issuer, one group of offices, no tasks. */
function higherTemplate(t: Template, issuer: RollupIssuer, offices: Office[]): Template {
  return {
    ...t,
    plan: {
      ...t.plan,
      // Another issuer's report carries its own symbol; the lower office's "BC-SGDĐT" would be wrong.
      reportSymbol: issuer.abbreviation ? `BC-${issuer.abbreviation}` : t.plan.reportSymbol,
      issuer: {
        parent: issuer.parent ?? t.plan.issuer.parent,
        name: issuer.name ?? t.plan.issuer.name,
        abbreviation: issuer.abbreviation ?? t.plan.issuer.abbreviation,
        // The lower office's name-in-text belongs to it, not to a new issuer.
        nameInText: issuer.name ? issuer.nameInText : (issuer.nameInText ?? t.plan.issuer.nameInText),
      },
    },
    unitGroups: [OFFICE_GROUP],
    units: offices.map((o) => ({ code: o.code, name: o.name, group: OFFICE_GROUP.code, editors: [] })),
    tasks: [],
  };
}

/** Each office's status: submitted, with a note counting how many of its own units submitted. */
function officeStatuses(used: Input[], offices: Office[], records: UnitRecord[]): UnitStatus[] {
  return used.map(({ doc }, i) => {
    const us = Object.values(doc.units);
    const c = (s: string) => us.filter((u) => u.status === s).length;
    return {
      unitCode: offices[i].code,
      unitName: offices[i].name,
      group: OFFICE_GROUP.code,
      status: "on-time",
      submittedAt: records[i].submittedAt,
      dueSoon: false,
      draft: false,
      tasks: {},
      note: `${c("on-time") + c("late") + c("undated")}/${us.length} đơn vị đã gửi (đúng hạn ${c("on-time")}, muộn ${c("late")}${c("undated") ? `, không rõ thời gian ${c("undated")}` : ""}); chưa gửi ${c("pending") + c("overdue")}`,
    };
  });
}

/** Each indicator's total across the offices, with the reporting units counted and choice counts added. */
function combinedTotals(t: Template, used: Input[]): IndicatorTotal[] {
  return t.indicators.map((ind) => {
    const parts = used.map(({ doc }) => doc.totals[ind.key] ?? { total: null, reportedCount: 0, byGroup: {} });
    const total = combineTotals(ind.aggregate, parts);
    const reportedCount = parts.reduce((a, p) => a + p.reportedCount, 0);
    const out: IndicatorTotal = {
      key: ind.key,
      total,
      reportedCount,
      byGroup: { [OFFICE_GROUP.code]: { total, reportedCount } },
    };
    const dists = parts
      .map((p) => (p as { distribution?: Record<string, number> }).distribution)
      .filter(Boolean) as Record<string, number>[];
    if (dists.length) {
      out.distribution = {};
      for (const d of dists)
        for (const [k, v] of Object.entries(d)) out.distribution[k] = (out.distribution[k] ?? 0) + v;
    }
    return out;
  });
}

/**
 * Builds the higher level's template (one "unit" per lower office) and result. Inputs of
 * another plan or period, and a second input of the same office, are refused by name.
 */
export function rollup(
  t: Template,
  periodId: string,
  inputs: Input[],
  issuer: RollupIssuer = {},
  asOf?: string,
): { template: Template; result: CompileResult } {
  findPeriod(t, periodId);
  const problems: Problem[] = [];
  const used = selectInputs(t, periodId, inputs, problems);
  const offices = officesOf(used);
  const records: UnitRecord[] = used.map(({ doc, source }, i) => ({
    unitCode: offices[i].code,
    values: Object.fromEntries(t.indicators.map((ind) => [ind.key, doc.totals[ind.key]?.total ?? null])),
    tasks: {},
    texts: {},
    reporter: "",
    phone: "",
    submitted: true,
    submittedAt: doc.asOf.length > 10 ? doc.asOf : `${doc.asOf}T00:00:00`,
    row: i + 1,
    source,
  }));
  for (const { doc } of used) {
    for (const p of doc.problems)
      problems.push({ ...p, source: [doc.office.name, p.source].filter(Boolean).join(" › ") });
  }
  const latest = used.reduce((m, u) => (u.doc.asOf > m ? u.doc.asOf : m), "");
  return {
    template: higherTemplate(t, issuer, offices),
    result: {
      planCode: t.plan.code,
      periodId,
      asOf: asOf ?? (latest || findPeriod(t, periodId).deadline),
      records,
      statuses: officeStatuses(used, offices, records),
      totals: combinedTotals(t, used),
      problems,
      countedUnits: records.map((r) => r.unitCode),
    },
  };
}
