import { describe, expect, it } from "vitest";
import { normalizeUnitCode, unitLookup } from "./unit-code.js";

describe("normalizeUnitCode", () => {
  it("folds case, spaces, dashes, invisible and full-width characters", () => {
    for (const typed of ["thpt-a", " THPT - A ", "THPT–A", "THPT\u2212A", "THPT\u00AD-A", "ＴＨＰＴ-A", "THPT-A\u200B"])
      expect(normalizeUnitCode(typed)).toBe("THPT-A");
  });
});

describe("unitLookup", () => {
  it("finds a unit by any typed form and nothing else", () => {
    const find = unitLookup([{ code: "THPT-A", name: "A", group: "THPT", editors: [] }]);
    expect(find("thpt – a")?.code).toBe("THPT-A");
    expect(find("THPT-B")).toBeUndefined();
  });
});
