import { describe, expect, it } from "vitest";
import { capProblems } from "./cap-problems.js";
import { showValue } from "../vn/show.js";
import type { Problem } from "../model/problem.js";

describe("showValue", () => {
  it("shows cells as users see them", () => {
    expect(showValue(new Date(Date.UTC(2023, 2, 20)))).toBe("20/03/2023");
    expect(showValue(45005.5)).toBe("45005,5");
    expect(showValue({ error: "#N/A" })).toBe("#N/A");
    expect(showValue(false)).toBe("FALSE");
    expect(showValue("  12 bài ")).toBe("  12 bài ");
  });
  it("shortens long text without splitting an emoji", () => {
    const s = showValue(`a${"😀".repeat(100)}`);
    expect(s).toMatch(/… \(201 ký tự\)$/);
    expect(s).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("capProblems", () => {
  const p = (i: number, over: Partial<Problem> = {}): Problem => ({
    code: "unit.unknown",
    severity: "error",
    unitCode: `HS${i}`,
    column: "Mã đơn vị",
    columnKey: "ma_don_vi",
    value: `HS${i}`,
    message: "Mã đơn vị không có trong danh sách.",
    fix: "Nhập đúng mã.",
    row: i,
    source: "a.xlsx",
    ...over,
  });
  const known = (code: string) => code.startsWith("DV");
  it("groups a flood of one kind into a counted summary with its rows", () => {
    const out = capProblems(
      Array.from({ length: 1000 }, (_, i) => p(i + 3)),
      known,
      20,
    );
    expect(out).toHaveLength(20);
    expect(out[19].message).toMatch(/^Còn 981 trường hợp khác cùng lỗi này \(dòng 22–1\.002\): /);
    expect(out.slice(0, 19).map((x) => x.row)).toEqual(Array.from({ length: 19 }, (_, i) => i + 3));
  });
  it("never merges the problems of different units", () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      p(i, { code: "number.text", unitCode: `DV${i}`, columnKey: "tin_bai" }),
    );
    expect(capProblems(many, known, 20)).toEqual(many);
  });
  it("leaves a short list alone", () => {
    const few = [p(1), p(2)];
    expect(capProblems(few, known)).toEqual(few);
  });
});
