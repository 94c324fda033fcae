import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseTemplate } from "./template.js";
import { AppError } from "../model/problem.js";
import type { CellValue } from "../model/cell.js";
import {
  CONFIG_TABLES,
  configGridToTemplateInput,
  OFFICE_EDITORS_HEADER,
  sectionMarker,
  templateToConfigGrid,
} from "./config-grid.js";

const input = JSON.parse(
  readFileSync(new URL("../../../test/gas/fixtures/template-gas.json", import.meta.url), "utf8"),
);
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
    const newUnit: CellValue[] = [
      "THPT04",
      "Trường THPT Thái Phiên",
      "THPT",
      "thaiphien@hp.edu.vn; bgh.thaiphien@hp.edu.vn",
    ];
    edited.splice(units.firstRow - 1 + units.rowCount, 0, [
      ...newUnit,
      ...Array(edited[0].length - newUnit.length).fill(""),
    ]);
    const t = parseTemplate(configGridToTemplateInput(edited));
    expect(t.periods[0].deadline).toBe("2024-03-25");
    expect(t.units.map((u) => u.code)).toContain("THPT04");
    expect(t.units.find((u) => u.code === "THPT04")!.editors).toEqual([
      "thaiphien@hp.edu.vn",
      "bgh.thaiphien@hp.edu.vn",
    ]);
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

  describe("the Văn phòng's e-mails", () => {
    const withOffice = parseTemplate({ ...input, office: { editors: ["vanphong@hp.edu.vn", "ketoan.vp@hp.edu.vn"] } });
    /** Row (0-based) of the office row in a grid, found by its key in column C. */
    const officeRow = (grid: CellValue[][]) => grid.findIndex((r) => r[2] === "office.editors");

    it("writes them in one row of the KẾ HOẠCH table, under its Vietnamese label, and reads them back", () => {
      const { grid, sections } = templateToConfigGrid(withOffice);
      const r = officeRow(grid);
      const plan = sections.find((s) => s.id === "plan")!;
      expect(r).toBeGreaterThanOrEqual(plan.firstRow - 1);
      expect(r).toBeLessThan(plan.firstRow - 1 + plan.rowCount);
      expect(grid[r][0]).toBe(OFFICE_EDITORS_HEADER);
      expect(grid[r][1]).toBe("vanphong@hp.edu.vn; ketoan.vp@hp.edu.vn");
      const back = parseTemplate(configGridToTemplateInput(grid));
      expect(back.office.editors).toEqual(["vanphong@hp.edu.vn", "ketoan.vp@hp.edu.vn"]);
      expect(back).toEqual(withOffice);
    });

    it("takes them separated by semicolons, commas, spaces or new lines", () => {
      const { grid } = templateToConfigGrid(template);
      const edited = grid.map((r) => [...r]);
      edited[officeRow(edited)][1] = "a@hp.edu.vn;b@hp.edu.vn , c@hp.edu.vn\nd@hp.edu.vn\n\n e@hp.edu.vn ;";
      expect(parseTemplate(configGridToTemplateInput(edited)).office.editors).toEqual([
        "a@hp.edu.vn",
        "b@hp.edu.vn",
        "c@hp.edu.vn",
        "d@hp.edu.vn",
        "e@hp.edu.vn",
      ]);
    });

    it("reads none from a Cấu hình written before the row existed, and finds a row added by hand by its label", () => {
      const { grid } = templateToConfigGrid(withOffice);
      const without = grid.filter((r) => r[2] !== "office.editors");
      expect(parseTemplate(configGridToTemplateInput(without)).office.editors).toEqual([]);
      // The Văn phòng inserts a row in the table and types the label, leaving the key column empty.
      const byHand = grid.map((r) =>
        r[2] === "office.editors" ? [r[0], "pho.vp@hp.edu.vn", "", ...r.slice(3)] : [...r],
      );
      expect(parseTemplate(configGridToTemplateInput(byHand)).office.editors).toEqual(["pho.vp@hp.edu.vn"]);
    });

    it("refuses a malformed e-mail with a Vietnamese message naming office.editors and its position", () => {
      const { grid } = templateToConfigGrid(template);
      const edited = grid.map((r) => [...r]);
      edited[officeRow(edited)][1] = "vanphong@hp.edu.vn; van phong hp.edu.vn";
      // "van phong hp.edu.vn" splits at the space: its second word is the first bad address.
      try {
        parseTemplate(configGridToTemplateInput(edited), "trang Cấu hình");
        expect.unreachable();
      } catch (e) {
        expect((e as AppError).code).toBe("template.invalid");
        expect((e as AppError).details).toContain(
          "office.editors[1]: địa chỉ email không hợp lệ. Hãy sửa thành dạng ten@donvi.edu.vn.",
        );
      }
    });
  });
});
