/**
 * Spreadsheet calls, counted (never timed): a compile makes the same small number whatever the
 * number of units, with its cell reads and writes batched; set-up's row protections cost a fixed
 * handful of calls per unit (no editor list read per unit), re-checking them costs no more, and a
 * set-up that runs out of time resumes where it stopped instead of starting over.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CONFIG_WIDTH } from "../../src/core/template/config-grid.js";
import { SETUP_COST } from "../../src/core/sheet-life/run-budget.js";
import type { Template } from "../../src/core/model/template-schema.js";
import { columnLetters } from "./harness/a1.js";
import { GasHarness, type HarnessOptions } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { spreadsheetCalls, type SpreadsheetCalls } from "./support/call-kinds.js";
import { templateWithUnits, writeConfig } from "./support/config-fixture.js";
import { at, lastAlert, OWNER, Q1, useBundle } from "./support/scenario.js";

/** The target: a compile's Spreadsheet calls in all (toasts and builders included), the same at any size. */
const COMPILE_CALLS_TARGET = 12;
/**
 * The steady state, as measured, from another sheet (Tổng hợp open): getUi, getActive, the open
 * sheet's name, Cấu hình (look-up, one read), the data sheet (look-up, one read), one toast, Tổng
 * hợp (getRange, setValues), the log (look-up, appendRow). From the period's own sheet the data
 * is read without a look-up: one call fewer. A change that adds calls must say why here.
 */
const STEADY = {
  fromOther: { all: 12, cells: 4, builders: 0, ui: 2, document: 6 },
  fromDataSheet: { all: 11, cells: 4, builders: 0, ui: 2, document: 5 },
};
/**
 * The first compile builds Tổng hợp (then again only when the number of groups changes, the
 * block outgrows the sheet or the sheet is gone), from the period's sheet: the 9 steady calls
 * other than the in-place write; a temporary sheet (2 look-ups, insert, the final rename); its
 * values (getRange, setValues); the look as 7 conditional-format rules (40 builder calls, 7
 * getRange, setConditionalFormatRules); the chart (7 builder calls, getRange, insertChart);
 * widths and frozen rows; the Văn phòng's protection (7).
 */
const FIRST_RUN_CALLS = 81;

/** A1 of a figure cell (Số tin, bài) on a sheet row. */
const figure = (h: GasHarness, row: number) =>
  `${columnLetters((h.sheet(Q1)._grid()[0] as string[]).indexOf("so_tin_bai") + 1)}${row}`;

/** A spreadsheet of `units` synthetic units shared with every unit's editor (as the Văn phòng is told to), set up. */
function setUpUnits(
  units: number,
  opts: HarnessOptions = {},
): { h: GasHarness; t: Template; setup: SpreadsheetCalls; cells: number } {
  const t = templateWithUnits(units);
  const h = GasHarness.load({
    now: at("2024-03-18T10:00:00"),
    sharedEditors: t.units.flatMap((u) => u.editors),
    ...opts,
  });
  writeConfig(h, t);
  h.log.reset();
  h.world.cells.read = h.world.cells.written = 0;
  h.run("thietLapBangTinh");
  if (!/^Đã đọc trang "Cấu hình"/.test(lastAlert(h))) throw new Error(lastAlert(h));
  return { h, t, setup: spreadsheetCalls(h.log), cells: h.world.cells.read + h.world.cells.written };
}

/**
 * Half the units submit; three compiles are measured: the first (it builds Tổng hợp, which it
 * leaves open, as Sheets opens a new sheet), the next from Tổng hợp, and one from the period's sheet.
 */
async function compileCalls(
  units: number,
): Promise<{ first: SpreadsheetCalls; fromOther: SpreadsheetCalls; fromDataSheet: SpreadsheetCalls; h: GasHarness }> {
  const { h } = setUpUnits(units);
  const sheet = h.sheet(Q1);
  const keys = sheet._grid()[0] as string[];
  const c = (k: string) => keys.indexOf(k) + 1;
  for (let i = 0; i < units; i += 2) {
    sheet._cell(3 + i, c("so_tin_bai"), true).value = i + 1;
    sheet._cell(3 + i, c("xac_nhan_gui"), true).value = true;
    sheet._cell(3 + i, c("thoi_gian_gui"), true).value = at("2024-03-18T09:00:00");
  }
  h.ss._active = sheet;
  const measure = async () => {
    const dialogs = h.ui._dialogs.length;
    h.log.reset();
    await h.run("tongHopBaoCao");
    if (h.ui._dialogs.length !== dialogs + 1) throw new Error(lastAlert(h));
    return spreadsheetCalls(h.log);
  };
  const first = await measure();
  if (h.ss._active._name !== "Tổng hợp") throw new Error(`open after the first compile: ${h.ss._active._name}`);
  const fromOther = await measure();
  h.ss._active = sheet;
  const fromDataSheet = await measure();
  return { first, fromOther, fromDataSheet, h };
}

