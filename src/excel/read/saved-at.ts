/** The last-saved time a workbook records about itself (.xlsx core properties, .ods meta). */
import { instantToWallClock, isoDateTime } from "../../core/vn/dates.js";

/**
 * Turns a W3CDTF instant ("2023-05-04T03:12:00Z", with an offset, or without a zone, read as
 * UTC as LibreOffice writes it) into Vietnam wall-clock "YYYY-MM-DDTHH:mm:ss"; undefined when
 * it is not a plausible time (programs write 1601 or 1899 for "never").
 */
export function savedAtFromInstant(text: string | undefined): string | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?\s*$/.exec(text ?? "");
  if (!m) return undefined;
  const d = new Date(`${m[1]}${m[2] ?? "Z"}`);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 2100) return undefined;
  return isoDateTime(instantToWallClock(d));
}

/** The dcterms:modified of an .xlsx file's docProps/core.xml text. */
export function savedAtFromCoreXml(xml: string): string | undefined {
  return savedAtFromInstant(/<dcterms:modified\b[^>]*>([^<]*)<\/dcterms:modified>/.exec(xml)?.[1]);
}

/** The dc:date of an .ods file's meta.xml text. */
export function savedAtFromOdsMeta(xml: string): string | undefined {
  return savedAtFromInstant(/<dc:date>([^<]*)<\/dc:date>/.exec(xml)?.[1]);
}
