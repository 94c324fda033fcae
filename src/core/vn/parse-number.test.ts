import { describe, expect, it } from "vitest";
import { parseVnNumber, quoteTyped } from "./parse-number.js";

const value = (s: string) => {
  const r = parseVnNumber(s);
  return r.ok ? r.value : r.code;
};

describe("parseVnNumber", () => {
  it("reads dots as thousands separators", () => {
    expect(value("1.234")).toBe(1234);
    expect(value("1.234.567")).toBe(1234567);
  });
  it("reads a comma as the decimal mark", () => {
    expect(value("1,5")).toBe(1.5);
    expect(value("1.234,5")).toBe(1234.5);
    expect(value("1,234")).toBe(1.234);
  });
  it("reads spaces as thousands separators", () => {
    expect(value("1 234")).toBe(1234);
  });
  it("keeps negative numbers for the range check", () => {
    expect(value("-5")).toBe(-5);
  });
  it("refuses text instead of guessing", () => {
    expect(value("12 bài")).toBe("number.text");
    expect(value("khoảng 20")).toBe("number.text");
    expect(value("N/A")).toBe("number.text");
  });
  it("refuses placeholders and ambiguous forms", () => {
    expect(value("-")).toBe("number.placeholder");
    expect(value("1.5")).toBe("number.ambiguous-dot");
    expect(value("1,234,567")).toBe("number.ambiguous-comma");
  });
  it("refuses formulas and error values", () => {
    expect(value("=SUM(A1)")).toBe("number.formula-text");
    expect(value("#REF!")).toBe("number.error-value");
  });
  it("never reads a group after a leading zero", () => {
    expect(value("0.500")).toBe("number.ambiguous-dot");
    expect(value("0,500")).toBe(0.5);
  });
  it("ignores what a paste leaves invisible, and reads full-width digits and the minus sign", () => {
    expect(value("1\u00AD234")).toBe(1234);
    expect(value("\u200E12")).toBe(12);
    expect(value("１２")).toBe(12);
    expect(value("−5")).toBe(-5);
  });
  it("keeps its messages short whatever was pasted", () => {
    const r = parseVnNumber("9".repeat(50_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(100);
  });
});

describe("quoteTyped", () => {
  it("shortens without splitting an emoji", () => {
    const q = quoteTyped(`a${"😀".repeat(30)}`, 40);
    expect(q).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(q).toContain("(61 ký tự)");
  });
});
