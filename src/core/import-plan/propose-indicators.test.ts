/** Tests for proposing indicators from task wording. */
import { describe, expect, it } from "vitest";
import { indicatorSchema } from "../model/template-schema.js";
import { proposeIndicators } from "./propose-indicators.js";

describe("proposeIndicators", () => {
  const tasks = [
    { code: "II.1", text: "Tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cán bộ. Số lượng dự kiến: 80-120 người/lớp" },
    { code: "III.2", text: "Tăng cường tin bài, chuyên trang, chuyên mục về giáo dục" },
    { code: "III.3", text: "Đăng tải tin, bài trên trang thông tin điện tử và mạng xã hội" },
  ];

  it("proposes indicators that the task wording supports, with the tasks as evidence", () => {
    const p = proposeIndicators(tasks);
    const byKey = Object.fromEntries(p.map((x) => [x.indicator.key, x]));
    expect(byKey.so_lop_tap_huan.evidence).toEqual(["II.1"]);
    expect(byKey.so_nguoi_tap_huan.indicator.unit).toBe("người");
    expect(byKey.so_tin_bai.evidence).toEqual(["III.2", "III.3"]);
    expect(byKey.so_bai_mang_xa_hoi.evidence).toEqual(["III.3"]);
    expect(byKey.so_cuoc_kiem_tra).toBeUndefined();
  });

  it("marks every proposal as proposed and makes valid integer indicators", () => {
    for (const { indicator } of proposeIndicators(tasks)) {
      expect(indicator).toMatchObject({ proposed: true, type: "integer", aggregate: "sum", min: 0 });
      expect(indicatorSchema.safeParse(indicator).success).toBe(true);
    }
  });

  it("keeps the most supported ones when there are more than allowed", () => {
    const p = proposeIndicators(tasks, 1);
    expect(p.map((x) => x.indicator.key)).toEqual(["so_tin_bai"]);
  });

  it("proposes one generic activity count when nothing matches", () => {
    const p = proposeIndicators([{ code: "I.1", text: "Nâng cao nhận thức" }]);
    expect(p.map((x) => [x.indicator.key, x.evidence])).toEqual([["so_hoat_dong", []]]);
  });
});
