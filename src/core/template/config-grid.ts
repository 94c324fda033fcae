/** The "Cấu hình" sheet as a grid: a template written for the Văn phòng to edit, and read back. */
import { cleanText, isBlank, type CellValue, type Grid } from "../model/cell.js";
import { isoDay, parseIso } from "../vn/dates.js";
import { parseVnDate } from "../vn/parse-date.js";
import { parseVnNumber } from "../vn/parse-number.js";
import { AppError } from "../model/problem.js";
import type { Template, TemplateInput } from "../model/template-schema.js";

/** Name of the configuration sheet. */
export const CONFIG_SHEET = "Cấu hình";

/** Kind of a config cell, for formats and dropdowns. */
export type ConfigCellKind = "text" | "multiline" | "date" | "integer" | "number" | "checkbox" | "list";

/** One column of a config table. */
export interface ConfigColumn {
  key: string;
  header: string;
  kind: ConfigCellKind;
  width: number;
  /** Dropdown values for kind "list". */
  list?: readonly string[];
  /** A value is needed on every row. */
  required?: boolean;
  /** Shown as a note on the header and as validation help. */
  help?: string;
}

/** Where a section sits in the written grid (1-based rows), for formatting. */
export interface ConfigSectionLayout {
  id: SectionId;
  title: string;
  titleRow: number;
  headerRow: number;
  firstRow: number;
  rowCount: number;
  columns: readonly ConfigColumn[];
}

type SectionId = "plan" | "periods" | "groups" | "units" | "indicators" | "tasks" | "textFields";

/** Vietnamese words for the period kinds. */
export const PERIOD_KIND_LABELS = {
  month: "Tháng",
  quarter: "Quý",
  half: "6 tháng",
  year: "Năm",
  custom: "Tùy chọn",
} as const;
/** Vietnamese words for the indicator types. */
export const INDICATOR_TYPE_LABELS = {
  integer: "Số nguyên",
  number: "Số thập phân",
  text: "Văn bản",
  date: "Ngày",
  choice: "Lựa chọn",
  boolean: "Có/Không",
} as const;
/** Vietnamese words for the aggregate kinds. */
export const AGGREGATE_LABELS = {
  sum: "Cộng",
  count: "Đếm",
  avg: "Trung bình",
  min: "Nhỏ nhất",
  max: "Lớn nhất",
  none: "Không tổng hợp",
} as const;

/** Label of the "Cấu hình" row listing the Văn phòng's e-mails (template `office.editors`). */
export const OFFICE_EDITORS_HEADER = "Email Văn phòng (được sửa mọi trang, chạy tổng hợp)";

/** Plan fields: key path → label. Column C of each row keeps the key so labels may be edited. */
export const PLAN_FIELDS: readonly ConfigColumn[] = [
  {
    key: "plan.code",
    header: "Mã kế hoạch",
    kind: "text",
    width: 0,
    required: true,
    help: "Mã ngắn, không đổi sau khi đơn vị đã nhập số liệu.",
  },
  { key: "plan.title", header: "Tên báo cáo (trích yếu)", kind: "text", width: 0, required: true },
  { key: "plan.reportSymbol", header: "Ký hiệu báo cáo (sau Số: …/)", kind: "text", width: 0 },
  { key: "plan.issuer.parent", header: "Cơ quan chủ quản", kind: "text", width: 0, required: true },
  { key: "plan.issuer.name", header: "Cơ quan ban hành", kind: "text", width: 0, required: true },
  { key: "plan.issuer.abbreviation", header: "Tên viết tắt cơ quan", kind: "text", width: 0, required: true },
  { key: "plan.recipient", header: "Kính gửi (nơi nhận báo cáo)", kind: "text", width: 0, required: true },
  { key: "plan.place", header: "Địa danh", kind: "text", width: 0, required: true },
  { key: "plan.signer.authority", header: "Thẩm quyền ký (KT. GIÁM ĐỐC…)", kind: "text", width: 0 },
  { key: "plan.signer.title", header: "Chức vụ người ký", kind: "text", width: 0, required: true },
  { key: "plan.signer.name", header: "Họ tên người ký", kind: "text", width: 0, required: true },
  { key: "plan.distribution", header: "Nơi nhận (mỗi dòng một mục)", kind: "multiline", width: 0, required: true },
  { key: "plan.source", header: "Văn bản căn cứ", kind: "text", width: 0 },
  { key: "reminderDays", header: "Nhắc hạn (số ngày so với hạn nộp, cách nhau dấu ;)", kind: "text", width: 0 },
  {
    key: "office.editors",
    header: OFFICE_EDITORS_HEADER,
    kind: "multiline",
    width: 0,
    help: "Email các cán bộ Văn phòng (cách nhau dấu ; hoặc dấu phẩy hoặc xuống dòng). Sau khi sửa, chạy lại Thiết lập bảng tính: người được thêm sửa được mọi trang và chạy được mọi mục của menu Báo cáo, người bị xóa mất quyền đó. Chủ sở hữu bảng tính luôn có quyền.",
  },
];

