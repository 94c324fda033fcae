/**
 * Nhắc hạn: a preview first (unit, emails, days to or past the deadline), mails only after Yes,
 * within the day's quota, never twice a day for a unit and period; and the daily trigger.
 */
import { describe, expect, it } from "vitest";
import type { GasHarness } from "./harness/gas-harness.js";
import { fixtureTemplate, writeConfig } from "./support/config-fixture.js";
import { at, lastAlert, logRows, OWNER, Q1, setUp, type Scenario, useScenario, useBundle } from "./support/scenario.js";

const sentTo = (h: GasHarness) => h.mail._sent.map((m) => m.to.join(","));

describe("Nhắc hạn nộp báo cáo (menu)", () => {
  let s: Scenario;
  let h: GasHarness;

  useScenario({}, async (x) => {
    s = x;
    h = x.h;
    s.submit("THPT01", { so_tin_bai: "10" });
    s.type("THPT02", "so_tin_bai", "4"); // a draft
    h.world.now = at("2024-03-18T15:00:00"); // two days before the 20/03 deadline
  });

  it("previews who would get what, and sends nothing on No", () => {
    h.log.reset();
    h.ui._answers.push({ button: "NO", text: "" });
    h.run("nhacHan");
    const preview = h.ui._alerts.at(-2)!;
    expect(preview.buttons).toBe("YES_NO");
    expect(preview.prompt).toContain(
      "Sẽ gửi email nhắc hạn cho 3 đơn vị (4 người nhận; hạn mức email còn lại hôm nay: 100 người nhận):",
    );
    expect(preview.prompt).toContain(
      `• THPT02 – Trường THPT Trần Phú: tranphu@hp.edu.vn, vanthu.tranphu@hp.edu.vn · ${Q1} · còn 2 ngày đến hạn · chưa tích Xác nhận gửi`,
    );
    expect(preview.prompt).toContain(
      `• THPT03 – Trường THPT Lê Quý Đôn: lequydon@hp.edu.vn · ${Q1} · còn 2 ngày đến hạn`,
    );
    expect(preview.prompt).toContain("Không có email người nhập trong trang Cấu hình (1 đơn vị): TT02");
    expect(preview.prompt).not.toContain("THPT01 –");
    expect(lastAlert(h)).toBe("Đã hủy, chưa gửi email nào.");
    expect(h.mail._sent).toEqual([]);
    expect(h.log.count({ service: "MailApp", method: "sendEmail" })).toBe(0);
  });

  it("on Yes mails each unit in Vietnamese with the link to its period's sheet, and logs every mail", () => {
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    expect(sentTo(h)).toEqual(["tranphu@hp.edu.vn,vanthu.tranphu@hp.edu.vn", "lequydon@hp.edu.vn", "lechan@hp.edu.vn"]);
    const m = h.mail._sent[0];
    expect(m.from).toBe(OWNER);
    expect(m.subject).toBe(
      "[Nhắc hạn] Quý I năm 2024: Báo cáo kết quả thực hiện chuyển đổi số trong giáo dục (hạn nộp 20/03/2024)",
    );
    expect(m.body).toMatch(/^Kính gửi: Trường THPT Trần Phú \(mã THPT02\),/);
    expect(m.body).toContain("còn 2 ngày đến hạn");
    expect(m.body).toContain(
      `https://docs.google.com/spreadsheets/d/1FakeSpreadsheetId/edit#gid=${h.sheet(Q1).getSheetId()}`,
    );
    expect(h.mail._quota).toBe(96);
    expect(lastAlert(h)).toBe("Đã gửi 3 email nhắc hạn (4 người nhận).");
    const rows = logRows(h).filter((r) => r.action === "Nhắc hạn");
    expect(rows.map((r) => [r.unit, r.counts, r.period, r.user])).toEqual([
      ["THPT02", "2 người nhận", Q1, OWNER],
      ["THPT03", "1 người nhận", Q1, OWNER],
      ["TT01", "1 người nhận", Q1, OWNER],
    ]);
  });

  it("never reminds a unit twice for the same period on one day", () => {
    h.run("nhacHan");
    expect(h.mail._sent.length).toBe(3);
    expect(lastAlert(h)).toContain("Đã nhắc hôm nay, không nhắc lại (3 đơn vị)");
    expect(lastAlert(h)).toContain("Không có email nhắc hạn nào cần gửi lúc này:");
    expect(h.ui._alerts.at(-1)!.buttons).toBe("OK");
  });

  it("sends what fits the day's quota and reports the rest, never going over it", () => {
    h.world.now = at("2024-03-19T08:00:00");
    h.mail._quota = 3;
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    expect(h.ui._alerts.at(-2)!.prompt).toContain(
      "Chưa gửi được hôm nay vì hết hạn mức email (1 đơn vị, chạy lại vào ngày mai): TT01 – Trung tâm GDNN-GDTX quận Lê Chân (Quý I năm 2024)",
    );
    expect(sentTo(h).slice(3)).toEqual(["tranphu@hp.edu.vn,vanthu.tranphu@hp.edu.vn", "lequydon@hp.edu.vn"]);
    expect(h.mail._quota).toBe(0);
    expect(lastAlert(h)).toContain("Còn 1 đơn vị chưa gửi (hết hạn mức email hoặc thời gian cho phép hôm nay): TT01.");
    expect(logRows(h).at(-1)!.counts).toBe("1 đơn vị chưa gửi");
    // Yesterday's record was dropped; today's holds what was sent today.
    const ledger = Object.keys(h.props._document.getProperties()).filter((k) => k.startsWith("tong-hop:nhac-han:"));
    expect(ledger).toEqual(["tong-hop:nhac-han:2024-03-19#0"]);
    expect(h.props._document.getProperty(ledger[0])).toBe("quy_1_2024|THPT02\nquy_1_2024|THPT03");
  });
});

