/** Unpacks a library's source kept in the bundle deflated and in base64: a tenth of its size to scan on every execution. */
import { inflateSync, strFromU8 } from "fflate";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The bytes of standard base64 text (padding optional); no Apps Script service, no atob. */
export function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) value[ALPHABET.charCodeAt(i)] = i;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = value[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`invalid base64 at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, n);
}

/** The source text packed by scripts/build-gas.ts (UTF-8, raw DEFLATE, base64). */
export function unpackSource(packed: string): string {
  return strFromU8(inflateSync(base64Bytes(packed)));
}