const list = <T extends Record<string, string>>(o: T) => Object.values(o);

/** The table sections, in sheet order. */
export const CONFIG_TABLES: Record<Exclude<SectionId, "plan">, { title: string; columns: readonly ConfigColumn[] }> = {
  periods: {
    title: "KỲ BÁO CÁO",
    columns: [
      {
        key: "id",
        header: "Mã kỳ",
        kind: "text",
        width: 16,
        required: true,
        help: "Chữ thường không dấu, số, dấu gạch dưới; ví dụ quy_1_2023.",
      },
      { key: "label", header: "Tên kỳ", kind: "text", width: 26 },
      { key: "kind", header: "Loại kỳ", kind: "list", width: 12, list: list(PERIOD_KIND_LABELS), required: true },
      { key: "year", header: "Năm", kind: "integer", width: 8 },
      { key: "index", header: "Tháng/Quý thứ", kind: "integer", width: 10 },
      { key: "from", header: "Từ ngày", kind: "date", width: 12 },
      { key: "to", header: "Đến ngày", kind: "date", width: 12 },
      {
        key: "deadline",
        header: "Hạn nộp",
        kind: "date",
        width: 12,
        help: "Ngày cuối cùng đơn vị được nộp; hết 23:59:59 ngày này là quá hạn.",
      },
    ],
  },
  groups: {
    title: "NHÓM ĐƠN VỊ",
    columns: [
      { key: "code", header: "Mã nhóm", kind: "text", width: 16, required: true },
      { key: "name", header: "Tên nhóm", kind: "text", width: 36, required: true },
    ],
  },
  units: {
    title: "ĐƠN VỊ",
    columns: [
      {
        key: "code",
        header: "Mã đơn vị",
        kind: "text",
        width: 16,
        required: true,
        help: "Mã cố định của đơn vị, giữ nguyên khi đơn vị đổi tên hay sáp nhập.",
      },
      { key: "name", header: "Tên đơn vị", kind: "text", width: 36, required: true },
      { key: "group", header: "Mã nhóm", kind: "text", width: 16, required: true },
      {
        key: "editors",
        header: "Email người nhập (cách nhau dấu ;)",
        kind: "text",
        width: 40,
        help: "Chỉ những email này (và Văn phòng) được sửa dòng của đơn vị.",
      },
    ],
  },
  indicators: {
    title: "CHỈ TIÊU",
    columns: [
      {
        key: "key",
        header: "Mã chỉ tiêu",
        kind: "text",
        width: 20,
        required: true,
        help: "Chữ thường không dấu, số, dấu gạch dưới; không đổi sau khi đơn vị đã nhập.",
      },
      { key: "label", header: "Tên chỉ tiêu", kind: "text", width: 40, required: true },
      { key: "unit", header: "ĐVT", kind: "text", width: 8 },
      {
        key: "type",
        header: "Kiểu dữ liệu",
        kind: "list",
        width: 14,
        list: list(INDICATOR_TYPE_LABELS),
        required: true,
      },
      { key: "choices", header: "Lựa chọn (cách nhau dấu ;)", kind: "text", width: 30 },
      { key: "min", header: "Tối thiểu", kind: "number", width: 10 },
      { key: "max", header: "Tối đa", kind: "number", width: 10 },
      { key: "required", header: "Bắt buộc", kind: "checkbox", width: 9 },
      { key: "aggregate", header: "Cách tổng hợp", kind: "list", width: 14, list: list(AGGREGATE_LABELS) },
      { key: "section", header: "Mục", kind: "text", width: 20 },
      { key: "proposed", header: "Đề xuất, chờ xác nhận", kind: "checkbox", width: 10 },
    ],
  },
  tasks: {
    title: "NHIỆM VỤ",
    columns: [
      { key: "code", header: "Mã nhiệm vụ", kind: "text", width: 12, required: true },
      { key: "title", header: "Nội dung nhiệm vụ", kind: "text", width: 50, required: true },
      { key: "owner", header: "Đơn vị chủ trì", kind: "text", width: 20 },
      { key: "due", header: "Hạn (ngày, mã kỳ hoặc Thường xuyên)", kind: "text", width: 18, required: true },
      {
        key: "groups",
        header: "Nhóm báo cáo (mã nhóm, cách nhau dấu ;)",
        kind: "text",
        width: 24,
        help: "Để trống: mọi nhóm đều báo cáo nhiệm vụ này.",
      },
      { key: "timeframe", header: "Thời gian thực hiện (theo kế hoạch)", kind: "text", width: 24 },
    ],
  },
  textFields: {
    title: "MỤC VĂN BẢN",
    columns: [
      { key: "key", header: "Mã mục", kind: "text", width: 16, required: true },
      { key: "label", header: "Tên mục", kind: "text", width: 36, required: true },
    ],
  },
};

