/** Zod schema of a plan template: the one source of truth for sheets, validation and reports. */
import { z } from "zod";
import vi from "zod/v4/locales/vi.js";

// zod's own wording in Vietnamese, installed wherever templates are parsed (this module defines
// their schema): a message the template rules do not word themselves never shows English.
// Only this locale is imported, to keep the Apps Script bundle small.
z.config(vi());

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date" })
  .refine((s) => isRealDate(s), { message: "date" });

/** True when `s` (YYYY-MM-DD) names a real calendar day. */
export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const code = z.string().trim().min(1);
const key = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: "key" });

export const planSchema = z.object({
  code,
  title: z.string().min(1),
  /** Document symbol used after "Số: …/", e.g. "BC-SGDĐT". */
  reportSymbol: z.string().min(1).default("BC"),
  issuer: z.object({
    parent: z.string().min(1),
    name: z.string().min(1),
    abbreviation: z.string().min(1),
    /** The name as written inside a sentence ("Sở Giáo dục và Đào tạo"): capitals follow words, not a rule. */
    nameInText: z.string().min(1).optional(),
  }),
  recipient: z.string().min(1),
  place: z.string().min(1),
  signer: z.object({
    authority: z.string().default(""),
    title: z.string().min(1),
    name: z.string().min(1),
  }),
  distribution: z.array(z.string().min(1)).min(1),
  /** The plan document this template was built from, e.g. "Kế hoạch số 45/KH-SGDĐT ngày 10/02/2023". */
  source: z.string().optional(),
});

export const periodKinds = ["month", "quarter", "half", "year", "custom"] as const;

/**
 * A reporting period. `from`/`to`/`deadline` may be omitted when `year` (and `index`
 * for month/quarter) is given: they are then filled from the Nghị định 09/2019 presets.
 */
export const periodInputSchema = z.object({
  id: key,
  label: z.string().min(1).optional(),
  kind: z.enum(periodKinds),
  year: z.number().int().min(2000).max(2100).optional(),
  index: z.number().int().min(1).max(12).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  deadline: isoDate.optional(),
});

export const unitGroupSchema = z.object({ code, name: z.string().min(1) });

export const unitSchema = z.object({
  code,
  name: z.string().min(1),
  group: code,
  editors: z.array(z.string().email({ message: "email" })).default([]),
});

/**
 * The Văn phòng (the office that runs the plan): `editors` are the e-mails of its staff. Each of
 * them is added to every protection the add-on writes (headers, unit rows, "Cấu hình", "Tổng
 * hợp", archives, "Nhật ký"), so any of them can run every menu command and correct any row,
 * not only the spreadsheet's owner and whoever ran "Thiết lập bảng tính". Written in "Cấu
 * hình" as one row; protections follow it at every set-up (a removed e-mail loses access).
 * Strict: a misspelt key ("editor") is refused rather than read as an empty list.
 */
export const officeSchema = z.strictObject({
  editors: z.array(z.string().trim().email({ message: "email" })).default([]),
});

export const indicatorTypes = ["integer", "number", "text", "date", "choice", "boolean"] as const;
export const aggregateKinds = ["sum", "count", "avg", "min", "max", "none"] as const;

export const indicatorSchema = z.object({
  key,
  label: z.string().min(1),
  unit: z.string().default(""),
  type: z.enum(indicatorTypes),
  choices: z.array(z.string().min(1)).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean().default(false),
  aggregate: z.enum(aggregateKinds).default("sum"),
  section: z.string().default(""),
  /** Marks an indicator proposed by a program (import-plan) for a person to confirm. */
  proposed: z.boolean().optional(),
});

/** `due`: a date, a period id, or "thuong-xuyen" (ongoing, never overdue). */
export const taskSchema = z.object({
  code,
  title: z.string().min(1),
  owner: z.string().default(""),
  due: z.string().min(1),
  /** Unit group codes that report on this task; all groups when omitted. */
  groups: z.array(code).optional(),
  /** The timeframe as the plan words it ("dự kiến Quý III, năm 2023"). */
  timeframe: z.string().optional(),
});

export const textFieldSchema = z.object({ key, label: z.string().min(1) });

/** The three free-text fields every Vietnamese report has. */
export const defaultTextFields = [
  { key: "noi_bat", label: "Kết quả nổi bật" },
  { key: "kho_khan", label: "Khó khăn, vướng mắc" },
  { key: "de_xuat", label: "Đề xuất, kiến nghị" },
];

export const templateInputSchema = z.object({
  $schema: z.string().optional(),
  version: z.literal(1).default(1),
  plan: planSchema,
  periods: z.array(periodInputSchema).min(1),
  unitGroups: z.array(unitGroupSchema).min(1),
  units: z.array(unitSchema).min(1),
  indicators: z.array(indicatorSchema).default([]),
  tasks: z.array(taskSchema).default([]),
  textFields: z.array(textFieldSchema).default(defaultTextFields),
  /** Days before/after a deadline when reminders go out (used by Nhắc hạn). */
  reminderDays: z.array(z.number().int().min(-60).max(60)).default([-3, 1, 3]),
  /** The Văn phòng's staff ({@link officeSchema}); none besides the owner when omitted. */
  office: officeSchema.default(() => ({ editors: [] })),
});

export type TemplateInput = z.input<typeof templateInputSchema>;
export type ParsedTemplateInput = z.output<typeof templateInputSchema>;
export type Plan = z.output<typeof planSchema>;
export type Unit = z.output<typeof unitSchema>;
export type Office = z.output<typeof officeSchema>;
export type UnitGroup = z.output<typeof unitGroupSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type Task = z.output<typeof taskSchema>;
export type TextField = z.output<typeof textFieldSchema>;
export type PeriodKind = (typeof periodKinds)[number];

/** A period with every date resolved. Dates are local (Asia/Ho_Chi_Minh) calendar days. */
export interface Period {
  id: string;
  label: string;
  kind: PeriodKind;
  from: string;
  to: string;
  deadline: string;
}

/** A validated template with periods resolved. */
export interface Template extends Omit<ParsedTemplateInput, "periods"> {
  periods: Period[];
}
