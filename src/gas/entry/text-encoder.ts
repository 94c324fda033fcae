/** A UTF-8 TextEncoder for Apps Script, whose V8 has none (it is a Web API): the docx library encodes its XML with it. */

/** Encodes strings to UTF-8 as the WHATWG TextEncoder does (lone surrogates become U+FFFD). */
export class Utf8Encoder {
  readonly encoding = "utf-8";

  /** The UTF-8 bytes of `input`. */
  encode(input = ""): Uint8Array {
    const s = String(input);
    const out = new Uint8Array(s.length * 3);
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = s.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      if (c < 0x80) out[n++] = c;
      else if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      } else {
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      }
    }
    return out.slice(0, n);
  }
}

/**
 * Installs {@link Utf8Encoder} as `TextEncoder` on `g` when it has none; returns whether it did.
 * Called when the docx library first loads, so the edit path never runs it.
 */
export function installTextEncoder(g: { TextEncoder?: unknown }): boolean {
  if (typeof g.TextEncoder === "function") return false;
  g.TextEncoder = Utf8Encoder;
  return true;
}
