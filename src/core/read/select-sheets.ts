/** Picks, from a workbook's sheets, the data of one plan and period, or says why there is none. */
import type { Grid } from "../model/cell.js";
import { parseMarker } from "../template/columns.js";
import type { RawRow } from "../model/compile-result.js";
import { mapGrid } from "./map-grid.js";
import { AppError, type Problem } from "../model/problem.js";
import type { Template } from "../model/template-schema.js";

/** A sheet of a source workbook or spreadsheet. */
export interface NamedGrid {
  name: string;
  grid: Grid;
  problems?: Problem[];
  /** The workbook's last-saved time (wall clock, UTC+7) from its properties, when it has one. */
  savedAt?: string;
}

/** Rows and problems taken from one source. */
export interface SourceRows {
  rows: RawRow[];
  problems: Problem[];
  /** Sheet names used. */
  used: string[];
}

/** The sheet's first marker, wherever a sort moved the key row that holds it. */
const markerOf = (g: Grid) => {
  for (const row of g)
    for (const c of row ?? []) {
      const m = parseMarker(c);
      if (m) return m;
    }
  return null;
};

/**
 * Takes the sheets whose marker names this plan and period. Sheets without a marker are used
 * when they carry a "Mã đơn vị" header and no sheet has a marker (a warning says the period
 * could not be checked).
 * @throws AppError "source.other-period" / "source.other-plan" / "source.no-data"
 */
export function selectPeriodSheets(
  t: Template,
  periodId: string,
  sheets: readonly NamedGrid[],
  source: string,
): SourceRows {
  const marked = sheets.map((s) => ({ s, m: markerOf(s.grid) }));
  const mine = marked.filter((x) => x.m && x.m.planCode === t.plan.code && x.m.periodId === periodId).map((x) => x.s);
  const out: SourceRows = { rows: [], problems: [], used: [] };
  const take = (s: NamedGrid) => {
    const where = sheets.length > 1 ? `${source} › ${s.name}` : source;
    const m = mapGrid(t, s.grid, where);
    if (s.savedAt) for (const r of m.rows) r.savedAt = s.savedAt;
    out.rows.push(...m.rows);
    out.problems.push(...(s.problems ?? []), ...m.problems);
    out.used.push(s.name);
  };
  if (mine.length) {
    mine.forEach(take);
    return out;
  }
  const others = marked.filter((x) => x.m);
  if (others.length) {
    const m = others[0].m!;
    if (m.planCode !== t.plan.code) {
      throw new AppError(
        "source.other-plan",
        `${source}: là số liệu của kế hoạch ${m.planCode}, không phải ${t.plan.code}; tệp không được dùng.`,
        ["Hãy chọn đúng mẫu kế hoạch, hoặc đề nghị đơn vị nhập lại vào mẫu của kế hoạch này."],
      );
    }
    const labels = [
      ...new Set(others.map((x) => t.periods.find((p) => p.id === x.m!.periodId)?.label ?? x.m!.periodId)),
    ];
    const want = t.periods.find((p) => p.id === periodId)?.label ?? periodId;
    throw new AppError(
      "source.other-period",
      `${source}: là số liệu của ${labels.join(", ")}, không phải ${want}; tệp không được dùng.`,
      [`Hãy chọn đúng kỳ báo cáo, hoặc đề nghị đơn vị gửi tệp của ${want}.`],
    );
  }
  const unmarked = sheets.filter((s) => {
    try {
      mapGrid(t, s.grid, source);
      return true;
    } catch {
      return false;
    }
  });
  if (!unmarked.length) {
    throw new AppError(
      "source.no-data",
      `${source}: không có bảng dữ liệu nào có cột "Mã đơn vị"; tệp không được dùng.`,
      [
        "Trang số liệu có thể đã bị xóa hoặc tệp không phải mẫu báo cáo: hãy đề nghị đơn vị nhập lại vào mẫu (tong-hop template) rồi gửi lại.",
      ],
    );
  }
  unmarked.forEach(take);
  out.problems.push({
    code: "source.no-marker",
    severity: "warning",
    message: `${source}: không có dấu nhận biết kế hoạch và kỳ báo cáo, nên không kiểm tra được tệp có đúng kỳ không.`,
    fix: "Dùng mẫu tải từ tong-hop template hoặc từ bảng tính chung để nhập số liệu.",
    source,
  });
  return out;
}
