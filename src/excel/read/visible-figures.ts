/**
 * Reconciles a report's visible Phụ lục I with the result embedded in it. A Sở that corrects a
 * unit's figure in Phụ lục I (its TỔNG CỘNG formula recalculates) has signed the visible
 * figures: they win over the stale hidden result, and each difference is said by cell.
 */
import type { CellValue } from "../../core/model/cell.js";
import type { ResultJson } from "../../core/compile/result-json.js";
import type { Problem } from "../../core/model/problem.js";
import type { Template } from "../../core/model/template-schema.js";
import type { NamedGrid } from "../../core/read/select-sheets.js";
import { colName } from "../../core/read/map-grid.js";
import { indicatorHeader } from "../../core/template/columns.js";
import { parseVnNumber } from "../../core/vn/parse-number.js";
import { vnNumber } from "../../core/vn/show.js";

/** Name of the sheet holding every unit's figures. */
const APPENDIX_I = "Phụ lục I";
const TOTAL_LABEL = "TỔNG CỘNG";

/** A visible cell as a number, or undefined when it holds none. */
function asNumber(v: CellValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string" || v.trim() === "") return undefined;
  const p = parseVnNumber(v);
  return p.ok ? p.value : undefined;
}

/** Same figure as shown: the report rounds averages to two decimals. */
function same(visible: number, hidden: number | null): boolean {
  if (hidden === null) return false;
  return Math.abs(visible - hidden) <= (Number.isInteger(hidden) ? 1e-9 : 0.005 + 1e-9);
}

/**
 * Takes the visible Phụ lục I figures of `sheets` into `doc` where they differ from it: unit
 * values and the TỔNG CỘNG total of every number indicator. Returns the differences as
 * warnings (also added to `doc.problems`, so the higher report lists them).
 */
export function applyVisibleFigures(t: Template, sheets: readonly NamedGrid[], doc: ResultJson, source: string) {
  const grid = sheets.find((s) => s.name === APPENDIX_I)?.grid;
  const found: Problem[] = [];
  if (!grid) return found;
  const headerAt = grid.findIndex((row) => row?.[1] === "Mã đơn vị");
  if (headerAt < 0) return found;
  const header = grid[headerAt] ?? [];
  const say = (where: string, label: string, visible: number, hidden: number | null, unit?: string) =>
    found.push({
      code: "rollup.visible-figure",
      severity: "warning",
      unitCode: unit,
      column: label,
      value: `${vnNumber(visible)} (kết quả ẩn: ${hidden === null ? "trống" : vnNumber(hidden)})`,
      message: `${source}: ô ${where} của Phụ lục I (${label}${unit ? `, ${unit}` : ""}) ghi ${vnNumber(visible)}, khác kết quả ẩn trong tệp (${hidden === null ? "trống" : vnNumber(hidden)}); dùng số trong Phụ lục I vì đó là số đã được sửa và ký.`,
      fix: "Nếu số trong Phụ lục I là nhầm, sửa lại trong báo cáo của cơ quan cấp dưới (hoặc tổng hợp lại báo cáo đó) rồi chạy lại.",
    });
  for (const ind of t.indicators) {
    if (ind.type !== "integer" && ind.type !== "number") continue;
    const c = header.indexOf(indicatorHeader(ind));
    const total = doc.totals[ind.key];
    if (c < 0 || !total) continue;
    for (let r = headerAt + 1; r < grid.length; r++) {
      const row: CellValue[] = grid[r] ?? [];
      const visible = asNumber(row[c]);
      if (visible === undefined) continue;
      const where = `${colName(c)}${r + 1}`;
      if (row[0] === TOTAL_LABEL) {
        if (!same(visible, total.total)) {
          say(where, ind.label, visible, total.total);
          total.total = visible;
        }
        continue;
      }
      const code = typeof row[1] === "string" ? row[1] : "";
      const values = doc.units[code]?.values;
      if (!values) continue;
      const hidden = values[ind.key];
      if (!same(visible, typeof hidden === "number" ? hidden : null)) {
        say(where, ind.label, visible, typeof hidden === "number" ? hidden : null, code);
        values[ind.key] = visible;
      }
    }
  }
  doc.problems.push(...found);
  return found;
}
