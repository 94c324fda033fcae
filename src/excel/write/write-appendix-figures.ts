/** Lays out "Phụ lục I": every unit's figures by group, subtotals and total as live formulas. */
import type { Style, Worksheet } from "exceljs";
import type { ReportModel } from "../../core/report/report-model.js";
import { colName } from "../../core/read/map-grid.js";
import { exactSum } from "../../core/compile/exact-sum.js";
import {
  appendixTitles,
  font,
  setText,
  THIN,
  wrappedHeight,
  fitCell,
  VN_DEC_FORMAT,
  VN_INT_FORMAT,
  landscapeAppendix,
} from "./report-style.js";
import { YES_LABEL } from "../../core/vn/show.js";

type Agg = ReportModel["appendixI"]["indicators"][number];
type Cell = ReportModel["appendixI"]["groups"][number]["rows"][number]["values"][number];

/** The ways a subtotal can be recomputed in Excel: sum, count of "Có", count of filled cells, average, min, max. */
type Kind = "sum" | "yes" | "filled" | "avg" | "min" | "max";

function kindOf(ind: Agg): Kind | null {
  switch (ind.aggregate) {
    case "sum":
      return ind.type === "boolean" ? "yes" : "sum";
    case "count":
      return ind.type === "boolean" ? "yes" : "filled";
    case "avg":
    case "min":
    case "max":
      return ind.aggregate;
    default:
      return null;
  }
}

const FORMULA: Record<Kind, (ranges: string[]) => string> = {
  sum: (r) => `SUM(${r.join(",")})`,
  yes: (r) => r.map((x) => `COUNTIF(${x},"${YES_LABEL}")`).join("+"),
  filled: (r) => `COUNTA(${r.join(",")})`,
  // An average of no figures is #DIV/0! in Excel: blank instead.
  avg: (r) => `IFERROR(ROUND(AVERAGE(${r.join(",")}),2),"")`,
  min: (r) => `MIN(${r.join(",")})`,
  max: (r) => `MAX(${r.join(",")})`,
};

/** What Excel gets for `kind` over `values`; null where there are no numbers to average, or compare. */
function evaluate(kind: Kind, values: readonly Cell[]): number | null {
  const nums = values.filter((v): v is number => typeof v === "number");
  switch (kind) {
    case "sum":
      return exactSum(nums);
    case "yes":
      return values.filter((v) => v === YES_LABEL).length;
    case "filled":
      return values.filter((v) => v !== null && v !== "").length;
    case "avg":
      return nums.length ? Math.round((exactSum(nums) / nums.length) * 100) / 100 : null;
    case "min":
      return nums.length ? Math.min(...nums) : null;
    case "max":
      return nums.length ? Math.max(...nums) : null;
  }
}

/**
 * A subtotal cell: a live formula only when Excel, recalculating it from the rows above, gets
 * the compiled figure. A rolled-up report holds counts where the template says yes/no, and a
 * weighted average no formula over the rows can give: there the first formula that does
 * (SUM, for counts) is used, or else the figure itself, so a recalculation never changes it.
 */
export function subtotalCell(
  ind: Agg,
  ranges: string[],
  values: readonly Cell[],
  expected: number | null,
): { formula: string; result: number } | number | null {
  const first = kindOf(ind);
  // "none": the indicator is listed per unit, never totalled.
  if (!first) return null;
  // No figure yet: the live formula, showing 0 (or blank, for an average) until figures are typed in.
  if (expected === null) return { formula: FORMULA[first](ranges), result: 0 };
  for (const k of new Set<Kind>([first, "sum"])) {
    const v = evaluate(k, values);
    if (v !== null && Math.abs(v - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))
      return { formula: FORMULA[k](ranges), result: expected };
  }
  return expected;
}

/** Lines a table cell of `width` characters needs for `text` at 11 pt; capitals count wider. */
export function cellLines(text: string, width: number): number {
  const caps = (text.match(/\p{Lu}/gu) ?? []).length;
  // About 1.35 characters of 11 pt Times New Roman per width unit (measured on rendered pages), capitals a third wider.
  return Math.max(1, Math.ceil((text.length + 0.3 * caps) / (width * 1.35)));
}