describe("Tổng hợp báo cáo's Spreadsheet calls", () => {
  let small: Awaited<ReturnType<typeof compileCalls>>;
  let large: Awaited<ReturnType<typeof compileCalls>>;

  beforeAll(async () => {
    await ensureBuilt();
    small = await compileCalls(10);
    large = await compileCalls(200);
  });

  it(`makes at most ${COMPILE_CALLS_TARGET} Spreadsheet calls in all, toasts and builders included, the same at 200 units as at 10`, () => {
    expect(small.fromOther).toEqual(STEADY.fromOther);
    expect(large.fromOther).toEqual(STEADY.fromOther);
    expect(small.fromDataSheet).toEqual(STEADY.fromDataSheet);
    expect(large.fromDataSheet).toEqual(STEADY.fromDataSheet);
    expect(large.fromOther.all).toBeLessThanOrEqual(COMPILE_CALLS_TARGET);
  });

  it("writes Tổng hợp in place: one getRange and one setValues, no chart, format, protection or sheet calls", () => {
    for (const method of [
      /^Spreadsheet\.(insertSheet|deleteSheet)$/,
      /^Sheet\.(setName|protect|insertChart|removeChart|setConditionalFormatRules|newChart)$/,
      /^Range\.set(Backgrounds|FontWeights)$/,
      /^Protection\./,
    ]) {
      expect(large.h.log.count({ method }), String(method)).toBe(0);
    }
    expect(large.h.log.count({ method: /^Spreadsheet\.getRange$/ })).toBe(1);
    expect(large.h.log.count({ method: /^Range\.setValues$/ })).toBe(1);
    // One toast: the dialog says when it is done.
    expect(large.h.ss._toasts.filter((t) => t.message.startsWith("Đang tổng hợp kỳ")).length).toBe(3);
  });

  it(`builds Tổng hợp on the first compile in ${FIRST_RUN_CALLS} calls, as many at 200 units as at 10`, () => {
    expect(large.first).toEqual(small.first);
    expect(large.first.all).toBe(FIRST_RUN_CALLS);
    expect(large.first.builders).toBe(40 + 7);
  });
});

