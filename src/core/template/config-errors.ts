/** Parses a "Cấu hình" grid, saying each template error where the Văn phòng sees it: table, sheet row and column. */
import type { Grid } from "../model/cell.js";
import {
  AGGREGATE_LABELS,
  CONFIG_SHEET,
  CONFIG_TABLES,
  configGridToTemplateInput,
  configTableRows,
  INDICATOR_TYPE_LABELS,
  PERIOD_KIND_LABELS,
  PLAN_FIELDS,
} from "./config-grid.js";
import { AppError } from "../model/problem.js";
import { parseTemplate } from "./template.js";
import type { Template } from "../model/template-schema.js";

type TableId = keyof typeof CONFIG_TABLES;

/** Template array name → Cấu hình table (they match but for the groups). */
const TABLE_OF: Record<string, TableId> = {
  periods: "periods",
  unitGroups: "groups",
  units: "units",
  indicators: "indicators",
  tasks: "tasks",
  textFields: "textFields",
};

/** Template words a clerk never sees in Cấu hình, per table: quoted values and field names → the sheet's own words. */
const WORDS: Partial<Record<TableId, Record<string, string>>> = {
  periods: { ...PERIOD_KIND_LABELS },
  indicators: { ...INDICATOR_TYPE_LABELS, ...AGGREGATE_LABELS },
  tasks: { "thuong-xuyen": "Thường xuyên" },
};

const header = (id: TableId, key: string): string | undefined =>
  CONFIG_TABLES[id].columns.find((c) => c.key === key)?.header;

/** ISO days (2024-03-20) as the sheet shows them (20/03/2024). */
const vnDays = (s: string): string => s.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, "$3/$2/$1");

/**
 * One template error line (`units[1].group: …`) said in Cấu hình's terms
 * (`Bảng ĐƠN VỊ, dòng 31, cột "Mã nhóm": …`); `rows` from {@link configTableRows}.
 * A line it cannot place is returned with only its words translated.
 */
export function locateConfigError(line: string, rows: Record<TableId, number[]>): string {
  const row = (id: TableId, i: number): string => (rows[id][i] ? `dòng ${rows[id][i]}` : `mục thứ ${i + 1}`);
  let out = line;
  let table: TableId | undefined;
  const m = /^(\w+)\[(\d+)\](?:\.(\w+))?(?:\[\d+\])?: /.exec(line);
  const plan = /^((?:plan|office)(?:\.\w+)*|reminderDays)(?:\[\d+\])?: /.exec(line);
  if (m && TABLE_OF[m[1]]) {
    table = TABLE_OF[m[1]];
    const col = m[3] ? header(table, m[3]) : undefined;
    out = `Bảng ${CONFIG_TABLES[table].title}, ${row(table, Number(m[2]))}${col ? `, cột "${col}"` : ""}: ${line.slice(m[0].length)}`;
  } else if (plan) {
    const key = plan[1] === "office" ? "office.editors" : plan[1];
    const field = PLAN_FIELDS.find((f) => f.key === key || key.startsWith(`${f.key}.`));
    if (field) out = `Bảng KẾ HOẠCH, mục "${field.header}": ${line.slice(plan[0].length)}`;
  }
  // Other entries named inside the text ("trùng với units[0]") are sheet rows too.
  out = out.replace(
    /\b(periods|unitGroups|units|indicators|tasks|textFields)\[(\d+)\]/g,
    (_, name: string, i: string) => row(TABLE_OF[name], Number(i)),
  );
  out = out.replace(/\bunitGroups\b/g, `bảng ${CONFIG_TABLES.groups.title}`);
  out = out.replace(/min ≤ max/g, `"${header("indicators", "min")}" không lớn hơn "${header("indicators", "max")}"`);
  out = out.replace(/YYYY-MM-DD/g, "ngày/tháng/năm");
  if (table) {
    const words: Record<string, string> = { ...WORDS[table] };
    for (const c of CONFIG_TABLES[table].columns) words[c.key] = c.header;
    out = out.replace(/"([^"]+)"/g, (q, w: string) => (words[w] ? `"${words[w]}"` : q));
    if (table === "indicators")
      out = out.replace(/kiểu (\w+)/g, (k, w: string) =>
        w in INDICATOR_TYPE_LABELS ? `kiểu "${INDICATOR_TYPE_LABELS[w as keyof typeof INDICATOR_TYPE_LABELS]}"` : k,
      );
  }
  return vnDays(out);
}

/**
 * Reads and checks a "Cấu hình" grid (dates already wall-clock) into a template.
 * @throws AppError "config.invalid" or "template.invalid", each line naming table, row and column.
 */
export function parseConfigGrid(grid: Grid, name = `trang ${CONFIG_SHEET}`): Template {
  const input = configGridToTemplateInput(grid);
  try {
    return parseTemplate(input, name);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "template.invalid") throw e;
    const rows = configTableRows(grid);
    const head = e.message.split("\n")[0];
    throw new AppError(
      e.code,
      `${head} Sửa các ô sau trong trang "${CONFIG_SHEET}" rồi chạy lại Thiết lập bảng tính:`,
      e.details.map((d) => locateConfigError(d, rows)),
    );
  }
}
