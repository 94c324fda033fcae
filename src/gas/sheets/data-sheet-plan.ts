/** Plans a period's data sheet from the template, carrying over every value already entered. */
import { isBlank, type CellValue, type Grid } from "../../core/model/cell.js";
import {
  buildColumns,
  COLUMN_KEYS,
  LAYOUT,
  makeMarker,
  parseMarker,
  type ColumnSpec,
} from "../../core/template/columns.js";
import { mapGrid } from "../../core/read/map-grid.js";
import { AppError } from "../../core/model/problem.js";
import { findPeriod } from "../../core/template/template.js";
import type { Period, Template, Unit } from "../../core/model/template-schema.js";
import { normalizeUnitCode } from "../../core/template/unit-code.js";
import { legendEntries, type LegendEntry } from "./highlight-rules.js";

/** A column of the planned sheet: a template column, or an old one kept because it holds data. */
export interface PlannedColumn {
  key: string;
  header: string;
  width: number;
  spec?: ColumnSpec;
}

/** One data row of the planned sheet. */
export interface PlannedRow {
  /** 1-based sheet row. */
  row: number;
  unitCode: string;
  /** The template's unit; absent for a row kept only because it holds data. */
  unit?: Unit;
}

/** What to write on a period's data sheet. */
export interface DataSheetPlan {
  /** Key row, header row, then one row per unit; `width` columns, legend included. */
  grid: Grid;
  columns: PlannedColumn[];
  rows: PlannedRow[];
  /** 1-based first column of the legend (header row). */
  legendColumn: number;
  legend: LegendEntry[];
  /** Columns of the table (without the legend). */
  tableWidth: number;
  width: number;
  /** Columns units may not edit (STT, Mã đơn vị, Tên đơn vị, Nhóm): 1-based, inclusive. */
  identityColumns: { first: number; last: number };
  /** Notes carried with their cells (same shape as `grid`; "" where none). */
  notes: string[][];
  /** Entered values that were carried over from the old layout. */
  carried: number;
}

/**
 * Columns of a period's data sheet as set-up writes it from the template alone (table, a blank
 * column, the legend): what a compile expects to read, known before reading it.
 */
export function plannedWidth(t: Template, periodId: string): number {
  return buildColumns(t).length + 1 + legendEntries(findPeriod(t, periodId)).length;
}

const IDENTITY = new Set<string>([COLUMN_KEYS.stt, COLUMN_KEYS.unitCode, COLUMN_KEYS.unitName, COLUMN_KEYS.group]);
/** Prefix of the header of an old column kept because it holds data. */
export const OLD_COLUMN_PREFIX = "(Cột cũ) ";

/** What an existing sheet holds, mapped by key and unit code. */
interface ExistingSheet {
  /** Column index by key. */
  index: Map<string, number>;
  /** 0-based index of the first unit row. */
  firstData: number;
  oldRows: CellValue[][];
  codeAt: number | undefined;
  /** Old row (index in oldRows) by normalized unit code, the first one wins. */
  oldByCode: Map<string, number>;
}

/** Maps the existing grid's columns and unit rows. @throws AppError "setup.other-period". */
function readExisting(t: Template, period: Period, existing: Grid): ExistingSheet {
  const hasContent = existing.some((row) => row?.some((c) => !isBlank(c)));
  let index = new Map<string, number>();
  let firstData = LAYOUT.firstDataRow - 1;
  if (hasContent) {
    const marker = existing[0]?.map(parseMarker).find((m) => m);
    if (marker && marker.periodId !== period.id) {
      throw new AppError(
        "setup.other-period",
        `Trang tính dành cho kỳ "${period.label}" đang chứa dữ liệu của kỳ khác (${marker.periodId}).`,
        ["Đổi tên trang tính cũ (hoặc xóa nếu không cần) rồi chạy lại Thiết lập bảng tính."],
      );
    }
    const mapped = mapGrid(t, existing);
    index = mapped.columnIndex;
    firstData = mapped.headerRow + 1;
  }
  const oldRows = hasContent ? existing.slice(firstData) : [];
  const codeAt = index.get(COLUMN_KEYS.unitCode);
  const oldByCode = new Map<string, number>();
  oldRows.forEach((row, i) => {
    const c = codeAt === undefined ? undefined : row[codeAt];
    if (typeof c === "string" && !isBlank(c) && !oldByCode.has(normalizeUnitCode(c)))
      oldByCode.set(normalizeUnitCode(c), i);
  });
  return { index, firstData, oldRows, codeAt, oldByCode };
}

/** Columns of the existing sheet that no longer belong to the template but hold data: kept at the end. */
function keptOldColumns(existing: Grid, old: ExistingSheet): { at: number; key: string; header: string }[] {
  const known = new Set(old.index.values());
  const width0 = existing.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const out: { at: number; key: string; header: string }[] = [];
  for (let i = 0; i < width0; i++) {
    if (known.has(i)) continue;
    if (!old.oldRows.some((r) => !isBlank(r[i]))) continue;
    const key =
      typeof existing[0]?.[i] === "string" && !parseMarker(existing[0][i]) ? String(existing[0][i]).trim() : "";
    const h = existing[old.firstData - 1]?.[i];
    const header =
      typeof h === "string" && h.trim()
        ? h.startsWith(OLD_COLUMN_PREFIX)
          ? h
          : OLD_COLUMN_PREFIX + h.trim()
        : `${OLD_COLUMN_PREFIX}cột ${i + 1}`;
    out.push({ at: i, key, header });
  }
  return out;
}

