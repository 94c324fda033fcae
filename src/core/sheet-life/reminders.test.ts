import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mini } from "../../../test/fixtures/mini-template.js";
import {
  fitQuota,
  offsetText,
  packLines,
  planReminders,
  reminderKey,
  reminderMail,
  remindablePeriods,
  unpackLines,
  type Reminder,
} from "./reminders.js";

const t = { ...mini, reminderDays: [-3, 1, 3] };
const units = t.units.map((u, i) => ({
  ...u,
  editors:
    i === 1 ? [] : i === 0 ? ["A@truong.edu.vn", "a@truong.edu.vn", "bgh@truong.edu.vn"] : [`u${i}@truong.edu.vn`],
}));
const tt = { ...t, units };

describe("remindablePeriods", () => {
  // sau_thang_2023: deadline 2023-05-05; quy_1_2023: deadline 2023-04-05
  it("on schedule, only on the listed days before or after a deadline", () => {
    expect(remindablePeriods(t, "2023-05-02", "scheduled").map((x) => [x.period.id, x.offset])).toEqual([
      ["sau_thang_2023", -3],
    ]);
    expect(remindablePeriods(t, "2023-05-03", "scheduled")).toEqual([]);
    expect(remindablePeriods(t, "2023-05-08", "scheduled").map((x) => x.offset)).toEqual([3]);
  });
  it("from the menu, on any day of the reminder window", () => {
    expect(remindablePeriods(t, "2023-05-03", "manual").map((x) => x.offset)).toEqual([-2]);
    expect(remindablePeriods(t, "2023-05-09", "manual")).toEqual([]);
    expect(remindablePeriods({ ...t, reminderDays: [] }, "2023-05-03", "manual")).toEqual([]);
  });
});

describe("planReminders", () => {
  const period = t.periods[1];
  const outstanding = [
    { unitCode: "GDTX-D", draft: false },
    { unitCode: "THPT-A", draft: true },
    { unitCode: "THPT-B", draft: false },
  ];
  it("reminds each outstanding unit once, to its emails deduplicated, in Cấu hình order", () => {
    const p = planReminders(tt, [{ period, offset: -3, outstanding }], new Set());
    expect(p.due.map((r) => r.unitCode)).toEqual(["THPT-A", "GDTX-D"]);
    expect(p.due[0].emails).toEqual(["a@truong.edu.vn", "bgh@truong.edu.vn"]);
    expect(p.noEmail.map((r) => r.unitCode)).toEqual(["THPT-B"]);
  });
  it("skips a unit already reminded today for that period", () => {
    const p = planReminders(tt, [{ period, offset: -3, outstanding }], new Set([reminderKey(period.id, "THPT-A")]));
    expect(p.due.map((r) => r.unitCode)).toEqual(["GDTX-D"]);
    expect(p.alreadySent.map((r) => r.unitCode)).toEqual(["THPT-A"]);
  });
});

describe("fitQuota", () => {
  const r = (code: string, n: number): Reminder => ({
    periodId: "p",
    periodLabel: "P",
    deadline: "2023-05-05",
    offset: -1,
    unitCode: code,
    unitName: code,
    emails: Array.from({ length: n }, (_, i) => `${code}${i}@x.vn`),
    draft: false,
  });
  it("sends what fits, in order, and never more recipients than the quota (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 40 }),
        (sizes, quota) => {
          const due = sizes.map((n, i) => r(`U${i}`, n));
          const { send, later } = fitQuota(due, quota);
          const used = send.reduce((s, x) => s + x.emails.length, 0);
          return used <= quota && send.length + later.length === due.length && later.every((x) => x.emails.length > 0);
        },
      ),
    );
    const { send, later } = fitQuota([r("A", 2), r("B", 3), r("C", 1)], 3);
    expect(send.map((x) => x.unitCode)).toEqual(["A", "C"]);
    expect(later.map((x) => x.unitCode)).toEqual(["B"]);
  });
});

describe("reminderMail", () => {
  it("writes a Vietnamese subject and body with the deadline, the days and the link", () => {
    const rem: Reminder = {
      periodId: "sau_thang_2023",
      periodLabel: "6 tháng đầu năm 2023",
      deadline: "2023-05-05",
      offset: -3,
      unitCode: "THPT-A",
      unitName: "Trường THPT A",
      emails: ["a@truong.edu.vn"],
      draft: true,
    };
    const m = reminderMail(t, rem, "https://docs.google.com/spreadsheets/d/abc/edit#gid=7");
    expect(m.subject).toBe(`[Nhắc hạn] 6 tháng đầu năm 2023: ${t.plan.title} (hạn nộp 05/05/2023)`);
    expect(m.body).toContain("Kính gửi: Trường THPT A (mã THPT-A)");
    expect(m.body).toContain("còn 3 ngày đến hạn");
    expect(m.body).toContain('chưa tích ô "Xác nhận gửi"');
    expect(m.body).toContain("https://docs.google.com/spreadsheets/d/abc/edit#gid=7");
    expect(offsetText(2)).toBe("đã quá hạn 2 ngày");
    expect(offsetText(0)).toBe("hôm nay là hạn nộp");
  });
});

describe("packLines", () => {
  it("packs ledger lines into values under the limit and back (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9_|-]{1,30}$/), { maxLength: 400 }), (lines) => {
        const chunks = packLines(lines, 100);
        return chunks.every((c) => c.length <= 100) && JSON.stringify(unpackLines(chunks)) === JSON.stringify(lines);
      }),
    );
  });
});
