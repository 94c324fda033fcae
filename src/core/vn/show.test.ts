import { describe, expect, it } from "vitest";
import { cellText, vnNumber } from "./show.js";

describe("vnNumber", () => {
  it("groups thousands with dots and writes a decimal comma", () => {
    expect(vnNumber(1234.5)).toBe("1.234,5");
    expect(vnNumber(-1234567)).toBe("-1.234.567");
  });
  it("never writes an exponent", () => {
    expect(vnNumber(1e21)).toBe("1.000.000.000.000.000.000.000");
    expect(vnNumber(1.5e-7)).toBe("0,00000015");
  });
  it("can leave thousands ungrouped, as Excel shows a typed number", () => {
    expect(vnNumber(20032023, false)).toBe("20032023");
  });
});

describe("cellText", () => {
  it("reads any cell as a person sees it", () => {
    expect(cellText(1234.5)).toBe("1234,5");
    expect(cellText(new Date(Date.UTC(2023, 2, 20)))).toBe("20/03/2023");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#REF!" })).toBe("#REF!");
    expect(cellText(" a\u00A0")).toBe("a");
  });
});
