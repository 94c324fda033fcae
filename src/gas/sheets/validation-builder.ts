/** Turns the core's validation rules into native Sheets data validations and number formats. */
import type { ColumnSpec } from "../../core/template/columns.js";
import { describeValidation, type ValidationRule } from "../../core/template/validation-rules.js";

/** Builds the native rule for one column, or null when the column takes anything. */
export function buildValidation(v: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const b = SpreadsheetApp.newDataValidation();
  switch (v.kind) {
    case "integer":
    case "number": {
      const min = v.min ?? 0;
      if (v.max !== undefined) b.requireNumberBetween(min, v.max);
      else b.requireNumberGreaterThanOrEqualTo(min);
      break;
    }
    case "list":
      if (!v.list || v.list.length === 0) return null;
      b.requireValueInList(v.list, true);
      break;
    case "date":
      b.requireDate();
      break;
    case "checkbox":
      b.requireCheckbox();
      break;
    default:
      return null;
  }
  return b.setAllowInvalid(!v.strict).setHelpText(v.helpText).build();
}

/** One rule per column (null for free columns), built once and shared by every row. */
export function columnValidations(
  columns: readonly (ColumnSpec | undefined)[],
): (GoogleAppsScript.Spreadsheet.DataValidation | null)[] {
  return columns.map((c) => (c ? buildValidation(describeValidation(c)) : null));
}

/** Number format of a column ("@" keeps typed text, such as phone numbers, as text). */
export function columnNumberFormat(c: ColumnSpec | undefined): string {
  if (!c) return "General";
  switch (c.kind) {
    case "unit-code":
    case "unit-name":
    case "group":
    case "reporter":
    case "phone":
    case "text":
      return "@";
    case "task-date":
      return "dd/mm/yyyy";
    case "submitted-at":
      return "dd/mm/yyyy hh:mm";
    case "indicator":
      switch (c.indicator?.type) {
        case "integer":
          return "#,##0";
        case "number":
          return "#,##0.##";
        case "date":
          return "dd/mm/yyyy";
        case "text":
        case "choice":
          return "@";
        default:
          return "General";
      }
    default:
      return "General";
  }
}
