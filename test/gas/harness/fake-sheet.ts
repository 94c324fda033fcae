/** Fakes of Sheet, Range and Protection, following the documented behaviour of SpreadsheetApp. */
import { Fake } from "./call-log.js";
import { columnLetters, formatA1, parseA1 } from "./a1.js";
import {
  type FakeChart,
  FakeChartBuilder,
  type FakeConditionalFormatRule,
  FakeDataValidation,
} from "./fake-builders.js";
import type { FakeSpreadsheet } from "./fake-spreadsheet.js";
import { FakeUser, type World } from "./world.js";

/** One cell's stored state. */
export class Cell {
  value: unknown = "";
  note = "";
  background: string | null = null;
  fontColor: string | null = null;
  fontWeight = "normal";
  numberFormat = "General";
  validation: FakeDataValidation | null = null;
  wrap = false;
  /** The formula ("=…") when the cell holds one; its value is then the formula's result. */
  formula = "";
}

/** Sheets refuses a cell of more than 50,000 characters. */
export const CELL_TEXT_LIMIT = 50_000;
const VN_OFFSET_MS = 7 * 3600 * 1000;

/**
 * What Sheets stores for a string entered in a cell that is not formatted as plain text ("@"),
 * as typed in the UI and as `setValue(s)` does (the Sheets API calls it USER_ENTERED): a leading
 * apostrophe forces text (and is dropped), "=…" is a formula, TRUE/FALSE are booleans, numbers
 * are read in the spreadsheet's locale (vi_VN: "1.234" is 1234, "1,5" is 1.5; en_US: "1,234"
 * and "1.5"), and in vi_VN "dd/mm/yyyy" is a date. Other inputs (currency, percentages, en_US
 * dates) are not modelled and stay text.
 */
export function userEntered(text: string, locale: string, timeZone: string): { value: unknown; formula?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { value: "#ERROR!", formula: text };
  const s = text.trim();
  const vi = locale === "vi_VN";
  if (/^(TRUE|FALSE)$/i.test(s)) return { value: /^TRUE$/i.test(s) };
  const intRe = vi ? /^-?\d{1,3}(\.\d{3})+$|^-?\d+$/ : /^-?\d{1,3}(,\d{3})+$|^-?\d+$/;
  if (intRe.test(s)) return { value: Number(s.replace(vi ? /\./g : /,/g, "")) };
  const decRe = vi ? /^-?\d+,\d+$/ : /^-?\d+\.\d+$/;
  if (decRe.test(s)) return { value: Number(s.replace(",", ".")) };
  const d = vi ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s) : null;
  if (d) {
    const t = Date.UTC(+d[3], +d[2] - 1, +d[1]);
    const back = new Date(t);
    if (back.getUTCDate() === +d[1] && back.getUTCMonth() === +d[2] - 1)
      return { value: new Date(t - (timeZone === "Asia/Ho_Chi_Minh" ? VN_OFFSET_MS : 0)) };
  }
  return { value: text };
}

/** Stores an entered value in a cell the way Sheets does (see {@link userEntered}). */
export function enterValue(c: Cell, v: unknown, locale: string, timeZone: string): void {
  if (typeof v === "string" && v.length > CELL_TEXT_LIMIT)
    throw new Error(
      `Exception: Your input contains more than the maximum of ${CELL_TEXT_LIMIT} characters in a single cell.`,
    );
  c.formula = "";
  if (typeof v === "string" && c.numberFormat !== "@") {
    const e = userEntered(v, locale, timeZone);
    c.value = stored(e.value);
    if (e.formula) c.formula = e.formula;
    return;
  }
  c.value = stored(v);
}

const PROTECTED =
  "Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** Copies a value into storage the way Sheets keeps it ("" for empty; Dates copied). */
