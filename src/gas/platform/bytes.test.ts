import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chunkUtf8, toSignedBytes } from "./bytes.js";

describe("toSignedBytes", () => {
  it("maps 128..255 to −128..−1 and respects the view's offset", () => {
    const buf = new Uint8Array([9, 0, 127, 128, 255, 80]);
    const view = buf.subarray(1, 5);
    expect(toSignedBytes(view)).toEqual([0, 127, -128, -1]);
    expect(toSignedBytes(buf).every((b) => b >= -128 && b <= 127)).toBe(true);
  });
});

describe("chunkUtf8", () => {
  it("keeps every piece within the byte limit and joins back to the text, never splitting a surrogate pair", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 4, max: 64 }), (text, max) => {
        const parts = chunkUtf8(text, max);
        expect(parts.join("")).toBe(text);
        for (const p of parts) {
          expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(max);
          expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
        }
      }),
    );
  });

  it("measures Vietnamese by bytes: 90,000 characters that fit by count need two pieces of 100 KB", () => {
    const vn = "Trường Tiểu học Nguyễn Thị Định ".repeat(3000).slice(0, 90_000);
    expect(Buffer.byteLength(vn, "utf8")).toBeGreaterThan(102_400);
    const parts = chunkUtf8(vn, 102_400);
    expect(parts.length).toBe(2);
    expect(parts.join("")).toBe(vn);
    expect(chunkUtf8("", 10)).toEqual([""]);
  });
});
