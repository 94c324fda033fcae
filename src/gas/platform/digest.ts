/** SHA-256 in Apps Script: Utilities.computeDigest over UTF-8, as lower-case hex. */
import { bytesToHex, canonicalGridText } from "../../core/sheet-life/checksum.js";
import type { Grid } from "../../core/model/cell.js";

/** Hex SHA-256 of `text` encoded as UTF-8 (the same as `sha256sum` of the text saved as UTF-8). */
export function sha256Hex(text: string): string {
  return bytesToHex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}

/** Hex SHA-256 of a grid's canonical text (see core/checksum). */
export const gridChecksum = (grid: Grid): string => sha256Hex(canonicalGridText(grid));
