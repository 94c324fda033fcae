/**
 * The 6-minute limit: the compile's work per unit measured in the harness (Spreadsheet calls,
 * cells read and written) matches the cost model of core/run-budget, and a sheet too large to
 * finish is refused up front, pointing to the CLI.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cellsPerUnit, COMPILE_COST, maxCompileUnits } from "../../src/core/sheet-life/run-budget.js";
import { parseTemplate } from "../../src/core/template/template.js";
import { CONFIG_WIDTH } from "../../src/core/template/config-grid.js";
import { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { fixtureInput, writeConfig } from "./support/config-fixture.js";
import { at, lastAlert, Q1, setUp, useBundle } from "./support/scenario.js";

function templateWith(units: number) {
  const input = fixtureInput();
  const list = Array.from({ length: units }, (_, i) => {
    const n = String(i + 1).padStart(4, "0");
    return {
      code: `DV${n}`,
      name: `Đơn vị số ${n}`,
      group: i % 3 === 0 ? "TT" : "THPT",
      editors: [`dv${n}@truong.edu.vn`],
    };
  });
  return parseTemplate({ ...input, units: list });
}

/** Sets up `units` units, all submitted with valid figures, and measures one compile. */
async function measure(units: number) {
  const h = GasHarness.load({ now: at("2024-03-19T10:00:00") });
  writeConfig(h, templateWith(units));
  h.run("thietLapBangTinh");
  const sheet = h.sheet(Q1);
  const keys = sheet._grid()[0] as string[];
  const c = (k: string) => keys.indexOf(k) + 1;
  for (let i = 0; i < units; i++) {
    sheet._cell(3 + i, c("so_tin_bai"), true).value = i + 1;
    sheet._cell(3 + i, c("so_lop_tap_huan"), true).value = i % 4;
    sheet._cell(3 + i, c("xac_nhan_gui"), true).value = true;
    sheet._cell(3 + i, c("thoi_gian_gui"), true).value = at("2024-03-18T09:00:00");
  }
  h.ss._active = sheet;
  await h.run("tongHopBaoCao"); // a first compile creates Tổng hợp and the log's first lines
  h.log.reset();
  h.world.cells.read = 0;
  h.world.cells.written = 0;
  await h.run("tongHopBaoCao");
  if (h.ui._dialogs.length !== 2) throw new Error(lastAlert(h));
  return {
    calls: h.log.count(),
    spreadsheetCalls: h.log.count({ service: "SpreadsheetApp" }),
    read: h.world.cells.read,
    written: h.world.cells.written,
    dataWidth: sheet.getLastColumn(),
    configWidth: h.sheet("Cấu hình").getLastColumn(),
  };
}

describe("the compile's work per unit", () => {
  let small: Awaited<ReturnType<typeof measure>>;
  let large: Awaited<ReturnType<typeof measure>>;

  beforeAll(async () => {
    await ensureBuilt();
    small = await measure(10);
    large = await measure(70);
  });

  it("makes the same number of service calls whatever the number of units, within the model's fixed calls", () => {
    expect(large.calls).toBe(small.calls);
    expect(large.calls).toBeLessThanOrEqual(COMPILE_COST.fixedCalls);
  });

  it("reads one data row and one Cấu hình row per unit, and writes nothing per unit", () => {
    expect(small.configWidth).toBe(CONFIG_WIDTH);
    expect(large.dataWidth).toBe(small.dataWidth);
    expect((large.read - small.read) / 60).toBe(cellsPerUnit(small.dataWidth, CONFIG_WIDTH));
    expect(large.written - small.written).toBe(0);
    expect(small.read + small.written - 10 * cellsPerUnit(small.dataWidth, CONFIG_WIDTH)).toBeLessThanOrEqual(
      COMPILE_COST.fixedCells,
    );
  });
});

describe("a sheet too large for 6 minutes", () => {
  useBundle();

  it("is refused before its data is read when Cấu hình lists more units than fit, with a Vietnamese message pointing to tong-hop compile --sheet", async () => {
    const s = setUp();
    const h = s.h;
    const width = h.sheet(Q1).getLastColumn();
    const limit = maxCompileUnits(width, CONFIG_WIDTH);
    expect(limit).toBeGreaterThan(10_000);
    // The Văn phòng lists one unit more than fits (set-up has not run since: the data sheet is small).
    writeConfig(h, templateWith(limit + 1));
    const dataBefore = JSON.stringify(h.sheet(Q1)._grid());
    h.ss._active = h.sheet(Q1);
    h.log.reset();
    await h.run("tongHopBaoCao");
    expect(lastAlert(h)).toContain(`Trang "${Q1}" có ${limit + 1} dòng đơn vị × ${width} cột`);
    expect(lastAlert(h)).toMatch(/vượt giới hạn 6 phút mỗi lần chạy mà Google cho phép/);
    expect(lastAlert(h)).toContain(`tổng hợp được tối đa khoảng ${limit} đơn vị`);
    expect(lastAlert(h)).toContain(
      "tong-hop compile -t <mẫu kế hoạch> -p quy_1_2024 --sheet https://docs.google.com/spreadsheets/d/1FakeSpreadsheetId/edit -o bao-cao.xlsx",
    );
    // Cấu hình only: the data sheet is not read, nothing is written, no toast says it started.
    expect(h.log.count({ method: /^(Range\.getValues|(Sheet|Spreadsheet)\.getSheetValues)$/ })).toBe(1);
    expect(h.ss.getSheetByName("Tổng hợp")).toBeNull();
    expect(h.ss._toasts.some((t) => t.message.startsWith("Đang tổng hợp"))).toBe(false);
    expect(JSON.stringify(h.sheet(Q1)._grid())).toBe(dataBefore);
    expect(h.exceljsInitCount()).toBe(0);
  });

  it("is refused once read, before anything is written, when rows were pasted far below the units", async () => {
    const s = setUp();
    const h = s.h;
    const sheet = h.sheet(Q1);
    const width = sheet.getLastColumn();
    const limit = maxCompileUnits(width, CONFIG_WIDTH);
    // Host side: the sheet grows to one unit row past the limit (cells are stored sparsely).
    const lastRow = 2 + limit + 1;
    sheet._maxRows = lastRow + 10;
    sheet._cell(lastRow, 2, true).value = "DV-CUOI";
    h.ss._active = sheet;
    h.log.reset();
    await h.run("tongHopBaoCao");
    expect(lastAlert(h)).toContain(`Trang "${Q1}" có ${limit + 1} dòng đơn vị × ${width} cột`);
    expect(lastAlert(h)).toMatch(/^Không tổng hợp được báo cáo; trang "Tổng hợp" cũ vẫn giữ nguyên\.\n/);
    expect(h.log.count({ method: /^(Range\.set\w+|Sheet\.appendRow|Spreadsheet\.insertSheet)$/ })).toBe(0);
    expect(h.ss.getSheetByName("Tổng hợp")).toBeNull();
    expect(h.exceljsInitCount()).toBe(0);
    // Mở kỳ báo cáo mới refuses it before reading, from the sheet's size, and unlocks the sheet again.
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("moKyBaoCaoMoi");
    expect(lastAlert(h)).toMatch(
      /^Chưa mở được kỳ báo cáo mới; trang số liệu vẫn giữ nguyên\.\nTrang "Quý I năm 2024" có \d+ dòng đơn vị/,
    );
    expect(sheet.getProtections("SHEET")).toEqual([]);
  });
});
