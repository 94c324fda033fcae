/** Tests for the review list helpers. */
import { describe, expect, it } from "vitest";
import { formatReview, review, shorten, summarizeReview } from "./review.js";

const items = [
  review.found("Nhiệm vụ II.1: Tập huấn", 33, "Tổ chức tập huấn", "II.1"),
  review.needs("Nhiệm vụ II.2: chưa rõ đơn vị thực hiện.", 49, undefined, "II.2"),
  review.needs("Nhiệm vụ II.2: kế hoạch không nêu thời gian.", 49, undefined, "II.2"),
  review.needs("Danh sách đơn vị: điền đơn vị thật."),
];

describe("summarizeReview", () => {
  it("counts tasks and the distinct tasks flagged for review", () => {
    expect(summarizeReview(items, ["II.1", "II.2", "III.1"])).toEqual({
      tasks: 3,
      tasksNeedingReview: 1,
      needsReview: 3,
      found: 1,
    });
  });
});

describe("formatReview", () => {
  it("lists what to decide before what was found, with source lines", () => {
    const text = formatReview(items, ["II.1", "II.2"]);
    expect(text.indexOf("CẦN NGƯỜI XEM LẠI (3 mục)")).toBeLessThan(text.indexOf("ĐÃ TÌM THẤY (1 mục)"));
    expect(text).toContain("[dòng 49] Nhiệm vụ II.2: chưa rõ đơn vị thực hiện.");
    expect(text).toContain("«Tổ chức tập huấn»");
    expect(text.split("\n")[0]).toBe("Tìm thấy 2 nhiệm vụ, trong đó 1 nhiệm vụ cần xem lại.");
  });
});

describe("review", () => {
  it("omits empty fields", () => {
    expect(review.found("Địa danh: Hải Phòng.")).toEqual({ kind: "found", what: "Địa danh: Hải Phòng." });
  });
});

describe("shorten", () => {
  it("cuts at a word and adds an ellipsis only when too long", () => {
    expect(shorten("ngắn")).toBe("ngắn");
    const s = shorten("một hai ba bốn năm sáu bảy tám", 12);
    expect(s.endsWith("…")).toBe(true);
    expect(s.length).toBeLessThanOrEqual(13);
  });
});
