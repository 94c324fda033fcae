import { describe, expect, it } from "vitest";
import { chunkText, toSignedBytes } from "./bytes.js";

describe("toSignedBytes", () => {
  it("maps 128..255 to −128..−1 and respects the view's offset", () => {
    const buf = new Uint8Array([9, 0, 127, 128, 255, 80]);
    const view = buf.subarray(1, 5);
    expect(toSignedBytes(view)).toEqual([0, 127, -128, -1]);
    expect(toSignedBytes(buf).every((b) => b >= -128 && b <= 127)).toBe(true);
  });
});

describe("chunkText", () => {
  it("splits and joins back", () => {
    const s = "x".repeat(250_001);
    const parts = chunkText(s, 100_000);
    expect(parts.map((p) => p.length)).toEqual([100_000, 100_000, 50_001]);
    expect(parts.join("")).toBe(s);
    expect(chunkText("", 10)).toEqual([""]);
  });
});
