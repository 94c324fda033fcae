import { describe, expect, it } from "vitest";
import { fromSheet, toSheet } from "./sheet-values.js";

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