describe("Thiết lập bảng tính's calls per unit", () => {
  const PERIODS = 2; // the fixture's data sheets
  let small: ReturnType<typeof setUpUnits>;
  let large: ReturnType<typeof setUpUnits>;
  let smallAgain: SpreadsheetCalls;
  let largeAgain: SpreadsheetCalls;
  let editorReads: { small: number; large: number };
  const perUnitSheet = (a: number, b: number) => (b - a) / (20 * PERIODS);

  beforeAll(async () => {
    await ensureBuilt();
    small = setUpUnits(10);
    large = setUpUnits(30);
    editorReads = {
      small: small.h.log.count({ method: "getEditors" }),
      large: large.h.log.count({ method: "getEditors" }),
    };
    for (const s of [small, large]) s.h.log.reset();
    small.h.run("thietLapBangTinh");
    large.h.run("thietLapBangTinh");
    smallAgain = spreadsheetCalls(small.h.log);
    largeAgain = spreadsheetCalls(large.h.log);
  });

  it("protects a new unit row with 5 calls per data sheet (protect, setDescription, addEditors, removeEditors, setDomainEdit), within the model", () => {
    expect(perUnitSheet(small.setup.all, large.setup.all)).toBe(5);
    expect(perUnitSheet(small.setup.all, large.setup.all)).toBeLessThanOrEqual(SETUP_COST.rowCalls);
  });

  it("reads the editors a new protection starts with once per run, not once per unit", () => {
    expect(editorReads.large).toBe(editorReads.small);
    expect(editorReads.large).toBeLessThanOrEqual(1);
  });

  it("re-checks a row that is already right with 5 calls per data sheet and writes nothing to it", () => {
    expect(perUnitSheet(smallAgain.all, largeAgain.all)).toBe(5);
    expect(perUnitSheet(smallAgain.all, largeAgain.all)).toBeLessThanOrEqual(SETUP_COST.rowCalls);
    expect(
      large.h.log.count({ method: /^Protection\.(addEditors|removeEditors|setDomainEdit|setDescription)$/ }),
    ).toBeLessThanOrEqual(
      small.h.log.count({ method: /^Protection\.(addEditors|removeEditors|setDomainEdit|setDescription)$/ }),
    );
    expect(large.h.log.count({ method: /^Range\.protect$/ })).toBe(0);
  });

  it("needs one call fewer per row where there is no Workspace domain (no domain edit to turn off)", () => {
    const a = setUpUnits(10, { domain: null, owner: "vanphong.hp@gmail.com" });
    const b = setUpUnits(30, { domain: null, owner: "vanphong.hp@gmail.com" });
    expect(perUnitSheet(a.setup.all, b.setup.all)).toBe(4);
    expect(b.h.log.count({ method: "setDomainEdit" })).toBe(0);
  });

  it("writes nothing to rows that are right when a Văn phòng member other than the owner runs it again", () => {
    const runner = "pho.vanphong@sgddt.edu.vn";
    const t = templateWithUnits(10);
    const h = GasHarness.load({
      now: at("2024-03-18T10:00:00"),
      sharedEditors: [runner, ...t.units.flatMap((u) => u.editors)],
    });
    writeConfig(h, t);
    h.runAs(runner, "thietLapBangTinh");
    const row = h
      .sheet(Q1)
      .getProtections("RANGE")
      .find((p) => p._description.endsWith("Đơn vị DV0001"))!;
    // Sheets never removes the owner: the row is the owner's, the runner's and the unit's.
    expect([...row._editors].sort()).toEqual([OWNER, runner, "dv0001@truong.edu.vn"].sort());
    h.log.reset();
    h.runAs(runner, "thietLapBangTinh");
    expect(lastAlert(h)).toMatch(/^Đã đọc trang "Cấu hình"/);
    expect(h.log.count({ method: /^Protection\.(addEditors|removeEditors|setDomainEdit)$/ })).toBe(0);
    expect(h.log.count({ method: "getOwner" })).toBe(1);
  });

  it("stays within the model's fixed calls and cell passes", () => {
    const fixed = small.setup.all - 10 * PERIODS * 5;
    expect(fixed).toBeLessThanOrEqual(SETUP_COST.fixedCalls + PERIODS * SETUP_COST.sheetCalls);
    const width = small.h.sheet(Q1).getLastColumn();
    expect((large.cells - small.cells) / 20).toBeLessThanOrEqual(
      PERIODS * SETUP_COST.rowCellPasses * width + SETUP_COST.configCellPasses * CONFIG_WIDTH,
    );
  });

  it("leaves each unit row editable by the Văn phòng and that unit's editors only, with no domain edit", () => {
    const sheet = large.h.sheet(Q1);
    const rows = sheet.getProtections("RANGE").filter((p) => p._description.includes("Đơn vị "));
    expect(rows.length).toBe(30);
    for (const p of rows) {
      const code = p._description.split("Đơn vị ")[1];
      const unit = large.t.units.find((u) => u.code === code)!;
      expect([...p._editors].sort(), code).toEqual([OWNER, ...unit.editors].sort());
      expect(p._domainEdit).toBe(false);
    }
    expect(large.h.type("dv0002@truong.edu.vn", Q1, figure(large.h, 3), "5").refused).toBe("protected");
    expect(large.h.type("dv0001@truong.edu.vn", Q1, figure(large.h, 3), "5").accepted).toBe(true);
  });
});

