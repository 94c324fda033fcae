/** Finds columns by their key (never by position) and lifts a sheet's rows into keyed rows. */
import { cleanText, isBlank, type CellValue, type Grid } from "../model/cell.js";
import { COLUMN_KEYS, parseMarker, UNIT_CODE_HEADER, type ColumnSpec } from "../template/columns.js";
import type { RawRow } from "../model/compile-result.js";
import { AppError, type Problem } from "../model/problem.js";
import { showValue } from "../vn/show.js";
import type { Template } from "../model/template-schema.js";
import { templateColumns, templateUnitLookup } from "../template/template-cache.js";

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
  /** 0-based index of the header row (the key row when the header row was deleted). */
  headerRow: number;
}

// Vietnamese has no locale-specific case rules, so plain toLowerCase is exact and much faster.
const norm = (v: CellValue) => (typeof v === "string" ? cleanText(v).replace(/\s+/g, " ").toLowerCase() : "");
const UNIT_HEADER_NORM = norm(UNIT_CODE_HEADER);
/** A header without its trailing "(đơn vị tính)", which units often leave out when they retype one. */
const headerKey = (v: CellValue) => norm(v).replace(/\s*\([^()]*\)$/, "");
/** Columns that say which row it is, not what the unit entered. */
const IDENTITY = new Set<string>([COLUMN_KEYS.stt, COLUMN_KEYS.unitCode, COLUMN_KEYS.unitName, COLUMN_KEYS.group]);

/** Rows as "3, 5–9, 12" (1-based), shortened after a few ranges. */
function rowList(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(i === j ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j;
  }
  return parts.length > 6 ? `${parts.slice(0, 6).join(", ")}…` : parts.join(", ");
}

/** Records a problem of the grid being mapped. */
type Structural = (
  code: string,
  message: string,
  fix: string,
  column?: ColumnSpec,
  severity?: Problem["severity"],
  row?: number,
) => void;

/** What every step of the mapping shares. */
interface MapContext {
  grid: Grid;
  source?: string;
  columns: readonly ColumnSpec[];
  byKey: ReadonlyMap<string, ColumnSpec>;
  findUnit: (code: string) => unknown;
  structural: Structural;
  duplicate: (col: ColumnSpec, a: number, b: number) => void;
  columnIndex: Map<string, number>;
}

/** The first marker (plan and period) in a row, if any. */
function markerIn(row: CellValue[]) {
  for (const c of row) {
    const m = parseMarker(c);
    if (m) return m;
  }
  return null;
}

/**
 * Maps `grid` by the key row (row 1 of a generated sheet) or, when that row was deleted,
 * by exact header text, and reports every column it could not place. The key and header
 * rows are found wherever a sort moved them; copies of them inside the data are skipped;
 * rows holding nothing but the unit's code and name are not entries.
 * @throws AppError "structure.no-header" when neither keys nor the "Mã đơn vị" header are found.
 */
export function mapGrid(t: Template, grid: Grid, source?: string): MappedGrid {
  // Built once per template: a folder of one-unit files maps hundreds of grids against it.
  const { columns, byKey } = templateColumns(t);
  const problems: Problem[] = [];
  const structural: Structural = (code, message, fix, column, severity = "error", row) =>
    problems.push({ code, severity, message, fix, column: column?.header, columnKey: column?.key, source, row });
  const duplicate = (col: ColumnSpec, a: number, b: number) =>
    structural(
      "structure.duplicate-column",
      `Cột "${col.header}" xuất hiện hai lần (cột ${colName(a)} và ${colName(b)}); chỉ cột ${colName(a)} được dùng.`,
      `Xóa cột thừa (hoặc chuyển số liệu của cột ${colName(b)} sang cột ${colName(a)}) rồi chạy lại; nếu không rõ, chạy Báo cáo → Thiết lập bảng tính để sửa bố cục.`,
      col,
    );
  const ctx: MapContext = {
    grid,
    source,
    columns,
    byKey,
    findUnit: templateUnitLookup(t.units),
    structural,
    duplicate,
    columnIndex: new Map(),
  };

  const { keyRow, headerRow: foundHeader } = locateKeyAndHeader(grid, byKey);
  const marker = keyRow >= 0 ? markerIn(grid[keyRow] ?? []) : null;
  if (keyRow >= 0) mapKeyRow(ctx, keyRow);
  else if (foundHeader < 0) {
    throw new AppError(
      "structure.no-header",
      `Không tìm thấy dòng tiêu đề có ô "${UNIT_CODE_HEADER}"${source ? ` trong ${source}` : ""}.`,
      [
        'Bảng dữ liệu phải có dòng tiêu đề với cột "Mã đơn vị". Hãy dùng đúng mẫu (tong-hop template hoặc Báo cáo → Thiết lập bảng tính).',
      ],
    );
  }
  const headerRow = keyRow >= 0 && foundHeader < 0 ? headerUnderKeys(ctx, keyRow) : foundHeader;
  const header = headerRow >= 0 ? (grid[headerRow] ?? []) : [];
  const mappedBy: MappedGrid["mappedBy"] = keyRow < 0 ? "headers" : "keys";
  placeByHeader(ctx, keyRow >= 0, header);
  checkColumns(ctx, mappedBy === "keys" && headerRow >= 0, header);

  const lifted = liftRows(ctx, keyRow, headerRow, marker);
  reportRowProblems(ctx, lifted, header);
  return {
    planCode: marker?.planCode,
    periodId: marker?.periodId,
    columnIndex: ctx.columnIndex,
    rows: lifted.rows,
    problems,
    mappedBy,
    headerRow: headerRow >= 0 ? headerRow : keyRow,
  };
}