describe("nhắc hạn tự động (daily trigger)", () => {
  let s: Scenario;
  let h: GasHarness;

  useScenario({}, async (x) => {
    s = x;
    h = x.h;
    s.submit("THPT01", { so_tin_bai: "10" });
    s.submit("THPT02", { so_tin_bai: "3" });
  });

  it("turns on after Yes: one trigger, every day at 7, as the person who turned it on", () => {
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("batTatNhacHanTuDong");
    expect(h.ui._alerts.at(-2)!.prompt).toContain("vào các ngày: 3 ngày trước hạn, 1 ngày sau hạn, 3 ngày sau hạn");
    expect(
      h.scriptApp._triggers.filter((t) => t._event === "CLOCK").map((t) => [t._handler, t._owner, t._clock]),
    ).toEqual([["nhacHanHangNgay", OWNER, { everyDays: 1, atHour: 7 }]]);
    expect(logRows(h).at(-1)!.action).toBe("Bật nhắc hạn tự động");
  });

  it("sends only on the reminder days, without any dialog, once a day", () => {
    const alerts = h.ui._alerts.length;
    h.world.now = at("2024-03-19T07:10:00"); // 1 day before: not a reminder day
    h.fireClockTriggers();
    expect(h.mail._sent).toEqual([]);
    h.world.now = at("2024-03-21T07:10:00"); // 1 day after the deadline
    h.fireClockTriggers();
    expect(sentTo(h)).toEqual(["lequydon@hp.edu.vn", "lechan@hp.edu.vn"]);
    expect(h.mail._sent[0].body).toContain("đã quá hạn 1 ngày");
    h.fireClockTriggers(); // a second run the same day
    expect(h.mail._sent.length).toBe(2);
    expect(h.ui._alerts.length).toBe(alerts);
    expect(h.consoleLines.filter((l) => l.startsWith("error"))).toEqual([]);
    expect(
      logRows(h)
        .filter((r) => r.action === "Nhắc hạn")
        .map((r) => r.note),
    ).toEqual(["đã quá hạn 1 ngày; tự động", "đã quá hạn 1 ngày; tự động"]);
  });

  it("takes the reminder days from Cấu hình", () => {
    writeConfig(h, fixtureTemplate({ reminderDays: [2] }));
    h.world.now = at("2024-03-22T07:10:00");
    h.fireClockTriggers();
    expect(h.mail._sent.length).toBe(4);
    expect(h.mail._sent[3].body).toContain("đã quá hạn 2 ngày");
  });

  it("turns off after Yes", () => {
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("batTatNhacHanTuDong");
    expect(h.ui._alerts.at(-2)!.prompt).toMatch(/^Nhắc hạn tự động đang bật/);
    expect(lastAlert(h)).toBe("Đã tắt nhắc hạn tự động.");
    expect(h.scriptApp._triggers.filter((t) => t._event === "CLOCK")).toEqual([]);
  });
});

describe("Nhắc hạn while units keep working", () => {
  useBundle();

  it("does not mail a unit that submitted while the preview was open", () => {
    const s = setUp();
    const h = s.h;
    h.world.now = at("2024-03-18T15:00:00");
    // THPT03 submits right after the preview box appears, before the Văn phòng clicks Yes.
    h.whenCalled("Ui.alert", 1, () => s.submit("THPT03", { so_tin_bai: "2" }));
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    expect(h.ui._alerts.at(-2)!.prompt).toContain("• THPT03 – Trường THPT Lê Quý Đôn");
    expect(sentTo(h)).toEqual(["ngoquyen@hp.edu.vn", "tranphu@hp.edu.vn,vanthu.tranphu@hp.edu.vn", "lechan@hp.edu.vn"]);
    expect(lastAlert(h)).toBe("Đã gửi 3 email nhắc hạn (4 người nhận).");
  });
});
