import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseTemplate } from "../../core/template/template.js";
import { compileGrid } from "../../core/compile/compile.js";
import { LAYOUT, makeMarker } from "../../core/template/columns.js";
import type { CellValue } from "../../core/model/cell.js";
import { OLD_COLUMN_PREFIX, planDataSheet, plannedWidth } from "./data-sheet-plan.js";

const input = JSON.parse(
  readFileSync(new URL("../../../test/gas/fixtures/template-gas.json", import.meta.url), "utf8"),
);
const template = parseTemplate(input);

const at = (grid: CellValue[][], key: string) => grid[0].indexOf(key);

describe("planDataSheet", () => {
  it("lays out the key row (marker first), headers, and one row per unit", () => {
    const p = planDataSheet(template, "quy_1_2024");
    expect(p.grid[0][0]).toBe(makeMarker("KH-THU-2024", "quy_1_2024"));
    expect(p.grid[LAYOUT.headerRow - 1][1]).toBe("Mã đơn vị");
    expect(p.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(p.grid.slice(2).map((r) => r[1])).toEqual(["THPT01", "THPT02", "THPT03", "TT01", "TT02"]);
    expect(p.grid[2][at(p.grid, "xac_nhan_gui")]).toBe(false);
    expect(p.grid[1][p.legendColumn - 1]).toMatch(/^Chú giải màu \(hạn nộp 20\/03\/2024\)/);
    expect(p.grid.every((r) => r.length === p.width)).toBe(true);
    // the core reads the fresh sheet: nobody submitted yet
    const r = compileGrid({ template, periodId: "quy_1_2024", grid: p.grid, asOf: "2024-03-01" });
    expect(r.statuses.every((s) => s.status === "pending")).toBe(true);
    expect(r.problems.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("keeps every entered value when the template gains an indicator and a unit and loses one", () => {
    const first = planDataSheet(template, "quy_1_2024");
    const g = first.grid.map((r) => [...r]);
    g[2][at(g, "so_tin_bai")] = 12;
    g[3][at(g, "ty_le_hoc_ba_so")] = 45.5;
    g[3][at(g, "ngay_ra_mat")] = new Date(Date.UTC(2024, 1, 3));
    g[4][at(g, "text:kho_khan")] = "Thiếu máy tính";
    g[2][at(g, "xac_nhan_gui")] = true;

    const changed = parseTemplate({
      ...input,
      indicators: [
        input.indicators[0],
        { key: "so_may_tinh", label: "Số máy tính", unit: "chiếc", type: "integer", aggregate: "sum" },
        ...input.indicators.slice(1).filter((i: { key: string }) => i.key !== "ty_le_hoc_ba_so"),
      ],
      units: [...input.units, { code: "THPT04", name: "Trường THPT Thái Phiên", group: "THPT" }],
    });
    const p = planDataSheet(changed, "quy_1_2024", g);
    const n = p.grid;
    const row = (code: string) => n.find((r) => r[1] === code)!;
    expect(row("THPT01")[at(n, "so_tin_bai")]).toBe(12);
    expect(row("THPT01")[at(n, "xac_nhan_gui")]).toBe(true);
    expect(row("THPT02")[at(n, "ngay_ra_mat")]).toEqual(new Date(Date.UTC(2024, 1, 3)));
    expect(row("THPT03")[at(n, "text:kho_khan")]).toBe("Thiếu máy tính");
    expect(row("THPT04")[at(n, "so_may_tinh")]).toBe("");
    // the removed indicator's column is kept at the end because it holds a value
    const old = at(n, "ty_le_hoc_ba_so");
    expect(old).toBeGreaterThan(at(n, "thoi_gian_gui"));
    expect(n[1][old]).toBe(`${OLD_COLUMN_PREFIX}Tỷ lệ học bạ số (%)`);
    expect(row("THPT02")[old]).toBe(45.5);
    expect(p.carried).toBe(5);
    // running set-up again on its own output changes nothing
    const again = planDataSheet(changed, "quy_1_2024", n);
    expect(again.grid).toEqual(n);
  });

  it("keeps a removed unit's row while it holds data", () => {
    const g = planDataSheet(template, "quy_1_2024").grid.map((r) => [...r]);
    g[6][at(g, "so_tin_bai")] = 7;
    const fewer = parseTemplate({ ...input, units: input.units.slice(0, 4) });
    const p = planDataSheet(fewer, "quy_1_2024", g);
    expect(p.rows.map((r) => r.unitCode)).toEqual(["THPT01", "THPT02", "THPT03", "TT01", "TT02"]);
    expect(p.rows[4].unit).toBeUndefined();
    expect(p.grid[6][at(p.grid, "so_tin_bai")]).toBe(7);
  });

  it("refuses a sheet that holds another period", () => {
    const g = planDataSheet(template, "quy_1_2024").grid;
    expect(() => planDataSheet(template, "sau_thang_2024", g)).toThrow(/kỳ khác/);
  });
});

describe("planDataSheet notes", () => {
  it("moves a note with its cell when rows move", () => {
    const g = planDataSheet(template, "quy_1_2024").grid.map((r) => [...r]);
    const notes = g.map((r) => r.map(() => ""));
    const col = g[0].indexOf("so_tin_bai");
    g[4][col] = "12 bài";
    notes[4][col] = "Lỗi: x\nCách sửa: y";
    const reordered = parseTemplate({
      ...input,
      units: [input.units[2], ...input.units.filter((_: unknown, i: number) => i !== 2)],
    });
    const p = planDataSheet(reordered, "quy_1_2024", g, notes);
    expect(p.grid[2][1]).toBe("THPT03");
    expect(p.grid[2][col]).toBe("12 bài");
    expect(p.notes[2][col]).toBe("Lỗi: x\nCách sửa: y");
    expect(p.notes[4][col]).toBe("");
  });
});

describe("plannedWidth", () => {
  it("is the width set-up gives a fresh sheet of each period, legend included", () => {
    for (const p of template.periods) {
      const plan = planDataSheet(template, p.id);
      expect(plannedWidth(template, p.id)).toBe(plan.width);
      expect(plan.width).toBeGreaterThan(plan.tableWidth + 1);
    }
  });
});
