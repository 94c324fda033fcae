/**
 * The "Tổng hợp" sheet across compiles: built once with its chart, protection and look, then
 * rewritten in place with one setValues; its look (bold titles, coloured headers, red errors)
 * comes from conditional formats that follow the values; a shorter summary blanks the rows of
 * a longer one; the sheet is built anew when the groups change or it is gone.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { HIGHLIGHT_COLORS } from "../../src/gas/sheets/highlight-rules.js";
import { STATUS_COLORS, SUMMARY_HEADER_BG } from "../../src/gas/sheets/summary-format.js";
import { SUMMARY_LAYOUT_KEY } from "../../src/gas/sheets/summary-sheet.js";
import { columnLetters } from "./harness/a1.js";
import type { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { fixtureInput, fixtureTemplate, writeConfig } from "./support/config-fixture.js";
import { at, lastAlert, OWNER, Q1, setUp, type Scenario } from "./support/scenario.js";

const SUMMARY = "Tổng hợp";
const WHITE = "#ffffff";
let s: Scenario;
let h: GasHarness;

const grid = () => h.sheet(SUMMARY)._grid();
/** 1-based row whose column A (or B) is `text`, or starts with it. */
const rowOf = (text: string, column = 0) => grid().findIndex((r) => String(r[column]).startsWith(text)) + 1;
const a1 = (row: number, column: number) => `${columnLetters(column)}${row}`;
const look = (row: number, column: number) => ({
  background: h.shownBackground(SUMMARY, a1(row, column)),
  weight: h.shownFontWeight(SUMMARY, a1(row, column)),
});

async function compile(): Promise<void> {
  const dialogs = h.ui._dialogs.length;
  h.ss._active = h.sheet(Q1);
  await h.run("tongHopBaoCao");
  if (h.ui._dialogs.length !== dialogs + 1) throw new Error(lastAlert(h));
}

beforeEach(async () => {
  await ensureBuilt();
  s = setUp();
  h = s.h;
  // One error (text in a number cell), two notes (a bare 0,85 in a % column; figures not submitted).
  s.submit("THPT01", { so_tin_bai: "12", ty_le_hoc_ba_so: "0,85" });
  s.type("THPT02", "so_tin_bai", "12 bài");
  s.type("THPT02", "xac_nhan_gui", true);
  s.type("THPT03", "so_lop_tap_huan", "4");
  h.world.now = at("2024-03-19T10:00:00");
});

describe("the look of Tổng hợp", () => {
  it("is given by conditional formats on its values: bold titles and totals, coloured headers, red errors, plain rows", async () => {
    await compile();
    const width = grid()[0].length;
    expect(look(1, 1)).toEqual({ background: WHITE, weight: "bold" });
    expect(look(2, 1)).toEqual({ background: WHITE, weight: "normal" });
    expect(look(3, 1)).toEqual({ background: WHITE, weight: "normal" });
    for (const title of ["I. ", "II. ", "III. "])
      expect(look(rowOf(title), 1), title).toEqual({ background: WHITE, weight: "bold" });

    const status = rowOf("Nhóm đơn vị");
    expect(look(status, 1)).toEqual({ background: SUMMARY_HEADER_BG, weight: "bold" });
    expect([2, 3, 4, 5].map((c) => look(status, c))).toEqual(
      ["on-time", "late", "pending", "overdue"].map((k) => ({
        background: STATUS_COLORS[k as keyof typeof STATUS_COLORS],
        weight: "bold",
      })),
    );
    expect(look(status, 6)).toEqual({ background: SUMMARY_HEADER_BG, weight: "bold" });
    // Right of the header's last cell: nothing.
    expect(look(status, 7)).toEqual({ background: WHITE, weight: "normal" });
    expect(look(rowOf("Trường THPT"), 1)).toEqual({ background: WHITE, weight: "normal" });
    expect(look(rowOf("Tổng cộng"), 2)).toEqual({ background: WHITE, weight: "bold" });

    const headers = grid().flatMap((r, i) => (r[0] === "STT" ? [i + 1] : []));
    expect(headers.length).toBe(2);
    for (const r of headers) {
      const cells = grid()[r - 1].filter((v) => v !== "").length;
      for (let c = 1; c <= cells; c++)
        expect(look(r, c), a1(r, c)).toEqual({ background: SUMMARY_HEADER_BG, weight: "bold" });
      for (let c = cells + 1; c <= width; c++)
        expect(look(r, c), a1(r, c)).toEqual({ background: WHITE, weight: "normal" });
    }
    expect(look(rowOf("Số tin, bài", 1), 2)).toEqual({ background: WHITE, weight: "normal" });

    const error = rowOf("Lỗi", 1);
    const note = rowOf("Lưu ý", 1);
    expect(error).toBeGreaterThan(headers[1]);
    expect(note).toBeGreaterThan(headers[1]);
    expect(look(error, 2)).toEqual({ background: HIGHLIGHT_COLORS.overdue, weight: "normal" });
    expect(look(error, 3)).toEqual({ background: WHITE, weight: "normal" });
    expect(look(note, 2)).toEqual({ background: WHITE, weight: "normal" });
    // No cell carries a format of its own: the look is the rules' alone.
    const sheet = h.sheet(SUMMARY);
    for (let r = 1; r <= grid().length; r++)
      for (let c = 1; c <= width; c++)
        expect([sheet._cell(r, c)?.background ?? null, sheet._cell(r, c)?.fontWeight ?? "normal"]).toEqual([
          null,
          "normal",
        ]);
  });
});

