/** Parses and checks a plan template, refusing a bad one with Vietnamese messages. */
import { templateInputSchema, type ParsedTemplateInput, type Template } from "../model/template-schema.js";
import { issueToVietnamese } from "./template-messages.js";
import { AppError } from "../model/problem.js";
import { resolvePeriod } from "./periods.js";
import { formatDayVN } from "../vn/dates.js";
import { isRealDate } from "../model/template-schema.js";
import { COLUMN_KEYS } from "./columns.js";
import { normalizeUnitCode } from "./unit-code.js";

/** Keys the fixed columns use; an indicator with one of them would steal that column. */
const RESERVED_KEYS = new Set<string>(Object.values(COLUMN_KEYS));

/** Folds a value the way two entries would clash: case and Unicode form. */
const folded = (v: string) => v.normalize("NFC").toUpperCase();

/** Adds an error for every entry of `list` equal (after `canon`) to an earlier one. */
function pushDuplicates(errs: string[], list: string[], path: string, what: string, canon = folded): void {
  const seen = new Map<string, number>();
  list.forEach((v, i) => {
    const k = canon(v);
    if (seen.has(k))
      errs.push(`${path}[${i}]: ${what} "${v}" trùng với ${path}[${seen.get(k)}]. Mỗi ${what} chỉ được dùng một lần.`);
    else seen.set(k, i);
  });
}

/** Codes and keys that must be unique within their list. */
function checkUniqueCodes(t: ParsedTemplateInput, errs: string[]): void {
  // Compared as the data sheet reads them (case, spaces, dashes folded), so two codes a unit
  // could type the same way can never share one row.
  pushDuplicates(
    errs,
    t.units.map((u) => u.code),
    "units",
    "mã đơn vị",
    normalizeUnitCode,
  );
  pushDuplicates(
    errs,
    t.unitGroups.map((g) => g.code),
    "unitGroups",
    "mã nhóm",
  );
  pushDuplicates(
    errs,
    t.indicators.map((x) => x.key),
    "indicators",
    "mã chỉ tiêu",
  );
  pushDuplicates(
    errs,
    t.tasks.map((x) => x.code),
    "tasks",
    "mã nhiệm vụ",
  );
  pushDuplicates(
    errs,
    t.periods.map((x) => x.id),
    "periods",
    "mã kỳ báo cáo",
  );
  pushDuplicates(
    errs,
    t.textFields.map((x) => x.key),
    "textFields",
    "mã mục văn bản",
  );
}

/** One indicator's rules: a free key, min ≤ max, a choice list without repeats, an aggregate its type allows. */
function checkIndicator(ind: ParsedTemplateInput["indicators"][number], i: number, errs: string[]): void {
  if (RESERVED_KEYS.has(ind.key)) {
    errs.push(
      `indicators[${i}].key: mã "${ind.key}" trùng với mã của một cột cố định (${[...RESERVED_KEYS].join(", ")}). Hãy đặt mã khác cho chỉ tiêu "${ind.label}".`,
    );
  }
  if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) {
    errs.push(
      `indicators[${i}].max: giá trị tối đa (${ind.max}) nhỏ hơn tối thiểu (${ind.min}) ở chỉ tiêu "${ind.label}". Hãy đổi lại cho min ≤ max.`,
    );
  }
  if (ind.type === "choice" && (!ind.choices || ind.choices.length === 0)) {
    errs.push(
      `indicators[${i}].choices: chỉ tiêu "${ind.label}" kiểu lựa chọn nhưng chưa có danh sách lựa chọn. Hãy thêm "choices".`,
    );
  }
  if (ind.type === "choice" && ind.choices) {
    const seen = new Map<string, number>();
    ind.choices.forEach((c, j) => {
      const k = c.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
      if (seen.has(k))
        errs.push(
          `indicators[${i}].choices[${j}]: lựa chọn "${c}" trùng với lựa chọn thứ ${seen.get(k)! + 1} của chỉ tiêu "${ind.label}". Hãy xóa lựa chọn trùng.`,
        );
      else seen.set(k, j);
    });
  }
  const numeric = ind.type === "integer" || ind.type === "number";
  // Only numbers add, average and compare; a yes/no indicator can still count its "Có".
  const allowed = numeric ? null : ind.type === "boolean" ? ["sum", "count", "none"] : ["count", "none"];
  if (allowed && !allowed.includes(ind.aggregate)) {
    errs.push(
      `indicators[${i}].aggregate: chỉ tiêu "${ind.label}" kiểu ${ind.type} không thể tổng hợp bằng "${ind.aggregate}" (cộng, trung bình, nhỏ nhất, lớn nhất chỉ dùng cho số). Hãy dùng ${allowed.map((a) => `"${a}"`).join(" hoặc ")}.`,
    );
  }
}

