import { describe, expect, it } from "vitest";
import { makeGrid } from "../../../test/fixtures/grid.js";
import { mini, miniInput } from "../../../test/fixtures/mini-template.js";
import {
  ARCHIVE_LABELS,
  archiveSheetName,
  buildArchiveGrid,
  CELL_TEXT_LIMIT,
  dataBlock,
  readArchiveGrid,
} from "./archive.js";
import type { Grid } from "../model/cell.js";
import { canonicalGridText } from "./checksum.js";
import { compileGrid } from "../compile/compile.js";
import { AppError } from "../model/problem.js";
import { parseTemplate } from "../template/template.js";

const rows = [
  {
    ma_don_vi: "THPT-A",
    tin_bai: 12,
    kinh_phi: "12,5",
    co_ke_hoach: true,
    xac_nhan_gui: true,
    thoi_gian_gui: new Date(Date.UTC(2023, 4, 3, 10)),
  },
  {
    ma_don_vi: "THPT-B",
    tin_bai: '=HYPERLINK("http://x","bấm")',
    xac_nhan_gui: true,
    thoi_gian_gui: new Date(Date.UTC(2023, 4, 7, 8)),
  },
  { ma_don_vi: "GDTX-C", tin_bai: 5, xac_nhan_gui: false },
];
/** A data sheet's grid: the table, then a blank column and the legend in the header row only. */
function sheetGrid(): Grid {
  const g = makeGrid(mini, "sau_thang_2023", rows);
  return g.map((r, i) => [...r, "", i === 1 ? "Chú giải màu" : "", i === 1 ? "Đỏ: quá hạn" : ""]);
}
const asOf = "2023-05-10T09:00:00";

describe("dataBlock", () => {
  it("keeps the key row, header and unit rows, drops the legend beside the table", () => {
    const g = sheetGrid();
    const b = dataBlock(g);
    expect(b.length).toBe(5);
    expect(b[0].length).toBe(makeGrid(mini, "sau_thang_2023", rows)[0].length);
    expect(b[1]).not.toContain("Chú giải màu");
  });
  it("keeps a trailing column without a key when a unit row holds data in it (an old column)", () => {
    const g = sheetGrid();
    g[3][g[3].length - 1] = "ghi chú cũ";
    expect(dataBlock(g)[0].length).toBe(g[0].length);
  });
  it("refuses a grid without a key row", () => {
    expect(() =>
      dataBlock([
        ["STT", "Mã đơn vị"],
        [1, "A"],
      ]),
    ).toThrow(AppError);
  });
});

describe("archive grid", () => {
  const result = compileGrid({ template: mini, periodId: "sau_thang_2023", grid: sheetGrid(), asOf });
  const period = mini.periods.find((p) => p.id === "sau_thang_2023")!;
  const data = dataBlock(sheetGrid());
  const build = () =>
    buildArchiveGrid({
      template: mini,
      period,
      data,
      result,
      archivedAt: "2023-05-11T08:30:00",
      archivedBy: "vanphong@sgddt.edu.vn",
      checksum: "ab".repeat(32),
    });

  it("reads back the plan, the period, the moment, the checksum and the data block", () => {
    const a = build();
    const back = readArchiveGrid(a.grid);
    expect(back.template).toEqual(mini);
    expect(back.period).toEqual(period);
    expect(back.asOf).toBe(asOf);
    expect(back.archivedAt).toBe("2023-05-11T08:30:00");
    expect(back.checksum).toBe("ab".repeat(32));
    expect(canonicalGridText(back.data)).toBe(canonicalGridText(data));
    expect(a.grid[a.keyRow - 1][0]).toBe(data[0][0]);
  });

  it("compiles again to exactly the recorded totals, statuses and problems", () => {
    const back = readArchiveGrid(build().grid);
    const again = compileGrid({ template: back.template, periodId: back.period.id, grid: back.data, asOf: back.asOf });
    expect(again.totals).toEqual(result.totals);
    expect(again.statuses).toEqual(result.statuses);
    expect(again.problems).toEqual(result.problems);
    for (const t of result.totals) expect(back.totals.get(t.key)).toBe(t.total);
    expect(back.totals.get("tin_bai")).toBe(12);
  });

  it("keeps compiling the same after Cấu hình changes: the archive carries its own plan", () => {
    const back = readArchiveGrid(build().grid);
    const changed = parseTemplate({ ...miniInput, units: miniInput.units.filter((u) => u.code !== "THPT-A") });
    // With today's Cấu hình, THPT-A would no longer be counted…
    expect(
      compileGrid({ template: changed, periodId: back.period.id, grid: back.data, asOf: back.asOf }).countedUnits,
    ).not.toContain("THPT-A");
    // …with the archive's own plan it still is.
    const again = compileGrid({ template: back.template, periodId: back.period.id, grid: back.data, asOf: back.asOf });
    expect(again.countedUnits).toContain("THPT-A");
  });

  it("splits a large plan's JSON into cells Sheets accepts", () => {
    const units = Array.from({ length: 3000 }, (_, i) => ({
      code: `DV${i}`,
      name: `Đơn vị số ${i} có tên khá dài`,
      group: "THPT",
      editors: [`dv${i}@truong.edu.vn`],
    }));
    const big = parseTemplate({ ...miniInput, units });
    const a = buildArchiveGrid({
      template: big,
      period,
      data,
      result,
      archivedAt: "2023-05-11T08:30:00",
      archivedBy: "",
      checksum: "00",
    });
    const row = a.grid[a.templateRow - 1];
    expect(row.filter((c) => typeof c === "string" && c.length > 0).length).toBeGreaterThan(3);
    expect(a.grid.flat().every((c) => typeof c !== "string" || c.length <= CELL_TEXT_LIMIT)).toBe(true);
    expect(readArchiveGrid(a.grid).template.units.length).toBe(3000);
  });

  it("refuses an archive whose rows were deleted, naming them", () => {
    const g = build().grid.filter((r) => r[0] !== ARCHIVE_LABELS.checksum);
    try {
      readArchiveGrid(g);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe("archive.invalid");
      expect((e as AppError).details.join("\n")).toContain(ARCHIVE_LABELS.checksum);
    }
  });

  it("names the sheet after the period, within Sheets' rules", () => {
    expect(archiveSheetName({ label: "Quý I/2024" })).toBe("Lưu trữ - Quý I-2024");
    expect(archiveSheetName({ label: "x".repeat(200) }).length).toBe(100);
  });
});
