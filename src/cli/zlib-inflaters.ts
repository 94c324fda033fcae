/** zlib's inflaters for the fast .xlsx reader: native code, and able to inflate just the start of a stream. */
import { constants, inflateRawSync } from "node:zlib";
import type { Inflaters } from "../excel/read/fast-read-xlsx.js";

/** Node's zlib, several times faster than the pure-JavaScript default on the small parts of many files. */
export const zlibInflaters: Inflaters = {
  // Never more than the size the zip says: a part that inflates larger is damaged (or a zip bomb).
  inflate: (data, size) => inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }),
  // A sync flush at the end of the input returns what the bytes so far decode to, without an end-of-stream error.
  inflatePrefix: (data) => inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }),
};