const PLAN_TITLE = "KẾ HOẠCH";
const SECTION_ORDER: Exclude<SectionId, "plan">[] = ["periods", "groups", "units", "indicators", "tasks", "textFields"];
/** Columns the plan section uses: label, value, key. */
export const PLAN_COLUMNS: readonly ConfigColumn[] = [
  { key: "label", header: "Mục", kind: "text", width: 34 },
  { key: "value", header: "Giá trị", kind: "multiline", width: 60 },
  { key: "key", header: "Mã (không sửa)", kind: "text", width: 24 },
];

/** Columns of the "Cấu hình" grid (its widest table). */
export const CONFIG_WIDTH = Math.max(PLAN_COLUMNS.length, ...SECTION_ORDER.map((s) => CONFIG_TABLES[s].columns.length));

/** Sheet title (row 1). */
export const CONFIG_TITLE = "CẤU HÌNH TỔNG HỢP BÁO CÁO";
/** Instructions (row 2). */
export const CONFIG_HELP =
  'Văn phòng sửa các bảng dưới đây (thêm dòng trong bảng nếu cần), rồi chạy Báo cáo → Thiết lập bảng tính để cập nhật các trang dữ liệu. Không sửa các dòng tiêu đề in đậm và cột "Mã (không sửa)".';

/** Section marker text as written in column A. */
export const sectionMarker = (title: string): string => `■ ${title}`;

const SECTION_TITLES: Record<SectionId, string> = {
  plan: PLAN_TITLE,
  periods: CONFIG_TABLES.periods.title,
  groups: CONFIG_TABLES.groups.title,
  units: CONFIG_TABLES.units.title,
  indicators: CONFIG_TABLES.indicators.title,
  tasks: CONFIG_TABLES.tasks.title,
  textFields: CONFIG_TABLES.textFields.title,
};

const dayToDate = (day: string): Date => parseIso(day);
const joinList = (xs: readonly (string | number)[] | undefined): string => (xs ?? []).join("; ");

/** What {@link templateToConfigGrid} returns. */
export interface ConfigGrid {
  grid: Grid;
  width: number;
  sections: ConfigSectionLayout[];
}