/** The periods with their presets resolved; each one that cannot be, or runs backwards, is an error. */
function resolvePeriods(t: ParsedTemplateInput, errs: string[]): Template["periods"] {
  const periods: Template["periods"] = [];
  t.periods.forEach((p, i) => {
    try {
      const r = resolvePeriod(p);
      if (r.from > r.to)
        errs.push(`periods[${i}].to: ngày kết thúc (${r.to}) trước ngày bắt đầu (${r.from}). Hãy sửa lại.`);
      if (r.deadline < r.from)
        errs.push(`periods[${i}].deadline: hạn nộp (${r.deadline}) trước khi kỳ bắt đầu (${r.from}). Hãy sửa lại.`);
      periods.push(r);
    } catch (e) {
      errs.push(`periods[${i}]: ${(e as Error).message}`);
    }
  });
  // Each period gets a sheet named after its label: two equal labels cannot both exist.
  if (periods.length === t.periods.length)
    pushDuplicates(
      errs,
      periods.map((p) => p.label),
      "periods",
      "tên kỳ báo cáo",
    );
  return periods;
}

/** Each task is due on a date inside the periods, a period's id, or "thuong-xuyen", for groups that exist. */
function checkTasks(t: ParsedTemplateInput, periods: Template["periods"], groups: Set<string>, errs: string[]): void {
  const periodIds = new Set(periods.map((p) => p.id));
  const first = periods.reduce((m, p) => (p.from < m ? p.from : m), "9999-12-31");
  const last = periods.reduce((m, p) => (p.deadline > m ? p.deadline : m), "0000-01-01");
  t.tasks.forEach((task, i) => {
    const due = task.due;
    if (due === "thuong-xuyen" || periodIds.has(due)) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || !isRealDate(due)) {
      errs.push(
        `tasks[${i}].due: "${due}" không phải ngày (YYYY-MM-DD), mã kỳ báo cáo, hay "thuong-xuyen". Hãy sửa lại.`,
      );
    } else if (periods.length && (due < first || due > last)) {
      errs.push(
        `tasks[${i}].due: hạn ${due} của nhiệm vụ ${task.code} nằm ngoài mọi kỳ báo cáo (${first} – ${last}). Hãy kiểm tra năm hoặc thêm kỳ báo cáo.`,
      );
    }
    for (const g of task.groups ?? []) {
      if (!groups.has(g)) errs.push(`tasks[${i}].groups: nhóm "${g}" không có trong unitGroups. Hãy sửa lại.`);
    }
  });
}

/**
 * Validates `input` against the schema and the rules a schema cannot say (unique codes,
 * min ≤ max, known groups, tasks due inside a period) and resolves period presets.
 * @throws AppError "template.invalid" listing every problem with its path and fix.
 */
export function parseTemplate(input: unknown, name = "mẫu kế hoạch"): Template {
  const parsed = templateInputSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw new AppError(
      "template.invalid",
      `Không dùng được ${name}: có ${parsed.error.issues.length} lỗi.`,
      parsed.error.issues.map(issueToVietnamese),
    );
  }
  const t = parsed.data;
  const errs: string[] = [];
  checkUniqueCodes(t, errs);
  const groups = new Set(t.unitGroups.map((g) => g.code));
  t.units.forEach((u, i) => {
    if (!groups.has(u.group))
      errs.push(
        `units[${i}].group: nhóm "${u.group}" của đơn vị ${u.code} không có trong unitGroups. Hãy thêm nhóm hoặc sửa mã nhóm.`,
      );
  });
  t.indicators.forEach((ind, i) => checkIndicator(ind, i, errs));
  const periods = resolvePeriods(t, errs);
  checkTasks(t, periods, groups, errs);
  if (errs.length) throw new AppError("template.invalid", `Không dùng được ${name}: có ${errs.length} lỗi.`, errs);
  return { ...t, periods: periods.map((p) => ({ ...p })) };
}

/** Finds a period by id, or throws a message listing the ones that exist. */
export function findPeriod(t: Template, id: string) {
  // Ids are lower-case by schema; a clerk typing SAU_THANG_2023 or " quy_1_2023" means the same period.
  const wanted = id.trim().toLowerCase();
  const p = t.periods.find((x) => x.id === wanted);
  if (!p) {
    throw new AppError(
      "period.unknown",
      `Không có kỳ báo cáo "${id}" trong kế hoạch ${t.plan.code}. Các kỳ có trong kế hoạch:`,
      t.periods.map((x) => `${x.id}: ${x.label} (hạn nộp ${formatDayVN(x.deadline)})`),
    );
  }
  return p;
}
