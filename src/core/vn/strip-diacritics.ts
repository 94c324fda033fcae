/** Vietnamese text without its diacritics, for identifiers, file names and loose matching. */

/** Removes Vietnamese diacritics ("Đào tạo" → "Dao tao"). */
export function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}