/** The KẾ HOẠCH section's values by field key. */
function planValues(t: Template): Record<string, CellValue> {
  return {
    "plan.code": t.plan.code,
    "plan.title": t.plan.title,
    "plan.reportSymbol": t.plan.reportSymbol,
    "plan.issuer.parent": t.plan.issuer.parent,
    "plan.issuer.name": t.plan.issuer.name,
    "plan.issuer.abbreviation": t.plan.issuer.abbreviation,
    "plan.recipient": t.plan.recipient,
    "plan.place": t.plan.place,
    "plan.signer.authority": t.plan.signer.authority,
    "plan.signer.title": t.plan.signer.title,
    "plan.signer.name": t.plan.signer.name,
    "plan.distribution": t.plan.distribution.join("\n"),
    "plan.source": t.plan.source ?? "",
    reminderDays: joinList(t.reminderDays),
    // Older cached or archived templates may predate the office list.
    "office.editors": joinList(t.office?.editors),
  };
}

/** One KỲ BÁO CÁO row: the period resolved, with the year and month/quarter its presets would take. */
function periodRow(p: Template["periods"][number]): CellValue[] {
  const year = Number(p.from.slice(0, 4)) && p.kind !== "custom" ? Number(p.to.slice(0, 4)) : "";
  const index =
    p.kind === "month" ? Number(p.to.slice(5, 7)) : p.kind === "quarter" ? Math.ceil(Number(p.to.slice(5, 7)) / 3) : "";
  return [
    p.id,
    p.label,
    PERIOD_KIND_LABELS[p.kind],
    year,
    index,
    dayToDate(p.from),
    dayToDate(p.to),
    dayToDate(p.deadline),
  ];
}

/** The rows of each table section, in its columns' order. */
function tableRows(t: Template): Record<Exclude<SectionId, "plan">, CellValue[][]> {
  return {
    periods: t.periods.map(periodRow),
    groups: t.unitGroups.map((g) => [g.code, g.name]),
    units: t.units.map((u) => [u.code, u.name, u.group, joinList(u.editors)]),
    indicators: t.indicators.map((i) => [
      i.key,
      i.label,
      i.unit,
      INDICATOR_TYPE_LABELS[i.type],
      joinList(i.choices),
      i.min ?? "",
      i.max ?? "",
      i.required,
      AGGREGATE_LABELS[i.aggregate],
      i.section,
      i.proposed ?? false,
    ]),
    tasks: t.tasks.map((x) => [
      x.code,
      x.title,
      x.owner,
      /^\d{4}-\d{2}-\d{2}$/.test(x.due) ? dayToDate(x.due) : x.due === "thuong-xuyen" ? "Thường xuyên" : x.due,
      joinList(x.groups),
      x.timeframe ?? "",
    ]),
    textFields: t.textFields.map((f) => [f.key, f.label]),
  };
}

/**
 * Writes a template as the "Cấu hình" grid. Dates are wall-clock `Date`s (UTC fields are
 * the local day); the sheet writer turns them into instants. Periods are written resolved,
 * so the Văn phòng sees every deadline.
 */
export function templateToConfigGrid(t: Template): ConfigGrid {
  const width = CONFIG_WIDTH;
  const grid: CellValue[][] = [];
  const sections: ConfigSectionLayout[] = [];
  const push = (row: CellValue[]) => grid.push([...row, ...Array<CellValue>(width - row.length).fill("")]);
  push([CONFIG_TITLE]);
  push([CONFIG_HELP]);
  push([]);

  const values = planValues(t);
  push([sectionMarker(PLAN_TITLE)]);
  const planHeader = grid.length + 1;
  push(PLAN_COLUMNS.map((c) => c.header));
  for (const f of PLAN_FIELDS) push([f.header, values[f.key] ?? "", f.key]);
  sections.push({
    id: "plan",
    title: PLAN_TITLE,
    titleRow: planHeader - 1,
    headerRow: planHeader,
    firstRow: planHeader + 1,
    rowCount: PLAN_FIELDS.length,
    columns: PLAN_COLUMNS,
  });

  const rowsOf = tableRows(t);
  for (const id of SECTION_ORDER) {
    push([]);
    const def = CONFIG_TABLES[id];
    push([sectionMarker(def.title)]);
    const headerRow = grid.length + 1;
    push(def.columns.map((c) => c.header));
    for (const r of rowsOf[id]) push(r);
    sections.push({
      id,
      title: def.title,
      titleRow: headerRow - 1,
      headerRow,
      firstRow: headerRow + 1,
      rowCount: rowsOf[id].length,
      columns: def.columns,
    });
  }
  return { grid, width, sections };
}

