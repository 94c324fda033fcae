/**
 * Mở kỳ báo cáo mới: a period's data goes into a protected archive (who, when, the compiled
 * result, the key row), the data sheet goes only after the archive reads back right, and the
 * archive compiles again later to exactly the same totals.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ARCHIVE_LABELS } from "../../src/core/sheet-life/archive.js";
import type { GasHarness } from "./harness/gas-harness.js";
import { fixtureInput, fixtureTemplate, writeConfig } from "./support/config-fixture.js";
import { appendixTotals, readWorkbook, dialogWorkbook } from "./support/read-back.js";
import {
  at,
  H1,
  hostChecksum,
  lastAlert,
  logRows,
  OWNER,
  Q1,
  setUp,
  type Scenario,
  useScenario,
  useBundle,
} from "./support/scenario.js";

const ARCHIVE = `Lưu trữ - ${Q1}`;
const INJECTION = '=HYPERLINK("http://evil.example","Bấm vào đây")';

/** Compiles with the given sheet open; returns the .xlsx Phụ lục I totals and the Tổng hợp totals column. */
async function compile(
  h: GasHarness,
  sheet: string,
): Promise<{ xlsx: (number | null)[]; summary: unknown[][]; dialogLines: string }> {
  h.ss._active = h.sheet(sheet);
  const dialogs = h.ui._dialogs.length;
  await h.run("tongHopBaoCao");
  if (h.ui._dialogs.length !== dialogs + 1) throw new Error(`compile failed: ${lastAlert(h)}`);
  const html = h.ui._dialogs.at(-1)!.html;
  const payload = dialogWorkbook(html);
  const wb = await readWorkbook(Buffer.from(payload.base64, "base64"));
  const g = h.sheet("Tổng hợp")._grid();
  const start = g.findIndex((r) => r[0] === "II. TỔNG HỢP CÁC CHỈ TIÊU");
  return { xlsx: appendixTotals(wb, 6), summary: g.slice(start, start + 8), dialogLines: html };
}

