import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { colName } from "../../core/read/map-grid.js";
import { apiCell, applyMerges, rangeStart, valuesToGrid, wholeSheetRange } from "./values-to-grid.js";

describe("apiCell", () => {
  it("keeps numbers, booleans and serial dates, blanks empty text, turns error text into error cells", () => {
    expect(apiCell(12)).toBe(12);
    expect(apiCell(45049.416666666664)).toBe(45049.416666666664);
    expect(apiCell(false)).toBe(false);
    expect(apiCell("")).toBe(null);
    expect(apiCell("1,5")).toBe("1,5");
    expect(apiCell("#REF!")).toEqual({ error: "#REF!" });
    expect(apiCell("#N/A")).toEqual({ error: "#N/A" });
    expect(apiCell("#hashtag")).toBe("#hashtag");
  });
});

describe("rangeStart", () => {
  it("reads the first cell of an A1 range, quoted title or not", () => {
    expect(rangeStart("'6 tháng đầu năm 2023'!A1:Z1000")).toEqual([0, 0]);
    expect(rangeStart("'It''s!here'!C5:D9")).toEqual([4, 2]);
    expect(rangeStart("Trang1!AB12")).toEqual([11, 27]);
    expect(rangeStart(undefined)).toEqual([0, 0]);
  });
  it("inverts colName for any cell", () => {
    fc.assert(
      fc.property(fc.nat(16383), fc.nat(99999), (c, r) => {
        expect(rangeStart(`'x'!${colName(c)}${r + 1}:ZZ99999`)).toEqual([r, c]);
      }),
    );
  });
});

describe("valuesToGrid", () => {
  it("places the values at the range's position and leaves omitted trailing cells absent", () => {
    const g = valuesToGrid([["a", "", 3], [], [true]], "'T'!B2:D4");
    expect(g[0]).toEqual([]);
    expect(g[1][1]).toBe("a");
    expect(g[1][2]).toBe(undefined);
    expect(g[1][3]).toBe(3);
    expect(g[2]).toEqual([]);
    expect(g[3][1]).toBe(true);
    expect(g.length).toBe(4);
  });
  it("gives an empty grid for a sheet with no values", () => {
    expect(valuesToGrid(undefined, "'T'!A1:Z1000")).toEqual([]);
  });
});

describe("applyMerges", () => {
  it("blanks merged-away cells and warns once per block reaching the data rows", () => {
    const grid = [["#tong-hop"], ["STT", "Mã đơn vị"], [1, "A", 5, 5], [2, "B", 7]];
    const problems = applyMerges(
      grid,
      [
        { startRowIndex: 2, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 4 },
        { startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 },
      ],
      "nguồn › trang",
    );
    expect(grid[2]).toEqual([1, "A", 5, null]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "structure.merged", value: "C3:D3", row: 3, source: "nguồn › trang" });
  });
});

describe("wholeSheetRange", () => {
  it("quotes the title and doubles quotes inside it", () => {
    expect(wholeSheetRange("Quý I năm 2023")).toBe("'Quý I năm 2023'");
    expect(wholeSheetRange("Bà Rịa's")).toBe("'Bà Rịa''s'");
  });
});
