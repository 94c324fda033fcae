/** Test support: sorts the Spreadsheet calls a run made into what they cost in Apps Script. */
import type { CallLog } from "../harness/call-log.js";

/** Kinds of Spreadsheet calls. */
export interface SpreadsheetCalls {
  /** Every call on a SpreadsheetApp object, as the harness counts them. */
  all: number;
  /**
   * Reads and writes of cell contents and formats (values, notes, colours, weights, number
   * formats, validation, appended rows, clears): the batched round trips, whose number must not
   * grow with the units.
   */
  cells: number;
  /** Calls on builders (charts, validation, conditional formats): they only assemble a value in the script. */
  builders: number;
  /** getUi and toasts: the person's screen, not the document. */
  ui: number;
  /** The rest: looking up sheets, inserting, renaming, deleting, sizes, protections, the chart's insertion. */
  document: number;
}

/** Range and Sheet methods that read or write cells. */
export const CELL_IO =
  /^(Range\.(get|set)(Values?|Notes?|Backgrounds?|FontWeights?|FontColors?|NumberFormats?|DataValidations?|RichTextValues?|Formulas?|DisplayValues?)|Range\.(clear\w*|copyTo)|(Sheet|Spreadsheet)\.getSheetValues|Sheet\.(appendRow|clear\w*))$/;
const BUILDERS = /^(\w*Builder\.\w+|SpreadsheetApp\.new\w+|Sheet\.newChart)$/;
const UI = /^(SpreadsheetApp\.getUi|Spreadsheet\.toast)$/;

/** The Spreadsheet calls of a run, by kind. */
export function spreadsheetCalls(log: CallLog): SpreadsheetCalls {
  const all = log.count({ service: "SpreadsheetApp" });
  const cells = log.count({ service: "SpreadsheetApp", method: CELL_IO });
  const builders = log.count({ service: "SpreadsheetApp", method: BUILDERS });
  const ui = log.count({ service: "SpreadsheetApp", method: UI });
  return { all, cells, builders, ui, document: all - cells - builders - ui };
}
