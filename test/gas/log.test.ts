/**
 * Nhật ký: every compile, set-up, archive, reminder and submission appended with time, person,
 * counts and the SHA-256 of the data (checked here against node:crypto on the host); only the
 * owner can edit it.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { GasHarness } from "./harness/gas-harness.js";
import { fixtureTemplate, writeConfig } from "./support/config-fixture.js";
import {
  at,
  EDITOR,
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

describe("Nhật ký", () => {
  let s: Scenario;
  let h: GasHarness;

  useScenario({}, async (x) => {
    s = x;
    h = x.h;
  });

  it("logs set-up with the time, the person, the counts and the SHA-256 of the plan applied", () => {
    const row = logRows(h)[0];
    expect(row.action).toBe("Thiết lập bảng tính");
    expect(row.user).toBe(OWNER);
    expect(row.at).toEqual(at("2024-03-18T10:00:00"));
    expect(row.counts).toBe("2 trang kỳ báo cáo; 5 đơn vị; 6 chỉ tiêu");
    expect(row.checksum).toBe(createHash("sha256").update(JSON.stringify(s.template), "utf8").digest("hex"));
  });

  it("logs each compile with the SHA-256 of exactly the data compiled: same data, same checksum; one changed cell, another", async () => {
    s.submit("THPT01", { so_tin_bai: "12" });
    h.ss._active = h.sheet(Q1);
    await h.run("tongHopBaoCao");
    await h.run("tongHopBaoCao");
    const expected = hostChecksum(h, Q1);
    s.type("THPT01", "so_tin_bai", "13");
    await h.run("tongHopBaoCao");
    const compiles = logRows(h).filter((r) => r.action === "Tổng hợp báo cáo");
    expect(compiles.map((r) => r.checksum)).toEqual([expected, expected, hostChecksum(h, Q1)]);
    expect(compiles[2].checksum).not.toBe(expected);
    expect(compiles[0]).toMatchObject({ user: OWNER, period: Q1, counts: "5 đơn vị; 1 được tổng hợp; 0 lỗi, 0 lưu ý" });
    expect(compiles[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("logs each submission from the installable trigger, as the owner, under the unit's code", () => {
    const rows = logRows(h).filter((r) => r.action === "Xác nhận gửi" || r.action === "Bỏ xác nhận gửi");
    expect(rows.map((r) => [r.action, r.unit, r.period])).toEqual([["Xác nhận gửi", "THPT01", Q1]]);
    s.type("THPT01", "xac_nhan_gui", false);
    expect(logRows(h).at(-1)).toMatchObject({ action: "Bỏ xác nhận gửi", unit: "THPT01" });
  });

  it("is protected for the owner only when Cấu hình lists no Văn phòng e-mail: units and unlisted staff cannot edit it, the owner can", () => {
    const p = h.sheet("Nhật ký").getProtections("SHEET")[0];
    expect([...p._editors]).toEqual([OWNER]);
    expect(p.canDomainEdit()).toBe(false);
    expect(h.type(EDITOR.THPT01, "Nhật ký", "A2", "xóa dấu vết").refused).toBe("protected");
    expect(h.type("chuyenvien@sgddt.edu.vn", "Nhật ký", "H2", "sửa").refused).toBe("protected");
    expect(h.type(OWNER, "Nhật ký", "H2", "ghi chú của chủ sở hữu").accepted).toBe(true);
  });

  it("says so, honestly, when a run by someone neither the owner nor listed as Văn phòng cannot write it", () => {
    h.world.sharedEditors.add("chuyenvien@sgddt.edu.vn");
    h.world.now = at("2024-03-19T09:00:00");
    const before = logRows(h).length;
    h.ui._answers.push({ button: "YES", text: "" });
    h.runAs("chuyenvien@sgddt.edu.vn", "nhacHan");
    expect(h.mail._sent.length).toBeGreaterThan(0);
    expect(h.mail._sent[0].from).toBe("chuyenvien@sgddt.edu.vn");
    expect(lastAlert(h)).toContain(
      'Lưu ý: chưa ghi được vào trang "Nhật ký" (chỉ chủ sở hữu bảng tính và các email Văn phòng ghi trong trang "Cấu hình" ghi được nhật ký; chạy lại Thiết lập bảng tính sau khi thêm email).',
    );
    expect(logRows(h).length).toBe(before);
  });
});

describe("Nhật ký gửi (earlier versions)", () => {
  useBundle();

  it("is taken over by Nhật ký at set-up, its rows moved into the new columns", () => {
    const s = setUp();
    const h = s.h;
    // Rebuild the situation of an older version: only "Nhật ký gửi", with its five columns.
    h.ss.deleteSheet(h.sheet("Nhật ký"));
    const old = h.ss._addSheet("Nhật ký gửi");
    old._range(1, 1, 3, 5).setValues([
      ["Thời điểm", "Kỳ báo cáo (trang)", "Mã đơn vị", "Thao tác", "Người thực hiện"],
      [at("2024-03-01T08:00:00"), Q1, "THPT01", "Xác nhận gửi", "ngoquyen@hp.edu.vn"],
      [at("2024-03-02T09:00:00"), Q1, "THPT01", "Bỏ xác nhận gửi", "(không rõ email)"],
    ]);
    writeConfig(h, fixtureTemplate());
    h.run("thietLapBangTinh");
    expect(h.ss.getSheetByName("Nhật ký gửi")).toBeNull();
    const rows = logRows(h);
    expect(rows.slice(0, 2).map((r) => [r.at, r.user, r.action, r.period, r.unit, r.note])).toEqual([
      [at("2024-03-01T08:00:00"), "ngoquyen@hp.edu.vn", "Xác nhận gửi", Q1, "THPT01", 'Chuyển từ trang "Nhật ký gửi"'],
      [at("2024-03-02T09:00:00"), "(không rõ email)", "Bỏ xác nhận gửi", Q1, "THPT01", 'Chuyển từ trang "Nhật ký gửi"'],
    ]);
    expect(rows[2].action).toBe("Thiết lập bảng tính");
    expect([...h.sheet("Nhật ký").getProtections("SHEET")[0]._editors]).toEqual([OWNER]);
  });
});
