/**
 * What a clerk reads: a whole season played through the menus (set-up, a unit typing wrong and
 * fixing it, submitting, Kiểm tra dữ liệu, Tổng hợp, Nhắc hạn, Mở kỳ báo cáo mới), every alert,
 * toast and cell note collected and checked for jargon, English words and dates not dd/mm/yyyy;
 * and the set-up messages that must say what to do (cancel, a wrong choice, a broken Cấu hình).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CONFIG_TABLES } from "../../src/core/template/config-grid.js";
import { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { at, lastAlert, Q1, setUp, useBundle } from "./support/scenario.js";

/** Words and shapes a clerk must never see. */
const JARGON =
  /\b(units|unitGroups|indicators|periods|tasks|textFields)\[|YYYY|JSON|trigger|trình kích hoạt|Apps Script|undefined|NaN|\[object |\bnull\b|Exception/;

/** Dates written d/m/yyyy instead of dd/mm/yyyy. */
const shortDates = (s: string): string[] =>
  [...s.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)]
    .filter((m) => m[1].length < 2 || m[2].length < 2)
    .map((m) => m[0]);

describe("everything a clerk reads in one season", () => {
  const seen: string[] = [];
  let h: GasHarness;

  beforeAll(async () => {
    await ensureBuilt();
    const s = setUp();
    h = s.h;
    const noteOf = (key: string) => {
      const sheet = h.sheet(Q1);
      const g = sheet._grid();
      return sheet._cell(g.findIndex((r) => r[1] === "THPT02") + 1, (g[0] as string[]).indexOf(key) + 1)?.note ?? "";
    };
    for (const [key, v] of [
      ["so_tin_bai", "12 bài"],
      ["ty_le_hoc_ba_so", "120"],
      ["ngay_ra_mat", "31/2/2024"],
      ["ngay_ra_mat", "2024-13-01"],
      ["so_lop_tap_huan", "2,5"],
      ["dien_thoai", "abc"],
      ["task:II.1:date", "hôm qua"],
    ] as const) {
      s.type("THPT02", key, v);
      seen.push(noteOf(key));
    }
    s.type("THPT02", "so_tin_bai", "12");
    s.type("THPT02", "xac_nhan_gui", true);
    s.submit("THPT01", { so_tin_bai: "5" });
    h.world.now = at("2024-03-21T10:00:00");
    h.ss._active = h.sheet(Q1);
    h.run("kiemTraDuLieu");
    await h.run("tongHopBaoCao");
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    h.ui._answers.push({ button: "NO", text: "" });
    h.run("batTatNhacHanTuDong");
    h.ss._active = h.sheet(Q1);
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("moKyBaoCaoMoi");
    h.run("huongDan");
    seen.push(...h.ui._alerts.map((a) => a.prompt), ...h.ss._toasts.map((t) => t.message));
    seen.push(
      ...h.ui._dialogs.map((d) => d.html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, " ")),
    );
    seen.push(...h.mail._sent.map((m) => `${m.subject}\n${m.body}`));
    seen.push(
      ...h
        .sheet("Tổng hợp")
        ._grid()
        .flat()
        .filter((x): x is string => typeof x === "string"),
    );
  });

  it("shows the notes, alerts, toasts, dialogs, mails and Tổng hợp of the season", () => {
    expect(seen.filter((x) => x.startsWith("Lỗi: ") || x.startsWith("Lưu ý: ")).length).toBe(7);
    expect(h.ui._alerts.length).toBeGreaterThanOrEqual(5);
    expect(h.mail._sent.length).toBeGreaterThan(0);
  });

  it("has no template path, English code word or programmer's term in any of them", () => {
    expect(seen.filter((x) => JARGON.test(x))).toEqual([]);
    // The check code's algorithm is named only where it is explained (the help).
    expect(seen.filter((x) => x.includes("SHA-256") && !x.includes("cùng mã là cùng một số liệu"))).toEqual([]);
  });

  it("writes every date as dd/mm/yyyy", () => {
    expect(seen.flatMap(shortDates)).toEqual([]);
    expect(seen.join("\n")).toContain("Ngày 31/02/2024 không có thật.");
  });
});

describe("Thiết lập bảng tính says what to do", () => {
  useBundle();

  it("on Cancel of the template choice says it was cancelled, not that it failed", () => {
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00") });
    h.ui._answers.push({ button: "CANCEL", text: "" });
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toBe("Đã hủy thiết lập bảng tính. Chưa tạo trang nào.");
    expect(h.ss.getSheetByName("Cấu hình")).toBeNull();
  });

  it("on a wrong number says which numbers are allowed and to run it again", () => {
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00") });
    h.ui._answers.push({ button: "OK", text: "x" });
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toMatch(
      /^Không thiết lập được bảng tính; số liệu đã nhập vẫn được giữ\.\n"x" không phải số thứ tự trong danh sách \(1–(\d+)\)\.\n {2}- Chạy lại Thiết lập bảng tính và nhập một số từ 1 đến \1\.$/,
    );
  });

  it("on a broken Cấu hình names table, sheet row and column, in the sheet's words", () => {
    const s = setUp();
    const sheet = s.h.sheet("Cấu hình");
    const g = sheet._grid().map((r) => [...r]);
    const row = g.findIndex((r) => r[0] === "THPT02");
    g[row][CONFIG_TABLES.units.columns.findIndex((c) => c.key === "group")] = "XYZ";
    sheet._range(1, 1, g.length, g[0].length).setValues(g);
    s.h.run("thietLapBangTinh");
    const text = lastAlert(s.h);
    expect(text).toContain(
      `Bảng ĐƠN VỊ, dòng ${row + 1}, cột "Mã nhóm": nhóm "XYZ" của đơn vị THPT02 không có trong bảng NHÓM ĐƠN VỊ.`,
    );
    expect(text).toContain('Sửa các ô sau trong trang "Cấu hình" rồi chạy lại Thiết lập bảng tính:');
    expect(text).not.toMatch(JARGON);
  });
});
