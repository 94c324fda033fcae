/** Reminders the daily mail quota left unsent are carried to the next run, oldest first, never lost. */
import { describe, expect, it } from "vitest";
import { at, lastAlert, setUp, useBundle } from "./support/scenario.js";

describe("reminders over the mail quota", () => {
  useBundle();

  it("are kept and sent first by the next run, even on a day that is not a reminder day", () => {
    const s = setUp();
    const h = s.h;
    s.submit("THPT01", { so_tin_bai: "10" });
    h.world.now = at("2024-03-19T08:00:00");
    h.mail._quota = 3; // THPT02 (2 recipients) and THPT03 fit; TT01 does not.
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    expect(lastAlert(h)).toContain("gửi trước tiên ở lần nhắc sau");
    const carry = Object.keys(h.props._document.getProperties()).filter((k) =>
      k.startsWith("tong-hop:nhac-han-carry#"),
    );
    expect(carry.length).toBe(1);
    // The owner turns the daily reminders on; the next morning has a fresh quota.
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("batTatNhacHanTuDong");
    const before = h.mail._sent.length;
    h.mail._quota = 100;
    h.world.now = at("2024-03-23T07:10:00"); // after the deadline: no reminder day of the fixture
    h.fireClockTriggers();
    const sent = h.mail._sent.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent[0])).toContain("lechan@hp.edu.vn");
    expect(Object.keys(h.props._document.getProperties()).some((k) => k.startsWith("tong-hop:nhac-han-carry#"))).toBe(
      false,
    );
  });
});