const CELL_FONT = font(11);
const STYLE = {
  text: { font: CELL_FONT, border: THIN, alignment: { horizontal: "left", vertical: "middle", wrapText: true } },
  center: { font: CELL_FONT, border: THIN, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  int: { font: CELL_FONT, border: THIN, alignment: { horizontal: "right", vertical: "middle" }, numFmt: VN_INT_FORMAT },
  dec: { font: CELL_FONT, border: THIN, alignment: { horizontal: "right", vertical: "middle" }, numFmt: VN_DEC_FORMAT },
} as const satisfies Record<string, Partial<Style>>;

/** One unit's row of the appendix. */
type UnitRow = ReportModel["appendixI"]["groups"][number]["rows"][number];

/** The appendix being written: its sheet, its model, and the column layout shared by its parts. */
interface Layout {
  ws: Worksheet;
  a: ReportModel["appendixI"];
  fixed: string[];
  widths: number[];
  /** Number of columns. */
  n: number;
  /** First indicator column (1-based). */
  first: number;
}

/** Fills `ws` with Phụ lục I. */
export function writeAppendixFigures(ws: Worksheet, m: ReportModel): void {
  const a = m.appendixI;
  const fixed = ["STT", "Mã đơn vị", "Tên đơn vị", "Tình trạng gửi báo cáo"];
  // Unit codes run to ~20 characters (THPT-NGUYENBINHKHIEM); a narrower column wraps them mid-code.
  // The status column holds "Chưa nộp (quá hạn)" on one line.
  const widths = [5, 21, 32, 19, ...a.indicators.map(() => 11)];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const n = widths.length;
  const layout: Layout = { ws, a, fixed, widths, n, first: fixed.length + 1 };
  const hr = 5;
  writeTitleAndHeader(layout, hr);

  let r = hr + 1;
  let stt = 0;
  const subtotalRows: number[] = [];
  const unitRanges: [number, number][] = [];
  for (const g of a.groups) {
    if (!g.rows.length) continue;
    ws.mergeCells(r, 1, r, n);
    setText(ws.getCell(r, 1), g.name, font(11, { bold: true }), { horizontal: "left" });
    borderRow(layout, r);
    r++;
    const start = r;
    for (const u of g.rows) writeUnitRow(layout, r++, ++stt, u);
    unitRanges.push([start, r - 1]);
    writeFormulaRow(
      layout,
      r,
      `Cộng: ${g.name}`,
      (c) => [`${colName(c - 1)}${start}:${colName(c - 1)}${r - 1}`],
      g.subtotal,
      g.rows,
    );
    subtotalRows.push(r);
    r++;
  }
  writeFormulaRow(
    layout,
    r,
    "TỔNG CỘNG",
    (c) => {
      const L = colName(c - 1);
      return unitRanges.map(([s, e]) => `${L}${s}:${L}${e}`);
    },
    a.total,
    a.groups.flatMap((g) => g.rows),
  );
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: hr }];
  landscapeAppendix(ws, hr);
}

/** Writes the three title lines and the column headers on row `hr`, tall enough for the longest header. */
function writeTitleAndHeader({ ws, a, fixed, widths, n }: Layout, hr: number): void {
  appendixTitles(ws, a, n);
  const headers = [...fixed, ...a.indicators.map((i) => (i.unit ? `${i.label} (${i.unit})` : i.label))];
  let hh = 30;
  headers.forEach((h, c) => {
    const cell = ws.getCell(hr, c + 1);
    setText(cell, h, font(11, { bold: true }), { horizontal: "center" });
    cell.border = THIN;
    hh = Math.max(hh, wrappedHeight(h, widths[c], 11));
  });
  ws.getRow(hr).height = hh;
}

/** Draws thin borders round every cell of `row`. */
function borderRow({ ws, n }: Layout, row: number): void {
  for (let c = 1; c <= n; c++) ws.getCell(row, c).border = THIN;
}

/** Writes one unit's row `r`, numbered `stt`, raising it when its name or status wraps. */
function writeUnitRow({ ws, widths }: Layout, r: number, stt: number, u: UnitRow): void {
  const row = ws.getRow(r);
  const vals = [stt, u.unitCode, u.unitName, u.status, ...u.values];
  vals.forEach((v, c) => {
    const cell = row.getCell(c + 1);
    cell.value = typeof v === "string" ? fitCell(v) : v;
    // One shared style object per kind of cell: exceljs caches styles by object identity,
    // which keeps a 5,000-unit appendix fast to write.
    cell.style =
      typeof v === "number" ? (Number.isInteger(v) ? STYLE.int : STYLE.dec) : c < 2 ? STYLE.center : STYLE.text;
  });
  // Rows are not auto-fitted when the file opens: a long name or status would spill over the next row.
  const lines = Math.max(cellLines(u.unitName, widths[2]), cellLines(u.status, widths[3]));
  if (lines > 1) row.height = lines * 14.5 + 2;
}

/** Writes a subtotal or total row: its label, then one subtotal cell per indicator over `ranges`. */
function writeFormulaRow(
  layout: Layout,
  row: number,
  label: string,
  ranges: (c: number) => string[],
  results: (number | null)[],
  rows: { values: Cell[] }[],
): void {
  const { ws, a, fixed, first } = layout;
  ws.mergeCells(row, 1, row, fixed.length);
  setText(ws.getCell(row, 1), label, font(11, { bold: true }), { horizontal: "center" });
  a.indicators.forEach((ind, j) => {
    const c = first + j;
    const cell = ws.getCell(row, c);
    cell.value = subtotalCell(
      ind,
      ranges(c),
      rows.map((x) => x.values[j]),
      results[j],
    );
    cell.font = font(11, { bold: true });
    cell.alignment = { horizontal: "right", vertical: "middle" };
    // "#,##0.##" shows a whole number with a trailing separator in Excel ("47."): only for fractions.
    const shown = results[j];
    cell.numFmt = shown === null || Number.isInteger(shown) ? VN_INT_FORMAT : VN_DEC_FORMAT;
  });
  borderRow(layout, row);
}
