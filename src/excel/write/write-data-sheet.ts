/** Writes the sheet units fill for one period: keyed columns, validation, highlighting. */
import type { Workbook, Worksheet } from "exceljs";
import type { CellValue } from "../../core/model/cell.js";
import { buildColumns, LAYOUT, makeMarker, type ColumnSpec } from "../../core/template/columns.js";
import { colName } from "../../core/read/map-grid.js";
import { findPeriod } from "../../core/template/template.js";
import { taskDueDay } from "../../core/compile/task-status.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { describeValidation } from "../../core/template/validation-rules.js";
import { loadExcelJS } from "../read/load-exceljs.js";
import { escapeWorkbookText } from "./escape-ooxml-text.js";
import { font, THIN } from "./report-style.js";
import { NO_LABEL, YES_LABEL } from "../../core/vn/show.js";

/** Options of {@link writeDataSheetXlsx}. */
export interface DataSheetOptions {
  /** Only this unit's row (a blank for one unit to fill and email). */
  unitCode?: string;
  /** Values to fill, keyed by column key, matched to units by "ma_don_vi" (sample data, tests). */
  rows?: Record<string, CellValue>[];
}

/** A sheet name for a period: its label without characters Excel refuses. */
export function periodSheetName(p: Period): string {
  return p.label.replace(/[\\/?*[\]:]/g, "-").slice(0, 31);
}

const FILL = (argb: string) => ({
  type: "pattern" as const,
  pattern: "solid" as const,
  bgColor: { argb },
  fgColor: { argb },
});
/** Highlight colours, shared with the legend. */
export const HIGHLIGHT = {
  overdue: "FFF4C7C3",
  dueSoon: "FFFCE8B2",
  late: "FFFFD9B3",
  invalid: "FFFF9999",
  taskOverdue: "FFEA9999",
};

const dateFormula = (d: string) => `DATE(${+d.slice(0, 4)},${+d.slice(5, 7)},${+d.slice(8, 10)})`;

/** Adds the data sheet of `periodId` to `wb`. */
export function addDataSheet(wb: Workbook, t: Template, periodId: string, opts: DataSheetOptions = {}): Worksheet {
  const period = findPeriod(t, periodId);
  const cols = buildColumns(t);
  const ws = wb.addWorksheet(periodSheetName(period));
  const units = opts.unitCode ? t.units.filter((u) => u.code === opts.unitCode) : t.units;
  const group = new Map(t.unitGroups.map((g) => [g.code, g.name]));
  const byCode = new Map<string, Record<string, CellValue>[]>();
  const extra: Record<string, CellValue>[] = [];
  for (const row of opts.rows ?? []) {
    const code = String(row.ma_don_vi ?? "")
      .trim()
      .toUpperCase();
    const u = t.units.find((x) => x.code === code && String(row.ma_don_vi) === x.code);
    if (u && !byCode.has(u.code)) byCode.set(u.code, [row]);
    else extra.push(row);
  }

  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    ws.getCell(LAYOUT.keyRow, i + 1).value = c.kind === "stt" ? makeMarker(t.plan.code, period.id) : c.key;
    const h = ws.getCell(LAYOUT.headerRow, i + 1);
    h.value = c.header;
    h.font = font(11, { bold: true });
    h.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    h.fill = FILL("FFD9E2F3");
    h.border = THIN;
  });
  ws.getRow(LAYOUT.keyRow).hidden = true;
  ws.getRow(LAYOUT.headerRow).height = 48;
  ws.views = [{ state: "frozen", xSplit: LAYOUT.frozenColumns, ySplit: LAYOUT.headerRow }];

  const lines: Record<string, CellValue>[] = units.map((u, i) => ({
    ...(byCode.get(u.code)?.[0] ?? {}),
    stt: i + 1,
    ma_don_vi: byCode.get(u.code)?.[0]?.ma_don_vi ?? u.code,
    ten_don_vi: u.name,
    nhom: group.get(u.group) ?? u.group,
  }));
  for (const row of extra) lines.push({ ...row, stt: lines.length + 1 });
  lines.forEach((line, i) => {
    const r = LAYOUT.firstDataRow + i;
    cols.forEach((c, j) => {
      const cell = ws.getCell(r, j + 1);
      const v = line[c.key];
      cell.value = v === undefined ? null : (v as never);
      cell.font = font(11);
      cell.border = THIN;
      if (c.kind === "task-date" || (c.kind === "indicator" && c.indicator?.type === "date"))
        cell.numFmt = "dd/mm/yyyy";
      if (c.kind === "submitted-at") cell.numFmt = "dd/mm/yyyy hh:mm";
      // Digits typed into a General cell become a number and lose the phone's leading zero.
      if (c.kind === "phone") cell.numFmt = "@";
      // Grouping shown by the program, so the unit sees 1.234 (vi-VN) for the 1234 it typed.
      if (c.kind === "indicator" && c.indicator?.type === "integer" && !(v instanceof Date)) cell.numFmt = "#,##0";
      if (c.kind === "text") cell.alignment = { wrapText: true, vertical: "top" };
    });
  });
  const last = LAYOUT.firstDataRow + Math.max(lines.length, 1) - 1;
  addValidation(ws, cols, last);
  addHighlighting(ws, t, period, cols, last);
  return ws;
}

