/** How values read in Vietnamese: numbers (1.234,5), any cell as the text a person sees, yes/no words. */
import { cleanText, isCellError, type CellValue } from "../model/cell.js";
import { vnDateCell } from "./parse-date.js";

/** Plain decimal digits of a non-negative finite number, never in exponent form. */
function plainDigits(abs: number): string {
  const s = String(abs);
  if (!s.includes("e")) return s;
  if (Number.isInteger(abs)) return BigInt(abs).toString();
  // Tiny numbers (below 1e-6): as many decimals as the exponent and mantissa need.
  const [mant, exp] = s.split("e-");
  const places = Math.min(100, Number(exp) + (mant.split(".")[1]?.length ?? 0));
  return abs.toFixed(places);
}

/**
 * Formats a number the Vietnamese way for messages and reports: 1.234,5 (never 1e+21).
 * Without `group`, as Excel shows a typed number in Vietnamese: 1234,5.
 */
export function vnNumber(n: number, group = true): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "không phải số" : n > 0 ? "vô cùng" : "âm vô cùng";
  const [i, d] = plainDigits(Math.abs(n)).split(".");
  const grouped = group ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : i;
  return (n < 0 ? "-" : "") + grouped + (d ? `,${d}` : "");
}

/**
 * Any cell as the text a person reads in it: strings cleaned, numbers as Vietnamese Excel
 * shows them (1234,5: no grouping, so codes, years and phone numbers keep their digits),
 * dates dd/mm/yyyy, booleans TRUE/FALSE, errors as "#REF!".
 */
export function cellText(raw: CellValue): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return cleanText(raw);
  if (typeof raw === "number") return vnNumber(raw, false);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw instanceof Date) return vnDateCell(raw);
  if (isCellError(raw)) return raw.error;
  return cleanText(String(raw));
}

/** The words a yes/no value is written and shown with: Excel lists, reports, totals. */
export const YES_LABEL = "Có";
/** See {@link YES_LABEL}. */
export const NO_LABEL = "Không";
/** A yes/no value in words. */
export const booleanLabel = (v: boolean): string => (v ? YES_LABEL : NO_LABEL);

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
