/**
 * End to end without Google: the built bundle in a bare vm with fake services. The Văn phòng
 * opens the sheet and sets it up; units type into their rows (some wrong, some into other rows);
 * they submit before and after the deadline; the Văn phòng compiles and downloads the .xlsx,
 * which is read back with exceljs and checked against the core's own totals.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compileGrid } from "../../src/core/compile/compile.js";
import { TASK_INPUT_STATUSES } from "../../src/core/template/columns.js";
import type { Template } from "../../src/core/model/template-schema.js";
import { HIGHLIGHT_COLORS } from "../../src/gas/sheets/highlight-rules.js";
import { columnLetters } from "./harness/a1.js";
import { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { CELL_IO } from "./support/call-kinds.js";
import { fixtureInput, fixtureTemplate, writeConfig } from "./support/config-fixture.js";
import { appendixTotals, readWorkbook, sheetGrid, dialogWorkbook } from "./support/read-back.js";
import { hostChecksum } from "./support/scenario.js";

const OWNER = "vanphong@sgddt.edu.vn";
const Q1 = "Quý I năm 2024";
const at = (iso: string) => new Date(`${iso}+07:00`);

const input = fixtureInput() as { units: { code: string; editors: string[] }[] };
// THPT03 types from the Sở's own domain, so Apps Script reveals its email to the trigger.
const units = input.units.map((u) => (u.code === "THPT03" ? { ...u, editors: ["thpt03@sgddt.edu.vn"] } : u));
const template: Template = fixtureTemplate({ units });
const EDITOR = {
  THPT01: "ngoquyen@hp.edu.vn",
  THPT02: "tranphu@hp.edu.vn",
  THPT03: "thpt03@sgddt.edu.vn",
  TT01: "lechan@hp.edu.vn",
} as const;

let h: GasHarness;
let col: (key: string) => string;
const rowOf = (code: string) => 3 + template.units.findIndex((u) => u.code === code);
const cell = (key: string, code: string) => `${col(key)}${rowOf(code)}`;
const type = (unit: keyof typeof EDITOR, key: string, value: unknown, code: string = unit) =>
  h.type(EDITOR[unit], Q1, cell(key, code), value);

beforeAll(async () => {
  await ensureBuilt();
  h = GasHarness.load({ now: at("2024-03-18T10:00:00"), sharedEditors: Object.values(EDITOR) });
});

describe("onOpen", () => {
  it("adds the Báo cáo menu and does nothing else", () => {
    h.log.reset();
    h.open();
    expect(h.ui._menus).toEqual([
      {
        title: "Báo cáo",
        items: [
          { caption: "Tổng hợp báo cáo", functionName: "tongHopBaoCao" },
          { caption: "Kiểm tra dữ liệu", functionName: "kiemTraDuLieu" },
          { caption: "Nhắc hạn nộp báo cáo", functionName: "nhacHan" },
          { caption: "Bật/tắt nhắc hạn tự động", functionName: "batTatNhacHanTuDong" },
          { caption: "Mở kỳ báo cáo mới", functionName: "moKyBaoCaoMoi" },
          { caption: "Thiết lập bảng tính", functionName: "thietLapBangTinh" },
          "separator",
          { caption: "Hướng dẫn", functionName: "huongDan" },
        ],
      },
    ]);
    expect(h.log.count({ service: "SpreadsheetApp", method: /^(Spreadsheet|Sheet|Range)\./ })).toBe(0);
    expect(h.exceljsInitCount()).toBe(0);
  });
});

describe("Thiết lập bảng tính", () => {
  beforeAll(() => {
    writeConfig(h, template);
    h.run("thietLapBangTinh");
    const keys = h.sheet(Q1)._grid()[0] as string[];
    col = (key) => {
      const i = keys.indexOf(key);
      if (i < 0) throw new Error(`no column ${key}`);
      return columnLetters(i + 1);
    };
  });

  it("sets the sheet to Vietnam's time zone and locale and creates one data sheet per period", () => {
    expect(h.ui._alerts.at(-1)!.prompt).toMatch(/Đã tạo trang "Quý I năm 2024": 5 đơn vị/);
    expect(h.ss._timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(h.ss._locale).toBe("vi_VN");
    expect(h.ss._sheets.map((s) => s._name)).toEqual(
      expect.arrayContaining(["Cấu hình", Q1, "6 tháng đầu năm 2024", "Nhật ký"]),
    );
  });

  it("lays the data sheet out like the core: hidden key row, frozen header, widths, one row per unit", () => {
    const s = h.sheet(Q1);
    expect(s._frozenRows).toBe(2);
    expect(s._frozenCols).toBe(3);
    expect(s.isRowHiddenByUser(1)).toBe(true);
    expect(s._value("A1")).toBe("#tong-hop|v1|KH-THU-2024|quy_1_2024");
    expect(s._value("B2")).toBe("Mã đơn vị");
    expect(s.getColumnWidth(3)).toBeGreaterThan(s.getColumnWidth(1));
    expect([3, 4, 5, 6, 7].map((r) => s._value(`B${r}`))).toEqual(["THPT01", "THPT02", "THPT03", "TT01", "TT02"]);
    expect(s._value(cell("xac_nhan_gui", "TT02"))).toBe(false);
  });

  it("sets native validation per column: number ranges, dropdowns, task statuses, a checkbox for Xác nhận gửi", () => {
    const s = h.sheet(Q1);
    const rule = (key: string) => s._cell(rowOf("TT02"), s._grid()[0].indexOf(key) + 1)!.validation!;
    expect(rule("so_tin_bai").getCriteriaType()).toBe("NUMBER_BETWEEN");
    expect(rule("so_tin_bai").getCriteriaValues()).toEqual([0, 5000]);
    expect(rule("so_tin_bai").getHelpText()).toMatch(/^Nhập số nguyên/);
    expect(rule("muc_do_san_sang").getCriteriaValues()[0]).toEqual(["Cao", "Trung bình", "Thấp"]);
    expect(rule("task:II.1:status").getCriteriaValues()[0]).toEqual([...TASK_INPUT_STATUSES]);
    expect(rule("xac_nhan_gui").getCriteriaType()).toBe("CHECKBOX");
    expect(rule("ngay_ra_mat").getCriteriaType()).toBe("DATE_IS_VALID_DATE");
    expect(s._cell(3, s._grid()[0].indexOf("dien_thoai") + 1)!.numberFormat).toBe("@");
  });

  it("protects each unit row for that unit's editors, and the headers, Cấu hình and the log for the Văn phòng", () => {
    const s = h.sheet(Q1);
    const prot = s.getProtections("RANGE");
    const row = prot.find((p) => p._description.endsWith("Đơn vị THPT02"))!;
    expect(row._range.getA1Notation()).toBe(`A4:${col("thoi_gian_gui")}4`);
    expect([...row._editors].sort()).toEqual([OWNER, "tranphu@hp.edu.vn", "vanthu.tranphu@hp.edu.vn"].sort());
    expect(row.canDomainEdit()).toBe(false);
    expect(prot.filter((p) => p._description.includes("Đơn vị ")).length).toBe(5);
    const header = prot.find((p) => p._description.includes("Tiêu đề"))!;
    expect([...header._editors]).toEqual([OWNER]);
    for (const name of ["Cấu hình", "Nhật ký"]) {
      const p = h.sheet(name).getProtections("SHEET")[0];
      expect([...p._editors], name).toEqual([OWNER]);
    }
    expect(h.type(EDITOR.THPT01, "Cấu hình", "B6", "Sửa trộm").refused).toBe("protected");
  });

  it("installs the edit trigger that records who submitted", () => {
    expect(h.scriptApp._triggers.map((t) => [t._handler, t._event, t._owner])).toEqual([
      ["khiSuaBangTinh", "ON_EDIT", OWNER],
    ]);
  });
});

describe("units typing", () => {
  it("lets a unit type only into its own row, never the identity columns", () => {
    expect(type("THPT02", "so_tin_bai", "5", "THPT01").refused).toBe("protected");
    expect(h.type(EDITOR.THPT02, Q1, `B${rowOf("THPT02")}`, "THPT99").refused).toBe("protected");
    expect(type("THPT01", "so_tin_bai", "1.234").accepted).toBe(true);
    expect(h.sheet(Q1)._value(cell("so_tin_bai", "THPT01"))).toBe(1234);
  });

  it("writes a Vietnamese note on a bad cell, keeps what the unit typed, and clears the note once fixed", () => {
    const r = type("THPT02", "so_tin_bai", "12 bài");
    expect(r.accepted).toBe(true);
    const c = h.sheet(Q1)._cell(rowOf("THPT02"), h.sheet(Q1)._grid()[0].indexOf("so_tin_bai") + 1)!;
    expect(c.value).toBe("12 bài");
    expect(c.note).toMatch(/^Lỗi: Có chữ trong ô số[\s\S]*\nCách sửa: /);
    expect(h.shownBackground(Q1, cell("so_tin_bai", "THPT02"))).toBe(HIGHLIGHT_COLORS.invalid);
    expect(h.ss._toasts.at(-1)!.message).toMatch(/Có 1 ô chưa đúng/);
    type("THPT02", "so_tin_bai", "12");
    expect(c.value).toBe(12);
    expect(c.note).toBe("");
    expect(h.shownBackground(Q1, cell("so_tin_bai", "THPT02"))).not.toBe(HIGHLIGHT_COLORS.invalid);
  });

  it("refuses a task status outside the list, warns on an out-of-range rate", () => {
    expect(type("THPT02", "task:II.1:status", "Xong").refused).toBe("invalid");
    expect(type("THPT02", "ty_le_hoc_ba_so", "120").accepted).toBe(true);
    expect(h.sheet(Q1)._cell(rowOf("THPT02"), h.sheet(Q1)._grid()[0].indexOf("ty_le_hoc_ba_so") + 1)!.note).toMatch(
      /lớn hơn mức tối đa 100/,
    );
    type("THPT02", "ty_le_hoc_ba_so", "80");
  });

  it("handles each edit with a handful of Spreadsheet calls, far inside the 30-second limit, without exceljs", () => {
    h.log.reset();
    const r = type("THPT01", "so_lop_tap_huan", "3");
    const calls = h.log.count({ service: "SpreadsheetApp" });
    expect(calls).toBeLessThanOrEqual(12);
    expect(r.onEditMs).toBeLessThan(2000);
    expect(h.exceljsInitCount()).toBe(0);
  });

  it("fills the rest of THPT01's row", () => {
    for (const [key, v] of [
      ["ty_le_hoc_ba_so", "45,5"],
      ["muc_do_san_sang", "Cao"],
      ["co_trang_web", true],
      ["ngay_ra_mat", "05/02/2024"],
      ["task:II.1:status", "Hoàn thành"],
      ["task:II.1:date", "10/03/2024"],
      ["text:kho_khan", "Thiếu máy tính cho giáo viên"],
      ["nguoi_bao_cao", "Trần Thị Bình"],
      ["dien_thoai", "0912345678"],
    ] as const) {
      expect(type("THPT01", key, v).accepted, key).toBe(true);
    }
    const s = h.sheet(Q1);
    expect(s._value(cell("dien_thoai", "THPT01"))).toBe("0912345678");
    expect(s._value(cell("ty_le_hoc_ba_so", "THPT01"))).toBe(45.5);
    expect(s._value(cell("ngay_ra_mat", "THPT01"))).toEqual(at("2024-02-05T00:00:00"));
    expect(s._cell(rowOf("THPT01"), s._grid()[0].indexOf("ngay_ra_mat") + 1)!.note).toBe("");
  });
});

describe("submitting", () => {
  it("stamps Thời gian gửi when Xác nhận gửi is ticked, and the installable trigger records the sender where known", () => {
    type("THPT01", "xac_nhan_gui", true);
    const s = h.sheet(Q1);
    expect(s._value(cell("thoi_gian_gui", "THPT01"))).toEqual(at("2024-03-18T10:00:00"));
    type("THPT03", "so_tin_bai", "7");
    type("THPT03", "xac_nhan_gui", true);
    expect(s._cell(rowOf("THPT03"), s._grid()[0].indexOf("thoi_gian_gui") + 1)!.note).toBe(
      "Người gửi: thpt03@sgddt.edu.vn",
    );
    // Nhật ký: Thời điểm, Người thực hiện, Thao tác, Kỳ báo cáo, Mã đơn vị, …
    const log = h
      .sheet("Nhật ký")
      ._grid()
      .filter((r) => r[2] === "Xác nhận gửi");
    expect(log.map((r) => [r[4], r[2], r[1], r[3]])).toEqual([
      ["THPT01", "Xác nhận gửi", "Đơn vị THPT01 (không rõ email)", Q1],
      ["THPT03", "Xác nhận gửi", "thpt03@sgddt.edu.vn", Q1],
    ]);
  });

  it("colours rows live: on time green, not yet submitted amber near the deadline", () => {
    expect(h.shownBackground(Q1, `C${rowOf("THPT01")}`)).toBe(HIGHLIGHT_COLORS.onTime);
    expect(h.shownBackground(Q1, `C${rowOf("TT02")}`)).toBe(HIGHLIGHT_COLORS.dueSoon);
  });

  it("after the deadline: late submissions orange, missing ones red, overdue tasks red", () => {
    h.world.now = at("2024-03-22T09:30:00");
    type("TT01", "so_tin_bai", "5");
    type("TT01", "xac_nhan_gui", true);
    h.world.now = at("2024-03-25T10:00:00");
    expect(h.shownBackground(Q1, `C${rowOf("TT01")}`)).toBe(HIGHLIGHT_COLORS.late);
    expect(h.shownBackground(Q1, cell("thoi_gian_gui", "TT01"))).toBe(HIGHLIGHT_COLORS.late);
    expect(h.shownBackground(Q1, `C${rowOf("TT02")}`)).toBe(HIGHLIGHT_COLORS.overdue);
    expect(h.shownBackground(Q1, `C${rowOf("THPT03")}`)).toBe(HIGHLIGHT_COLORS.onTime);
    expect(h.shownBackground(Q1, cell("task:II.1:status", "THPT02"))).toBe(HIGHLIGHT_COLORS.overdue);
    expect(h.shownBackground(Q1, cell("task:II.1:status", "THPT01"))).not.toBe(HIGHLIGHT_COLORS.overdue);
    // the legend explains the colours in the header row
    const header = h.sheet(Q1)._grid()[1].map(String);
    expect(header.find((x) => x.startsWith("Đỏ:"))).toBeDefined();
    expect(header.find((x) => x.startsWith("Chú giải màu (hạn nộp 20/03/2024)"))).toBeDefined();
  });
});

describe("Tổng hợp báo cáo", () => {
  let payload: { fileName: string; mimeType: string; base64: string };

  beforeAll(async () => {
    h.ss._active = h.sheet(Q1);
    h.log.reset();
    const first = h.run("tongHopBaoCao") as Promise<void>;
    // A second click while the first compile runs gets a message, not a second compile.
    await h.run("tongHopBaoCao");
    expect(h.ui._alerts.at(-1)!.prompt).toMatch(/^Đang có một lần Tổng hợp báo cáo/);
    await first;
    const html = h.ui._dialogs.at(-1)!.html;
    payload = dialogWorkbook(html);
  });

  it("opens one download dialog and initialises exceljs once", () => {
    expect(h.ui._dialogs.length).toBe(1);
    expect(h.ui._dialogs[0].title).toBe("Tải báo cáo tổng hợp");
    expect(h.exceljsInitCount()).toBe(1);
    expect(payload.fileName).toBe("Bao-cao-tong-hop_KH-THU-2024_quy_1_2024_2024-03-25.xlsx");
    expect(payload.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // Progress as one toast naming the period, once it is known; the dialog shows the end.
    expect(h.ss._toasts.filter((t) => t.message.startsWith("Đang tổng hợp")).map((t) => t.message)).toEqual([
      "Đang tổng hợp kỳ Quý I năm 2024 (5 đơn vị)… Hộp thoại tải báo cáo sẽ mở khi xong.",
    ]);
  });

  it("hands over an .xlsx whose totals are the core's totals", async () => {
    const wb = await readWorkbook(Buffer.from(payload.base64, "base64"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo", "Phụ lục I", "Phụ lục II"]);
    const core = compileGrid({
      template,
      periodId: "quy_1_2024",
      grid: sheetGrid(h.sheet(Q1)),
      asOf: "2024-03-25T10:00:00",
    });
    const expected = template.indicators.map((ind) =>
      ind.aggregate === "none" ? null : (core.totals.find((t) => t.key === ind.key)!.total ?? 0),
    );
    const got = appendixTotals(wb, template.indicators.length);
    expect(got).toEqual(expected);
    // 1234 (THPT01) + 7 (THPT03) + 5 (TT01); THPT02 did not submit, so its 12 is not counted.
    expect(got[0]).toBe(1246);
    expect(core.countedUnits.sort()).toEqual(["THPT01", "THPT03", "TT01"]);
  });

  it("writes the Tổng hợp sheet: status by group with a chart, totals, problems", () => {
    const s = h.sheet("Tổng hợp");
    const g = s._grid();
    const row = (label: string) => g.find((r) => r[0] === label)!;
    expect(row("Trường THPT").slice(0, 6)).toEqual(["Trường THPT", 2, 0, 0, 1, 3]);
    expect(row("Trung tâm GDNN-GDTX").slice(0, 6)).toEqual(["Trung tâm GDNN-GDTX", 0, 1, 0, 1, 2]);
    expect(g.find((r) => r[1] === "Số tin, bài đăng trên cổng thông tin")![4]).toBe(1246);
    expect(g.some((r) => String(r[0]).startsWith("III. CÁC VẤN ĐỀ CẦN XỬ LÝ"))).toBe(true);
    expect(s._charts.length).toBe(1);
    expect(s._charts[0]._type).toBe("BAR");
    expect(s._charts[0]._options.isStacked).toBe(true);
    expect(s._charts[0]._ranges[0].getA1Notation()).toBe("A6:E8");
    expect(g[2][0]).toBe(
      `Cập nhật lúc 25/03/2024 10:00 bởi ${OWNER}. Mã kiểm tra số liệu: ${hostChecksum(h, Q1).slice(0, 12)}… (hai lần tổng hợp cùng mã là cùng một số liệu; mã đầy đủ trong trang "Nhật ký").`,
    );
  });

  it("reads and writes in bulk: a constant, small number of range reads and writes", () => {
    const io = h.log.count({ service: "SpreadsheetApp", method: CELL_IO });
    expect(io).toBeLessThanOrEqual(12);
  });
});

describe("running Thiết lập bảng tính again after Cấu hình changes", () => {
  it("adds the new unit and indicator and loses no entered value or note", () => {
    h.type(EDITOR.THPT02, Q1, cell("so_lop_tap_huan", "THPT02"), "ba lớp");
    const before = h.sheet(Q1)._grid();
    const keys = before[0] as string[];
    const changed = fixtureTemplate({
      units: [
        ...units,
        { code: "THPT04", name: "Trường THPT Thái Phiên", group: "THPT", editors: ["thaiphien@hp.edu.vn"] },
      ],
      indicators: [
        ...(fixtureInput().indicators as object[]),
        { key: "so_may_tinh", label: "Số máy tính", unit: "chiếc", type: "integer", aggregate: "sum" },
      ],
    });
    writeConfig(h, changed);
    h.run("thietLapBangTinh");
    expect(h.ui._alerts.at(-1)!.prompt).toMatch(
      /Đã cập nhật trang "Quý I năm 2024": 6 đơn vị, giữ nguyên \d+ ô đã nhập/,
    );
    const after = h.sheet(Q1)._grid();
    const newKeys = after[0] as string[];
    expect(newKeys).toContain("so_may_tinh");
    for (let r = 2; r < before.length; r++) {
      keys.forEach((k, j) => {
        if (!k || k.startsWith("#")) return;
        expect(after[r][newKeys.indexOf(k)], `${before[r][1]} ${k}`).toEqual(before[r][j]);
      });
    }
    expect(after[7][1]).toBe("THPT04");
    const s = h.sheet(Q1);
    expect(s._cell(rowOf("THPT02"), newKeys.indexOf("so_lop_tap_huan") + 1)!.note).toMatch(/^Lỗi: /);
    expect(s.getProtections("RANGE").filter((p) => p._description.includes("Đơn vị ")).length).toBe(6);
  });
});