/** The first key row and header row (0-based, -1 when absent), wherever a sort put them. */
function locateKeyAndHeader(grid: Grid, byKey: ReadonlyMap<string, ColumnSpec>) {
  const isKeyRow = (row: CellValue[]) =>
    !!markerIn(row) || row.filter((c) => typeof c === "string" && byKey.has(c.trim())).length >= 2;
  const isHeaderRow = (row: CellValue[]) =>
    row.some((c) => typeof c === "string" && c.length < 40 && norm(c) === UNIT_HEADER_NORM);
  let keyRow = -1;
  let headerRow = -1;
  for (let r = 0; r < grid.length && (keyRow < 0 || headerRow < 0); r++) {
    const row = grid[r] ?? [];
    if (keyRow < 0 && isKeyRow(row)) keyRow = r;
    else if (headerRow < 0 && isHeaderRow(row)) headerRow = r;
  }
  return { keyRow, headerRow };
}

/** Places every column whose key is in the key row. */
function mapKeyRow(ctx: MapContext, keyRow: number): void {
  (ctx.grid[keyRow] ?? []).forEach((c, i) => {
    const k = parseMarker(c) ? COLUMN_KEYS.stt : typeof c === "string" ? c.trim() : "";
    if (!ctx.byKey.has(k)) return;
    if (ctx.columnIndex.has(k)) return ctx.duplicate(ctx.byKey.get(k)!, ctx.columnIndex.get(k)!, i);
    ctx.columnIndex.set(k, i);
  });
}

/**
 * With the key row but no header row found: the row right under the keys is the header row,
 * unless it looks like data (then the header row was deleted: -1, with a warning).
 */
function headerUnderKeys(ctx: MapContext, keyRow: number): number {
  const { grid, columnIndex, byKey } = ctx;
  const next = grid[keyRow + 1] ?? [];
  const codeAt = columnIndex.get(COLUMN_KEYS.unitCode);
  const code = codeAt === undefined ? undefined : next[codeAt];
  const matches = [...columnIndex].filter(
    ([k, i]) => norm(next[i]) !== "" && norm(next[i]) === norm(byKey.get(k)!.header),
  ).length;
  const looksLikeData =
    matches === 0 &&
    ((typeof code === "string" && !!ctx.findUnit(code)) ||
      next.some((c) => typeof c === "number" || typeof c === "boolean" || c instanceof Date));
  if (!looksLikeData) return keyRow + 1;
  ctx.structural(
    "structure.no-header-row",
    "Không thấy dòng tiêu đề cột (đã bị xóa); các cột vẫn được nhận đúng theo dòng mã cột.",
    "Chạy Báo cáo → Thiết lập bảng tính (hoặc tải lại mẫu) để khôi phục dòng tiêu đề cho đơn vị dễ nhập.",
    undefined,
    "warning",
  );
  return -1;
}

