/** Lays out "Phụ lục II": every data problem with unit, column, value, message and fix. */
import type { Worksheet } from "exceljs";
import type { ReportModel } from "../../core/report/report-model.js";
import { appendixTitles, font, landscapeAppendix, setText, THIN, wrappedHeight } from "./report-style.js";

/** Fills `ws` with Phụ lục II. */
export function writeAppendixProblems(ws: Worksheet, m: ReportModel): void {
  const a = m.appendixII;
  const cols = [
    { h: "STT", w: 5 },
    { h: "Đơn vị", w: 24 },
    { h: "Cột / chỉ tiêu", w: 20 },
    { h: "Giá trị đã nhập", w: 16 },
    { h: "Mức độ", w: 8 },
    { h: "Vấn đề", w: 34 },
    { h: "Cách sửa", w: 30 },
    { h: "Nguồn", w: 14 },
  ];
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.w));
  const n = cols.length;
  appendixTitles(ws, a, n);
  const hr = 5;
  cols.forEach((c, i) => {
    const cell = ws.getCell(hr, i + 1);
    setText(cell, c.h, font(11, { bold: true }), { horizontal: "center" });
    cell.border = THIN;
  });
  if (!a.problems.length) {
    ws.mergeCells(hr + 1, 1, hr + 1, n);
    setText(ws.getCell(hr + 1, 1), "Không có số liệu nào cần rà soát.", font(12, { italic: true }), {
      horizontal: "center",
    });
  }
  a.problems.forEach((p, i) => {
    const r = hr + 1 + i;
    const unit = p.unitName ? `${p.unitName}${p.unitCode ? ` (${p.unitCode})` : ""}` : (p.unitCode ?? "—");
    const src = [p.source, p.row ? `dòng ${p.row}` : ""].filter(Boolean).join(", ");
    const vals: (string | number)[] = [
      i + 1,
      unit,
      p.column ?? "",
      p.value ?? "",
      p.severity === "error" ? "Lỗi" : "Lưu ý",
      p.message,
      p.fix,
      src,
    ];
    let h = 18;
    vals.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      // Values are written as strings: text such as "=HYPERLINK(…)" must never become a formula.
      setText(cell, typeof v === "number" ? v : String(v), font(11, { bold: p.severity === "error" && c === 4 }), {
        horizontal: c === 0 || c === 4 ? "center" : "left",
      });
      cell.border = THIN;
      if (typeof v === "string") h = Math.max(h, wrappedHeight(v, cols[c].w, 11));
    });
    ws.getRow(r).height = Math.min(h, 400);
  });
  ws.views = [{ state: "frozen", ySplit: hr }];
  landscapeAppendix(ws, hr);
}