describe("Mở kỳ báo cáo mới", () => {
  let s: Scenario;
  let h: GasHarness;
  let before: Awaited<ReturnType<typeof compile>>;
  let checksumBefore: string;
  let sheetsBefore: string[];

  useScenario({}, async (x) => {
    s = x;
    h = x.h;
    s.submit("THPT01", {
      so_tin_bai: "1.234",
      so_lop_tap_huan: "3",
      ty_le_hoc_ba_so: "45,5",
      muc_do_san_sang: "Cao",
      dien_thoai: "0912345678",
    });
    s.submit("THPT02", { so_tin_bai: "12 bài", so_lop_tap_huan: "2", "text:kho_khan": INJECTION });
    h.world.now = at("2024-03-22T08:00:00");
    s.submit("THPT03", { so_tin_bai: "7", muc_do_san_sang: "Thấp", ngay_ra_mat: "05/02/2024" });
    s.type("TT01", "so_tin_bai", "5"); // a draft: typed, never submitted
    h.world.now = at("2024-03-25T10:00:00");
    before = await compile(h, Q1);
    checksumBefore = hostChecksum(h, Q1);
    sheetsBefore = h.ss._sheets.map((x) => x._name);
  });

  it("asks first; No changes nothing, not even the freeze on the data sheet", () => {
    h.ss._active = h.sheet(Q1);
    h.ui._answers.push({ button: "NO", text: "" });
    h.run("moKyBaoCaoMoi");
    const ask = h.ui._alerts.at(-2)!;
    expect(ask.buttons).toBe("YES_NO");
    expect(ask.prompt).toMatch(new RegExp(`^Lưu trữ kỳ "${Q1}" rồi mở kỳ mới\\?`));
    expect(ask.prompt).toContain(`trang "${ARCHIVE}"`);
    expect(ask.prompt).toMatch(/3 đơn vị đã xác nhận gửi được tổng hợp; 1 đơn vị đã nhập nhưng chưa xác nhận/);
    expect(lastAlert(h)).toBe("Đã hủy. Không có gì thay đổi.");
    expect(h.ss._sheets.map((x) => x._name)).toEqual(sheetsBefore);
    expect(h.sheet(Q1).getProtections("SHEET")).toEqual([]);
    expect(s.type("THPT01", "so_lop_tap_huan", "3").accepted).toBe(true);
  });

  describe("after Yes", () => {
    beforeAll(() => {
      h.ss._active = h.sheet(Q1);
      h.world.now = at("2024-03-26T09:15:00");
      h.ui._answers.push({ button: "YES", text: "" });
      h.run("moKyBaoCaoMoi");
    });

    it("replaces the data sheet by a protected archive and points to the next period", () => {
      const names = h.ss._sheets.map((x) => x._name);
      expect(names).toContain(ARCHIVE);
      expect(names).not.toContain(Q1);
      expect(names).toContain(H1);
      expect(names.some((n) => n.includes("đang ghi") || n.includes("bản cũ"))).toBe(false);
      expect(lastAlert(h)).toMatch(
        new RegExp(`Đã lưu trữ 5 dòng số liệu vào trang "${ARCHIVE}" \\(đã đọc lại và tổng hợp lại khớp`),
      );
      expect(lastAlert(h)).toContain(`Đã xóa trang "${Q1}".`);
      expect(lastAlert(h)).toContain(`Kỳ tiếp theo: trang "${H1}" đã sẵn sàng`);
      const p = h.sheet(ARCHIVE).getProtections("SHEET");
      expect(p.length).toBe(1);
      expect([...p[0]._editors]).toEqual([OWNER]);
      expect(p[0].canDomainEdit()).toBe(false);
    });

    it("records who archived, when, the compiled result and the data's SHA-256", () => {
      const g = h.sheet(ARCHIVE)._grid();
      const value = (label: string) => g.find((r) => r[0] === label)?.[1];
      expect(value(ARCHIVE_LABELS.archivedBy)).toBe(OWNER);
      expect(value(ARCHIVE_LABELS.archivedAt)).toBe("26/03/2024 09:15:00");
      expect(value(ARCHIVE_LABELS.checksum)).toBe(checksumBefore);
      expect(value(ARCHIVE_LABELS.counted)).toBe(3);
      const res = g.findIndex((r) => r[0] === ARCHIVE_LABELS.results);
      expect(g[res + 2].slice(0, 5)).toEqual([
        "so_tin_bai",
        "Số tin, bài đăng trên cổng thông tin",
        "bài",
        "Cộng",
        1241,
      ]);
      expect(before.xlsx[0]).toBe(1241);
    });

    it("keeps the key row (hidden), the header and every unit row as entered, texts as text", () => {
      const sheet = h.sheet(ARCHIVE);
      const g = sheet._grid();
      const key = g.findIndex((r) => String(r[0]).startsWith("#tong-hop|v1|KH-THU-2024|quy_1_2024"));
      expect(key).toBeGreaterThan(0);
      expect(sheet.isRowHiddenByUser(key + 1)).toBe(true);
      expect(g[key + 1][1]).toBe("Mã đơn vị");
      expect(g.slice(key + 2).map((r) => r[1])).toEqual(["THPT01", "THPT02", "THPT03", "TT01", "TT02"]);
      const j = (g[key] as string[]).indexOf("dien_thoai");
      expect(g[key + 2][j]).toBe("0912345678");
      const k = (g[key] as string[]).indexOf("text:kho_khan");
      expect(g[key + 3][k]).toBe(INJECTION);
      expect(sheet._cell(key + 4, k + 1)!.formula).toBe("");
    });

    it("compiles again, from the archive, to exactly the same totals and the same SHA-256", async () => {
      const again = await compile(h, ARCHIVE);
      expect(again.xlsx).toEqual(before.xlsx);
      expect(again.summary).toEqual(before.summary);
      expect(again.dialogLines).toContain(`tổng hợp lại từ trang &quot;${ARCHIVE}&quot;`);
      expect(again.dialogLines).not.toContain("CẢNH BÁO");
      const compiles = logRows(h).filter((r) => r.action === "Tổng hợp báo cáo");
      expect(compiles.length).toBe(2);
      expect(compiles[0].checksum).toBe(checksumBefore);
      expect(compiles[1].checksum).toBe(checksumBefore);
      expect(logRows(h).find((r) => r.action === "Lưu trữ kỳ báo cáo")!.checksum).toBe(checksumBefore);
    });

    it("says so when the archive was changed after archiving", async () => {
      const sheet = h.sheet(ARCHIVE);
      const g = sheet._grid();
      const key = g.findIndex((r) => String(r[0]).startsWith("#tong-hop|"));
      const j = (g[key] as string[]).indexOf("so_tin_bai");
      const c = sheet._cell(key + 3, j + 1)!;
      const old = c.value;
      c.value = 9999; // the owner edits the archive by hand
      try {
        const edited = await compile(h, ARCHIVE);
        expect(edited.dialogLines).toContain("CẢNH BÁO: số liệu trong trang lưu trữ khác với lúc lưu trữ");
        expect(logRows(h).at(-1)!.note).toContain("số liệu khác lúc lưu trữ");
      } finally {
        c.value = old;
      }
    });

    it("keeps units out of the archive; Thiết lập bảng tính does not bring the closed period back", () => {
      expect(h.type("ngoquyen@hp.edu.vn", ARCHIVE, "B30", "sửa").refused).toBe("protected");
      h.run("thietLapBangTinh");
      expect(lastAlert(h)).toContain(`Kỳ "${Q1}" đã lưu trữ (trang "${ARCHIVE}"), không tạo lại trang nhập liệu.`);
      expect(h.ss.getSheetByName(Q1)).toBeNull();
    });

    it("keeps the history of every period: the next one archives beside it", () => {
      h.ss._active = h.sheet(H1);
      h.ui._answers.push({ button: "YES", text: "" });
      h.run("moKyBaoCaoMoi");
      expect(h.ss._sheets.map((x) => x._name).filter((n) => n.startsWith("Lưu trữ - "))).toEqual([
        ARCHIVE,
        `Lưu trữ - ${H1}`,
      ]);
      expect(lastAlert(h)).toContain("Trang Cấu hình chưa có kỳ sau kỳ 6 tháng đầu năm 2024");
    });
  });
});

