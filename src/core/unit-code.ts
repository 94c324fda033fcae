/** Matches typed unit codes to the template's units, forgiving case, spaces and Unicode form. */
import { cleanText } from "./cell.js";
import type { Unit } from "./template-schema.js";

/** Canonical form used to compare unit codes. */
export function normalizeUnitCode(s: string): string {
  return cleanText(s).normalize("NFC").toUpperCase().replace(/\s+/g, "");
}

/** Builds a lookup from any typed form of a code to its unit. */
export function unitLookup(units: readonly Unit[]): (typed: string) => Unit | undefined {
  const map = new Map(units.map((u) => [normalizeUnitCode(u.code), u]));
  return (typed) => map.get(normalizeUnitCode(typed));
}
