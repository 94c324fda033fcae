/** Creates or updates one period's data sheet: values, layout, validation, highlighting, protections. */
import { COLUMN_KEYS, LAYOUT, parseMarker } from "../../core/template/columns.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { describeValidation } from "../../core/template/validation-rules.js";
import { planDataSheet, type DataSheetPlan } from "./data-sheet-plan.js";
import { notesForEdit } from "./edit-notes.js";
import { highlightRules } from "./highlight-rules.js";
import {
  a1Of,
  applyProtection,
  ownRangeProtections,
  PROTECTION_PREFIX,
  protectionRun,
  removeStale,
  unitRowDescription,
  type ProtectionRun,
  type WantedProtection,
} from "./protections.js";
import { rowsSignature } from "./setup-resume.js";
import { charsToPixels, ensureSize } from "./sheet-size.js";
import { fromSheet, toSheetText } from "./sheet-values.js";
import { columnNumberFormat, columnValidations } from "./validation-builder.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Description (after the prefix) of the protection of the "Thời gian gửi" column. */
export const STAMP_PROTECTION = "Thời gian gửi";
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BG = "#cfe2f3";

/** Sheet name of a period's data sheet (its label; Sheets allows 100 characters). */
export function dataSheetName(p: Pick<Period, "label">): string {
  return p.label.replace(/[[\]*?:/\\]/g, "-").slice(0, 100);
}

/** Finds a period's data sheet: by name, else by the marker in A1 (the label was edited). */
export function findDataSheet(ss: Spreadsheet, t: Template, period: Period): Sheet | null {
  const byName = ss.getSheetByName(dataSheetName(period));
  if (byName) return byName;
  for (const sheet of ss.getSheets()) {
    const m = parseMarker(sheet.getRange(1, 1).getValue());
    if (m && m.periodId === period.id && m.planCode === t.plan.code) return sheet;
  }
  return null;
}

/** What set-up did to one data sheet. */
export interface DataSheetResult {
  sheet: Sheet;
  plan: DataSheetPlan;
  created: boolean;
  /** Unit rows whose protection was written (new or changed). */
  protectedRows: number;
  /** False when the time budget ran out before every row was protected. */
  complete: boolean;
  /** Index into `plan.rows` of the first row not protected yet (all of them when complete). */
  next: number;
  /** {@link rowsSignature} of the planned rows: a later run resumes at `next` only while it holds. */
  signature: string;
}

/** Options of {@link setupDataSheet}. */
export interface SetupSheetOptions {
  /** What the run knows about protections (shared by all sheets of a run); by default one for `t`'s Văn phòng. */
  run?: ProtectionRun;
  /** Where an earlier run stopped on this sheet: rows before `next` are trusted while `signature` matches. */
  resume?: { signature: string; next: number };
}

/** Ranges are fetched this many rows at a time (one getRangeList call) for rows that need a new protection. */
const RANGE_CHUNK = 200;

/** Values, number formats, notes and validations of the planned sheet, one bulk call each. */
function writeCells(sheet: Sheet, plan: DataSheetPlan): void {
  const rows = plan.grid.length;
  const width = plan.width;
  const specs = plan.columns.map((c) => c.spec);
  const dataRows = rows - LAYOUT.firstDataRow + 1;
  const all = sheet.getRange(1, 1, rows, width);
  // Formats first: Sheets reads strings by the cell's format when they are written, so a carried
  // "0912345678" landing in a cell that was General (a column moved) would become a number.
  // Key and header rows are plain text; every string outside "@" cells goes in as text.
  const formatRow = Array.from({ length: width }, (_, j) =>
    j < plan.tableWidth ? columnNumberFormat(specs[j]) : "General",
  );
  const formats = plan.grid.map((_, r) => (r < LAYOUT.firstDataRow - 1 ? Array<string>(width).fill("@") : formatRow));
  all.setNumberFormats(formats);
  all.setValues(toSheetText(plan.grid, (r, c) => formats[r][c]));

  // Notes: help on the headers, ours recomputed on the data, anybody else's carried.
  const values = plan.grid.slice(LAYOUT.firstDataRow - 1);
  const fresh = notesForEdit(
    [...specs, ...Array(width - specs.length).fill(undefined)],
    values,
    plan.notes.slice(LAYOUT.firstDataRow - 1),
  );
  const headerNotes = plan.notes[LAYOUT.headerRow - 1].map((n, j) =>
    specs[j]
      ? describeValidation(specs[j]!).helpText
      : j < plan.tableWidth
        ? "Cột cũ, không còn trong mẫu: giữ lại vì có dữ liệu."
        : n,
  );
  all.setNotes([plan.notes[0], headerNotes, ...fresh.notes]);

  // Validation, one bulk call.
  const validationRow = [...columnValidations(specs), ...Array(width - specs.length).fill(null)];
  if (dataRows > 0) {
    sheet
      .getRange(LAYOUT.firstDataRow, 1, dataRows, width)
      .setDataValidations(Array.from({ length: dataRows }, () => validationRow));
  }
}

