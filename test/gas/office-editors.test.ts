/**
 * The Văn phòng's e-mails listed in Cấu hình: a second clerk who never ran set-up compiles,
 * corrects Cấu hình and any unit's row, writes the log; units stay in their own rows; taking the
 * clerk off the list and running set-up again takes every right back; the per-row cost of
 * set-up and the compile's calls do not change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { OFFICE_EDITORS_HEADER } from "../../src/core/template/config-grid.js";
import { GasHarness } from "./harness/gas-harness.js";
import type { FakeProtection } from "./harness/fake-sheet.js";
import { spreadsheetCalls } from "./support/call-kinds.js";
import { templateWithUnits, writeConfig } from "./support/config-fixture.js";
import {
  at,
  EDITOR,
  H1,
  lastAlert,
  logRows,
  OWNER,
  Q1,
  type Scenario,
  useScenario,
  useBundle,
} from "./support/scenario.js";

/** A second Văn phòng clerk: the spreadsheet is shared with her, she never ran set-up. */
const CLERK = "pho.vanphong@sgddt.edu.vn";
const ARCHIVE = `Lưu trữ - ${H1}`;
/** Everyone the spreadsheet is shared with in these tests. */
const SHARED = [...Object.values(EDITOR), "vanthu.tranphu@hp.edu.vn", CLERK];

/** Every protection of ours in the spreadsheet, with its sheet. */
function ownProtections(h: GasHarness): { sheet: string; p: FakeProtection }[] {
  return h.ss._sheets.flatMap((sheet) =>
    sheet._protections
      .filter((p) => p._description.startsWith("Tổng hợp báo cáo · "))
      .map((p) => ({ sheet: sheet._name, p })),
  );
}

/** A1 of the value cell of a Cấu hình plan row, found by its key in column C. */
function configValueCell(h: GasHarness, key: string): string {
  const row = h
    .sheet("Cấu hình")
    ._grid()
    .findIndex((r) => r[2] === key);
  if (row < 0) throw new Error(`no Cấu hình row ${key}`);
  return `B${row + 1}`;
}

/** Runs Tổng hợp báo cáo as `user` from the Quý I sheet: the dialog's text, or null with the alert when it failed. */
async function compileAs(h: GasHarness, user: string): Promise<{ ok: boolean; text: string }> {
  h.ss._active = h.sheet(Q1);
  const dialogs = h.ui._dialogs.length;
  await h.runAs(user, "tongHopBaoCao");
  if (h.ui._dialogs.length === dialogs + 1) return { ok: true, text: h.ui._dialogs.at(-1)!.html };
  return { ok: false, text: lastAlert(h) };
}

/** The places only the Văn phòng may edit, one cell each (the unit row is THPT01's). */
function officeCells(s: Scenario): [string, string][] {
  return [
    [Q1, s.cell("so_tin_bai", "THPT01")],
    [Q1, s.cell("ten_don_vi", "THPT02")],
    [Q1, "E2"],
    ["Cấu hình", configValueCell(s.h, "plan.source")],
    ["Tổng hợp", "A1"],
    [ARCHIVE, "B5"],
    ["Nhật ký", "H2"],
  ];
}