/** Without a key row every column is placed by header; with one, only columns whose key cell was lost. */
function placeByHeader(ctx: MapContext, haveKeys: boolean, header: CellValue[]): void {
  const { columns, columnIndex, structural, duplicate } = ctx;
  if (!haveKeys) {
    structural(
      "structure.no-key-row",
      "Không thấy dòng mã cột (dòng ẩn trên tiêu đề) nên các cột được nhận theo tiêu đề.",
      "Chạy Báo cáo → Thiết lập bảng tính (hoặc tải lại mẫu bằng tong-hop template) để khôi phục dòng mã cột.",
      undefined,
      "warning",
    );
    mapByHeader(columns, header, new Set(), columnIndex, structural, duplicate);
    return;
  }
  // A key cell typed over or cleared: the column can still be found by its exact header.
  const missing = columns.filter((c) => !columnIndex.has(c.key) && !IDENTITY.has(c.key));
  if (!missing.length || !header.length) return;
  const found = mapByHeader(
    missing,
    header,
    new Set(columnIndex.values()),
    columnIndex,
    structural,
    duplicate,
    columns,
  );
  for (const c of found) {
    structural(
      "structure.key-repaired",
      `Ô mã cột của cột ${colName(columnIndex.get(c.key)!)} bị sửa hoặc xóa; cột được nhận là "${c.header}" theo tiêu đề.`,
      "Chạy Báo cáo → Thiết lập bảng tính (hoặc tải lại mẫu) để khôi phục dòng mã cột.",
      c,
      "warning",
    );
  }
}

/**
 * Refuses a grid without the unit-code column, reports columns the template wants but the grid
 * lacks and, when `compareHeaders`, headers renamed under a known key.
 */
function checkColumns(ctx: MapContext, compareHeaders: boolean, header: CellValue[]): void {
  const { columns, columnIndex, byKey, structural, source } = ctx;
  if (!columnIndex.has(COLUMN_KEYS.unitCode)) {
    throw new AppError(
      "structure.no-unit-column",
      `Không tìm thấy cột "${UNIT_CODE_HEADER}"${source ? ` trong ${source}` : ""}.`,
      [
        'Không có mã đơn vị thì không thể biết số liệu của đơn vị nào. Hãy khôi phục cột "Mã đơn vị" hoặc chạy Thiết lập bảng tính.',
      ],
    );
  }
  for (const c of columns) {
    if (c.kind === "stt" || c.kind === "unit-name" || c.kind === "group" || columnIndex.has(c.key)) continue;
    structural(
      "structure.missing-column",
      `Thiếu cột "${c.header}" trong bảng dữ liệu; ${c.kind === "indicator" ? "chỉ tiêu" : "cột"} này không được tổng hợp.`,
      "Khôi phục cột (Hoàn tác, hoặc chạy Báo cáo → Thiết lập bảng tính) rồi tổng hợp lại.",
      c,
    );
  }
  if (!compareHeaders) return;
  for (const [k, i] of columnIndex) {
    const col = byKey.get(k)!;
    if (col.kind === "stt") continue;
    const h = header[i];
    // The header as generated is the common case; it needs no normalising to compare.
    if (h !== col.header && !isBlank(h) && headerKey(h) !== headerKey(col.header)) {
      structural(
        "structure.renamed-header",
        `Tiêu đề cột ${colName(i)} đã bị sửa thành "${showValue(h)}"; cột vẫn được nhận đúng là "${col.header}" theo mã cột.`,
        "Không cần làm gì; nếu muốn, sửa lại tiêu đề cho khỏi nhầm.",
        col,
        "warning",
      );
    }
  }
}

/** Rows lifted from the grid, with the rows and columns to warn about. */
interface LiftedRows {
  rows: RawRow[];
  repeated: number[];
  foreign: number[];
  extraWithData: Set<number>;
}

/** Lifts every entry row into keyed cells, skipping titles, repeated headers and other periods' blocks. */
function liftRows(ctx: MapContext, keyRow: number, headerRow: number, marker: ReturnType<typeof markerIn>): LiftedRows {
  const { grid, columnIndex, source } = ctx;
  const start = Math.min(...[keyRow, headerRow].filter((r) => r >= 0)) + 1;
  const known = new Set(columnIndex.values());
  const width = grid.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const extra: number[] = [];
  for (let i = 0; i < width; i++) if (!known.has(i)) extra.push(i);
  const out: LiftedRows = { rows: [], repeated: [], foreign: [], extraWithData: new Set() };
  const codeAt = columnIndex.get(COLUMN_KEYS.unitCode)!;
  let inForeign = false;
  for (let r = 0; r < grid.length; r++) {
    if (r === keyRow || r === headerRow) continue;
    const line = grid[r] ?? [];
    const code = line[codeAt];
    // Above the key and header rows are titles, unless a sort moved a unit's row up there.
    if (r < start && !(typeof code === "string" && ctx.findUnit(code))) continue;
    const m = markerIn(line);
    if (m) {
      // A pasted copy of another period's sheet: its rows must not count for this one.
      inForeign = !!marker && (m.planCode !== marker.planCode || m.periodId !== marker.periodId);
      if (!inForeign) out.repeated.push(r + 1);
      continue;
    }
    if (norm(code) === UNIT_HEADER_NORM || (typeof code === "string" && code.trim() === COLUMN_KEYS.unitCode)) {
      out.repeated.push(r + 1);
      continue;
    }
    const cells: Record<string, CellValue> = {};
    let any = false;
    for (const [k, i] of columnIndex) {
      const v = line[i];
      cells[k] = v;
      if (!IDENTITY.has(k) && !isBlank(v) && !(k === COLUMN_KEYS.submitted && v === false)) any = true;
    }
    for (const i of extra) if (!isBlank(line[i])) out.extraWithData.add(i);
    if (!any) continue;
    if (inForeign) out.foreign.push(r + 1);
    else out.rows.push({ row: r + 1, cells, source });
  }
  return out;
}

