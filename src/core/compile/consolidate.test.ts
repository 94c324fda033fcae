import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mini } from "../../../test/fixtures/mini-template.js";
import type { UnitRecord } from "../model/compile-result.js";
import { consolidate } from "./consolidate.js";

const rec = (over: Partial<UnitRecord>): UnitRecord => ({
  unitCode: "THPT-A",
  values: {},
  tasks: {},
  texts: {},
  reporter: "",
  phone: "",
  submitted: true,
  submittedAt: null,
  row: 3,
  ...over,
});

describe("consolidate", () => {
  it("keeps the later submission", () => {
    const a = rec({ values: { tin_bai: 10 }, submittedAt: "2023-05-02T09:00:00", row: 3 });
    const b = rec({ values: { tin_bai: 15 }, submittedAt: "2023-05-04T09:00:00", row: 4 });
    const r = consolidate(mini, [a, b]);
    expect(r.records[0].values.tin_bai).toBe(15);
    expect(r.problems[0].value).toBe("Số tin, bài đăng tải: dùng 15, bỏ 10");
  });
  it("picks the same copy whatever the row order when nothing tells them apart, and says so (property)", () => {
    const copies = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(copies, fc.func(fc.integer()), (values, key) => {
        const recs = values.map((v, i) => rec({ values: { tin_bai: v, kinh_phi: v * 1.5 }, row: 3 + i }));
        const shuffled = [...recs].sort((x, y) => key(x.row) - key(y.row));
        const a = consolidate(mini, recs).records[0].values;
        const b = consolidate(mini, shuffled).records[0].values;
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
    const r = consolidate(mini, [rec({ values: { tin_bai: 1 } }), rec({ values: { tin_bai: 2 }, row: 4 })]);
    expect(r.problems[0].message).toContain("không rõ bản nào gửi sau");
  });
  it("prefers the copy with more figures filled in", () => {
    const r = consolidate(mini, [
      rec({ values: { tin_bai: 5, kinh_phi: 2 } }),
      rec({ values: { tin_bai: 5, kinh_phi: null }, row: 4 }),
    ]);
    expect(r.records[0].values.kinh_phi).toBe(2);
  });
  it("writes figures the Vietnamese way in the list of differences", () => {
    const r = consolidate(mini, [
      rec({ values: { kinh_phi: 1234.5 }, submittedAt: "2023-05-02T09:00:00" }),
      rec({ values: { kinh_phi: 0.5 }, submittedAt: "2023-05-01T09:00:00", row: 4 }),
    ]);
    expect(r.problems[0].value).toBe("Kinh phí: dùng 1.234,5, bỏ 0,5");
  });
});
