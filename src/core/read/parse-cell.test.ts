import { describe, expect, it } from "vitest";
import { readBoolean, readChoice, readNumber, readPhone, readText } from "./parse-cell.js";

describe("readNumber", () => {
  const int = { type: "integer" as const, min: 0, max: 5000 };
  const num = { type: "number" as const, min: 0 };
  const pct = { type: "number" as const, min: 0, max: 100, unit: "%" };
  it("accepts 85% in a column counted in percent, and refuses % elsewhere", () => {
    expect(readNumber("85%", pct)).toEqual({ ok: true, value: 85 });
    expect(readNumber("85%", num)).toMatchObject({ ok: false, code: "number.percent" });
  });
  it("warns that a percent-formatted 0,85 may mean 85%", () => {
    expect(readNumber(0.85, pct)).toMatchObject({
      ok: true,
      value: 0.85,
      warning: { code: "number.percent-fraction" },
    });
  });
  it("warns when 1,234 may have been meant as one thousand two hundred", () => {
    expect(readNumber("1,234", num)).toMatchObject({
      ok: true,
      value: 1.234,
      warning: { code: "number.comma-decimal" },
    });
    expect(readNumber("1,234", int)).toMatchObject({ ok: false, code: "number.not-integer" });
  });
  it("flags a number with exactly three decimals in an integer column as a misread 1.234", () => {
    expect(readNumber(1.234, int)).toMatchObject({ ok: false, code: "number.misread-thousands" });
    expect(readNumber(12.5, int)).toMatchObject({ ok: false, code: "number.not-integer" });
    expect(readNumber(1.2345, int)).toMatchObject({ ok: false, code: "number.not-integer" });
    expect(readNumber(1.234, num)).toEqual({ ok: true, value: 1.234 });
  });
  it("reads minus zero as zero", () => {
    expect(readNumber(-0, int)).toEqual({ ok: true, value: 0 });
  });
});

describe("readText", () => {
  it("turns Word's line break into a new line and drops control characters", () => {
    expect(readText("a\u000Bb\u0007c")).toEqual({ ok: true, value: "a\nbc" });
  });
  it("does not take a leading dash for a formula", () => {
    expect(readText("- Đã làm")).toEqual({ ok: true, value: "- Đã làm" });
  });
});

describe("readBoolean and readChoice", () => {
  it("say an error cell is an error, not [object Object]", () => {
    expect(readBoolean({ error: "#REF!" })).toMatchObject({ ok: false, code: "boolean.error-value" });
    expect(readChoice({ error: "#N/A" }, ["Tốt"])).toMatchObject({ ok: false, code: "choice.error-value" });
  });
  it("show a date as a date in the message", () => {
    const r = readBoolean(new Date(Date.UTC(2023, 2, 20)));
    expect(r.ok ? "" : r.message).toContain("20/03/2023");
  });
});

describe("readPhone", () => {
  it("keeps a number's digits and flags what is not a phone number", () => {
    expect(readPhone(912345678)).toEqual({ ok: true, value: "912345678" });
    expect(readPhone("không có")).toMatchObject({ ok: true, warning: { code: "phone.invalid" } });
  });
});
