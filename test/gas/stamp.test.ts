/**
 * "Thời gian gửi" under Google's real rules: written by the Văn phòng's installable edit trigger,
 * never by the unit (the simple trigger runs as the unit, who may not write a protected range);
 * no document lock around it; log lines kept when they cannot be written; a tick without a time
 * never judged late.
 */
import { describe, expect, it } from "vitest";
import { NO_TIME_VALUE } from "../../src/core/compile/submission-status.js";
import { dialogWorkbook, readWorkbook } from "./support/read-back.js";
import { at, EDITOR, lastAlert, logRows, Q1, type Scenario, setUp, useBundle } from "./support/scenario.js";

const stampOf = (s: Scenario, code: string) => s.h.sheet(Q1)._value(s.cell("thoi_gian_gui", code));

/** Compiles with Q1 open; the dialog's lines and the Phụ lục II rows of the workbook. */
async function compile(s: Scenario): Promise<{ dialog: string; appendix2: string; summary: string }> {
  const h = s.h;
  h.ss._active = h.sheet(Q1);
  const before = h.ui._dialogs.length;
  await h.run("tongHopBaoCao");
  if (h.ui._dialogs.length !== before + 1) throw new Error(`compile failed: ${lastAlert(h)}`);
  const html = h.ui._dialogs.at(-1)!.html;
  const wb = await readWorkbook(Buffer.from(dialogWorkbook(html).base64, "base64"));
  const rows: string[] = [];
  wb.getWorksheet("Phụ lục II")!.eachRow((r) => rows.push((r.values as unknown[]).map(String).join(" | ")));
  const summary = h
    .sheet("Tổng hợp")
    ._grid()
    .map((r) => r.join(" | "))
    .join("\n");
  return { dialog: html, appendix2: rows.join("\n"), summary };
}

describe("the stamp column", () => {
  useBundle();

  it("is refused to the unit, typed or pasted over with its row, and the stamp stays", () => {
    const s = setUp();
    s.submit("THPT01", { so_tin_bai: "5" });
    const stamped = stampOf(s, "THPT01");
    expect(stamped).toEqual(at("2024-03-18T10:00:00"));
    const typed = s.h.type(EDITOR.THPT01, Q1, s.cell("thoi_gian_gui", "THPT01"), "01/03/2024 08:00");
    expect(typed.refused).toBe("protected");
    // A row pasted from the Excel blank: figures, the tick and an earlier time.
    const from = s.cell("so_tin_bai", "THPT01");
    const keys = s.h.sheet(Q1)._grid()[0] as string[];
    const width = keys.indexOf("thoi_gian_gui") - keys.indexOf("so_tin_bai") + 1;
    const row = Array.from({ length: width }, (_, i) => (i === 0 ? "9" : i === width - 1 ? "01/03/2024 08:00" : ""));
    expect(s.h.type(EDITOR.THPT01, Q1, from, [row]).refused).toBe("protected");
    expect(stampOf(s, "THPT01")).toEqual(stamped);
  });

  it("is written by the Văn phòng's trigger while a compile holds the document lock, logged once", async () => {
    const s = setUp();
    s.type("THPT02", "so_tin_bai", "4");
    s.h.world.now = at("2024-03-19T08:00:00");
    s.h.ss._active = s.h.sheet(Q1);
    // THPT02 ticks while the compile has just read the data, inside its lock.
    s.h.faults.after("Spreadsheet.getSheetValues", 1, () => s.type("THPT02", "xac_nhan_gui", true));
    await s.h.run("tongHopBaoCao");
    expect(stampOf(s, "THPT02")).toEqual(at("2024-03-19T08:00:00"));
    expect(logRows(s.h).filter((r) => r.unit === "THPT02" && r.action === "Xác nhận gửi").length).toBe(1);
  });

  it("is written while a set-up runs, logged once", () => {
    const s = setUp();
    s.type("THPT03", "so_tin_bai", "4");
    // THPT03 ticks once set-up has rewritten the data sheet, while it protects rows under the document lock.
    s.h.faults.after("Sheet.setConditionalFormatRules", 1, () => s.type("THPT03", "xac_nhan_gui", true));
    s.h.run("thietLapBangTinh");
    expect(stampOf(s, "THPT03")).toEqual(at("2024-03-18T10:00:00"));
    expect(logRows(s.h).filter((r) => r.unit === "THPT03" && r.action === "Xác nhận gửi").length).toBe(1);
  });

  it("is cleared on untick and stamped anew on re-tick; Nhật ký keeps both ticks and the untick", () => {
    const s = setUp();
    s.submit("THPT01", { so_tin_bai: "5" });
    s.h.world.now = at("2024-03-19T09:00:00");
    s.type("THPT01", "xac_nhan_gui", false);
    expect(stampOf(s, "THPT01")).toBe("");
    s.type("THPT01", "so_tin_bai", "6");
    s.h.world.now = at("2024-03-19T09:30:00");
    s.type("THPT01", "xac_nhan_gui", true);
    expect(stampOf(s, "THPT01")).toEqual(at("2024-03-19T09:30:00"));
    expect(
      logRows(s.h)
        .filter((r) => r.unit === "THPT01")
        .map((r) => [r.action, r.at]),
    ).toEqual([
      ["Xác nhận gửi", at("2024-03-18T10:00:00")],
      ["Bỏ xác nhận gửi", at("2024-03-19T09:00:00")],
      ["Xác nhận gửi", at("2024-03-19T09:30:00")],
    ]);
  });

  it("names a unit whose e-mail Apps Script hides (gmail, another domain) by its code in Nhật ký, in every trigger", () => {
    const s = setUp();
    s.submit("THPT02", { so_tin_bai: "5" });
    const line = logRows(s.h).find((r) => r.unit === "THPT02")!;
    expect(line.user).toBe("Đơn vị THPT02 (không rõ email)");
    const note = s.h.sheet(Q1)._cell(...cellAt(s, "thoi_gian_gui", "THPT02"))?.note ?? "";
    expect(note).toBe("");
  });
});

