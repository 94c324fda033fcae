import { describe, expect, it } from "vitest";
import { asEntered, fromSheet, toSheet, toSheetText } from "./sheet-values.js";

describe("sheet values", () => {
  it("reads a Date instant as Vietnam wall-clock time and writes it back unchanged", () => {
    const instant = new Date("2024-03-20T16:30:00Z"); // 23:30 in Hà Nội
    const [[v]] = fromSheet([[instant]]);
    expect((v as Date).toISOString()).toBe("2024-03-20T23:30:00.000Z");
    expect(toSheet([[v]])[0][0]).toEqual(instant);
  });
  it("keeps strings, numbers and booleans; empties become empty strings", () => {
    expect(fromSheet([["", 1, true]])).toEqual([["", 1, true]]);
    expect(toSheet([[null, undefined, "a", 0, false, { error: "#N/A" }]])).toEqual([["", "", "a", 0, false, "#N/A"]]);
  });
});

describe("asEntered", () => {
  it("puts an apostrophe before text Sheets would read as a formula, number, boolean or date", () => {
    for (const s of [
      '=HYPERLINK("http://x","bấm")',
      "+cmd|' /C calc'!A0",
      "@SUM(A1)",
      "-2+3",
      "0912345678",
      "1.234",
      "TRUE",
      "05/02/2024",
      "'đã có dấu nháy",
    ]) {
      expect(asEntered(s)).toBe(`'${s}`);
    }
  });
  it("leaves plain-text cells, empty strings and non-strings alone", () => {
    expect(asEntered("=1+1", "@")).toBe("=1+1");
    expect(asEntered("")).toBe("");
    expect(asEntered(12)).toBe(12);
    expect(asEntered(true)).toBe(true);
  });
  it("asks the format of each cell", () => {
    expect(toSheetText([["=a", "=b"]], (_r, c) => (c === 1 ? "@" : "General"))).toEqual([["'=a", "=b"]]);
  });
});