// Yes/no cells in Excel use YES_LABEL/NO_LABEL; the readers also take TRUE/FALSE, x, đã… (parse-cell).
const CONFIRM_HELP = `Chọn "${YES_LABEL}" khi đơn vị đã kiểm tra xong và gửi báo cáo.`;
const YES_NO_HELP = `Chọn "${YES_LABEL}" hoặc "${NO_LABEL}".`;
// Excel and LibreOffice fill nothing by themselves (only the Google Sheet stamps the time).
const SENT_AT_HELP =
  "Nhập ngày giờ gửi, dạng năm-tháng-ngày giờ:phút (ví dụ 2023-05-04 15:30). Để trống thì thời gian lưu tệp được dùng làm thời gian gửi.";

/** exceljs's per-sheet validation list, which its typings leave out. */
interface DataValidationsOwner {
  dataValidations: { add(address: string, validation: object): void };
}

function addValidation(ws: Worksheet, cols: ColumnSpec[], last: number): void {
  cols.forEach((c, j) => {
    const rule = describeValidation(c);
    if (rule.kind === "none" || rule.kind === "text") return;
    // Excel has no checkbox cell: a Có/Không list, and words that say so instead of "Tích".
    const help =
      rule.kind === "checkbox"
        ? c.kind === "submitted"
          ? CONFIRM_HELP
          : YES_NO_HELP
        : c.kind === "submitted-at"
          ? SENT_AT_HELP
          : rule.helpText;
    const base = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: rule.strict ? "stop" : "warning",
      errorTitle: "Giá trị chưa đúng",
      error: help,
      showInputMessage: true,
      promptTitle: c.header.slice(0, 32),
      prompt: help.slice(0, 255),
    } as const;
    let v: Record<string, unknown>;
    switch (rule.kind) {
      case "integer":
      case "number":
        v = {
          type: rule.kind === "integer" ? "whole" : "decimal",
          operator: "between",
          formulae: [rule.min ?? -1e12, rule.max ?? 1e12],
        };
        break;
      case "list":
        v = { type: "list", formulae: [`"${(rule.list ?? []).map((x) => x.replace(/"/g, "'")).join(",")}"`] };
        break;
      case "checkbox":
        v = { type: "list", formulae: [`"${YES_LABEL},${NO_LABEL}"`] };
        break;
      case "date":
        v = { type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1990, 0, 1))] };
        break;
    }
    // One rule per column range: exceljs, given one rule per cell, merges them into overlapping
    // ranges (E10:E74 and E3:E74, exceljs issue #2820) that some programs keep only one of.
    const range = `${colName(j)}${LAYOUT.firstDataRow}:${colName(j)}${last}`;
    (ws as unknown as DataValidationsOwner).dataValidations.add(range, { ...base, ...v });
  });
}