function stored(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Protection of a range or a sheet. */
export class FakeProtection extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "Protection";
  _description = "";
  _editors: Set<string>;
  _domainEdit: boolean;
  _warningOnly = false;
  _removed = false;

  constructor(
    readonly _world: World,
    readonly _sheet: FakeSheet,
    readonly _type: "RANGE" | "SHEET",
    readonly _range: FakeRange,
  ) {
    super();
    // A new protection starts with the spreadsheet's editors, as in Sheets.
    this._editors = new Set(_world.editors());
    this._domainEdit = !!_world.domain;
  }
  setDescription(d: string): this {
    this._description = String(d);
    return this;
  }
  getDescription(): string {
    return this._description;
  }
  getProtectionType(): string {
    return this._type;
  }
  getRange(): FakeRange {
    return this._range;
  }
  private email(u: unknown): string {
    const e = u instanceof FakeUser ? u.getEmail() : String(u);
    if (!/^[^@\s]+@[^@\s]+$/.test(e)) throw new Error(`Exception: Invalid email: ${e}`);
    return e.toLowerCase();
  }
  addEditor(u: unknown): this {
    this._editors.add(this.email(u));
    return this;
  }
  addEditors(list: unknown[]): this {
    list.forEach((u) => this._editors.add(this.email(u)));
    return this;
  }
  /** The owner and the user running the script cannot be removed (silently kept), as documented. */
  removeEditor(u: unknown): this {
    const e = this.email(u);
    if (e !== this._world.owner && e !== this._world.effectiveUser) this._editors.delete(e);
    return this;
  }
  removeEditors(list: unknown[]): this {
    list.forEach((u) => this.removeEditor(u));
    return this;
  }
  getEditors(): FakeUser[] {
    return [...this._editors].map((e) => new FakeUser(e));
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  setDomainEdit(b: boolean): this {
    if (!this._world.domain)
      throw new Error("Exception: Domain edit can only be set for spreadsheets in a Google Workspace domain.");
    this._domainEdit = !!b;
    return this;
  }
  setWarningOnly(b: boolean): this {
    this._warningOnly = !!b;
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  canEdit(): boolean {
    return this._allows(this._world.effectiveUser);
  }
  remove(): void {
    this._removed = true;
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
  /** May `user` edit the cells this protection covers? (Harness only.) */
  _allows(user: string): boolean {
    const u = user.toLowerCase();
    return (
      this._warningOnly ||
      u === this._world.owner ||
      this._editors.has(u) ||
      (this._domainEdit && this._world.inDomain(u))
    );
  }
  _covers(row: number, col: number): boolean {
    if (this._type === "SHEET") return true;
    const r = this._range;
    return row >= r._row && row < r._row + r._numRows && col >= r._col && col < r._col + r._numCols;
  }
}

/** A sheet: a sparse grid of cells plus layout, rules, protections and charts. */
export class FakeSheet extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "Sheet";
  _rows: (Cell | undefined)[][] = [];
  _maxRows = 1000;
  _maxCols = 26;
  _frozenRows = 0;
  _frozenCols = 0;
  _hiddenRows = new Set<number>();
  _widths = new Map<number, number>();
  _cfRules: FakeConditionalFormatRule[] = [];
  _protections: FakeProtection[] = [];
  _charts: FakeChart[] = [];

  constructor(
    readonly _world: World,
    readonly _ss: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
  ) {
    super();
  }

  _cell(row: number, col: number, create: true): Cell;
  _cell(row: number, col: number, create?: false): Cell | undefined;
  _cell(row: number, col: number, create = false): Cell | undefined {
    let r = this._rows[row - 1];
    if (!r) {
      if (!create) return undefined;
      r = this._rows[row - 1] = [];
    }
    let c = r[col - 1];
    if (!c && create) c = r[col - 1] = new Cell();
    return c;
  }
  /** Throws like Sheets when the executing user may not edit a block. */
  _assertEditable(row: number, col: number, numRows: number, numCols: number): void {
    const user = this._world.effectiveUser;
    for (const p of this._protections) {
      if (p._allows(user)) continue;
      if (p._type === "SHEET") throw new Error(PROTECTED);
      const r = p._range;
      const overlaps =
        row < r._row + r._numRows && r._row < row + numRows && col < r._col + r._numCols && r._col < col + numCols;
      if (overlaps) throw new Error(PROTECTED);
    }
  }
  /** May `user` edit this cell? (Harness only.) */
  _canEdit(user: string, row: number, col: number): boolean {
    return this._protections.every((p) => !p._covers(row, col) || p._allows(user));
  }

  getName(): string {
    return this._name;
  }
  /** Throws like Sheets when a protected sheet is renamed or deleted by someone the protection does not allow. */
  _assertSheetEditable(): void {
    const p = this._protections.find((x) => x._type === "SHEET");
    if (p && !p._allows(this._world.effectiveUser)) throw new Error(PROTECTED);
  }
  setName(n: string): this {
    this._assertSheetEditable();
    if (this._ss._sheets.some((s) => s !== this && s._name === n))
      throw new Error(`Exception: A sheet with the name "${n}" already exists. Please enter another name.`);
    this._name = n;
    return this;
  }
  getSheetId(): number {
    return this._id;
  }
  /** 1-based position among the tabs. */
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this._ss;
  }
  activate(): this {
    this._ss._active = this;
    return this;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): FakeRange {
    if (typeof a === "string") {
      const p = parseA1(a, this._maxRows, this._maxCols);
      return this._range(p.row, p.column, p.numRows, p.numColumns);
    }
    return this._range(a, b ?? 1, c ?? 1, d ?? 1);
  }
  _range(row: number, col: number, numRows: number, numCols: number): FakeRange {
    if (![row, col, numRows, numCols].every((n) => Number.isInteger(n)))
      throw new Error("Exception: The parameters don't match the method signature.");
    if (numRows < 1 || numCols < 1)
      throw new Error("Exception: The number of rows and columns in the range must be at least 1.");
    if (row < 1 || col < 1 || row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      throw new Error("Exception: The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this._world, this, row, col, numRows, numCols);
  }
  getLastRow(): number {
    for (let r = this._rows.length; r >= 1; r--) if (this._rows[r - 1]?.some((c) => c && c.value !== "")) return r;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this._rows) row?.forEach((c, i) => c && c.value !== "" && (last = Math.max(last, i + 1)));
    return last;
  }
  getDataRange(): FakeRange {
    return this._range(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /**
   * The values of a block in one call, as `getRange(…).getValues()` gives them. As documented, -1
   * for the number of rows or columns means "up to the last row (column) that has data".
   */
  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? Math.max(1, this.getLastRow() - row + 1) : numRows;
    const cols = numColumns === -1 ? Math.max(1, this.getLastColumn() - column + 1) : numColumns;
    return this._range(row, column, rows, cols).getValues();
  }
  /** Ranges by A1 notation, in one call (each Range of `getRanges()` then costs nothing to get). */
  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw new Error(
        "Exception: The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
      );
    return new FakeRangeList(a1Notations.map((a1) => this.getRange(a1)));
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  insertRowsAfter(after: number, n: number): this {
    if (after < 1 || after > this._maxRows || n < 1) throw new Error("Exception: Those rows are out of bounds.");
    if (after < this._rows.length)
      this._rows.splice(after, 0, ...Array.from({ length: n }, () => [] as (Cell | undefined)[]));
    this._maxRows += n;
    return this;
  }
  insertColumnsAfter(after: number, n: number): this {
    if (after < 1 || after > this._maxCols || n < 1) throw new Error("Exception: Those columns are out of bounds.");
    for (const row of this._rows)
      if (row && after < row.length) row.splice(after, 0, ...Array<Cell | undefined>(n).fill(undefined));
    this._maxCols += n;
    return this;
  }
  setFrozenRows(n: number): this {
    this._frozenRows = n;
    return this;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(n: number): this {
    this._frozenCols = n;
    return this;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  hideRows(row: number, n = 1): void {
    for (let i = 0; i < n; i++) this._hiddenRows.add(row + i);
  }
  isRowHiddenByUser(row: number): boolean {
    return this._hiddenRows.has(row);
  }
  setColumnWidth(col: number, px: number): this {
    this._widths.set(col, px);
    return this;
  }
  setColumnWidths(start: number, n: number, px: number): this {
    for (let i = 0; i < n; i++) this._widths.set(start + i, px);
    return this;
  }
  getColumnWidth(col: number): number {
    return this._widths.get(col) ?? 100;
  }
  clear(): this {
    this._assertEditable(1, 1, this._maxRows, this._maxCols);
    for (const row of this._rows)
      row?.forEach(
        (c) =>
          c &&
          Object.assign(c, {
            value: "",
            formula: "",
            background: null,
            fontColor: null,
            fontWeight: "normal",
            numberFormat: "General",
            wrap: false,
          }),
      );
    return this;
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this._cfRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (rules.some((r) => r._ranges.some((x) => x._sheet !== this)))
      throw new Error("Exception: All ranges of a rule must be on this sheet.");
    this._cfRules = [...rules];
  }
  protect(): FakeProtection {
    const existing = this._protections.find((p) => p._type === "SHEET");
    if (existing) return existing;
    const p = new FakeProtection(this._world, this, "SHEET", this._range(1, 1, this._maxRows, this._maxCols));
    this._protections.push(p);
    return p;
  }
  getProtections(type: string): FakeProtection[] {
    return this._protections.filter((p) => p._type === String(type));
  }
  newChart(): FakeChartBuilder {
    return new FakeChartBuilder();
  }
  insertChart(c: FakeChart): void {
    this._charts.push(c);
  }
  getCharts(): FakeChart[] {
    return [...this._charts];
  }
  removeChart(c: FakeChart): void {
    this._charts = this._charts.filter((x) => x !== c);
  }
  /** Writes after the last row with content, adding a row when the sheet is full (as Sheets does). */
  appendRow(values: unknown[]): this {
    const row = this.getLastRow() + 1;
    if (row > this._maxRows) this._maxRows = row;
    this._range(row, 1, 1, values.length).setValues([values]);
    return this;
  }

  /** Value of a cell by A1 (harness only). */
  _value(a1: string): unknown {
    const p = parseA1(a1);
    return this._cell(p.row, p.column)?.value ?? "";
  }
  /** The sheet's values as a rectangle (harness only). */
  _grid(): unknown[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => this._cell(r + 1, c + 1)?.value ?? ""),
    );
  }
}

type Matrix<T> = T[][];

/** Sheet.getRangeList(): several ranges of one sheet. */
export class FakeRangeList extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "RangeList";
  constructor(readonly _ranges: FakeRange[]) {
    super();
  }
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
}

/** A rectangle of cells. */
export class FakeRange extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "Range";
  constructor(
    readonly _world: World,
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    super();
  }
  private read<T>(f: (c: Cell | undefined) => T): Matrix<T> {
    this._world.cells.read += this._numRows * this._numCols;
    return Array.from({ length: this._numRows }, (_, r) =>
      Array.from({ length: this._numCols }, (_, c) => f(this._sheet._cell(this._row + r, this._col + c))),
    );
  }
  private write<T>(data: Matrix<T>, f: (c: Cell, v: T) => void): this {
    if (!Array.isArray(data) || data.length !== this._numRows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${this._numRows}.`,
      );
    }
    data.forEach((row) => {
      if (!Array.isArray(row) || row.length !== this._numCols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this._numCols}.`,
        );
      }
    });
    this._sheet._assertEditable(this._row, this._col, this._numRows, this._numCols);
    this._world.cells.written += this._numRows * this._numCols;
    data.forEach((row, r) => row.forEach((v, c) => f(this._sheet._cell(this._row + r, this._col + c, true), v)));
    return this;
  }
  private fill<T>(v: T): Matrix<T> {
    return Array.from({ length: this._numRows }, () => Array<T>(this._numCols).fill(v));
  }

  getSheet(): FakeSheet {
    return this._sheet;
  }
  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getA1Notation(): string {
    return formatA1(this._row, this._col, this._numRows, this._numCols);
  }
  getValues(): unknown[][] {
    return this.read((c) => (c ? stored(c.value) : ""));
  }
  getValue(): unknown {
    return this.getValues()[0][0];
  }
  getDisplayValues(): string[][] {
    return this.read((c) => (c ? String(c.value) : ""));
  }
  /** Strings are entered as a person would type them: see {@link userEntered}. */
  setValues(v: unknown[][]): this {
    const ss = this._sheet._ss;
    for (const row of Array.isArray(v) ? v : []) {
      for (const x of Array.isArray(row) ? row : []) {
        if (typeof x === "string" && x.length > CELL_TEXT_LIMIT)
          throw new Error(
            `Exception: Your input contains more than the maximum of ${CELL_TEXT_LIMIT} characters in a single cell.`,
          );
      }
    }
    return this.write(v, (c, x) => enterValue(c, x, ss._locale, ss._timeZone));
  }
  getFormulas(): string[][] {
    return this.read((c) => c?.formula ?? "");
  }
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  setValue(v: unknown): this {
    return this.setValues(this.fill(v));
  }
  getNotes(): string[][] {
    return this.read((c) => c?.note ?? "");
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  setNotes(v: unknown[][]): this {
    return this.write(v, (c, x) => (c.note = x === null || x === undefined ? "" : String(x)));
  }
  setNote(n: unknown): this {
    return this.setNotes(this.fill(n));
  }
  clearNote(): this {
    return this.setNotes(this.fill(""));
  }
  getBackgrounds(): string[][] {
    return this.read((c) => c?.background ?? "#ffffff");
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  setBackgrounds(v: (string | null)[][]): this {
    return this.write(v, (c, x) => (c.background = x || null));
  }
  setBackground(v: string | null): this {
    return this.setBackgrounds(this.fill(v));
  }
  getFontColors(): string[][] {
    return this.read((c) => c?.fontColor ?? "#000000");
  }
  setFontColors(v: (string | null)[][]): this {
    return this.write(v, (c, x) => (c.fontColor = x || null));
  }
  setFontColor(v: string | null): this {
    return this.setFontColors(this.fill(v));
  }
  getFontWeights(): string[][] {
    return this.read((c) => c?.fontWeight ?? "normal");
  }
  setFontWeights(v: (string | null)[][]): this {
    return this.write(v, (c, x) => (c.fontWeight = x || "normal"));
  }
  setFontWeight(v: string | null): this {
    return this.setFontWeights(this.fill(v));
  }
  getNumberFormats(): string[][] {
    return this.read((c) => c?.numberFormat ?? "General");
  }
  setNumberFormats(v: string[][]): this {
    return this.write(v, (c, x) => (c.numberFormat = x || "General"));
  }
  setNumberFormat(v: string): this {
    return this.setNumberFormats(this.fill(v));
  }
  setWrap(b: boolean): this {
    return this.write(this.fill(!!b), (c, x) => (c.wrap = x));
  }
  setVerticalAlignment(): this {
    return this;
  }
  setHorizontalAlignment(): this {
    return this;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.read((c) => c?.validation ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.getDataValidations()[0][0];
  }
  setDataValidations(v: (FakeDataValidation | null)[][]): this {
    return this.write(v, (c, x) => {
      if (x !== null && !(x instanceof FakeDataValidation)) throw new Error("Exception: Invalid data validation rule.");
      c.validation = x;
    });
  }
  setDataValidation(v: FakeDataValidation | null): this {
    return this.setDataValidations(this.fill(v));
  }
  clearDataValidations(): this {
    return this.setDataValidations(this.fill(null));
  }
  clearContent(): this {
    return this.write(this.fill(0), (c) => Object.assign(c, { value: "", formula: "" }));
  }
  clearFormat(): this {
    return this.write(this.fill(0), (c) =>
      Object.assign(c, {
        background: null,
        fontColor: null,
        fontWeight: "normal",
        numberFormat: "General",
        wrap: false,
      }),
    );
  }
  /** Contents and formats, as Range.clear() documents. */
  clear(): this {
    return this.write(this.fill(0), (c) =>
      Object.assign(c, {
        value: "",
        formula: "",
        background: null,
        fontColor: null,
        fontWeight: "normal",
        numberFormat: "General",
        wrap: false,
      }),
    );
  }
  protect(): FakeProtection {
    const p = new FakeProtection(this._world, this._sheet, "RANGE", this);
    this._sheet._protections.push(p);
    return p;
  }
  toString(): string {
    return `${this._sheet._name}!${this.getA1Notation()}`;
  }
}

export { columnLetters };
