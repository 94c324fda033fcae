import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSpreadsheetRef } from "./spreadsheet-ref.js";

const ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

describe("parseSpreadsheetRef", () => {
  it("takes the ID out of the addresses people paste", () => {
    for (const s of [
      ID,
      ` ${ID} `,
      `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`,
      `https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`,
      `https://docs.google.com/spreadsheets/u/1/d/${ID}/view`,
      `docs.google.com/spreadsheets/d/${ID}`,
    ]) {
      expect(parseSpreadsheetRef(s)).toBe(ID);
    }
  });
  it("refuses text that is neither an ID nor a Sheets address", () => {
    for (const s of ["bảng tính của tôi", "https://drive.google.com/file/d/", "abc", ""]) {
      expect(() => parseSpreadsheetRef(s)).toThrow(/không phải mã hay đường dẫn/);
    }
  });
  it("finds any URL-safe ID inside an edit address", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{10,60}$/), fc.nat(500), (id, gid) => {
        expect(parseSpreadsheetRef(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=${gid}`)).toBe(id);
      }),
    );
  });
});
