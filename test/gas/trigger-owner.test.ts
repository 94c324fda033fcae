/**
 * Installable triggers belong to the account that created them: getProjectTriggers() lists only
 * the caller's, and another's cannot be deleted. The add-on records each trigger's purpose, id
 * and creator in the document properties, so a clerk never adds a duplicate and a creator who
 * lost access is noticed and replaced.
 */
import { describe, expect, it } from "vitest";
import { lastAlert, logRows, OWNER, Q1, setUp, useBundle } from "./support/scenario.js";

const CLERK = "vanthu.tranphu@hp.edu.vn";
const withClerk = () => setUp({ overrides: { office: { editors: [CLERK] } } });
const handlers = (h: ReturnType<typeof setUp>["h"], name: string) =>
  h.scriptApp._triggers.filter((t) => t._handler === name);

describe("the edit trigger", () => {
  useBundle();

  it("is recorded with its purpose, id and creator, and a clerk's Thiết lập adds no second one", () => {
    const s = withClerk();
    const rec = JSON.parse(s.h.props._document.getProperty("tong-hop:trigger:edit")!);
    const [only] = handlers(s.h, "khiSuaBangTinh");
    expect(rec).toMatchObject({ purpose: "edit", handler: "khiSuaBangTinh", id: only._id, creator: OWNER });
    s.h.runAs(CLERK, "thietLapBangTinh");
    expect(handlers(s.h, "khiSuaBangTinh").length).toBe(1);
    expect(lastAlert(s.h)).toContain(`Việc tự ghi Thời gian gửi đang chạy bằng tài khoản ${OWNER}`);
    s.submit("THPT01", { so_tin_bai: "5" });
    expect(logRows(s.h).filter((r) => r.unit === "THPT01").length).toBe(1);
  });

  it("when its creator lost access, the next Thiết lập says so and re-creates it under the current user", () => {
    const s = withClerk();
    // The clerk set the trigger up (e.g. the owner removed it by hand, then the clerk ran Thiết lập).
    s.h.scriptApp._triggers = [];
    s.h.props._document.deleteProperty("tong-hop:trigger:edit");
    s.h.runAs(CLERK, "thietLapBangTinh");
    expect(handlers(s.h, "khiSuaBangTinh").map((t) => t._owner)).toEqual([CLERK]);
    // The clerk leaves: their trigger fails on every tick, nothing is stamped.
    s.h.world.sharedEditors.delete(CLERK);
    s.submit("THPT01", { so_tin_bai: "5" });
    expect(s.h.failedTriggers.length).toBeGreaterThan(0);
    expect(s.h.sheet(Q1)._value(s.cell("thoi_gian_gui", "THPT01"))).toBe("");
    s.h.run("thietLapBangTinh");
    expect(lastAlert(s.h)).toContain(`Tài khoản ${CLERK} (người đã bật việc tự ghi Thời gian gửi) không còn quyền`);
    const rec = JSON.parse(s.h.props._document.getProperty("tong-hop:trigger:edit")!);
    expect(rec.creator).toBe(OWNER);
    s.type("THPT02", "so_tin_bai", "4");
    s.type("THPT02", "xac_nhan_gui", true);
    expect(s.h.sheet(Q1)._value(s.cell("thoi_gian_gui", "THPT02"))).toBeInstanceOf(Date);
  });
});

describe("the daily reminder trigger", () => {
  useBundle();

  it("turned on by the owner is not duplicated by a clerk, who is told whose it is; the clerk cannot delete it", () => {
    const s = withClerk();
    s.h.ui._answers.push({ button: "YES", text: "" });
    s.h.run("batTatNhacHanTuDong");
    expect(handlers(s.h, "nhacHanHangNgay").length).toBe(1);
    s.h.ui._answers.push({ button: "YES", text: "" });
    s.h.runAs(CLERK, "batTatNhacHanTuDong");
    expect(handlers(s.h, "nhacHanHangNgay").map((t) => t._owner)).toEqual([OWNER]);
    expect(lastAlert(s.h)).toContain(`Nhắc hạn tự động đang được bật bằng tài khoản ${OWNER}`);
    // Google refuses to delete another user's trigger (the fake as documented).
    s.h.world.effectiveUser = CLERK;
    expect(() => s.h.scriptApp.deleteTrigger(handlers(s.h, "nhacHanHangNgay")[0])).toThrow(/another user/);
    s.h.world.effectiveUser = OWNER;
  });
});