describe("Tổng hợp across compiles", () => {
  it("keeps the sheet, its chart and its protection, and rewrites only the values and the status line", async () => {
    await compile();
    const sheet = h.sheet(SUMMARY);
    const chart = sheet._charts[0];
    const protection = sheet.getProtections("SHEET")[0];
    expect(grid()[2][0]).toMatch(
      /^Cập nhật lúc 19\/03\/2024 10:00 bởi vanphong@sgddt\.edu\.vn\. Mã kiểm tra số liệu: [0-9a-f]{12}…/,
    );
    s.type("THPT01", "so_tin_bai", "30");
    h.world.now = at("2024-03-19T11:30:00");
    await compile();
    expect(h.sheet(SUMMARY)).toBe(sheet);
    expect(sheet._charts).toEqual([chart]);
    expect(sheet.getProtections("SHEET")).toEqual([protection]);
    expect([...protection._editors]).toEqual([OWNER]);
    expect(grid()[rowOf("Số tin, bài", 1) - 1][4]).toBe(30);
    expect(grid()[2][0]).toMatch(/^Cập nhật lúc 19\/03\/2024 11:30 bởi /);
    expect(h.type("tranphu@hp.edu.vn", SUMMARY, "A1", "sửa").refused).toBe("protected");
  });

  it("blanks every row of a longer earlier summary, which then shows no look", async () => {
    await compile();
    const longer = grid().length;
    const error = rowOf("Lỗi", 1);
    s.type("THPT02", "so_tin_bai", "5");
    s.type("THPT01", "ty_le_hoc_ba_so", "85");
    await compile();
    const shorter = grid().length;
    expect(shorter).toBe(longer - 2);
    // Only THPT03's note is left in the list.
    expect(grid()[shorter - 1].slice(0, 3)).toEqual([1, "Lưu ý", "THPT03 - Trường THPT Lê Quý Đôn"]);
    const sheet = h.sheet(SUMMARY);
    for (let r = shorter + 1; r <= longer; r++)
      for (let c = 1; c <= 8; c++) expect(sheet._cell(r, c)?.value ?? "", a1(r, c)).toBe("");
    expect(rowOf("Lỗi", 1)).toBe(0);
    expect(look(error, 2)).toEqual({ background: WHITE, weight: "normal" });
    // A longer list again is written whole, with its look.
    s.type("THPT02", "so_tin_bai", "12 bài");
    await compile();
    expect(grid().length).toBe(shorter + 1);
    expect(rowOf("Lỗi", 1)).toBe(error);
    expect(look(error, 2).background).toBe(HIGHLIGHT_COLORS.overdue);
  });

  it("is built anew, chart included, when the number of groups changes", async () => {
    await compile();
    const before = h.sheet(SUMMARY);
    const input = fixtureInput() as { unitGroups: object[]; units: object[] };
    writeConfig(h, fixtureTemplate({ unitGroups: [...input.unitGroups, { code: "PGD", name: "Phòng GD&ĐT" }] }));
    await compile();
    const after = h.sheet(SUMMARY);
    expect(after).not.toBe(before);
    expect(h.ss._sheets.map((x) => x._name).filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY]);
    expect(after._charts.length).toBe(1);
    expect(after._charts[0]._ranges[0].getA1Notation()).toBe("A6:E9");
    expect(grid()[8].slice(0, 6)).toEqual(["Phòng GD&ĐT", 0, 0, 0, 0, 0]);
    expect(JSON.parse(h.props._document._data.get(SUMMARY_LAYOUT_KEY)!)).toMatchObject({ groups: 3 });
    expect(look(6, 2).background).toBe(STATUS_COLORS["on-time"]);
  });

  it("is built anew when the owner deleted it, or deleted its rows", async () => {
    await compile();
    h.ss.deleteSheet(h.sheet(SUMMARY));
    await compile();
    expect(h.sheet(SUMMARY)._charts.length).toBe(1);
    expect(h.sheet(SUMMARY).getProtections("SHEET").length).toBe(1);
    expect(look(rowOf("Lỗi", 1), 2).background).toBe(HIGHLIGHT_COLORS.overdue);

    const cut = h.sheet(SUMMARY);
    cut._maxRows = 10; // rows deleted by hand: the block no longer fits where it was recorded
    cut._rows.length = 10;
    await compile();
    expect(h.sheet(SUMMARY)).not.toBe(cut);
    expect(rowOf("III. ")).toBeGreaterThan(10);
    expect(h.sheet(SUMMARY)._charts.length).toBe(1);
  });
});