/** Row and column (1-based) of a unit's cell. */
function cellAt(s: Scenario, key: string, code: string): [number, number] {
  const g = s.h.sheet(Q1)._grid();
  return [g.findIndex((r) => r[1] === code) + 1, (g[0] as string[]).indexOf(key) + 1];
}

describe("a tick without a time", () => {
  useBundle();

  it("is listed in Tổng hợp and Phụ lục II as ticked without a time, and never called late", async () => {
    const s = setUp();
    // The edit trigger is gone (removed by hand, or its creator left): nothing stamps.
    s.h.scriptApp._triggers = [];
    s.submit("THPT01", { so_tin_bai: "5" });
    expect(stampOf(s, "THPT01")).toBe("");
    s.h.world.now = at("2024-03-28T10:00:00"); // after the 20/03 deadline
    const r = await compile(s);
    expect(r.summary).toContain(NO_TIME_VALUE);
    expect(r.appendix2).toContain(NO_TIME_VALUE);
    // After the deadline a tick with no time is "đã nộp, không rõ thời gian": never late.
    expect(r.dialog).toMatch(/0 nộp đúng hạn, 0 nộp muộn, 1 đã nộp không rõ thời gian/);
  });

  it("takes its time from Nhật ký when the trigger logged the tick but could not stamp it", async () => {
    const s = setUp();
    s.h.world.now = at("2024-03-25T10:00:00"); // late: after the 20/03 deadline
    s.type("THPT01", "so_tin_bai", "5");
    s.h.faults.arm({ method: "Range.setValues", sheet: Q1 });
    s.type("THPT01", "xac_nhan_gui", true);
    expect(stampOf(s, "THPT01")).toBe("");
    const r = await compile(s);
    expect(r.summary).not.toContain(NO_TIME_VALUE);
    expect(r.dialog).toMatch(/0 nộp đúng hạn, 1 nộp muộn/);
  });
});

describe("log lines", () => {
  useBundle();

  it("wait in the document properties while the log's lock is busy, and the next tick writes them first", () => {
    const s = setUp();
    s.h.locks._holdScriptElsewhere();
    s.submit("THPT01", { so_tin_bai: "5" });
    expect(logRows(s.h).some((r) => r.unit === "THPT01")).toBe(false);
    expect(Object.keys(s.h.props._document.getProperties()).some((k) => k.startsWith("tong-hop:pending-log:"))).toBe(
      true,
    );
    s.h.locks._releaseScript();
    s.h.world.now = at("2024-03-18T11:00:00");
    s.submit("THPT02", { so_tin_bai: "6" });
    expect(
      logRows(s.h)
        .filter((r) => r.action === "Xác nhận gửi")
        .map((r) => [r.unit, r.at]),
    ).toEqual([
      ["THPT01", at("2024-03-18T10:00:00")],
      ["THPT02", at("2024-03-18T11:00:00")],
    ]);
    expect(Object.keys(s.h.props._document.getProperties()).some((k) => k.startsWith("tong-hop:pending-log:"))).toBe(
      false,
    );
  });
});

describe("Hướng dẫn", () => {
  useBundle();

  it("explains untick and re-tick, the unverified-app screen, and claims no knowledge of who ticked", () => {
    const s = setUp();
    s.h.run("huongDan");
    const text = s.h.ui._dialogs.at(-1)!.html.replace(/<[^>]+>/g, "");
    expect(text).toContain("khi tích lại, Thời gian gửi là lúc tích lại");
    expect(text).toContain("Google chưa xác minh ứng dụng này");
    expect(text).toContain("Google Workspace của cơ quan");
    expect(text).toContain("Đơn vị &lt;mã&gt; (không rõ email)");
    expect(text).not.toMatch(/ghi email người gửi/);
  });
});
