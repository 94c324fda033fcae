import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../core/model/cell.js";
import { wallClockToSerial } from "../../core/vn/dates.js";
import { templateToConfigGrid } from "../../core/template/config-grid.js";
import { mini } from "../../../test/fixtures/mini-template.js";
import { configSerialsToDates, templateFromConfigValues } from "./config-values.js";

/** The grid as the values API returns it: every Date a serial number. */
const asApi = (g: Grid): Grid =>
  g.map((row) => row.map((v: CellValue) => (v instanceof Date ? wallClockToSerial(v) : v)));

describe("templateFromConfigValues", () => {
  it("reads back the template the add-on wrote, dates given as serial numbers", () => {
    const t = templateFromConfigValues(asApi(templateToConfigGrid(mini).grid), "trang Cấu hình");
    expect(t.plan).toEqual(mini.plan);
    expect(t.periods).toEqual(mini.periods);
    expect(t.tasks).toEqual(mini.tasks);
    expect(t.indicators).toEqual(mini.indicators);
    expect(t.units).toEqual(mini.units);
  });
});

describe("configSerialsToDates", () => {
  it("turns serials into dates only in date columns", () => {
    const api = asApi(templateToConfigGrid(mini).grid);
    const tasks = api.findIndex((r) => String(r[0]).includes("NHIỆM VỤ")) + 1;
    const due = api[tasks].findIndex((h) => String(h).startsWith("Hạn"));
    const inds = api.findIndex((r) => String(r[0]).includes("CHỈ TIÊU")) + 1;
    const max = api[inds].indexOf("Tối đa");
    // A maximum of 45 000 is a serial-sized number in a number column: it must stay a number.
    api[inds + 1][max] = 45000;
    const out = configSerialsToDates(api);
    expect(out[tasks + 1][due]).toEqual(new Date(Date.UTC(2023, 2, 31)));
    expect(out[tasks + 2][due]).toBe("Thường xuyên");
    expect(out[inds + 1][max]).toBe(45000);
    expect(typeof api[tasks + 1][due]).toBe("number");
  });
});
