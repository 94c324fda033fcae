/** Fakes of Spreadsheet and SpreadsheetApp. */
import { Fake } from "./call-log.js";
import { parseA1 } from "./a1.js";
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from "./fake-builders.js";
import { type FakeProtection, type FakeRange, FakeSheet } from "./fake-sheet.js";
import type { FakeUi } from "./fake-ui.js";
import { FakeUser, type World } from "./world.js";

/** A toast the script showed. */
export interface Toast {
  message: string;
  title: string;
  timeout?: number;
}

/** The bound spreadsheet. */
export class FakeSpreadsheet extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "Spreadsheet";
  _sheets: FakeSheet[] = [];
  _active: FakeSheet;
  _timeZone = "America/Los_Angeles";
  _locale = "en_US";
  _toasts: Toast[] = [];
  private nextId = 1;

  constructor(
    readonly _world: World,
    readonly _name = "Báo cáo định kỳ",
  ) {
    super();
    this._active = this._addSheet("Trang tính1");
  }
  _addSheet(name: string, index?: number): FakeSheet {
    const s = new FakeSheet(this._world, this, name, this.nextId++);
    if (index === undefined) this._sheets.push(s);
    else this._sheets.splice(index, 0, s);
    return s;
  }
  getId(): string {
    return "1FakeSpreadsheetId";
  }
  getName(): string {
    return this._name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.getId()}/edit`;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  insertSheet(name?: string, index?: number): FakeSheet {
    const n = name ?? `Trang tính${this._sheets.length + 1}`;
    if (this.getSheetByName(n))
      throw new Error(`Exception: A sheet with the name "${n}" already exists. Please enter another name.`);
    const s = this._addSheet(n, index);
    this._active = s;
    return s;
  }
  deleteSheet(s: FakeSheet): void {
    s._assertSheetEditable();
    if (this._sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this._sheets = this._sheets.filter((x) => x !== s);
    if (this._active === s) this._active = this._sheets[0];
  }
  getActiveSheet(): FakeSheet {
    return this._active;
  }
  setActiveSheet(s: FakeSheet): FakeSheet {
    this._active = s;
    return s;
  }
  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    if (!Number.isInteger(pos) || pos < 1 || pos > this._sheets.length)
      throw new Error("Exception: Those columns are out of bounds.");
    this._sheets = this._sheets.filter((x) => x !== this._active);
    this._sheets.splice(pos - 1, 0, this._active);
  }
  getRange(a1: string): FakeRange {
    const p = parseA1(a1);
    const sheet = p.sheet ? this.getSheetByName(p.sheet) : this._active;
    if (!sheet) throw new Error(`Exception: Range not found`);
    return sheet.getRange(a1.slice(a1.lastIndexOf("!") + 1));
  }
  /** The active sheet's name, as documented for Spreadsheet.getSheetName(). */
  getSheetName(): string {
    return this._active.getName();
  }
  /** The active sheet's values (-1: up to its last row or column with data), as documented for Spreadsheet.getSheetValues(). */
  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    return this._active.getSheetValues(row, column, numRows, numColumns);
  }
  /** The active sheet's last row with content. */
  getLastRow(): number {
    return this._active.getLastRow();
  }
  /** The active sheet's last column with content. */
  getLastColumn(): number {
    return this._active.getLastColumn();
  }
  toast(message: string, title = "", timeout?: number): void {
    this._toasts.push({ message: String(message), title: String(title), timeout });
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._timeZone = tz;
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  setSpreadsheetLocale(l: string): void {
    this._locale = l;
  }
  getOwner(): FakeUser {
    return new FakeUser(this._world.owner);
  }
  getEditors(): FakeUser[] {
    return this._world.editors().map((e) => new FakeUser(e));
  }
  getProtections(type: string): FakeProtection[] {
    return this._sheets.flatMap((s) => s.getProtections(type));
  }
}

/** The SpreadsheetApp global. */
export class FakeSpreadsheetApp extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "SpreadsheetApp";
  readonly ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" };
  readonly DataValidationCriteria = {
    CHECKBOX: "CHECKBOX",
    VALUE_IN_LIST: "VALUE_IN_LIST",
    NUMBER_BETWEEN: "NUMBER_BETWEEN",
    DATE_IS_VALID_DATE: "DATE_IS_VALID_DATE",
  };

  constructor(
    readonly _world: World,
    readonly _ss: FakeSpreadsheet,
    readonly _ui: FakeUi,
  ) {
    super();
  }
  getActive(): FakeSpreadsheet {
    return this._ss;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this._ss;
  }
  getActiveSheet(): FakeSheet {
    return this._ss._active;
  }
  /** Time-driven triggers run without a user interface, where getUi() throws as in Apps Script. */
  getUi(): FakeUi {
    if (!this._world.uiAvailable) throw new Error("Exception: Cannot call SpreadsheetApp.getUi() from this context.");
    return this._ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder();
  }
  flush(): void {}
}
