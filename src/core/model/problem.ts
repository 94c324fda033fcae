/** Problems found in data or templates, and the coded error the shells show to users. */

/** Severity: an error keeps a value out of the totals; a warning is only shown. */
export type Severity = "error" | "warning";

/** One thing a person must look at, in Vietnamese. */
export interface Problem {
  /** Stable machine code, e.g. "number.text", "unit.unknown". */
  code: string;
  severity: Severity;
  unitCode?: string;
  unitName?: string;
  /** Header of the column as users see it. */
  column?: string;
  columnKey?: string;
  /** The value as entered, shown back verbatim (shortened when huge). */
  value?: string;
  message: string;
  fix: string;
  /** 1-based sheet row, when known. */
  row?: number;
  /** Where the row came from: a file name, a sheet title. */
  source?: string;
}

/** An error carrying a code and a Vietnamese message; shells show `message` without a stack. */
export class AppError extends Error {
  readonly code: string;
  readonly details: string[];
  constructor(code: string, message: string, details: string[] = []) {
    super(details.length ? `${message}\n${details.map((d) => `  - ${d}`).join("\n")}` : message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}
