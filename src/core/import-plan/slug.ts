/** ASCII identifiers from Vietnamese names ("Phòng GD&ĐT quận, huyện" → "phong_gd_dt_quan_huyen"). */

import { stripDiacritics } from "../vn/strip-diacritics.js";

const STOP_WORDS = new Set(["va", "cac", "cua", "tren", "thuoc", "voi", "nhung"]);

/**
 * An identifier: ASCII lower case words joined by `sep`, common linking words dropped
 * (unless nothing else is left), at most `max` characters cut at a word, starting with a letter.
 */
export function slugify(s: string, sep = "_", max = 40): string {
  const words = stripDiacritics(s)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  const use = kept.length ? kept : words;
  let out = "";
  for (const w of use) {
    const next = out ? `${out}${sep}${w}` : w;
    if (next.length > max && out) break;
    out = next.slice(0, max);
  }
  if (!out) return "x";
  return /^[a-z]/.test(out) ? out : `x${sep}${out}`;
}

/** `base`, or `base` with a number appended, so that it is not in `taken`; records the result. */
export function uniqueId(base: string, taken: Set<string>, sep = "_"): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${sep}${i}`;
  taken.add(id);
  return id;
}
