/** Writes the "Cấu hình" sheet the Văn phòng edits: tables, dropdowns, checkboxes, help notes. */
import type { Template } from "../../core/model/template-schema.js";
import { CONFIG_SHEET, PLAN_FIELDS, templateToConfigGrid, type ConfigColumn } from "../../core/template/config-grid.js";
import { protectionRun, protectSheet, type ProtectionRun } from "./protections.js";
import { charsToPixels, ensureSize } from "./sheet-size.js";
import { toSheetText } from "./sheet-values.js";

const HEADER_BG = "#cfe2f3";
const TITLE_BG = "#fff2cc";

function validationFor(c: ConfigColumn): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const b = SpreadsheetApp.newDataValidation();
  switch (c.kind) {
    case "list":
      b.requireValueInList([...(c.list ?? [])], true).setAllowInvalid(false);
      break;
    case "checkbox":
      b.requireCheckbox();
      break;
    case "date":
      b.requireDate().setAllowInvalid(false);
      break;
    default:
      return null;
  }
  if (c.help) b.setHelpText(c.help);
  return b.build();
}

const formatFor = (c: ConfigColumn): string =>
  c.kind === "date" ? "dd/mm/yyyy" : c.kind === "integer" || c.kind === "number" ? "General" : "@";

/**
 * Creates the "Cấu hình" sheet (first tab) from a template: values in one write, then formats,
 * validations and notes each in one bulk call (a plan row's help is a note on its label), and a
 * sheet protection for the Văn phòng (its e-mails in `t` included).
 */
export function writeConfigSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  t: Template,
  run: ProtectionRun = protectionRun(t),
): GoogleAppsScript.Spreadsheet.Sheet {
  const { grid, width, sections } = templateToConfigGrid(t);
  const sheet = ss.getSheetByName(CONFIG_SHEET) ?? ss.insertSheet(CONFIG_SHEET, 0);
  const rows = grid.length;
  ensureSize(sheet, rows + 20, width);
  sheet.clear();

  const formats: string[][] = grid.map(() => Array<string>(width).fill("@"));
  const validations: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = grid.map(() => Array(width).fill(null));
  const notes: string[][] = grid.map(() => Array<string>(width).fill(""));
  const weights: ("bold" | "normal")[][] = grid.map(() => Array<"bold" | "normal">(width).fill("normal"));
  const backgrounds: (string | null)[][] = grid.map(() => Array<string | null>(width).fill(null));
  const widths = Array<number>(width).fill(10);
  weights[0][0] = "bold";
  for (const s of sections) {
    weights[s.titleRow - 1] = Array<"bold" | "normal">(width).fill("bold");
    backgrounds[s.titleRow - 1] = Array<string | null>(width).fill(TITLE_BG);
    s.columns.forEach((c, j) => {
      weights[s.headerRow - 1][j] = "bold";
      backgrounds[s.headerRow - 1][j] = HEADER_BG;
      if (c.help) notes[s.headerRow - 1][j] = c.help;
      widths[j] = Math.max(widths[j], c.width);
    });
    const rule = s.columns.map(validationFor);
    for (let r = s.firstRow - 1; r < s.firstRow - 1 + s.rowCount; r++) {
      s.columns.forEach((c, j) => {
        formats[r][j] = formatFor(c);
        validations[r][j] = rule[j];
      });
    }
  }
  const plan = sections.find((s) => s.id === "plan")!;
  widths[0] = Math.max(widths[0], 34);
  widths[1] = Math.max(widths[1], 60);
  for (let r = plan.firstRow - 1; r < plan.firstRow - 1 + plan.rowCount; r++) {
    formats[r][1] = "@";
    validations[r][1] = null;
    // The plan rows are written in PLAN_FIELDS order; a field's help goes on its label.
    const help = PLAN_FIELDS[r - plan.firstRow + 1]?.help;
    if (help) notes[r][0] = help;
  }
  const all = sheet.getRange(1, 1, rows, width);
  // Formats before values: Sheets reads a string by its cell's format as it is written.
  all.setNumberFormats(formats);
  all.setValues(toSheetText(grid, (r, c) => formats[r][c]));
  all.setDataValidations(validations);
  all.setNotes(notes);
  all.setFontWeights(weights);
  all.setBackgrounds(backgrounds);
  all.setWrap(true);
  all.setVerticalAlignment("top");
  widths.forEach((w, j) => sheet.setColumnWidth(j + 1, charsToPixels(w)));
  sheet.setFrozenRows(0);
  protectSheet(sheet, CONFIG_SHEET, run);
  return sheet;
}
