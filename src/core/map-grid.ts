/** Finds columns by their key (never by position) and lifts a sheet's rows into keyed rows. */
import { cleanText, isBlank, type CellValue, type Grid } from "./cell.js";
import { buildColumns, parseMarker, UNIT_CODE_HEADER, type ColumnSpec } from "./columns.js";
import type { RawRow } from "./compile-result.js";
import { AppError, showValue, type Problem } from "./problem.js";
import type { Template } from "./template-schema.js";

/** A grid mapped onto the template's columns. */
export interface MappedGrid {
  planCode?: string;
  periodId?: string;
  /** Column key → 0-based column index in the grid. */
  columnIndex: Map<string, number>;
  rows: RawRow[];
  problems: Problem[];
  /** "keys" when the hidden key row was found, "headers" when columns were matched by header text. */
  mappedBy: "keys" | "headers";
  /** 0-based index of the header row. */
  headerRow: number;
}

const SCAN_ROWS = 12;
// Vietnamese has no locale-specific case rules, so plain toLowerCase is exact and much faster.
const norm = (v: CellValue) => (typeof v === "string" ? cleanText(v).replace(/\s+/g, " ").toLowerCase() : "");
const UNIT_HEADER_NORM = norm(UNIT_CODE_HEADER);

/**
 * Maps `grid` by the key row (row 1 of a generated sheet) or, when that row was deleted,
 * by exact header text, and reports every column it could not place.
 * @throws AppError "structure.no-header" when neither keys nor the "Mã đơn vị" header are found.
 */
