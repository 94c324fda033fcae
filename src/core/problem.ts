/** Problems found in data or templates, and the coded error the shells show to users. */
import type { CellValue } from "./cell.js";
import { cellText, vnNumber } from "./parse-cell.js";

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

/**
 * Shows a value back to the user: text verbatim, numbers the Vietnamese way (1.234,5), dates
 * as 20/03/2023, error cells as "#REF!", and never more than `max` characters.
 */
export function showValue(v: unknown, max = 80): string {
  const s = typeof v === "string" ? v : cellText(v as CellValue);
  if (s.length <= max) return s;
  // Never cut an emoji (a surrogate pair) in half: a lone surrogate breaks the .xlsx XML.
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return `${s.slice(0, end)}… (${vnNumber(s.length)} ký tự)`;
}

/** How many problems of one kind (same code, column, unit and source) are listed one by one. */
export const PROBLEMS_PER_KIND = 20;

/** "3–7, 9, 12–40": 1-based rows as ranges, at most `max` ranges. */
function rowRanges(rows: number[], max = 6): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? vnNumber(sorted[i]) : `${vnNumber(sorted[i])}–${vnNumber(sorted[j])}`);
    i = j;
  }
  return parts.length > max ? `${parts.slice(0, max).join(", ")}…` : parts.join(", ");
}

/**
 * Keeps a flood readable: past {@link PROBLEMS_PER_KIND} problems of one kind (a pasted block
 * of thousands of rows), the rest become one problem saying how many and on which rows.
 * Nothing is hidden without being counted; problems of different units (`isUnit`) are never merged.
 */
export function capProblems(problems: readonly Problem[], isUnit: (code: string) => boolean = () => true, perKind = PROBLEMS_PER_KIND): Problem[] {
  // A code typed on an unknown row is not a unit: thousands of pasted codes are one kind.
  const unit = (p: Problem) => (p.unitCode && isUnit(p.unitCode) ? p.unitCode : "");
  const kind = (p: Problem) => `${p.severity}|${p.code}|${p.columnKey ?? p.column ?? ""}|${unit(p)}|${p.source ?? ""}`;
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(kind(p), (counts.get(kind(p)) ?? 0) + 1);
  if ([...counts.values()].every((n) => n <= perKind)) return [...problems];
  const seen = new Map<string, number>();
  const rest = new Map<string, Problem[]>();
  const out: Problem[] = [];
  for (const p of problems) {
    const k = kind(p);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (counts.get(k)! <= perKind || n < perKind) out.push(p);
    else {
      if (!rest.has(k)) {
        rest.set(k, []);
        out.push(p); // placeholder, replaced below by the summary
      }
      rest.get(k)!.push(p);
    }
  }
  return out.map((p) => {
    const group = rest.get(kind(p));
    if (!group || group[0] !== p) return p;
    const rows = group.map((x) => x.row).filter((r): r is number => r !== undefined);
    const values = [...new Set(group.map((x) => x.value).filter((v): v is string => !!v))];
    return {
      ...p,
      value: `${values.slice(0, 3).join("; ")}${values.length > 3 ? "; …" : ""}`,
      message: `Còn ${vnNumber(group.length)} trường hợp khác cùng lỗi này${rows.length ? ` (dòng ${rowRanges(rows)})` : ""}: ${p.message}`,
    };
  });
}
