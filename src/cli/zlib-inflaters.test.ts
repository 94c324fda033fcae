import fc from "fast-check";
import { deflateSync, strFromU8, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { fastReadXlsx } from "../excel/read/fast-read-xlsx.js";
import { writeDataSheetXlsx } from "../excel/write/write-data-sheet.js";
import { parseTemplate } from "../core/template/template.js";
import { miniInput } from "../../test/fixtures/mini-template.js";
import { zlibInflaters } from "./zlib-inflaters.js";

/** Worksheet-like text with Vietnamese (multi-byte) characters, as a sheet with inline strings has. */
const xml = Array.from(
  { length: 400 },
  (_, i) => `<c r="A${i + 1}" t="inlineStr"><is><t>Trường THPT số ${i} – Hải Phòng ${"ư".repeat(i % 7)}</t></is></c>`,
).join("");

describe("zlibInflaters", () => {
  it("inflates whole entries as fflate does, and never past the size the zip gives", () => {
    const raw = deflateSync(strToU8(xml));
    expect(strFromU8(zlibInflaters.inflate(raw, strToU8(xml).length))).toBe(xml);
    expect(() => zlibInflaters.inflate(raw, 1000)).toThrow();
  });
  it("inflates any start of a stream to a start of the text (property)", () => {
    const raw = deflateSync(strToU8(xml), { level: 9 });
    const whole = zlibInflaters.inflate(raw, strToU8(xml).length);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: raw.length }), (n) => {
        const part = zlibInflaters.inflatePrefix!(raw.subarray(0, n));
        expect(part.length).toBeLessThanOrEqual(whole.length);
        expect(Buffer.compare(Buffer.from(part), Buffer.from(whole.subarray(0, part.length)))).toBe(0);
      }),
    );
  });
  it("gives the fast reader the same sheets as its default inflater", async () => {
    const wide = parseTemplate({
      ...miniInput,
      indicators: [
        ...(miniInput.indicators ?? []),
        ...Array.from({ length: 40 }, (_, i) => ({
          key: `them_${i}`,
          label: `Chỉ tiêu thêm ${i}`,
          unit: "lượt",
          type: "integer" as const,
          min: 0,
          aggregate: "sum" as const,
        })),
      ],
    });
    const rows = Array.from({ length: 4 }, (_, i) => ({
      ma_don_vi: wide.units[i].code,
      tin_bai: i + 1,
      them_3: 7 * i,
      "text:kho_khan": `Khó khăn ${i} `.repeat(30),
      xac_nhan_gui: i % 2 === 0,
      thoi_gian_gui: new Date(Date.UTC(2023, 4, 2 + i, 9)),
    }));
    const workbooks = [
      ...(await Promise.all(
        rows.map((r) => writeDataSheetXlsx(wide, "sau_thang_2023", { unitCode: String(r.ma_don_vi), rows: [r] })),
      )),
      await writeDataSheetXlsx(wide, "sau_thang_2023", { rows }),
    ];
    for (const bytes of workbooks) {
      const got = fastReadXlsx(bytes, "f.xlsx", { inflaters: zlibInflaters });
      expect(got).toEqual(fastReadXlsx(bytes, "f.xlsx"));
      expect(got[0].grid.flat()).toContain("#tong-hop|v1|KH-TEST-2023|sau_thang_2023");
    }
  });
});
