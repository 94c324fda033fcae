/** The portable compiled result (`--json`, and the hidden sheet of a report): write and read back. */
import { z } from "zod";
import type { CompileResult } from "../model/compile-result.js";
import { AppError } from "../model/problem.js";
import type { Template } from "../model/template-schema.js";

/** Format tag of the JSON document. */
export const RESULT_FORMAT = "tong-hop/result@1";

const problemSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  unitCode: z.string().optional(),
  unitName: z.string().optional(),
  column: z.string().optional(),
  columnKey: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
  fix: z.string(),
  row: z.number().optional(),
  source: z.string().optional(),
});

const totalSchema = z.object({
  total: z.number().nullable(),
  reportedCount: z.number(),
  byGroup: z.record(z.string(), z.object({ total: z.number().nullable(), reportedCount: z.number() })),
  distribution: z.record(z.string(), z.number()).optional(),
});

/** Schema of the JSON document, used to refuse anything else by name. */
export const resultJsonSchema = z.object({
  format: z.literal(RESULT_FORMAT),
  plan: z.string(),
  period: z.string(),
  asOf: z.string(),
  office: z.object({ code: z.string(), name: z.string(), parent: z.string() }),
  totals: z.record(z.string(), totalSchema),
  units: z.record(
    z.string(),
    z.object({
      name: z.string(),
      group: z.string(),
      status: z.enum(["on-time", "late", "undated", "pending", "overdue"]),
      submittedAt: z.string().nullable(),
      draft: z.boolean(),
      counted: z.boolean(),
      tasks: z.record(z.string(), z.string()),
      values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).nullable(),
    }),
  ),
  problems: z.array(problemSchema),
});

/** The JSON document's type. */
export type ResultJson = z.infer<typeof resultJsonSchema>;

/** The --json document: totals by indicator key, status by unit code, problems. */
export function toResultJson(t: Template, r: CompileResult): ResultJson {
  const recordOf = new Map(r.records.map((x) => [x.unitCode, x]));
  const counted = new Set(r.countedUnits);
  return {
    format: RESULT_FORMAT,
    plan: t.plan.code,
    period: r.periodId,
    asOf: r.asOf,
    office: { code: t.plan.issuer.abbreviation, name: t.plan.issuer.name, parent: t.plan.issuer.parent },
    totals: Object.fromEntries(
      r.totals.map((x) => [
        x.key,
        {
          total: x.total,
          reportedCount: x.reportedCount,
          byGroup: x.byGroup,
          ...(x.distribution ? { distribution: x.distribution } : {}),
        },
      ]),
    ),
    units: Object.fromEntries(
      r.statuses.map((s) => [
        s.unitCode,
        {
          name: s.unitName,
          group: s.group,
          status: s.status,
          submittedAt: s.submittedAt,
          draft: s.draft,
          counted: counted.has(s.unitCode),
          tasks: s.tasks,
          values: recordOf.get(s.unitCode)?.values ?? null,
        },
      ]),
    ),
    problems: r.problems,
  };
}

/** Reads a result document, refusing anything that is not one with a message naming `source`. */
export function parseResultJson(input: unknown, source: string): ResultJson {
  const p = resultJsonSchema.safeParse(input);
  if (!p.success) {
    throw new AppError(
      "rollup.not-a-result",
      `${source}: không phải kết quả tổng hợp của tong-hop (tệp --json hoặc báo cáo .xlsx do tong-hop tạo).`,
      ["Hãy dùng tệp kết quả do lệnh tong-hop compile --json tạo ra, hoặc tệp báo cáo .xlsx của tong-hop."],
    );
  }
  return p.data;
}
