/** Matches typed unit codes to the template's units, forgiving case, spaces, dashes and Unicode form. */
import { cleanText } from "../model/cell.js";
import type { Unit } from "../model/template-schema.js";

/**
 * Canonical form used to compare unit codes: NFKC (full-width letters become plain), upper case, no spaces or invisible format
 * characters, and every dash (en dash, em dash, minus, the hyphens Word substitutes) a plain "-".
 */
export function normalizeUnitCode(s: string): string {
  return cleanText(s)
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-")
    .toUpperCase()
    .replace(/\s+/g, "");
}

/** Builds a lookup from any typed form of a code to its unit. */
export function unitLookup(units: readonly Unit[]): (typed: string) => Unit | undefined {
  const map = new Map(units.map((u) => [normalizeUnitCode(u.code), u]));
  return (typed) => map.get(normalizeUnitCode(typed));
}
