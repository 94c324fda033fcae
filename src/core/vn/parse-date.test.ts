import { describe, expect, it } from "vitest";
import { parseVnDate, vnDateCell } from "./parse-date.js";

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
  it("reads the other unambiguous shapes", () => {
    expect(value("2023/03/20")).toBe("2023-03-20T00:00:00");
    expect(value("ngày 20 tháng 3 năm 2023")).toBe("2023-03-20T00:00:00");
    expect(value(" 20 / 03 / 2023 ")).toBe("2023-03-20T00:00:00");
    expect(value("20/03/2023\u200B")).toBe("2023-03-20T00:00:00");
  });
  it("reads SA/CH and AM/PM times", () => {
    expect(value("03/05/2023 02:30 CH")).toBe("2023-05-03T14:30:00");
    expect(value("03/05/2023 12:10 SA")).toBe("2023-05-03T00:10:00");
    expect(value("03/05/2023 10:00 PM")).toBe("2023-05-03T22:00:00");
  });
  it("reads two-digit years as Excel does", () => {
    expect(value("6/5/49")).toBe("2049-05-06T00:00:00");
    expect(value("6/5/99")).toBe("1999-05-06T00:00:00");
  });
  it("refuses a time without a day", () => {
    expect(value("10:30")).toBe("date.time-only");
    expect(value(new Date(Date.UTC(1899, 11, 30, 10, 30)))).toBe("date.time-only");
  });
  it("refuses a Date cell whose year a number typed into it made", () => {
    expect(value(new Date(Date.UTC(1905, 6, 15)))).toBe("date.year");
  });
});

describe("vnDateCell", () => {
  it("shows dates as users see them, with a time only when there is one", () => {
    expect(vnDateCell(new Date(Date.UTC(2023, 2, 20)))).toBe("20/03/2023");
    expect(vnDateCell(new Date(Date.UTC(2023, 2, 20, 9, 5)))).toBe("20/03/2023 09:05");
    expect(vnDateCell(new Date(Date.UTC(2023, 2, 20, 9, 5, 7)))).toBe("20/03/2023 09:05:07");
    expect(vnDateCell(new Date(Number.NaN))).toBe("(ngày không hợp lệ)");
  });
});

describe("parseVnDate messages", () => {
  it("shows an impossible day as dd/mm/yyyy, with two-digit day, month and minutes", () => {
    const r = parseVnDate("31/2/2024 9:05");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe("Ngày 31/02/2024 09:05 không có thật.");
    const s = parseVnDate("30/02/2023");
    if (!s.ok) expect(s.message).toBe("Ngày 30/02/2023 không có thật.");
    expect(s.ok).toBe(false);
  });

  it("writes a number that is not a date with a decimal comma", () => {
    const r = parseVnDate(12.5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe("Số 12,5 không phải là ngày.");
  });
});
