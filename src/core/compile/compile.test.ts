import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeGrid } from "../../../test/fixtures/grid.js";
import { mini } from "../../../test/fixtures/mini-template.js";
import { compileGrid } from "./compile.js";

const rows = [
  {
    ma_don_vi: "THPT-A",
    tin_bai: 12,
    kinh_phi: "12,5",
    co_ke_hoach: true,
    muc_do: "Tốt",
    "task:III.1.1:status": "Hoàn thành",
    "task:III.1.1:date": "20/03/2023",
    xac_nhan_gui: true,
    thoi_gian_gui: "03/05/2023 10:00",
  },
  {
    ma_don_vi: "THPT-B",
    tin_bai: "1.234",
    kinh_phi: 0.1,
    co_ke_hoach: false,
    muc_do: "khá",
    "task:III.1.1:status": "Đang thực hiện",
    xac_nhan_gui: true,
    thoi_gian_gui: "07/05/2023 08:00",
  },
  { ma_don_vi: "GDTX-C", tin_bai: "12 bài", kinh_phi: 0.2, xac_nhan_gui: true, thoi_gian_gui: "05/05/2023 23:59" },
  { ma_don_vi: "GDTX-D", tin_bai: 7 },
];
const compile = (grid = makeGrid(mini, "sau_thang_2023", rows), asOf = "2023-05-10") =>
  compileGrid({ template: mini, periodId: "sau_thang_2023", grid, asOf });

describe("compileGrid", () => {
  it("sums totals per indicator and per group", () => {
    const r = compile();
    const tin = r.totals.find((x) => x.key === "tin_bai")!;
    expect(tin.total).toBe(1246);
    expect(tin.reportedCount).toBe(2);
    expect(tin.byGroup.THPT.total).toBe(1246);
    expect(tin.byGroup.GDTX.total).toBe(null);
    expect(r.totals.find((x) => x.key === "kinh_phi")!.total).toBe(12.8);
  });
  it("judges submission statuses against the deadline's end of day", () => {
    const s = Object.fromEntries(compile().statuses.map((x) => [x.unitCode, x.status]));
    expect(s).toEqual({ "THPT-A": "on-time", "THPT-B": "late", "GDTX-C": "on-time", "GDTX-D": "overdue" });
  });
  it("keeps drafts out of the totals and lists them", () => {
    const r = compile();
    expect(r.countedUnits).not.toContain("GDTX-D");
    expect(r.problems.some((p) => p.code === "unit.draft" && p.unitCode === "GDTX-D")).toBe(true);
  });
  it("lists an invalid value with unit, column and fix", () => {
    const p = compile().problems.find((x) => x.code === "number.text")!;
    expect(p).toMatchObject({
      unitCode: "GDTX-C",
      unitName: "Trung tâm GDNN-GDTX C",
      column: "Số tin, bài đăng tải (tin, bài)",
      value: "12 bài",
    });
    expect(p.fix).toMatch(/Chỉ nhập con số/);
  });
  it("uses the officials' task statuses", () => {
    const s = Object.fromEntries(compile().statuses.map((x) => [x.unitCode, x.tasks["III.1.1"]]));
    expect(s).toEqual({
      "THPT-A": "done-on-time",
      "THPT-B": "open-overdue",
      "GDTX-C": "open-overdue",
      "GDTX-D": "not-reported",
    });
  });
  it("marks pending units due soon before the deadline", () => {
    const r = compile(undefined, "2023-05-03");
    const d = r.statuses.find((x) => x.unitCode === "GDTX-D")!;
    expect(d).toMatchObject({ status: "pending", dueSoon: true });
  });
  it("maps by key after columns are moved and rows sorted", () => {
    const g = makeGrid(mini, "sau_thang_2023", rows);
    const moved = g.map((line) => {
      const l = [...line];
      const [x] = l.splice(4, 1); // move the tin_bai column to the end
      l.push(x);
      return l;
    });
    const sorted = [moved[0], moved[1], ...moved.slice(2).reverse()];
    const a = compile();
    const b = compile(sorted);
    expect(b.totals).toEqual(a.totals);
    expect(b.statuses).toEqual(a.statuses);
  });
  it("refuses a sheet of another period", () => {
    expect(() => compile(makeGrid(mini, "quy_1_2023", rows))).toThrow(/Quý I năm 2023/);
  });
  it("does not depend on row order (property)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        const a = compile();
        const b = compile(makeGrid(mini, "sau_thang_2023", shuffled));
        return JSON.stringify(a.totals) === JSON.stringify(b.totals);
      }),
      { numRuns: 30 },
    );
  });
});
