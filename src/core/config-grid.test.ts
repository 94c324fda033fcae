import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseTemplate } from "./template.js";
import { AppError } from "./problem.js";
import type { CellValue } from "./cell.js";
import { CONFIG_TABLES, configGridToTemplateInput, sectionMarker, templateToConfigGrid } from "./config-grid.js";

const input = JSON.parse(readFileSync(new URL("../../test/gas/fixtures/template-gas.json", import.meta.url), "utf8"));
const template = parseTemplate(input);

describe("config grid", () => {
  it("round-trips a template through the Cấu hình grid", () => {
    const { grid } = templateToConfigGrid(template);
    const back = parseTemplate(configGridToTemplateInput(grid));
    expect(back).toEqual(template);
  });

  it("takes the Văn phòng's edits: a new unit row, a changed deadline typed dd/mm/yyyy, Vietnamese type words", () => {
    const { grid, sections } = templateToConfigGrid(template);
    const units = sections.find((s) => s.id === "units")!;
    const periods = sections.find((s) => s.id === "periods")!;
    const edited: CellValue[][] = grid.map((r) => [...r]);
    edited[periods.firstRow - 1][7] = "25/03/2024";
    const newUnit: CellValue[] = ["THPT04", "Trường THPT Thái Phiên", "THPT", "thaiphien@hp.edu.vn; bgh.thaiphien@hp.edu.vn"];
    edited.splice(units.firstRow - 1 + units.rowCount, 0, [...newUnit, ...Array(edited[0].length - newUnit.length).fill("")]);
    const t = parseTemplate(configGridToTemplateInput(edited));
    expect(t.periods[0].deadline).toBe("2024-03-25");
    expect(t.units.map((u) => u.code)).toContain("THPT04");
    expect(t.units.find((u) => u.code === "THPT04")!.editors).toEqual(["thaiphien@hp.edu.vn", "bgh.thaiphien@hp.edu.vn"]);
    expect(t.indicators.find((i) => i.key === "muc_do_san_sang")!.type).toBe("choice");
    expect(t.tasks.find((x) => x.code === "II.3")!.due).toBe("thuong-xuyen");
  });

  it("writes Vietnamese words, not codes, for kinds and types", () => {
    const { grid } = templateToConfigGrid(template);
    const flat = grid.flat();
    expect(flat).toContain("Quý");
    expect(flat).toContain("Số nguyên");
    expect(flat).toContain("Trung bình");
    expect(flat).toContain("Thường xuyên");
    expect(flat).toContain(sectionMarker(CONFIG_TABLES.units.title));
  });

  it("refuses a grid without a section, naming it in Vietnamese", () => {
    const { grid } = templateToConfigGrid(template);
    const broken = grid.filter((r) => r[0] !== sectionMarker(CONFIG_TABLES.units.title));
    try {
      configGridToTemplateInput(broken);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("config.invalid");
      expect((e as AppError).details.join("\n")).toContain("ĐƠN VỊ");
    }
  });

  it("reports a bad number with its row", () => {
    const { grid, sections } = templateToConfigGrid(template);
    const ind = sections.find((s) => s.id === "indicators")!;
    const edited = grid.map((r) => [...r]);
    edited[ind.firstRow - 1][6] = "khoảng 50";
    expect(() => configGridToTemplateInput(edited)).toThrow(/Trang Cấu hình có 1 lỗi/);
  });
});
