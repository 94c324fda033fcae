import { describe, expect, it } from "vitest";
import { makeGrid } from "../../../test/fixtures/grid.js";
import { mini, miniInput } from "../../../test/fixtures/mini-template.js";
import type { Grid } from "../model/cell.js";
import { mapGrid } from "./map-grid.js";
import { parseTemplate } from "../template/template.js";

const P = "sau_thang_2023";
const rows = [
  { ma_don_vi: "THPT-A", tin_bai: 1, xac_nhan_gui: true },
  { ma_don_vi: "THPT-B", tin_bai: 2, xac_nhan_gui: true },
  { ma_don_vi: "GDTX-C", tin_bai: 3 },
];
const grid = () => makeGrid(mini, P, rows);
const codes = (g: Grid) => mapGrid(mini, g).rows.map((r) => r.cells.ma_don_vi);
const problemCodes = (g: Grid, t = mini) => mapGrid(t, g).problems.map((p) => p.code);

describe("mapGrid", () => {
  it("does not take a unit's untouched row (code and name only) for an entry", () => {
    const g = makeGrid(mini, P, [
      ...rows,
      { ma_don_vi: "GDTX-D", ten_don_vi: "Trung tâm GDNN-GDTX D", nhom: "GDTX", xac_nhan_gui: false },
    ]);
    expect(codes(g)).toEqual(["THPT-A", "THPT-B", "GDTX-C"]);
  });
  it("keeps the first unit when the header row was deleted", () => {
    const g = grid();
    g.splice(1, 1);
    expect(codes(g)).toEqual(["THPT-A", "THPT-B", "GDTX-C"]);
    expect(problemCodes(g)).toContain("structure.no-header-row");
  });
  it("finds the key and header rows wherever a sort moved them", () => {
    const g = grid();
    const sorted = [g[2], g[0], g[3], g[1], g[4]];
    expect(codes(sorted).sort()).toEqual(["GDTX-C", "THPT-A", "THPT-B"]);
  });
  it("skips a header row repeated in the data, with a warning", () => {
    const g = grid();
    g.splice(3, 0, [...g[1]]);
    expect(codes(g)).toEqual(["THPT-A", "THPT-B", "GDTX-C"]);
    expect(problemCodes(g)).toContain("structure.repeated-header");
  });
  it("keeps rows under another period's marker out, as an error", () => {
    const g = [...grid(), ...makeGrid(mini, "quy_1_2023", [{ ma_don_vi: "GDTX-D", tin_bai: 9 }])];
    expect(codes(g)).toEqual(["THPT-A", "THPT-B", "GDTX-C"]);
    const p = mapGrid(mini, g).problems.find((x) => x.code === "structure.foreign-block")!;
    expect(p).toMatchObject({ severity: "error", row: 8 });
  });
  it("finds a column by its header when its key cell was typed over", () => {
    const g = grid();
    const at = g[0].indexOf("tin_bai");
    g[0][at] = "???";
    const m = mapGrid(mini, g);
    expect(m.columnIndex.get("tin_bai")).toBe(at);
    expect(m.problems.map((p) => p.code)).toContain("structure.key-repaired");
  });
  it("refuses to guess between two columns with the same header when the key row is gone", () => {
    const t = parseTemplate({
      ...miniInput,
      indicators: [
        ...miniInput.indicators!,
        { key: "tin_bai_2", label: "Số tin, bài đăng tải", unit: "tin, bài", type: "integer", section: "3. Khác" },
      ],
    });
    const g = makeGrid(t, P, [{ ma_don_vi: "THPT-A", tin_bai: 1, tin_bai_2: 2 }]);
    g.shift();
    const m = mapGrid(t, g);
    expect(m.columnIndex.has("tin_bai")).toBe(false);
    expect(m.columnIndex.has("tin_bai_2")).toBe(false);
    expect(m.problems.find((p) => p.code === "structure.ambiguous-header")).toMatchObject({ severity: "error" });
  });
  it("matches a retyped header without its unit suffix when the key row is gone", () => {
    const g = grid();
    g.shift();
    const at = g[0].indexOf("Số tin, bài đăng tải (tin, bài)");
    g[0][at] = "Số tin, bài đăng tải";
    expect(mapGrid(mini, g).columnIndex.get("tin_bai")).toBe(at);
  });
  it("keeps the marker's plan and period", () => {
    expect(mapGrid(mini, grid())).toMatchObject({
      planCode: "KH-TEST-2023",
      periodId: P,
      mappedBy: "keys",
      headerRow: 1,
    });
  });
});