export function mapGrid(t: Template, grid: Grid, source?: string): MappedGrid {
  const columns = buildColumns(t);
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const problems: Problem[] = [];
  const structural = (code: string, message: string, fix: string, column?: ColumnSpec, severity: Problem["severity"] = "error") =>
    problems.push({ code, severity, message, fix, column: column?.header, columnKey: column?.key, source });

  let keyRow = -1;
  let marker: ReturnType<typeof parseMarker> = null;
  let headerRow = -1;
  for (let r = 0; r < Math.min(SCAN_ROWS, grid.length); r++) {
    const row = grid[r] ?? [];
    if (keyRow < 0) {
      const m = row.map(parseMarker).find((x) => x);
      const keyHits = row.filter((c) => typeof c === "string" && byKey.has(c.trim())).length;
      if (m || keyHits >= 2) {
        keyRow = r;
        marker = m ?? null;
      }
    }
    if (headerRow < 0 && row.some((c) => typeof c === "string" && c.length < 40 && norm(c) === UNIT_HEADER_NORM)) headerRow = r;
  }

  const columnIndex = new Map<string, number>();
  let mappedBy: MappedGrid["mappedBy"] = "keys";
  if (keyRow >= 0) {
    (grid[keyRow] ?? []).forEach((c, i) => {
      const k = parseMarker(c) ? "stt" : typeof c === "string" ? c.trim() : "";
      if (!byKey.has(k)) return;
      if (columnIndex.has(k)) {
        structural("structure.duplicate-column", `Cột "${byKey.get(k)!.header}" xuất hiện hai lần (cột ${colName(columnIndex.get(k)!)} và ${colName(i)}).`, "Xóa cột thừa rồi chạy lại; nếu không rõ, chạy Báo cáo → Thiết lập bảng tính để sửa bố cục.", byKey.get(k));
        return;
      }
      columnIndex.set(k, i);
    });
  } else if (headerRow >= 0) {
    mappedBy = "headers";
    structural("structure.no-key-row", "Không thấy dòng mã cột (dòng ẩn trên tiêu đề) nên các cột được nhận theo tiêu đề.", "Chạy Báo cáo → Thiết lập bảng tính (hoặc tải lại mẫu bằng tong-hop template) để khôi phục dòng mã cột.", undefined, "warning");
    const want = new Map(columns.map((c) => [norm(c.header), c]));
    (grid[headerRow] ?? []).forEach((c, i) => {
      const col = want.get(norm(c));
      if (col && !columnIndex.has(col.key)) columnIndex.set(col.key, i);
    });
  } else {
    throw new AppError(
      "structure.no-header",
      `Không tìm thấy dòng tiêu đề có ô "${UNIT_CODE_HEADER}"${source ? ` trong ${source}` : ""}.`,
      ["Bảng dữ liệu phải có dòng tiêu đề với cột \"Mã đơn vị\". Hãy dùng đúng mẫu (tong-hop template hoặc Báo cáo → Thiết lập bảng tính)."],
    );
  }
  if (headerRow < 0) headerRow = keyRow + 1;

  if (!columnIndex.has("ma_don_vi")) {
    throw new AppError("structure.no-unit-column", `Không tìm thấy cột "${UNIT_CODE_HEADER}"${source ? ` trong ${source}` : ""}.`, ["Không có mã đơn vị thì không thể biết số liệu của đơn vị nào. Hãy khôi phục cột \"Mã đơn vị\" hoặc chạy Thiết lập bảng tính."]);
  }
  for (const c of columns) {
    if (c.kind === "stt" || c.kind === "unit-name" || c.kind === "group" || columnIndex.has(c.key)) continue;
    structural("structure.missing-column", `Thiếu cột "${c.header}" trong bảng dữ liệu; chỉ tiêu này không được tổng hợp.`, "Khôi phục cột (Hoàn tác, hoặc chạy Báo cáo → Thiết lập bảng tính) rồi tổng hợp lại.", c);
  }
  if (mappedBy === "keys") {
    const header = grid[headerRow] ?? [];
    for (const [k, i] of columnIndex) {
      const col = byKey.get(k)!;
      if (col.kind === "stt") continue;
      const h = header[i];
      if (!isBlank(h) && norm(h) !== norm(col.header)) {
        structural("structure.renamed-header", `Tiêu đề cột ${colName(i)} đã bị sửa thành "${showValue(h)}"; cột vẫn được nhận đúng là "${col.header}" theo mã cột.`, "Không cần làm gì; nếu muốn, sửa lại tiêu đề cho khỏi nhầm.", col, "warning");
      }
    }
  }

  const first = Math.max(keyRow, headerRow) + 1;
  const known = new Set(columnIndex.values());
  const width = grid.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const extra: number[] = [];
  for (let i = 0; i < width; i++) if (!known.has(i)) extra.push(i);
  const extraWithData = new Set<number>();

  const rows: RawRow[] = [];
  for (let r = first; r < grid.length; r++) {
    const line = grid[r] ?? [];
    const cells: Record<string, CellValue> = {};
    let any = false;
    for (const [k, i] of columnIndex) {
      const v = line[i];
      cells[k] = v;
      if (k !== "stt" && k !== "ten_don_vi" && k !== "nhom" && !isBlank(v) && !(k === "xac_nhan_gui" && v === false)) any = true;
    }
    for (const i of extra) if (!isBlank(line[i])) extraWithData.add(i);
    if (any) rows.push({ row: r + 1, cells, source });
  }
  for (const i of extraWithData) {
    const h = grid[headerRow]?.[i];
    structural("structure.extra-column", `Cột ${colName(i)}${isBlank(h) ? "" : ` ("${showValue(h)}")`} không thuộc mẫu nhưng có dữ liệu; dữ liệu này không được tổng hợp.`, "Nếu là số liệu cần báo cáo, hãy chuyển sang đúng cột của chỉ tiêu; nếu là ghi chú, có thể bỏ qua.", undefined, "warning");
  }
  return { planCode: marker?.planCode, periodId: marker?.periodId, columnIndex, rows, problems, mappedBy, headerRow };
}

/** Spreadsheet column letters for a 0-based index (0 → A, 26 → AA). */
export function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