/** The header row's colours and weights, the legend, frozen rows and columns, column widths. */
function formatHeader(sheet: Sheet, plan: DataSheetPlan): void {
  const width = plan.width;
  const header = sheet.getRange(LAYOUT.headerRow, 1, 1, width);
  const legendAt = plan.legendColumn - 1;
  header.setBackgrounds([
    Array.from({ length: width }, (_, j) =>
      j < plan.tableWidth ? HEADER_BG : j >= legendAt ? plan.legend[j - legendAt].background : null,
    ),
  ]);
  header.setFontColors([
    Array.from({ length: width }, (_, j) =>
      j >= legendAt ? (plan.legend[j - legendAt].fontColor ?? "#000000") : "#000000",
    ),
  ]);
  header.setFontWeights([Array.from({ length: width }, (_, j) => (j < plan.tableWidth ? "bold" : "normal"))]);
  header.setWrap(true).setVerticalAlignment("middle");
  sheet.setFrozenRows(LAYOUT.headerRow);
  sheet.setFrozenColumns(LAYOUT.frozenColumns);
  sheet.hideRows(LAYOUT.keyRow);
  plan.columns.forEach((c, j) => sheet.setColumnWidth(j + 1, charsToPixels(c.width)));
  plan.legend.forEach((_, i) => sheet.setColumnWidth(plan.legendColumn + i, charsToPixels(24)));
}

/** The live highlighting: the period's conditional-format rules replace the sheet's. */
function writeHighlighting(sheet: Sheet, t: Template, period: Period, plan: DataSheetPlan): void {
  const rows = plan.grid.length;
  const indexOf = new Map<string, number>();
  plan.columns.forEach((c, j) => c.spec && indexOf.set(c.key, j));
  const lastRow = Math.max(rows, LAYOUT.firstDataRow);
  const rules = highlightRules(t, period, {
    columns: plan.columns.flatMap((c) => (c.spec ? [c.spec] : [])),
    indexOf,
    firstRow: LAYOUT.firstDataRow,
    lastRow,
  });
  sheet.setConditionalFormatRules(
    rules.map((r) => {
      const b = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(r.formula).setBackground(r.background);
      if (r.fontColor) b.setFontColor(r.fontColor);
      return b.setRanges(r.ranges.map((a1) => sheet.getRange(a1))).build();
    }),
  );
}

/**
 * Protections: header rows, identity columns and "Thời gian gửi" for the Văn phòng, one row per
 * unit (the Văn phòng's e-mails are editors of each too, in the same addEditors call: they correct
 * rows). Each is checked against what is there (read once per sheet by description) and written
 * only when it differs; ranges are fetched only for protections that must be created.
 */
