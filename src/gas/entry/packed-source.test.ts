import { deflateSync, strToU8 } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64Bytes, unpackSource } from "./packed-source.js";

describe("base64Bytes", () => {
  it("decodes what Node encodes, with or without padding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString("base64");
        expect(Array.from(base64Bytes(b64))).toEqual(Array.from(bytes));
        expect(Array.from(base64Bytes(b64.replace(/=+$/, "")))).toEqual(Array.from(bytes));
      }),
    );
  });
  it("refuses a character outside the alphabet", () => {
    expect(() => base64Bytes("ab$d")).toThrow(/invalid base64/);
  });
});

describe("unpackSource", () => {
  it("gives back the source text packed as the build packs it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const packed = Buffer.from(deflateSync(strToU8(text), { level: 9 })).toString("base64");
        expect(unpackSource(packed)).toBe(text);
      }),
    );
  });
});