describe("a Văn phòng clerk added to Cấu hình after the spreadsheet is in use", () => {
  let s: Scenario;
  let h: GasHarness;

  useScenario({ sharedEditors: SHARED }, async (x) => {
    s = x;
    h = x.h;
    s.submit("THPT01", { so_tin_bai: "5" });
    // The owner compiles (Tổng hợp is built for the owner) and archives the half-year period.
    expect((await compileAs(h, OWNER)).ok).toBe(true);
    h.ss._active = h.sheet(H1);
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("moKyBaoCaoMoi");
    expect(h.ss.getSheetByName(ARCHIVE)).not.toBeNull();
  });

  it("cannot compile or edit the Văn phòng's sheets while she is not listed (shared with her is not enough)", async () => {
    const logged = logRows(h).length;
    const r = await compileAs(h, CLERK);
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/^Không tổng hợp được báo cáo; trang "Tổng hợp" cũ vẫn giữ nguyên\./);
    expect(logRows(h).length).toBe(logged);
    for (const [sheet, a1] of officeCells(s))
      expect(h.type(CLERK, sheet, a1, "7").refused, `${sheet}!${a1}`).toBe("protected");
  });

  it("finds an empty row for the Văn phòng's e-mails in Cấu hình, under its Vietnamese label", () => {
    const row = Number(configValueCell(h, "office.editors").slice(1));
    expect(h.sheet("Cấu hình")._cell(row, 1)?.value).toBe(OFFICE_EDITORS_HEADER);
    expect(h.sheet("Cấu hình")._cell(row, 2)?.value ?? "").toBe("");
  });

  describe("once the owner lists her and runs set-up again", () => {
    beforeAll(() => {
      const typed = h.type(OWNER, "Cấu hình", configValueCell(h, "office.editors"), `${CLERK}; `);
      expect(typed.accepted).toBe(true);
      h.run("thietLapBangTinh");
      expect(lastAlert(h)).toMatch(/^Đã đọc trang "Cấu hình"/);
      expect(lastAlert(h)).toContain('1 email Văn phòng ghi trong trang "Cấu hình"');
    });

    it("puts her on every protection of the add-on: rows, headers, Cấu hình, Tổng hợp, the archive and the log", () => {
      const all = ownProtections(h);
      expect(new Set(all.map((x) => x.sheet))).toEqual(new Set([Q1, "Cấu hình", "Tổng hợp", ARCHIVE, "Nhật ký"]));
      for (const { sheet, p } of all) expect(p._editors.has(CLERK), `${sheet}: ${p._description}`).toBe(true);
      const row = all.find((x) => x.p._description.endsWith("Đơn vị THPT01"))!.p;
      expect([...row._editors].sort()).toEqual([OWNER, CLERK, EDITOR.THPT01].sort());
      expect(row._domainEdit).toBe(false);
    });

    it("lets her run Tổng hợp báo cáo, which rewrites Tổng hợp and logs her line", async () => {
      h.world.now = at("2024-03-19T09:00:00");
      s.submit("THPT02", { so_tin_bai: "9" });
      const r = await compileAs(h, CLERK);
      expect(r.ok, r.text).toBe(true);
      expect(r.text).not.toContain("chưa ghi được");
      expect(
        h
          .sheet("Tổng hợp")
          ._grid()
          .flat()
          .some((v) => String(v).includes(CLERK)),
      ).toBe(true);
      expect(logRows(h).at(-1)).toMatchObject({ user: CLERK, action: "Tổng hợp báo cáo", period: Q1 });
    });

    it("lets her run Kiểm tra dữ liệu, which writes notes on the units' rows", () => {
      s.type("THPT03", "so_tin_bai", "12 bài");
      h.ss._active = h.sheet(Q1);
      h.runAs(CLERK, "kiemTraDuLieu");
      expect(lastAlert(h)).toMatch(/^Kỳ Quý I năm 2024: \d+ lỗi/);
      const [col, row] = /^([A-Z]+)(\d+)$/.exec(s.cell("so_tin_bai", "THPT03"))!.slice(1);
      expect(h.sheet(Q1)._cell(Number(row), col.charCodeAt(0) - 64)?.note).toMatch(/\S/);
    });

    it("lets her correct Cấu hình, a unit's row, the headers, Tổng hợp, the archive and the log", () => {
      for (const [sheet, a1] of officeCells(s))
        expect(h.type(CLERK, sheet, a1, "8").accepted, `${sheet}!${a1}`).toBe(true);
    });

    it("still keeps each unit to its own row: not another's, not the headers, Cấu hình, Tổng hợp, the archive or the log", () => {
      for (const [sheet, a1] of officeCells(s))
        expect(h.type(EDITOR.THPT02, sheet, a1, "7").refused, `${sheet}!${a1}`).toBe("protected");
      expect(h.type(EDITOR.THPT02, Q1, s.cell("so_tin_bai", "THPT02"), "10").accepted).toBe(true);
    });

    describe("and when the owner takes her off the list and runs set-up again", () => {
      beforeAll(() => {
        expect(h.type(OWNER, "Cấu hình", configValueCell(h, "office.editors"), "").accepted).toBe(true);
        h.run("thietLapBangTinh");
        expect(lastAlert(h)).toMatch(/^Đã đọc trang "Cấu hình"/);
      });

      it("leaves her on no protection, and out of every sheet of the Văn phòng", () => {
        expect(
          ownProtections(h)
            .filter(({ p }) => p._editors.has(CLERK))
            .map(({ p }) => p._description),
        ).toEqual([]);
        for (const [sheet, a1] of officeCells(s))
          expect(h.type(CLERK, sheet, a1, "9").refused, `${sheet}!${a1}`).toBe("protected");
      });

      it("refuses her compile again, leaving Tổng hợp and the log as they were", async () => {
        const summary = JSON.stringify(h.sheet("Tổng hợp")._grid());
        const logged = logRows(h).length;
        expect((await compileAs(h, CLERK)).ok).toBe(false);
        expect(JSON.stringify(h.sheet("Tổng hợp")._grid())).toBe(summary);
        expect(logRows(h).length).toBe(logged);
      });

      it("keeps the owner able to compile", async () => {
        expect((await compileAs(h, OWNER)).ok).toBe(true);
      });
    });
  });
});

