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

  const planValues: Record<string, CellValue> = {
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
  push([sectionMarker(PLAN_TITLE)]);
  const planHeader = grid.length + 1;
  push(PLAN_COLUMNS.map((c) => c.header));
  for (const f of PLAN_FIELDS) push([f.header, planValues[f.key] ?? "", f.key]);
  sections.push({
    id: "plan",
    title: PLAN_TITLE,
    titleRow: planHeader - 1,
    headerRow: planHeader,
    firstRow: planHeader + 1,
    rowCount: PLAN_FIELDS.length,
    columns: PLAN_COLUMNS,
  });

  const rowsOf: Record<Exclude<SectionId, "plan">, CellValue[][]> = {
    periods: t.periods.map((p) => {
      const year = Number(p.from.slice(0, 4)) && p.kind !== "custom" ? Number(p.to.slice(0, 4)) : "";
      const index =
        p.kind === "month"
          ? Number(p.to.slice(5, 7))
          : p.kind === "quarter"
            ? Math.ceil(Number(p.to.slice(5, 7)) / 3)
            : "";
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
    }),
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

/** Reads the sections of a "Cấu hình" grid (dates already wall-clock) into a template input. */
export function configGridToTemplateInput(grid: Grid): TemplateInput {
  const errors: string[] = [];
  const { starts, ends } = sectionBounds(grid);
  const rowLabel = (r: number) => `dòng ${r + 1}`;

  const readNumber = (v: CellValue, where: string, integer: boolean): number | undefined => {
    if (isBlank(v)) return undefined;
    if (typeof v === "number") return v;
    const p = parseVnNumber(text(v));
    if (!p.ok) {
      errors.push(`${where}: "${text(v)}" không phải số. ${p.fix}`);
      return undefined;
    }
    if (integer && !Number.isInteger(p.value)) errors.push(`${where}: cần số nguyên.`);
    return p.value;
  };
  const readDate = (v: CellValue, where: string): string | undefined => {
    if (isBlank(v)) return undefined;
    const p = parseVnDate(v);
    if (!p.ok) {
      errors.push(`${where}: ${p.message} ${p.fix}`);
      return undefined;
    }
    return p.value.slice(0, 10);
  };
  const readBool = (v: CellValue): boolean => v === true || ["TRUE", "CÓ", "X", "1"].includes(norm(v));

  const table = (id: Exclude<SectionId, "plan">): { row: number; get: (key: string) => CellValue }[] => {
    const start = starts.find((s) => s.id === id)!.at;
    const def = CONFIG_TABLES[id];
    if (start < 0) {
      errors.push(
        `Không thấy bảng "${def.title}" trong trang ${CONFIG_SHEET}. Hãy khôi phục dòng tiêu đề "${sectionMarker(def.title)}" ở cột A.`,
      );
      return [];
    }
    const header = grid[start + 1] ?? [];
    const index = new Map<string, number>();
    def.columns.forEach((c, i) => {
      const at = header.findIndex((h) => norm(h) === norm(c.header));
      index.set(c.key, at >= 0 ? at : i);
    });
    return filledRows(grid, start, ends(start)).map((r) => {
      const row = grid[r] ?? [];
      return { row: r, get: (key: string) => row[index.get(key)!] };
    });
  };

  const plan: Record<string, CellValue> = {};
  const planStart = starts.find((s) => s.id === "plan")!.at;
  if (planStart < 0)
    errors.push(
      `Không thấy bảng "${PLAN_TITLE}" trong trang ${CONFIG_SHEET}. Hãy khôi phục dòng "${sectionMarker(PLAN_TITLE)}" ở cột A.`,
    );
  else {
    for (let r = planStart + 2; r < ends(planStart); r++) {
      const row = grid[r] ?? [];
      const key = text(row[2]);
      const field = PLAN_FIELDS.find((f) => f.key === key) ?? PLAN_FIELDS.find((f) => norm(f.header) === norm(row[0]));
      if (field) plan[field.key] = row[1];
    }
  }
  const p = (k: string) => text(plan[k]);
  const opt = (k: string) => p(k) || undefined;

  const periods = table("periods").map(({ row, get }) => ({
    id: text(get("id")),
    label: text(get("label")) || undefined,
    kind: reverse(PERIOD_KIND_LABELS, get("kind")),
    year: readNumber(get("year"), `Bảng KỲ BÁO CÁO, ${rowLabel(row)}, cột "Năm"`, true),
    index: readNumber(get("index"), `Bảng KỲ BÁO CÁO, ${rowLabel(row)}, cột "Tháng/Quý thứ"`, true),
    from: readDate(get("from"), `Bảng KỲ BÁO CÁO, ${rowLabel(row)}, cột "Từ ngày"`),
    to: readDate(get("to"), `Bảng KỲ BÁO CÁO, ${rowLabel(row)}, cột "Đến ngày"`),
    deadline: readDate(get("deadline"), `Bảng KỲ BÁO CÁO, ${rowLabel(row)}, cột "Hạn nộp"`),
  }));
  const unitGroups = table("groups").map(({ get }) => ({ code: text(get("code")), name: text(get("name")) }));
  const units = table("units").map(({ get }) => ({
    code: text(get("code")),
    name: text(get("name")),
    group: text(get("group")),
    editors: splitEmails(get("editors")),
  }));
  const indicators = table("indicators").map(({ row, get }) => {
    const choices = splitList(get("choices"));
    return {
      key: text(get("key")),
      label: text(get("label")),
      unit: text(get("unit")),
      type: reverse(INDICATOR_TYPE_LABELS, get("type")),
      ...(choices.length ? { choices } : {}),
      min: readNumber(get("min"), `Bảng CHỈ TIÊU, ${rowLabel(row)}, cột "Tối thiểu"`, false),
      max: readNumber(get("max"), `Bảng CHỈ TIÊU, ${rowLabel(row)}, cột "Tối đa"`, false),
      required: readBool(get("required")),
      aggregate: isBlank(get("aggregate")) ? undefined : reverse(AGGREGATE_LABELS, get("aggregate")),
      section: text(get("section")),
      ...(readBool(get("proposed")) ? { proposed: true } : {}),
    };
  });
  const tasks = table("tasks").map(({ row, get }) => {
    const dueRaw = get("due");
    const dueText = text(dueRaw);
    const due =
      dueRaw instanceof Date
        ? isoDay(dueRaw)
        : norm(dueText) === norm("Thường xuyên")
          ? "thuong-xuyen"
          : /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(dueText)
            ? (readDate(
                dueText,
                `Bảng NHIỆM VỤ, ${rowLabel(row)}, cột "${CONFIG_TABLES.tasks.columns.find((c) => c.key === "due")!.header}"`,
              ) ?? dueText)
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
  const textFields = table("textFields").map(({ get }) => ({ key: text(get("key")), label: text(get("label")) }));
  const reminderText = p("reminderDays");
  const reminderTokens = reminderText ? reminderText.split(/[;,\s]+/).filter(Boolean) : [];
  // One message for the cell, with its own example: a generic "not a number" fix talks of units of measure.
  const badReminders = reminderTokens.filter((s) => !/^[+-]?\d+$/.test(s));
  if (badReminders.length)
    errors.push(
      `Bảng KẾ HOẠCH, mục "${PLAN_FIELDS.find((f) => f.key === "reminderDays")!.header}": ${badReminders.map((s) => `"${s}"`).join(", ")} không phải số ngày. Ghi các số ngày so với hạn nộp, cách nhau dấu ; (ví dụ -3; 1; 3 là 3 ngày trước hạn, 1 và 3 ngày sau hạn).`,
    );
  const reminderDays = reminderText
    ? reminderTokens.map((s) => (badReminders.includes(s) ? NaN : Number(s)))
    : undefined;

  const officeEditors = splitEmails(plan["office.editors"]);

  if (errors.length) throw new AppError("config.invalid", `Trang ${CONFIG_SHEET} có ${errors.length} lỗi.`, errors);
  const input = {
    version: 1,
    plan: {
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
    },
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
