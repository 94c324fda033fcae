/** Tests for reading timeframe phrases into due dates. */
import { describe, expect, it } from "vitest";
import { parseTimeframe, yearsIn } from "./timeframe.js";

describe("parseTimeframe", () => {
  it.each([
    ["Trong quý I/2023", "2023-03-31"],
    ["dự kiến Quý III, năm 2023", "2023-09-30"],
    ["Quý IV năm 2024", "2024-12-31"],
    ["quý 2/2023", "2023-06-30"],
    ["Quý II - Quý III/2023", "2023-09-30"],
    ["Trong năm 2023.", "2023-12-31"],
    ["Năm 2023", "2023-12-31"],
    ["trước ngày 30/6/2023", "2023-06-30"],
    ["Từ 01/3/2023 đến 30/4/2023", "2023-04-30"],
    ["ngày 15 tháng 8 năm 2023", "2023-08-15"],
    ["Tháng 5/2023", "2023-05-31"],
    ["Từ tháng 3 đến tháng 5 năm 2024", "2024-05-31"],
    ["tháng 9 - 12/2023", "2023-12-31"],
    ["6 tháng đầu năm 2023", "2023-06-30"],
    ["9 tháng đầu năm 2023", "2023-09-30"],
  ])("reads %s as %s with high confidence", (text, due) => {
    const tf = parseTimeframe(text, 2000);
    expect(tf.due).toBe(due);
    expect(tf.confidence).toBe("high");
  });

  it("reads 'Thường xuyên' as ongoing", () => {
    expect(parseTimeframe("Thường xuyên")).toEqual({ due: "thuong-xuyen", confidence: "high" });
    expect(parseTimeframe("thường xuyên, liên tục").due).toBe("thuong-xuyen");
  });

  it("takes a missing year from the plan and lowers confidence", () => {
    const tf = parseTimeframe("trước ngày 15/6", 2024);
    expect(tf).toMatchObject({ due: "2024-06-15", confidence: "medium" });
    expect(tf.note).toContain("2024");
    expect(parseTimeframe("Quý III", 2025)).toMatchObject({ due: "2025-09-30", confidence: "medium" });
  });

  it("names the span so a caller can match a reporting period", () => {
    expect(parseTimeframe("Trong quý I/2023").span).toEqual({ kind: "quarter", year: 2023, index: 1 });
    expect(parseTimeframe("Trong năm 2023").span).toEqual({ kind: "year", year: 2023 });
  });

  it("reads recurring work as ongoing with a note", () => {
    const tf = parseTimeframe("Định kỳ hằng năm");
    expect(tf).toMatchObject({ due: "thuong-xuyen", confidence: "medium" });
    expect(tf.note).toBeTruthy();
  });

  it("takes the last year of a multi-year range with medium confidence", () => {
    expect(parseTimeframe("Giai đoạn 2021 - 2025")).toMatchObject({ due: "2025-12-31", confidence: "medium" });
  });

  it("estimates school-year phrases with low confidence", () => {
    expect(parseTimeframe("Học kỳ I năm học 2023-2024")).toMatchObject({ due: "2024-01-31", confidence: "low" });
    expect(parseTimeframe("Năm học 2023-2024")).toMatchObject({ due: "2024-05-31", confidence: "low" });
  });

  it("returns no date for words it cannot place", () => {
    expect(parseTimeframe("Sau khi có chỉ đạo của cấp trên")).toMatchObject({ due: null, confidence: "low" });
    expect(parseTimeframe("")).toMatchObject({ due: null });
  });

  it("rejects impossible dates instead of inventing one", () => {
    expect(parseTimeframe("trước ngày 31/02/2023").due).not.toBe("2023-02-31");
  });
});

describe("yearsIn", () => {
  it("finds four-digit years but not other numbers", () => {
    expect(yearsIn("Quyết định 628/QĐ-TTg năm 2020, giai đoạn 2021-2025, 12345")).toEqual([2020, 2021, 2025]);
  });
});