const norm = (v: CellValue): string =>
  typeof v === "string" ? cleanText(v).replace(/\s+/g, " ").toLocaleUpperCase("vi") : "";
const text = (v: CellValue): string => (isBlank(v) ? "" : v instanceof Date ? isoDay(v) : cleanText(String(v)));
const splitList = (v: CellValue): string[] =>
  text(v)
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
/** E-mails typed one per line or separated by ";", "," or spaces. */
const splitEmails = (v: CellValue): string[] =>
  splitList(v)
    .flatMap((s) => s.split(/[,\s]+/))
    .filter(Boolean);
const reverse = <T extends string>(labels: Record<T, string>, v: CellValue): T | string => {
  const s = text(v);
  const hit = (Object.keys(labels) as T[]).find((k) => norm(labels[k]) === norm(s) || k === s);
  return hit ?? s;
};

/** Where each section of a "Cấu hình" grid starts (0-based title row, -1 when missing) and where the one at `at` ends. */
function sectionBounds(grid: Grid): { starts: { id: SectionId; at: number }[]; ends: (at: number) => number } {
  const find = (id: SectionId): number =>
    grid.findIndex((row) => norm(row?.[0]).replace(/^■\s*/, "") === norm(SECTION_TITLES[id]));
  const starts = (Object.keys(SECTION_TITLES) as SectionId[]).map((id) => ({ id, at: find(id) }));
  const ends = (at: number): number => {
    const next = starts.map((s) => s.at).filter((x) => x > at);
    return next.length ? Math.min(...next) : grid.length;
  };
  return { starts, ends };
}

/** The 0-based rows of a table holding something (blank rows and unticked checkboxes only are skipped). */
function filledRows(grid: Grid, start: number, end: number): number[] {
  const out: number[] = [];
  for (let r = start + 2; r < end; r++) {
    const row = grid[r] ?? [];
    if (!row.every((c) => isBlank(c) || c === false)) out.push(r);
  }
  return out;
}

/**
 * For each table, the 1-based sheet row of each entry, in the order {@link configGridToTemplateInput}
 * lists them: entry `i` of the template's `units` sits on sheet row `configTableRows(grid).units[i]`.
 */
export function configTableRows(grid: Grid): Record<Exclude<SectionId, "plan">, number[]> {
  const { starts, ends } = sectionBounds(grid);
  const out = {} as Record<Exclude<SectionId, "plan">, number[]>;
  for (const id of SECTION_ORDER) {
    const at = starts.find((s) => s.id === id)!.at;
    out[id] = at < 0 ? [] : filledRows(grid, at, ends(at)).map((r) => r + 1);
  }
  return out;
}

/** What the section readers share: the grid, where its sections are, and the errors found so far. */
interface ConfigReader {
  grid: Grid;
  errors: string[];
  starts: { id: SectionId; at: number }[];
  ends: (at: number) => number;
}

const rowLabel = (r: number) => `dòng ${r + 1}`;

/** A number typed in a config cell (Vietnamese style); an error names `where`. */
function readConfigNumber(c: ConfigReader, v: CellValue, where: string, integer: boolean): number | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v === "number") return v;
  const p = parseVnNumber(text(v));
  if (!p.ok) {
    c.errors.push(`${where}: "${text(v)}" không phải số. ${p.fix}`);
    return undefined;
  }
  if (integer && !Number.isInteger(p.value)) c.errors.push(`${where}: cần số nguyên.`);
  return p.value;
}

/** A date typed in a config cell, as YYYY-MM-DD; an error names `where`. */
function readConfigDate(c: ConfigReader, v: CellValue, where: string): string | undefined {
  if (isBlank(v)) return undefined;
  const p = parseVnDate(v);
  if (!p.ok) {
    c.errors.push(`${where}: ${p.message} ${p.fix}`);
    return undefined;
  }
  return p.value.slice(0, 10);
}

const readBool = (v: CellValue): boolean => v === true || ["TRUE", "CÓ", "X", "1"].includes(norm(v));

