/** Lays out "Phụ lục I": every unit's figures by group, subtotals and total as live formulas. */
import type { Style, Worksheet } from "exceljs";
import type { ReportModel } from "../core/report-model.js";
import { colName } from "../core/map-grid.js";
import { font, MARGINS, pageNumbers, setText, THIN, wrappedHeight, fitCell } from "./report-style.js";

type Agg = ReportModel["appendixI"]["indicators"][number];

/** The formula that recomputes an aggregate over `ranges` (e.g. ["E8:E20"]), or null. */
export function aggregateFormula(ind: Agg, ranges: string[]): string | null {
  const r = ranges.join(",");
  switch (ind.aggregate) {
    case "sum":
      return ind.type === "boolean" ? ranges.map((x) => `COUNTIF(${x},"Có")`).join("+") : `SUM(${r})`;
    case "count":
      return ind.type === "boolean" ? ranges.map((x) => `COUNTIF(${x},"Có")`).join("+") : `COUNTA(${r})`;
    case "avg":
      return `ROUND(AVERAGE(${r}),2)`;
    case "min":
      return `MIN(${r})`;
    case "max":
      return `MAX(${r})`;
    default:
      return null;
  }
}

const CELL_FONT = font(11);
const STYLE = {
  text: { font: CELL_FONT, border: THIN, alignment: { horizontal: "left", vertical: "middle", wrapText: true } },
  center: { font: CELL_FONT, border: THIN, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  int: { font: CELL_FONT, border: THIN, alignment: { horizontal: "right", vertical: "middle" }, numFmt: "#,##0" },
  dec: { font: CELL_FONT, border: THIN, alignment: { horizontal: "right", vertical: "middle" }, numFmt: "#,##0.##" },
} as const satisfies Record<string, Partial<Style>>;

/** Fills `ws` with Phụ lục I. */
export function writeAppendixFigures(ws: Worksheet, m: ReportModel): void {
  const a = m.appendixI;
  const fixed = ["STT", "Mã đơn vị", "Tên đơn vị", "Tình trạng gửi báo cáo"];
  // Unit codes run to ~20 characters (THPT-NGUYENBINHKHIEM); a narrower column wraps them mid-code.
  const widths = [5, 21, 32, 16, ...a.indicators.map(() => 11)];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const n = widths.length;
  const title = (row: number, text: string, f: ReturnType<typeof font>) => {
    ws.mergeCells(row, 1, row, n);
    setText(ws.getCell(row, 1), text, f, { horizontal: "center" });
  };
  title(1, a.label, font(14, { bold: true }));
  title(2, a.title, font(14, { bold: true }));
  title(3, a.subtitle, font(13, { italic: true }));
  const hr = 5;
  const headers = [...fixed, ...a.indicators.map((i) => (i.unit ? `${i.label} (${i.unit})` : i.label))];
  let hh = 30;
  headers.forEach((h, c) => {
    const cell = ws.getCell(hr, c + 1);
    setText(cell, h, font(11, { bold: true }), { horizontal: "center" });
    cell.border = THIN;
    hh = Math.max(hh, wrappedHeight(h, widths[c], 11));
  });
  ws.getRow(hr).height = hh;

  let r = hr + 1;
  let stt = 0;
  const first = fixed.length + 1;
  const subtotalRows: number[] = [];
  const unitRanges: [number, number][] = [];
  const cellStyle = (row: number) => {
    for (let c = 1; c <= n; c++) ws.getCell(row, c).border = THIN;
  };
  const formulaRow = (row: number, label: string, ranges: (c: number) => string[], results: (number | null)[]) => {
    ws.mergeCells(row, 1, row, fixed.length);
    setText(ws.getCell(row, 1), label, font(11, { bold: true }), { horizontal: "center" });
    a.indicators.forEach((ind, j) => {
      const c = first + j;
      const f = aggregateFormula(ind, ranges(c));
      const cell = ws.getCell(row, c);
      cell.value = f ? { formula: f, result: results[j] ?? 0 } : null;
      cell.font = font(11, { bold: true });
      cell.alignment = { horizontal: "right", vertical: "middle" };
      cell.numFmt = "#,##0.##";
    });
    cellStyle(row);
  };
  for (const g of a.groups) {
    if (!g.rows.length) continue;
    ws.mergeCells(r, 1, r, n);
    setText(ws.getCell(r, 1), g.name, font(11, { bold: true }), { horizontal: "left" });
    cellStyle(r);
    r++;
    const start = r;
    for (const u of g.rows) {
      const row = ws.getRow(r);
      const vals = [++stt, u.unitCode, u.unitName, u.status, ...u.values];
      vals.forEach((v, c) => {
        const cell = row.getCell(c + 1);
        cell.value = typeof v === "string" ? fitCell(v) : v;
        // One shared style object per kind of cell: exceljs caches styles by object identity,
        // which keeps a 5,000-unit appendix fast to write.
        cell.style = typeof v === "number" ? (Number.isInteger(v) ? STYLE.int : STYLE.dec) : c < 2 ? STYLE.center : STYLE.text;
      });
      r++;
    }
    unitRanges.push([start, r - 1]);
    formulaRow(r, `Cộng: ${g.name}`, (c) => [`${colName(c - 1)}${start}:${colName(c - 1)}${r - 1}`], g.subtotal);
    subtotalRows.push(r);
    r++;
  }
  formulaRow(
    r,
    "TỔNG CỘNG",
    (c) => {
      const L = colName(c - 1);
      return unitRanges.map(([s, e]) => `${L}${s}:${L}${e}`);
    },
    a.total,
  );
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: hr }];
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS, printTitlesRow: `${hr}:${hr}` };
  pageNumbers(ws);
}