function protectRows(
  sheet: Sheet,
  t: Template,
  period: Period,
  plan: DataSheetPlan,
  deadlineMs: number,
  opts: SetupSheetOptions,
): { protectedRows: number; complete: boolean; next: number; signature: string } {
  const width = plan.width;
  const dataRows = plan.grid.length - LAYOUT.firstDataRow + 1;
  const run = opts.run ?? protectionRun(t);
  const protections = ownRangeProtections(sheet);
  const apply = (w: WantedProtection, range: () => GoogleAppsScript.Spreadsheet.Range) =>
    applyProtection(w, protections, run, range);
  const fixed = (row: number, column: number, numRows: number, numColumns: number, what: string) => {
    const a1 = a1Of(row, column, numRows, numColumns);
    apply({ a1, description: `${PROTECTION_PREFIX}${what}`, editors: [] }, () => sheet.getRange(a1));
  };
  fixed(1, 1, LAYOUT.headerRow, width, `Tiêu đề ${period.label}`);
  const idWidth = plan.identityColumns.last - plan.identityColumns.first + 1;
  if (dataRows > 0)
    fixed(LAYOUT.firstDataRow, plan.identityColumns.first, dataRows, idWidth, `Cột định danh ${period.label}`);
  // "Thời gian gửi" is written by the Văn phòng's edit trigger only: a unit can neither type nor paste over it.
  const stampAt = plan.columns.findIndex((c) => c.key === COLUMN_KEYS.submittedAt) + 1;
  if (dataRows > 0 && stampAt > 0)
    fixed(LAYOUT.firstDataRow, stampAt, dataRows, 1, `${STAMP_PROTECTION} ${period.label}`);

  const signature = rowsSignature([run.me, ...run.office], plan.tableWidth, plan.rows);
  const trusted = opts.resume && opts.resume.signature === signature ? opts.resume.next : 0;
  const rowA1 = (i: number) => a1Of(plan.rows[i].row, 1, 1, plan.tableWidth);
  let chunk: { start: number; ranges: GoogleAppsScript.Spreadsheet.Range[] } | null = null;
  const rangeOf = (i: number) => {
    const start = i - (i % RANGE_CHUNK);
    if (chunk?.start !== start) {
      const a1s = plan.rows.slice(start, start + RANGE_CHUNK).map((_, j) => rowA1(start + j));
      chunk = { start, ranges: sheet.getRangeList(a1s).getRanges() };
    }
    return chunk.ranges[i - start];
  };
  let protectedRows = 0;
  let next = 0;
  for (; next < plan.rows.length; next++) {
    if (Date.now() > deadlineMs) break;
    const r = plan.rows[next];
    const description = unitRowDescription(r.unitCode);
    // Finished by the run that stopped: its protection is only taken off the stale list.
    if (next < trusted && protections.delete(description)) continue;
    const i = next;
    if (apply({ a1: rowA1(i), description, editors: r.unit?.editors ?? [] }, () => rangeOf(i)) !== "kept")
      protectedRows++;
  }
  const complete = next === plan.rows.length;
  if (complete) removeStale(protections);
  else {
    // Until a later run protects them, the remaining rows are the Văn phòng's alone, never open to every editor.
    const from = plan.rows[next].row;
    fixed(
      from,
      1,
      plan.rows[plan.rows.length - 1].row - from + 1,
      plan.tableWidth,
      `Chưa thiết lập xong ${period.label}`,
    );
  }
  return { protectedRows, complete, next, signature };
}

/**
 * Writes a period's data sheet. Values (old ones carried by key and unit code), notes, number
 * formats and data validations each go in one bulk call; conditional-format rules replace the
 * sheet's rules; header rows and the identity columns are the Văn phòng's; each unit row is
 * protected for that unit's editors. `deadlineMs` (Date.now() value) stops the row
 * protections early so a run stays inside Apps Script's 6-minute limit; running again resumes.
 */
export function setupDataSheet(
  ss: Spreadsheet,
  t: Template,
  period: Period,
  deadlineMs = Infinity,
  opts: SetupSheetOptions = {},
): DataSheetResult {
  let sheet = findDataSheet(ss, t, period);
  const created = !sheet;
  let existing: ReturnType<typeof fromSheet> = [];
  let existingNotes: string[][] = [];
  if (sheet) {
    const range = sheet.getDataRange();
    existing = fromSheet(range.getValues());
    existingNotes = range.getNotes();
    if (sheet.getName() !== dataSheetName(period)) sheet.setName(dataSheetName(period));
  } else {
    sheet = ss.insertSheet(dataSheetName(period));
  }
  const plan = planDataSheet(t, period.id, existing, existingNotes);
  const rows = plan.grid.length;
  const width = plan.width;
  const oldRows = existing.length;
  const oldWidth = existing.reduce((w, r) => Math.max(w, r.length), 0);
  ensureSize(sheet, rows + 10, width);
  if (oldRows > rows) sheet.getRange(rows + 1, 1, oldRows - rows, Math.max(width, oldWidth)).clear();
  if (oldWidth > width) sheet.getRange(1, width + 1, rows, oldWidth - width).clear();
  writeCells(sheet, plan);
  formatHeader(sheet, plan);
  writeHighlighting(sheet, t, period, plan);
  const p = protectRows(sheet, t, period, plan, deadlineMs, opts);
  return { sheet, plan, created, ...p };
}