/** Warns about repeated header rows and extra columns, and refuses other periods' blocks. */
function reportRowProblems(ctx: MapContext, lifted: LiftedRows, header: CellValue[]): void {
  const { structural } = ctx;
  const { repeated, foreign } = lifted;
  if (repeated.length) {
    structural(
      "structure.repeated-header",
      `Dòng ${rowList(repeated)} lặp lại dòng tiêu đề hoặc dòng mã cột nên được bỏ qua.`,
      "Xóa các dòng tiêu đề thừa trong bảng số liệu.",
      undefined,
      "warning",
      repeated[0],
    );
  }
  if (foreign.length) {
    structural(
      "structure.foreign-block",
      `Dòng ${rowList(foreign)} nằm dưới dấu nhận biết của kế hoạch hoặc kỳ báo cáo khác (dán từ bảng tính khác) nên không được tổng hợp.`,
      "Xóa khối dữ liệu dán nhầm, hoặc chuyển số liệu vào đúng dòng của đơn vị trong kỳ này.",
      undefined,
      "error",
      foreign[0],
    );
  }
  for (const i of lifted.extraWithData) {
    const h = header[i];
    structural(
      "structure.extra-column",
      `Cột ${colName(i)}${isBlank(h) ? "" : ` ("${showValue(h)}")`} không thuộc mẫu nhưng có dữ liệu; dữ liệu này không được tổng hợp.`,
      "Nếu là số liệu cần báo cáo, hãy chuyển sang đúng cột của chỉ tiêu; nếu là ghi chú, có thể bỏ qua.",
      undefined,
      "warning",
    );
  }
}

/**
 * Places `wanted` columns by exact header text. A header two template columns share cannot
 * tell them apart, so neither is placed (with an error) rather than risk a swap.
 * Returns the columns placed.
 */
function mapByHeader(
  wanted: readonly ColumnSpec[],
  header: readonly CellValue[],
  taken: ReadonlySet<number>,
  columnIndex: Map<string, number>,
  structural: Structural,
  duplicate: (col: ColumnSpec, a: number, b: number) => void,
  all: readonly ColumnSpec[] = wanted,
): ColumnSpec[] {
  const sharing = new Map<string, number>();
  for (const c of all) sharing.set(headerKey(c.header), (sharing.get(headerKey(c.header)) ?? 0) + 1);
  const want = new Map(wanted.map((c) => [headerKey(c.header), c]));
  const placed: ColumnSpec[] = [];
  const ambiguous = new Set<string>();
  header.forEach((h, i) => {
    if (taken.has(i)) return;
    const col = want.get(headerKey(h));
    if (!col) return;
    if ((sharing.get(headerKey(h)) ?? 0) > 1) {
      if (!ambiguous.has(col.header)) {
        ambiguous.add(col.header);
        structural(
          "structure.ambiguous-header",
          `Nhiều chỉ tiêu có cùng tiêu đề "${col.header}"; không có dòng mã cột nên không phân biệt được cột nào của chỉ tiêu nào, các cột này không được tổng hợp.`,
          "Khôi phục dòng mã cột (Báo cáo → Thiết lập bảng tính hoặc tải lại mẫu) rồi chép số liệu sang.",
          col,
        );
      }
      return;
    }
    if (columnIndex.has(col.key)) return duplicate(col, columnIndex.get(col.key)!, i);
    columnIndex.set(col.key, i);
    placed.push(col);
  });
  return placed;
}

/** Spreadsheet column letters for a 0-based index (0 → A, 26 → AA). */
export function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
