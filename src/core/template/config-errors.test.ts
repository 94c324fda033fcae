import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import type { CellValue } from "../model/cell.js";
import { CONFIG_TABLES, configTableRows, templateToConfigGrid } from "./config-grid.js";
import { locateConfigError, parseConfigGrid } from "./config-errors.js";
import { AppError } from "../model/problem.js";
import { parseTemplate } from "./template.js";

const template = parseTemplate(
  JSON.parse(readFileSync(new URL("../../../test/gas/fixtures/template-gas.json", import.meta.url), "utf8")),
);

/** The Cấu hình grid of the fixture with one cell changed: the row holding `first` in column A, column `key` of `table`. */
function edited(
  table: keyof typeof CONFIG_TABLES,
  first: string,
  key: string,
  value: CellValue,
): { grid: CellValue[][]; sheetRow: number } {
  const grid = templateToConfigGrid(template).grid.map((r) => [...r]);
  const i = grid.findIndex((r) => r[0] === first);
  grid[i][CONFIG_TABLES[table].columns.findIndex((c) => c.key === key)] = value;
  return { grid, sheetRow: i + 1 };
}

function errorOf(grid: CellValue[][]): AppError {
  try {
    parseConfigGrid(grid);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("no error");
}

const JARGON =
  /\b(units|unitGroups|indicators|periods|tasks|textFields)\b|YYYY|thuong-xuyen|"(integer|number|choice|boolean|sum|count|none)"|min ≤ max/;

describe("parseConfigGrid", () => {
  it("reads a sound grid to the same template", () => {
    expect(parseConfigGrid(templateToConfigGrid(template).grid)).toEqual(template);
  });

  it("names table, sheet row and column of a unit whose group is unknown", () => {
    const { grid, sheetRow } = edited("units", "THPT02", "group", "XYZ");
    const e = errorOf(grid);
    expect(e.details).toEqual([
      `Bảng ĐƠN VỊ, dòng ${sheetRow}, cột "Mã nhóm": nhóm "XYZ" của đơn vị THPT02 không có trong bảng NHÓM ĐƠN VỊ. Hãy thêm nhóm hoặc sửa mã nhóm.`,
    ]);
    expect(e.message).toMatch(/Sửa các ô sau trong trang "Cấu hình" rồi chạy lại Thiết lập bảng tính:/);
  });

  it("points a duplicate unit code at both sheet rows", () => {
    const { grid, sheetRow } = edited("units", "THPT02", "code", "THPT01");
    const firstRow = grid.findIndex((r) => r[0] === "THPT01") + 1;
    expect(errorOf(grid).details[0]).toBe(
      `Bảng ĐƠN VỊ, dòng ${sheetRow}: mã đơn vị "THPT01" trùng với dòng ${firstRow}. Mỗi mã đơn vị chỉ được dùng một lần.`,
    );
  });

  it("lists the type choices in the sheet's own words", () => {
    const { grid, sheetRow } = edited("indicators", "ty_le_hoc_ba_so", "type", "Phần trăm");
    const line = errorOf(grid).details[0];
    expect(line.startsWith(`Bảng CHỈ TIÊU, dòng ${sheetRow}, cột "Kiểu dữ liệu": `)).toBe(true);
    expect(line).toContain('"Số nguyên", "Số thập phân", "Văn bản", "Ngày", "Lựa chọn", "Có/Không"');
  });

  it("says min and max by their column names", () => {
    const a = edited("indicators", "ty_le_hoc_ba_so", "min", 100);
    a.grid[a.sheetRow - 1][CONFIG_TABLES.indicators.columns.findIndex((c) => c.key === "max")] = 5;
    expect(errorOf(a.grid).details[0]).toBe(
      `Bảng CHỈ TIÊU, dòng ${a.sheetRow}, cột "Tối đa": giá trị tối đa (5) nhỏ hơn tối thiểu (100) ở chỉ tiêu "Tỷ lệ học bạ số". Hãy đổi lại cho "Tối thiểu" không lớn hơn "Tối đa".`,
    );
  });

  it("explains a task deadline with the words the clerk types", () => {
    const { grid, sheetRow } = edited("tasks", "II.1", "due", "cuối quý");
    expect(errorOf(grid).details[0]).toBe(
      `Bảng NHIỆM VỤ, dòng ${sheetRow}, cột "Hạn (ngày, mã kỳ hoặc Thường xuyên)": "cuối quý" không phải ngày (ngày/tháng/năm), mã kỳ báo cáo, hay "Thường xuyên". Hãy sửa lại.`,
    );
  });

  it("names a plan field by its label", () => {
    const grid = templateToConfigGrid(template).grid.map((r) => [...r]);
    grid[grid.findIndex((r) => r[2] === "plan.title")][1] = "";
    expect(errorOf(grid).details[0]).toMatch(/^Bảng KẾ HOẠCH, mục "Tên báo cáo \(trích yếu\)": /);
  });

  it("says once what a bad Nhắc hạn cell should hold, and names the row when a day is out of range", () => {
    const grid = templateToConfigGrid(template).grid.map((r) => [...r]);
    const row = grid.findIndex((r) => r[2] === "reminderDays");
    grid[row][1] = "-3; ba ngày";
    expect(errorOf(grid).details).toEqual([
      'Bảng KẾ HOẠCH, mục "Nhắc hạn (số ngày so với hạn nộp, cách nhau dấu ;)": "ba", "ngày" không phải số ngày. Ghi các số ngày so với hạn nộp, cách nhau dấu ; (ví dụ -3; 1; 3 là 3 ngày trước hạn, 1 và 3 ngày sau hạn).',
    ]);
    grid[row][1] = "-3; 90";
    expect(errorOf(grid).details).toEqual([
      'Bảng KẾ HOẠCH, mục "Nhắc hạn (số ngày so với hạn nộp, cách nhau dấu ;)": phải không quá 60. Hãy sửa lại.',
    ]);
    grid[row][1] = "-5; 0; 2";
    expect(parseConfigGrid(grid).reminderDays).toEqual([-5, 0, 2]);
  });

  it("never shows a template path or an English code word, whatever unit row is broken", () => {
    const rows = configTableRows(templateToConfigGrid(template).grid).units;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: template.units.length - 1 }),
        fc.constantFrom("code", "name", "group", "editors"),
        (u, key) => {
          const grid = templateToConfigGrid(template).grid.map((r) => [...r]);
          const bad =
            key === "editors"
              ? "khong-phai-email"
              : key === "group"
                ? "NHOM_LA"
                : key === "code"
                  ? template.units[(u + 1) % template.units.length].code
                  : "";
          grid[rows[u] - 1][CONFIG_TABLES.units.columns.findIndex((c) => c.key === key)] = bad;
          const e = errorOf(grid);
          for (const d of e.details) {
            expect(d).not.toMatch(JARGON);
            expect(d).toMatch(/^Bảng ĐƠN VỊ, dòng \d+/);
          }
          expect(e.details.some((d) => d.includes(`dòng ${rows[u]}`))).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("locateConfigError", () => {
  it("falls back to the entry's position when the row is unknown, and turns ISO days into dd/mm/yyyy", () => {
    const line = locateConfigError(
      "periods[2].deadline: hạn nộp (2024-01-05) trước khi kỳ bắt đầu (2024-02-01). Hãy sửa lại.",
      { periods: [], groups: [], units: [], indicators: [], tasks: [], textFields: [] },
    );
    expect(line).toBe(
      'Bảng KỲ BÁO CÁO, mục thứ 3, cột "Hạn nộp": hạn nộp (05/01/2024) trước khi kỳ bắt đầu (01/02/2024). Hãy sửa lại.',
    );
  });
});