describe("a Văn phòng clerk listed from the start, who never ran set-up", () => {
  let s: Scenario;
  let h: GasHarness;

  useScenario({ sharedEditors: SHARED, overrides: { office: { editors: [CLERK.toUpperCase()] } } }, async (x) => {
    s = x;
    h = x.h;
    s.submit("THPT01", { so_tin_bai: "5" });
  });

  it("builds Tổng hợp with the first compile, for her, the owner and the list", async () => {
    const r = await compileAs(h, CLERK);
    expect(r.ok, r.text).toBe(true);
    const p = h.sheet("Tổng hợp").getProtections("SHEET")[0];
    expect([...p._editors].sort()).toEqual([OWNER, CLERK].sort());
    expect(logRows(h).at(-1)).toMatchObject({ user: CLERK, action: "Tổng hợp báo cáo" });
    // The owner compiles after her, in place, and so does she again.
    expect((await compileAs(h, OWNER)).ok).toBe(true);
    expect((await compileAs(h, CLERK)).ok).toBe(true);
  });

  it("archives a period: the archive and the next period's rows are hers to correct too", () => {
    h.ss._active = h.sheet(H1);
    h.ui._answers.push({ button: "YES", text: "" });
    h.runAs(CLERK, "moKyBaoCaoMoi");
    expect(lastAlert(h)).toContain(`Đã lưu trữ`);
    expect(h.sheet(ARCHIVE).getProtections("SHEET")[0]._editors.has(CLERK)).toBe(true);
    expect(h.type(CLERK, ARCHIVE, "B5", "sửa").accepted).toBe(true);
    expect(h.type(EDITOR.THPT01, ARCHIVE, "B5", "sửa").refused).toBe("protected");
    expect(logRows(h).at(-1)).toMatchObject({ user: CLERK, action: "Lưu trữ kỳ báo cáo" });
  });
});

describe("a bundled template's Văn phòng", () => {
  useBundle();

  it("is written into the new Cấu hình, with a note on how to change it, and given every protection at the first set-up", () => {
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00") });
    // A fresh spreadsheet: set-up offers the bundled templates (khuyen-hoc-ha-noi, ttdn-2023).
    h.ui._answers.push({ button: "OK", text: "2" });
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toMatch(/^Đã tạo trang "Cấu hình" từ mẫu kế hoạch KH-TTĐN-2023/);
    const config = h.sheet("Cấu hình");
    const row = config._grid().findIndex((r) => r[2] === "office.editors") + 1;
    expect(config._cell(row, 1)?.value).toBe(OFFICE_EDITORS_HEADER);
    expect(config._cell(row, 1)?.note).toMatch(/chạy lại Thiết lập bảng tính/);
    expect(config._cell(row, 2)?.value).toBe("vanphong@haiphong.edu.vn; tonghop.vanphong@haiphong.edu.vn");
    const all = ownProtections(h);
    // Cấu hình, the log, and per data sheet its headers, identity columns and 72 unit rows.
    expect(all.length).toBeGreaterThan(72);
    for (const { sheet, p } of all)
      expect(
        [...p._editors].filter((e) => e.endsWith("@haiphong.edu.vn") && e.includes("vanphong")).sort(),
        `${sheet}: ${p._description}`,
      ).toEqual(["tonghop.vanphong@haiphong.edu.vn", "vanphong@haiphong.edu.vn"]);
  });
});

describe("what the Văn phòng's list costs", () => {
  useBundle();

  /** Set-up's Spreadsheet calls for 30 units, first and again, with the Văn phòng's `office` e-mails. */
  function setupCalls(office: string[]): { first: number; again: number; addEditors: number; rows: number } {
    const t = { ...templateWithUnits(30), office: { editors: office } };
    const h = GasHarness.load({
      now: at("2024-03-18T10:00:00"),
      sharedEditors: [...t.units.flatMap((u) => u.editors), ...office],
    });
    writeConfig(h, t);
    h.log.reset();
    h.run("thietLapBangTinh");
    const first = spreadsheetCalls(h.log).all;
    const addEditors = h.log.count({ method: /^Protection\.addEditors?$/ });
    const rows = h
      .sheet(Q1)
      .getProtections("RANGE")
      .filter((p) => p._description.includes("Đơn vị ") && office.every((e) => p._editors.has(e))).length;
    h.log.reset();
    h.run("thietLapBangTinh");
    return { first, again: spreadsheetCalls(h.log).all, addEditors, rows };
  }

  it("adds no call to set-up: the e-mails go in the one addEditors call each protection already makes", () => {
    const plain = setupCalls([]);
    const listed = setupCalls([CLERK, "ketoan.vanphong@sgddt.edu.vn"]);
    expect(listed.rows).toBe(30);
    expect(listed.first).toBe(plain.first);
    expect(listed.addEditors).toBe(plain.addEditors);
    expect(listed.again).toBe(plain.again);
  });
});
