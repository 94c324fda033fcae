import { describe, expect, it } from "vitest";
import { parseVnDate } from "./parse-date.js";

const value = (v: unknown) => {
  const r = parseVnDate(v);
  return r.ok ? r.value : r.code;
};

describe("parseVnDate", () => {
  it("reads day/month/year", () => {
    expect(value("05/05/2023")).toBe("2023-05-05T00:00:00");
    expect(value("6/5/23")).toBe("2023-05-06T00:00:00");
    expect(value("2023-05-06")).toBe("2023-05-06T00:00:00");
  });
  it("reads a time after the date", () => {
    expect(value("03/05/2023 16:20")).toBe("2023-05-03T16:20:00");
  });
  it("refuses a US month/day date with a hint", () => {
    expect(value("05/13/2023")).toBe("date.month");
  });
  it("refuses impossible days", () => {
    expect(value("31/02/2023")).toBe("date.invalid");
  });
  it("reads serial numbers as wall-clock dates", () => {
    expect(value(45051)).toBe("2023-05-05T00:00:00");
    expect(value(45051.5)).toBe("2023-05-05T12:00:00");
  });
  it("reads Date cells by their UTC fields", () => {
    expect(value(new Date(Date.UTC(2023, 4, 5, 8, 30)))).toBe("2023-05-05T08:30:00");
  });
});