/** The filled rows of one table, each with a getter by column key (columns found by header, else by position). */
function configTable(
  c: ConfigReader,
  id: Exclude<SectionId, "plan">,
): { row: number; get: (key: string) => CellValue }[] {
  const start = c.starts.find((s) => s.id === id)!.at;
  const def = CONFIG_TABLES[id];
  if (start < 0) {
    c.errors.push(
      `Không thấy bảng "${def.title}" trong trang ${CONFIG_SHEET}. Hãy khôi phục dòng tiêu đề "${sectionMarker(def.title)}" ở cột A.`,
    );
    return [];
  }
  const header = c.grid[start + 1] ?? [];
  const index = new Map<string, number>();
  def.columns.forEach((col, i) => {
    const at = header.findIndex((h) => norm(h) === norm(col.header));
    index.set(col.key, at >= 0 ? at : i);
  });
  return filledRows(c.grid, start, c.ends(start)).map((r) => {
    const row = c.grid[r] ?? [];
    return { row: r, get: (key: string) => row[index.get(key)!] };
  });
}

/** The KẾ HOẠCH section: field key → cell, each row found by its key (column C) or else its label. */
function readPlanSection(c: ConfigReader): Record<string, CellValue> {
  const plan: Record<string, CellValue> = {};
  const planStart = c.starts.find((s) => s.id === "plan")!.at;
  if (planStart < 0) {
    c.errors.push(
      `Không thấy bảng "${PLAN_TITLE}" trong trang ${CONFIG_SHEET}. Hãy khôi phục dòng "${sectionMarker(PLAN_TITLE)}" ở cột A.`,
    );
    return plan;
  }
  for (let r = planStart + 2; r < c.ends(planStart); r++) {
    const row = c.grid[r] ?? [];
    const key = text(row[2]);
    const field = PLAN_FIELDS.find((f) => f.key === key) ?? PLAN_FIELDS.find((f) => norm(f.header) === norm(row[0]));
    if (field) plan[field.key] = row[1];
  }
  return plan;
}

/** The KỲ BÁO CÁO table. */
function readPeriods(c: ConfigReader) {
  const where = (row: number, column: string) => `Bảng KỲ BÁO CÁO, ${rowLabel(row)}, cột "${column}"`;
  return configTable(c, "periods").map(({ row, get }) => ({
    id: text(get("id")),
    label: text(get("label")) || undefined,
    kind: reverse(PERIOD_KIND_LABELS, get("kind")),
    year: readConfigNumber(c, get("year"), where(row, "Năm"), true),
    index: readConfigNumber(c, get("index"), where(row, "Tháng/Quý thứ"), true),
    from: readConfigDate(c, get("from"), where(row, "Từ ngày")),
    to: readConfigDate(c, get("to"), where(row, "Đến ngày")),
    deadline: readConfigDate(c, get("deadline"), where(row, "Hạn nộp")),
  }));
}

/** The CHỈ TIÊU table. */
function readIndicators(c: ConfigReader) {
  return configTable(c, "indicators").map(({ row, get }) => {
    const choices = splitList(get("choices"));
    return {
      key: text(get("key")),
      label: text(get("label")),
      unit: text(get("unit")),
      type: reverse(INDICATOR_TYPE_LABELS, get("type")),
      ...(choices.length ? { choices } : {}),
      min: readConfigNumber(c, get("min"), `Bảng CHỈ TIÊU, ${rowLabel(row)}, cột "Tối thiểu"`, false),
      max: readConfigNumber(c, get("max"), `Bảng CHỈ TIÊU, ${rowLabel(row)}, cột "Tối đa"`, false),
      required: readBool(get("required")),
      aggregate: isBlank(get("aggregate")) ? undefined : reverse(AGGREGATE_LABELS, get("aggregate")),
      section: text(get("section")),
      ...(readBool(get("proposed")) ? { proposed: true } : {}),
    };
  });
}

