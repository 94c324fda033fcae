/** Byte conversions for Apps Script, whose Blobs take signed bytes (−128..127). */

/** The bytes of `u8` as signed numbers, read through an Int8Array view (no copy of the buffer). */
export function toSignedBytes(u8: Uint8Array): number[] {
  return Array.from(new Int8Array(u8.buffer, u8.byteOffset, u8.byteLength));
}

/** Splits text into pieces of at most `size` characters (CacheService keeps ≤ 100 KB a value). */
export function chunkText(text: string, size: number): string[] {
  if (size <= 0) throw new RangeError("size must be positive");
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [""];
}