/**
 * A function copying an old row's entered values and notes into a new row, by column key (the
 * identity columns keep only their notes: their values come from the template); counts the
 * values carried in `counter`.
 */
function rowCopier(
  specs: readonly ColumnSpec[],
  old: ExistingSheet,
  oldColumns: readonly { at: number }[],
  existingNotes: readonly (readonly string[])[],
  counter: { carried: number },
): (out: CellValue[], outNotes: string[], oldIndex: number | undefined) => void {
  return (out, outNotes, oldIndex) => {
    if (oldIndex === undefined) return;
    const row = old.oldRows[oldIndex];
    const oldNotes = existingNotes[old.firstData + oldIndex] ?? [];
    const copy = (from: number, to: number) => {
      const v = row[from];
      if (!isBlank(v)) {
        out[to] = v;
        if (v !== false) counter.carried++;
      }
      if (oldNotes[from]) outNotes[to] = oldNotes[from];
    };
    specs.forEach((s, i) => {
      const at = old.index.get(s.key);
      if (at === undefined) return;
      if (IDENTITY.has(s.key)) {
        if (oldNotes[at]) outNotes[i] = oldNotes[at];
        return;
      }
      copy(at, i);
    });
    oldColumns.forEach((c, j) => copy(c.at, specs.length + j));
  };
}

/**
 * Plans the sheet for `periodId`. `existing` is the sheet's current grid (wall-clock Dates),
 * or empty for a new sheet. Values are matched by column key and unit code, never by position,
 * (notes travel with their cells), so re-running set-up after the Văn phòng adds an indicator or a unit loses nothing; columns
 * and rows that no longer belong to the template are kept at the end while they hold data.
 * @throws AppError "setup.other-period" when the sheet belongs to another period.
 */
export function planDataSheet(
  t: Template,
  periodId: string,
  existing: Grid = [],
  existingNotes: readonly (readonly string[])[] = [],
): DataSheetPlan {
  const period = findPeriod(t, periodId);
  const specs = buildColumns(t);
  const groupName = new Map(t.unitGroups.map((g) => [g.code, g.name]));
  const old = readExisting(t, period, existing);
  const oldColumns = keptOldColumns(existing, old);
  const columns: PlannedColumn[] = [
    ...specs.map((s) => ({ key: s.key, header: s.header, width: s.width, spec: s })),
    ...oldColumns.map((c) => ({ key: c.key, header: c.header, width: 18 })),
  ];
  const tableWidth = columns.length;
  const legend = legendEntries(period);
  const legendColumn = tableWidth + 2;
  const width = legendColumn - 1 + legend.length;
  const blankRow = (): CellValue[] => Array<CellValue>(width).fill("");

  const keyRow = blankRow();
  const headerRow = blankRow();
  columns.forEach((c, i) => {
    keyRow[i] = c.key === COLUMN_KEYS.stt ? makeMarker(t.plan.code, period.id) : c.key;
    headerRow[i] = c.header;
  });
  legend.forEach((l, i) => (headerRow[legendColumn - 1 + i] = l.text));

  const counter = { carried: 0 };
  const fill = rowCopier(specs, old, oldColumns, existingNotes, counter);
  const grid: CellValue[][] = [keyRow, headerRow];
  const notes: string[][] = [Array<string>(width).fill(""), Array<string>(width).fill("")];
  const rows: PlannedRow[] = [];
  const sentAt = specs.findIndex((s) => s.key === COLUMN_KEYS.submitted);
  const used = new Set<string>();
  const put = (unitCode: string, unitName: CellValue, group: CellValue, from: number | undefined, unit?: Unit) => {
    const out = blankRow();
    const outNotes = Array<string>(width).fill("");
    out[0] = rows.length + 1;
    out[1] = unitCode;
    out[2] = unitName;
    out[3] = group;
    if (sentAt >= 0) out[sentAt] = false;
    fill(out, outNotes, from);
    grid.push(out);
    notes.push(outNotes);
    rows.push({ row: grid.length, unitCode, unit });
  };
  for (const u of t.units) {
    const key = normalizeUnitCode(u.code);
    used.add(key);
    put(u.code, u.name, groupName.get(u.group) ?? u.group, old.oldByCode.get(key), u);
  }
  const skip = new Set([...IDENTITY].map((k) => old.index.get(k)).filter((i): i is number => i !== undefined));
  const holdsData = (row: CellValue[] | undefined): boolean =>
    !!row && row.some((v, i) => !skip.has(i) && !isBlank(v) && v !== false);
  old.oldRows.forEach((row, i) => {
    const c = old.codeAt === undefined ? "" : row[old.codeAt];
    const key = typeof c === "string" ? normalizeUnitCode(c) : String(c ?? "");
    if (used.has(key) || !holdsData(row)) return;
    used.add(key);
    const at = (k: string) => (old.index.has(k) ? row[old.index.get(k)!] : "");
    put(typeof c === "string" ? c : String(c ?? ""), at(COLUMN_KEYS.unitName), at(COLUMN_KEYS.group), i);
  });
  const identityKeys = specs.filter((s) => IDENTITY.has(s.key)).length;
  return {
    grid,
    columns,
    rows,
    legendColumn,
    legend,
    tableWidth,
    width,
    identityColumns: { first: 1, last: identityKeys },
    notes,
    carried: counter.carried,
  };
}