describe("Mở kỳ báo cáo mới, choosing and opening periods", () => {
  useBundle();

  it("asks which period to close when no data sheet is open, and opens the next period's sheet from Cấu hình", () => {
    const input = fixtureInput() as { periods: object[]; tasks: { due: string }[] };
    const s = setUp({
      overrides: { periods: [input.periods[0]], tasks: input.tasks.filter((t) => t.due !== "sau_thang_2024") },
    });
    const h = s.h;
    expect(h.ss.getSheetByName(H1)).toBeNull();
    // The Văn phòng adds the next period to Cấu hình (not yet set up).
    writeConfig(h, fixtureTemplate());
    h.ss._active = h.sheet("Cấu hình");
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("moKyBaoCaoMoi");
    expect(lastAlert(h)).toMatch(new RegExp(`Đã mở kỳ tiếp theo: tạo trang "${H1}" \\(5 đơn vị`));
    expect(
      h
        .sheet(H1)
        .getProtections("RANGE")
        .filter((p) => p._description.includes("Đơn vị ")).length,
    ).toBe(5);
    expect(h.ss._active._name).toBe(H1);
    // Two periods: Q1 archived, so only H1 is open now; with both open it asks.
    const s2 = setUp();
    s2.h.ss._active = s2.h.sheet("Cấu hình");
    s2.h.ui._answers.push({ button: "OK", text: "2" }, { button: "YES", text: "" });
    s2.h.run("moKyBaoCaoMoi");
    expect(s2.h.ui._alerts.find((a) => a.buttons?.startsWith("prompt"))!.prompt).toMatch(
      /1\. Quý I năm 2024 \(hạn nộp 20\/03\/2024\)\n2\. 6 tháng đầu năm 2024/,
    );
    expect(s2.h.ss.getSheetByName(`Lưu trữ - ${H1}`)).not.toBeNull();
    expect(s2.h.ss.getSheetByName(Q1)).not.toBeNull();
  });
});