/** The NHIỆM VỤ table; a due date is a date, "Thường xuyên", or kept as typed for the schema to judge. */
function readTasks(c: ConfigReader) {
  const dueHeader = CONFIG_TABLES.tasks.columns.find((col) => col.key === "due")!.header;
  return configTable(c, "tasks").map(({ row, get }) => {
    const dueRaw = get("due");
    const dueText = text(dueRaw);
    const due =
      dueRaw instanceof Date
        ? isoDay(dueRaw)
        : norm(dueText) === norm("Thường xuyên")
          ? "thuong-xuyen"
          : /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(dueText)
            ? (readConfigDate(c, dueText, `Bảng NHIỆM VỤ, ${rowLabel(row)}, cột "${dueHeader}"`) ?? dueText)
            : dueText;
    const groups = splitList(get("groups"));
    return {
      code: text(get("code")),
      title: text(get("title")),
      owner: text(get("owner")),
      due,
      ...(groups.length ? { groups } : {}),
      ...(text(get("timeframe")) ? { timeframe: text(get("timeframe")) } : {}),
    };
  });
}

/** The reminder days of the KẾ HOẠCH section ("-3; 1; 3"); a token that is not a whole number is an error. */
function readReminderDays(c: ConfigReader, reminderText: string): number[] | undefined {
  const reminderTokens = reminderText ? reminderText.split(/[;,\s]+/).filter(Boolean) : [];
  // One message for the cell, with its own example: a generic "not a number" fix talks of units of measure.
  const badReminders = reminderTokens.filter((s) => !/^[+-]?\d+$/.test(s));
  if (badReminders.length)
    c.errors.push(
      `Bảng KẾ HOẠCH, mục "${PLAN_FIELDS.find((f) => f.key === "reminderDays")!.header}": ${badReminders.map((s) => `"${s}"`).join(", ")} không phải số ngày. Ghi các số ngày so với hạn nộp, cách nhau dấu ; (ví dụ -3; 1; 3 là 3 ngày trước hạn, 1 và 3 ngày sau hạn).`,
    );
  return reminderText ? reminderTokens.map((s) => (badReminders.includes(s) ? NaN : Number(s))) : undefined;
}

/** The `plan` object of a template input from the KẾ HOẠCH section's cells. */
function planInput(plan: Record<string, CellValue>) {
  const p = (k: string) => text(plan[k]);
  const opt = (k: string) => p(k) || undefined;
  return {
    code: p("plan.code"),
    title: p("plan.title"),
    reportSymbol: opt("plan.reportSymbol"),
    issuer: {
      parent: p("plan.issuer.parent"),
      name: p("plan.issuer.name"),
      abbreviation: p("plan.issuer.abbreviation"),
    },
    recipient: p("plan.recipient"),
    place: p("plan.place"),
    signer: { authority: p("plan.signer.authority"), title: p("plan.signer.title"), name: p("plan.signer.name") },
    distribution: text(plan["plan.distribution"])
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
    source: opt("plan.source"),
  };
}

/** Reads the sections of a "Cấu hình" grid (dates already wall-clock) into a template input. */
export function configGridToTemplateInput(grid: Grid): TemplateInput {
  const c: ConfigReader = { grid, errors: [], ...sectionBounds(grid) };
  // Sections in sheet order, so the errors come in the order the Văn phòng reads the sheet.
  const plan = readPlanSection(c);
  const periods = readPeriods(c);
  const unitGroups = configTable(c, "groups").map(({ get }) => ({ code: text(get("code")), name: text(get("name")) }));
  const units = configTable(c, "units").map(({ get }) => ({
    code: text(get("code")),
    name: text(get("name")),
    group: text(get("group")),
    editors: splitEmails(get("editors")),
  }));
  const indicators = readIndicators(c);
  const tasks = readTasks(c);
  const textFields = configTable(c, "textFields").map(({ get }) => ({
    key: text(get("key")),
    label: text(get("label")),
  }));
  const reminderDays = readReminderDays(c, text(plan.reminderDays));
  const officeEditors = splitEmails(plan["office.editors"]);
  if (c.errors.length)
    throw new AppError("config.invalid", `Trang ${CONFIG_SHEET} có ${c.errors.length} lỗi.`, c.errors);
  const input = {
    version: 1,
    plan: planInput(plan),
    periods,
    unitGroups,
    units,
    indicators,
    tasks,
    textFields,
    ...(reminderDays ? { reminderDays } : {}),
    ...(officeEditors.length ? { office: { editors: officeEditors } } : {}),
  };
  return input as unknown as TemplateInput;
}
