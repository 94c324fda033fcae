/** Byte conversions for Apps Script, whose Blobs take signed bytes (−128..127). */

/** The bytes of `u8` as signed numbers, read through an Int8Array view (no copy of the buffer). */
export function toSignedBytes(u8: Uint8Array): number[] {
  return Array.from(new Int8Array(u8.buffer, u8.byteOffset, u8.byteLength));
}

/** UTF-8 length of one UTF-16 code unit sequence starting at `i` (a surrogate pair counts 4 for both units). */
const utf8Len = (code: number): number =>
  code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 4 : 3;

/**
 * Splits text into pieces of at most `maxBytes` UTF-8 bytes (CacheService measures its 100 KB per
 * value in bytes: Vietnamese letters take 2–3 bytes each), never inside a surrogate pair.
 */
export function chunkUtf8(text: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new RangeError("maxBytes must be at least 4");
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A low surrogate was counted with its high one.
    if (code >= 0xdc00 && code < 0xe000 && i > start) continue;
    const n = utf8Len(code);
    if (bytes + n > maxBytes) {
      out.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += n;
  }
  out.push(text.slice(start));
  return out;
}
