/** Fakes of the builders: data validations, conditional-format rules, embedded charts. */
import { Fake } from "./call-log.js";
import type { FakeRange } from "./fake-sheet.js";

/** A built data-validation rule. */
export class FakeDataValidation extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "DataValidation";
  constructor(
    readonly _type: string,
    readonly _values: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {
    super();
  }
  getCriteriaType(): string {
    return this._type;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getHelpText(): string {
    return this._helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b._type = this._type;
    b._values = [...this._values];
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }
  /** Does `v` (a stored cell value) satisfy the rule? (Harness only.) */
  _accepts(v: unknown): boolean {
    if (v === "" || v === null || v === undefined) return true;
    const num = typeof v === "number" ? v : NaN;
    switch (this._type) {
      case "NUMBER_BETWEEN":
        return num >= (this._values[0] as number) && num <= (this._values[1] as number);
      case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
        return num >= (this._values[0] as number);
      case "NUMBER_LESS_THAN_OR_EQUAL_TO":
        return num <= (this._values[0] as number);
      case "VALUE_IN_LIST":
        return (this._values[0] as string[]).some((x) => x.toLowerCase() === String(v).toLowerCase());
      case "DATE_IS_VALID_DATE":
        return Object.prototype.toString.call(v) === "[object Date]";
      case "CHECKBOX":
        return v === true || v === false;
      default:
        return true;
    }
  }
}

/** SpreadsheetApp.newDataValidation(). */
export class FakeDataValidationBuilder extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "DataValidationBuilder";
  _type = "";
  _values: unknown[] = [];
  _allowInvalid = true;
  _helpText = "";
  private set(type: string, values: unknown[]): this {
    this._type = type;
    this._values = values;
    return this;
  }
  requireNumberBetween(a: number, b: number): this {
    return this.set("NUMBER_BETWEEN", [a, b]);
  }
  requireNumberGreaterThanOrEqualTo(a: number): this {
    return this.set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [a]);
  }
  requireNumberLessThanOrEqualTo(a: number): this {
    return this.set("NUMBER_LESS_THAN_OR_EQUAL_TO", [a]);
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0)
      throw new Error("Exception: The list of values must not be empty.");
    if (values.length > 500) throw new Error("Exception: The data validation list can contain at most 500 items.");
    return this.set("VALUE_IN_LIST", [values.map(String), showDropdown]);
  }
  requireDate(): this {
    return this.set("DATE_IS_VALID_DATE", []);
  }
  requireCheckbox(): this {
    return this.set("CHECKBOX", []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set("CUSTOM_FORMULA", [formula]);
  }
  setAllowInvalid(b: boolean): this {
    this._allowInvalid = !!b;
    return this;
  }
  setHelpText(t: string): this {
    this._helpText = String(t);
    return this;
  }
  build(): FakeDataValidation {
    if (!this._type) throw new Error("Exception: You must specify a criteria before building a data validation rule.");
    return new FakeDataValidation(this._type, this._values, this._allowInvalid, this._helpText);
  }
}

/** A built conditional-format rule (custom formula only). */
export class FakeConditionalFormatRule extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "ConditionalFormatRule";
  constructor(
    readonly _formula: string,
    readonly _background: string | null,
    readonly _fontColor: string | null,
    readonly _ranges: FakeRange[],
    /** Bold when the rule holds; null: the rule leaves the weight alone. */
    readonly _bold: boolean | null = null,
  ) {
    super();
  }
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
  getBooleanCondition(): {
    getCriteriaType(): string;
    getCriteriaValues(): string[];
    getBackground(): string | null;
    getFontColor(): string | null;
  } {
    return {
      getCriteriaType: () => "CUSTOM_FORMULA",
      getCriteriaValues: () => [this._formula],
      getBackground: () => this._background,
      getFontColor: () => this._fontColor,
    };
  }
}

/** SpreadsheetApp.newConditionalFormatRule(). */
export class FakeConditionalFormatRuleBuilder extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "ConditionalFormatRuleBuilder";
  private formula = "";
  private background: string | null = null;
  private fontColor: string | null = null;
  private bold: boolean | null = null;
  private ranges: FakeRange[] = [];
  whenFormulaSatisfied(f: string): this {
    if (!String(f).startsWith("=")) throw new Error("Exception: Formula must start with =");
    this.formula = f;
    return this;
  }
  setBackground(c: string): this {
    this.background = c;
    return this;
  }
  setFontColor(c: string): this {
    this.fontColor = c;
    return this;
  }
  setBold(b: boolean): this {
    this.bold = !!b;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (!this.formula) throw new Error("Exception: A condition is required.");
    if (this.ranges.length === 0) throw new Error("Exception: Ranges are required.");
    return new FakeConditionalFormatRule(this.formula, this.background, this.fontColor, this.ranges, this.bold);
  }
}

/** An embedded chart. */
export class FakeChart extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "EmbeddedChart";
  constructor(
    readonly _type: string,
    readonly _ranges: FakeRange[],
    readonly _options: Record<string, unknown>,
  ) {
    super();
  }
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
  getOptions(): { get(k: string): unknown } {
    const o = this._options;
    return { get: (k: string) => o[k] };
  }
}

/** Sheet.newChart() and its .asBarChart(). */
export class FakeChartBuilder extends Fake {
  readonly service = "SpreadsheetApp";
  readonly kind = "EmbeddedChartBuilder";
  private type = "";
  private ranges: FakeRange[] = [];
  private options: Record<string, unknown> = {};
  asBarChart(): this {
    this.type = "BAR";
    return this;
  }
  asColumnChart(): this {
    this.type = "COLUMN";
    return this;
  }
  addRange(r: FakeRange): this {
    this.ranges.push(r);
    return this;
  }
  setStacked(): this {
    this.options.isStacked = true;
    return this;
  }
  setTitle(t: string): this {
    this.options.title = t;
    return this;
  }
  setOption(k: string, v: unknown): this {
    this.options[k] = v;
    return this;
  }
  setPosition(row: number, col: number, ox: number, oy: number): this {
    this.options.position = [row, col, ox, oy];
    return this;
  }
  build(): FakeChart {
    if (!this.type) throw new Error("Exception: chart type required");
    if (!this.ranges.length) throw new Error("Exception: a chart needs a data range");
    return new FakeChart(this.type, this.ranges, { ...this.options });
  }
}