describe("a set-up that runs out of time", () => {
  useBundle();

  it("stops with the rest of the rows locked for the Văn phòng, then resumes without re-checking what it finished", () => {
    const t = templateWithUnits(30);
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00"), sharedEditors: t.units.flatMap((u) => u.editors) });
    writeConfig(h, t);
    // The clock jumps past the budget after the 12th row of the first data sheet is protected
    // (the header, identity and "Thời gian gửi" columns come first).
    h.faults.after("Range.protect", 15, () => h.world.advance(10 * 60_000));
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toContain("CHƯA XONG");
    const sheet = h.sheet(Q1);
    const ownRows = () => sheet.getProtections("RANGE").filter((p) => p._description.includes("Đơn vị "));
    expect(ownRows().length).toBe(12);
    // DV0012 (row 14) got its protection; DV0013 (row 15) did not, yet nobody but the Văn phòng may edit it.
    expect(h.type("dv0012@truong.edu.vn", Q1, figure(h, 14), "1").accepted).toBe(true);
    expect(h.type("dv0013@truong.edu.vn", Q1, figure(h, 15), "1").refused).toBe("protected");
    expect(h.type("dv0001@truong.edu.vn", Q1, figure(h, 15), "1").refused).toBe("protected");
    expect(h.type(OWNER, Q1, figure(h, 15), "")).toMatchObject({ accepted: true });

    h.log.reset();
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).not.toContain("CHƯA XONG");
    // The 12 finished rows are only listed, the 18 others protected: no editor list read per finished row.
    expect(h.log.count({ method: "getEditors" })).toBeLessThan(12);
    // 18 rows left on the first sheet; the second sheet (not reached before) gets its header, identity and stamp columns and 30 rows.
    expect(h.log.count({ method: /^Range\.protect$/ })).toBe(18 + 3 + 30);
    expect(ownRows().length).toBe(30);
    expect(sheet.getProtections("RANGE").some((p) => p._description.includes("Chưa thiết lập xong"))).toBe(false);
    expect(h.type("dv0013@truong.edu.vn", Q1, figure(h, 15), "1").accepted).toBe(true);
    expect(h.type("dv0001@truong.edu.vn", Q1, figure(h, 15), "2").refused).toBe("protected");
    // Finished now: the next run checks every row again.
    expect(h.props._document._data.has("tong-hop:setup-resume")).toBe(false);
  });
});

describe("a set-up that stops in its second data sheet", () => {
  useBundle();

  it("resumes there without rewriting the first sheet, which it finished", () => {
    const t = templateWithUnits(30);
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00"), sharedEditors: t.units.flatMap((u) => u.editors) });
    writeConfig(h, t);
    // The first sheet takes 33 protections (header, identity and stamp columns, 30 rows); stop after 5 rows of the second.
    h.faults.after("Range.protect", 33 + 3 + 5, () => h.world.advance(10 * 60_000));
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toContain("CHƯA XONG");
    const second = t.periods[1].label;
    expect(
      h
        .sheet(second)
        .getProtections("RANGE")
        .filter((p) => p._description.includes("Đơn vị ")).length,
    ).toBe(5);
    const q1 = JSON.stringify(h.sheet(Q1)._grid());
    // Any write to the finished sheet would trip this.
    h.faults.arm({ method: "Range.setValues", sheet: Q1 });
    h.log.reset();
    h.run("thietLapBangTinh");
    expect(h.faults.fired).toEqual([]);
    h.faults.clear();
    expect(lastAlert(h)).toContain(`Trang "${Q1}" đã thiết lập xong ở lần chạy trước.`);
    expect(lastAlert(h)).not.toContain("CHƯA XONG");
    expect(JSON.stringify(h.sheet(Q1)._grid())).toBe(q1);
    expect(h.log.count({ method: /^Range\.protect$/ })).toBe(25);
    expect(
      h
        .sheet(second)
        .getProtections("RANGE")
        .filter((p) => p._description.includes("Đơn vị ")).length,
    ).toBe(30);
  });
});

describe("a set-up too large for any run", () => {
  useBundle();

  it("is refused before any sheet is written, saying to split the units over several spreadsheets", () => {
    const t = templateWithUnits(14_000);
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00") });
    writeConfig(h, t);
    const sheets = h.ss._sheets.map((s) => s._name);
    h.log.reset();
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toMatch(
      /^Không thiết lập được bảng tính; .*\nKế hoạch có 14000 đơn vị: riêng việc ghi một trang kỳ báo cáo đã gần hết giới hạn 6 phút .* Chưa tạo hay sửa trang nào\./,
    );
    expect(lastAlert(h)).toContain("tong-hop compile --sheet <bảng tính 1> --sheet <bảng tính 2>");
    expect(h.ss._sheets.map((s) => s._name)).toEqual(sheets);
    expect(h.log.count({ method: /^(Range\.set\w+|Sheet\.(protect|insert\w+)|Range\.protect)$/ })).toBe(0);
  });
});