function addHighlighting(ws: Worksheet, t: Template, period: Period, cols: ColumnSpec[], last: number): void {
  const idx = new Map(cols.map((c, i) => [c.key, colName(i)]));
  const sub = `$${idx.get("xac_nhan_gui")}${LAYOUT.firstDataRow}`;
  const at = `$${idx.get("thoi_gian_gui")}${LAYOUT.firstDataRow}`;
  const first = LAYOUT.firstDataRow;
  const deadline = dateFormula(period.deadline);
  const nameRange = `${idx.get("ma_don_vi")}${first}:${idx.get("nhom")}${last}`;
  // Confirmed is TRUE (a ticked box, the sample) or "Có" (the Excel list).
  const unsent = `${sub}<>TRUE,${sub}<>"${YES_LABEL}"`;
  const rules = [
    { ref: nameRange, formula: `AND(${unsent},TODAY()>${deadline})`, color: HIGHLIGHT.overdue },
    { ref: nameRange, formula: `AND(${unsent},TODAY()<=${deadline},${deadline}-TODAY()<=3)`, color: HIGHLIGHT.dueSoon },
    {
      ref: `${idx.get("thoi_gian_gui")}${first}:${idx.get("thoi_gian_gui")}${last}`,
      formula: `AND(ISNUMBER(${at.replace("$", "")}),${at.replace("$", "")}>=${deadline}+1)`,
      color: HIGHLIGHT.late,
    },
  ];
  for (const task of t.tasks) {
    const due = taskDueDay(t, task);
    if (!due) continue;
    const L = idx.get(`task:${task.code}:status`)!;
    rules.push({
      ref: `${L}${first}:${L}${last}`,
      formula: `AND(${L}${first}<>"Hoàn thành",TODAY()>${dateFormula(due)})`,
      color: HIGHLIGHT.taskOverdue,
    });
  }
  for (const c of cols) {
    const ind = c.indicator;
    if (!ind || (ind.type !== "integer" && ind.type !== "number")) continue;
    const L = idx.get(c.key)!;
    const cell = `${L}${first}`;
    const bounds = [
      ind.min !== undefined ? `${cell}<${ind.min}` : "",
      ind.max !== undefined ? `${cell}>${ind.max}` : "",
      ind.type === "integer" ? `${cell}<>INT(${cell})` : "",
    ].filter(Boolean);
    rules.push({
      ref: `${L}${first}:${L}${last}`,
      formula: `AND(${cell}<>"",OR(NOT(ISNUMBER(${cell}))${bounds.length ? `,${bounds.join(",")}` : ""}))`,
      color: HIGHLIGHT.invalid,
    });
  }
  rules.forEach((r, i) =>
    ws.addConditionalFormatting({
      ref: r.ref,
      rules: [{ type: "expression", priority: i + 1, formulae: [r.formula], style: { fill: FILL(r.color) } }],
    }),
  );
}

/** Adds a "Hướng dẫn" sheet with the colour legend and how to fill in. */
export function addGuideSheet(wb: Workbook, t: Template, period: Period): Worksheet {
  const ws = wb.addWorksheet("Hướng dẫn");
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 90;
  const lines: [string, string | null][] = [
    [`${t.plan.issuer.name} — ${t.plan.title}`, null],
    [`Kỳ báo cáo: ${period.label}; hạn nộp ngày ${period.deadline.split("-").reverse().join("/")}.`, null],
    ["Mỗi đơn vị chỉ nhập vào dòng của mình; không sửa dòng tiêu đề, không chèn hay xóa cột.", null],
    [
      "Số nguyên nhập chỉ gồm chữ số, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn: gõ 1234 (ô sẽ tự hiện 1.234). Trên máy cài đặt tiếng Anh, gõ 1.234 sẽ bị hiểu thành một phẩy hai ba bốn. Không nhập chữ vào ô số.",
      null,
    ],
    [
      "Ngày nhập dạng năm-tháng-ngày (ví dụ 2023-04-02 là ngày 2 tháng 4), đúng trên mọi máy; dạng 02/04/2023 có thể bị máy cài tiếng Anh hiểu thành ngày 4 tháng 2.",
      null,
    ],
    [
      `Nhập xong, kiểm tra lại rồi chọn "${YES_LABEL}" ở cột "Xác nhận gửi" và ghi ngày giờ gửi ở cột "Thời gian gửi" (để trống thì thời gian lưu tệp được dùng).`,
      null,
    ],
    ["Chú giải màu:", null],
    ["Đơn vị chưa gửi, đã quá hạn", HIGHLIGHT.overdue],
    ["Đơn vị chưa gửi, còn 3 ngày hoặc ít hơn đến hạn", HIGHLIGHT.dueSoon],
    ["Gửi sau hạn nộp", HIGHLIGHT.late],
    ["Nhiệm vụ chưa hoàn thành, đã quá hạn", HIGHLIGHT.taskOverdue],
    ["Giá trị chưa hợp lệ (chữ trong ô số, số âm, vượt mức tối đa…)", HIGHLIGHT.invalid],
  ];
  lines.forEach(([text, color], i) => {
    const r = i + 1;
    ws.getCell(r, 2).value = text;
    ws.getCell(r, 2).font = font(12, { bold: i === 0 || text === "Chú giải màu:" });
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: "top" };
    if (color) ws.getCell(r, 1).fill = FILL(color);
  });
  return ws;
}

/** The blank (or filled) data workbook of a period, as .xlsx bytes. */
export async function writeDataSheetXlsx(
  t: Template,
  periodId: string,
  opts: DataSheetOptions = {},
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tổng hợp báo cáo";
  addDataSheet(wb, t, periodId, opts);
  addGuideSheet(wb, t, findPeriod(t, periodId));
  escapeWorkbookText(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
