import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { installTextEncoder, Utf8Encoder } from "./text-encoder.js";

describe("Utf8Encoder", () => {
  it("encodes any string as Node's TextEncoder does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(Array.from(new Utf8Encoder().encode(s))).toEqual(Array.from(new TextEncoder().encode(s)));
      }),
    );
  });
  it("encodes Vietnamese, emoji and a lone surrogate", () => {
    for (const s of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận: 😀", "a\ud800b"])
      expect(new Utf8Encoder().encode(s)).toEqual(new TextEncoder().encode(s));
  });
});

describe("installTextEncoder", () => {
  it("installs only where there is none", () => {
    const bare: { TextEncoder?: unknown } = {};
    expect(installTextEncoder(bare)).toBe(true);
    expect(bare.TextEncoder).toBe(Utf8Encoder);
    const node = { TextEncoder };
    expect(installTextEncoder(node)).toBe(false);
    expect(node.TextEncoder).toBe(TextEncoder);
  });
});
