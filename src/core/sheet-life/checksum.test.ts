import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToHex, canonicalCell, canonicalGridText } from "./checksum.js";

describe("canonicalCell", () => {
  it("tells types apart: text 1 is not the number 1, text TRUE is not true", () => {
    const cells = ["1", 1, "TRUE", true, "", 0, false, new Date(Date.UTC(2024, 2, 20, 10)), { error: "#N/A" }];
    const texts = cells.map(canonicalCell);
    expect(new Set(texts.filter((t) => t !== "")).size).toBe(texts.filter((t) => t !== "").length);
    expect(canonicalCell(new Date(Date.UTC(2024, 2, 20, 10)))).toBe("@2024-03-20T10:00:00.000Z");
    expect(canonicalCell(null)).toBe("");
    expect(canonicalCell(-0)).toBe(canonicalCell(0));
  });
  it("escapes tabs and line breaks inside text, so they cannot fake a cell or a row", () => {
    expect(canonicalGridText([["a\tb"]])).not.toBe(canonicalGridText([["a", "b"]]));
    expect(canonicalGridText([["a\nb"]])).not.toBe(canonicalGridText([["a"], ["b"]]));
  });
});

describe("canonicalGridText", () => {
  it("ignores trailing blank cells and rows, so a wider or longer read gives the same text", () => {
    const base = [
      ["#m", "ma_don_vi"],
      ["STT", "Mã đơn vị"],
      [1, "THPT01"],
    ];
    const wider = [...base.map((r) => [...r, "", null]), ["", ""], []];
    expect(canonicalGridText(wider)).toBe(canonicalGridText(base));
  });
  it("changes when any cell changes (property)", () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        cell,
        (grid, at, v) => {
          const r = at % grid.length;
          const c = at % grid[r].length;
          const before = canonicalGridText(grid);
          const changed = grid.map((row) => [...row]);
          changed[r][c] = v;
          const same = canonicalCell(grid[r][c]) === canonicalCell(v);
          return same || canonicalGridText(changed) !== before;
        },
      ),
    );
  });
});

describe("bytesToHex", () => {
  it("reads Apps Script's signed digest bytes as the usual hex", () => {
    const digest = createHash("sha256").update("Tổng hợp", "utf8").digest();
    const signed = Array.from(new Int8Array(digest.buffer, digest.byteOffset, digest.byteLength));
    expect(signed.some((b) => b < 0)).toBe(true);
    expect(bytesToHex(signed)).toBe(digest.toString("hex"));
    expect(bytesToHex([...digest])).toBe(digest.toString("hex"));
    expect(() => bytesToHex([300])).toThrow(RangeError);
  });
});
