/**
 * Concurrency and faults: the document lock keeps compile, set-up, archive, reminders and
 * stamping apart; a service call that throws halfway leaves every sheet as it was (or clearly
 * named as unfinished), never half-written. Tổng hợp is written in place in one setValues, so
 * it shows the previous compile or this one, whole; when it is built anew it is written under a
 * temporary name first. Every fault here is asserted to have fired.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { SUMMARY_LAYOUT_KEY } from "../../src/gas/sheets/summary-sheet.js";
import { SERVICE_FAILED } from "./harness/faults.js";
import type { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { at, EDITOR, lastAlert, logRows, Q1, setUp, type Scenario } from "./support/scenario.js";

const ARCHIVE = `Lưu trữ - ${Q1}`;
const BUSY = /^Đang có một lần Tổng hợp báo cáo/;
const PERSONAL = /[\w.]+@[\w.]+\.\w+|0\d{9}/;

let s: Scenario;
let h: GasHarness;
const names = () => h.ss._sheets.map((x) => x._name);
const grid = (name: string) => JSON.stringify(h.sheet(name)._grid());
const stampOf = (code: string) => h.sheet(Q1)._value(s.cell("thoi_gian_gui", code));

beforeEach(async () => {
  await ensureBuilt();
  s = setUp();
  h = s.h;
  s.submit("THPT01", { so_tin_bai: "12", dien_thoai: "0912345678" });
  s.type("THPT02", "so_tin_bai", "4");
  h.world.now = at("2024-03-19T10:00:00");
});

async function compile(): Promise<void> {
  h.ss._active = h.sheet(Q1);
  await h.run("tongHopBaoCao");
}

describe("the document lock", () => {
  it("turns every lifecycle command away with a Vietnamese message while another execution holds it, touching nothing", async () => {
    await compile();
    const before = grid("Tổng hợp");
    h.locks._holdElsewhere();
    h.log.reset();
    for (const name of ["tongHopBaoCao", "kiemTraDuLieu", "thietLapBangTinh", "moKyBaoCaoMoi"]) {
      const alerts = h.ui._alerts.length;
      await h.run(name);
      expect(h.ui._alerts.length, name).toBe(alerts + 1);
      expect(lastAlert(h), name).toMatch(BUSY);
    }
    expect(h.log.count({ method: /^Range\.(get|set)/ })).toBe(0);
    // Nhắc hạn previews without the lock, then needs it to send.
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    expect(h.ui._alerts.at(-2)!.buttons).toBe("YES_NO");
    expect(lastAlert(h)).toMatch(BUSY);
    expect(lastAlert(h)).toContain("Chưa gửi email nào.");
    expect(grid("Tổng hợp")).toBe(before);
    expect(h.mail._sent).toEqual([]);
    h.locks._release();
    await compile();
    expect(h.ui._dialogs.length).toBe(2);
  });

  it("on a tick while the document lock is held (a compile, a set-up), stamps and logs at once without waiting", () => {
    h.locks._holdElsewhere();
    const t0 = h.world.clock().getTime();
    s.type("THPT03", "xac_nhan_gui", true);
    expect(stampOf("THPT03")).toEqual(h.world.clock());
    expect(h.world.clock().getTime()).toBe(t0);
    expect(logRows(h).filter((r) => r.unit === "THPT03" && r.action === "Xác nhận gửi").length).toBe(1);
    h.locks._release();
  });

  it("stamps and logs both units when two tick at the same moment", () => {
    // THPT02's tick starts while THPT01's execution has just read where the log ends.
    h.whenCalled("Sheet.getLastRow", 1, () => s.type("THPT02", "xac_nhan_gui", true));
    s.type("THPT03", "xac_nhan_gui", true);
    expect(stampOf("THPT02")).toEqual(h.world.clock());
    expect(stampOf("THPT03")).toEqual(h.world.clock());
    const ticks = logRows(h)
      .filter((r) => r.action === "Xác nhận gửi")
      .map((r) => r.unit);
    expect(ticks.sort()).toEqual(["THPT01", "THPT02", "THPT03"]);
  });

  it("(control) without the log's lock the same overlap loses a log line: the race is real", () => {
    h.locks._script.disabled = true;
    h.whenCalled("Sheet.getLastRow", 1, () => s.type("THPT02", "xac_nhan_gui", true));
    s.type("THPT03", "xac_nhan_gui", true);
    const ticks = logRows(h)
      .filter((r) => r.action === "Xác nhận gửi")
      .map((r) => r.unit);
    expect(ticks.length).toBe(2);
  });
});

describe("faults in Tổng hợp báo cáo, written in place (every compile after the first)", () => {
  let before: string;
  let logged: number;
  beforeEach(async () => {
    await compile();
    s.type("THPT01", "so_tin_bai", "99"); // the next compile would change the summary
    before = grid("Tổng hợp");
    logged = logRows(h).length;
  });
  const untouched = () => {
    expect(grid("Tổng hợp")).toBe(before);
    expect(lastAlert(h)).toMatch(
      /^Không tổng hợp được báo cáo; trang "Tổng hợp" cũ vẫn giữ nguyên\.\nLỗi không mong muốn: Exception: Service Spreadsheets failed/,
    );
    expect(h.ui._dialogs.length).toBe(1);
    expect(logRows(h).length).toBe(logged);
  };

  it("a fault while writing the values leaves Tổng hợp exactly as it was: they are one setValues", async () => {
    h.faults.arm({ method: "Range.setValues", sheet: "Tổng hợp" });
    await compile();
    expect(h.faults.fired.length).toBe(1);
    untouched();
    await compile();
    expect(h.ui._dialogs.length).toBe(2);
    expect(grid("Tổng hợp")).not.toBe(before);
  });

  it("a fault while building the Excel file writes nothing: the file is made before any write", async () => {
    h.faults.arm({ method: "Utilities.newBlob" });
    await compile();
    expect(h.faults.fired.length).toBe(1);
    untouched();
  });

  it("a fault while recording a longer summary's size writes nothing, so a later shorter one still blanks every row", async () => {
    const short = h.sheet("Tổng hợp")._grid().length;
    s.type("THPT02", "so_tin_bai", "12 bài");
    s.type("THPT02", "so_lop_tap_huan", "ba lớp");
    s.type("THPT02", "xac_nhan_gui", true);
    before = grid("Tổng hợp");
    logged = logRows(h).length;
    // The compile's property writes: the period compiled last, then the summary's new, larger size.
    h.faults.arm({ method: "Properties.setProperty", nth: 2 });
    await compile();
    expect(h.faults.fired.length).toBe(1);
    untouched();
    s.type("THPT02", "so_tin_bai", "4");
    s.type("THPT02", "so_lop_tap_huan", "3");
    await compile();
    const g = h.sheet("Tổng hợp")._grid();
    expect(g.length).toBeLessThanOrEqual(short);
    expect(g.flat().filter((v) => v === "ba lớp" || v === "12 bài")).toEqual([]);
  });

  it("a fault after the values landed says Tổng hợp is complete and up to date; its status line names this compile", async () => {
    h.world.now = at("2024-03-19T15:45:00");
    h.faults.arm({ method: "Ui.showModalDialog" });
    await compile();
    expect(h.faults.fired.length).toBe(1);
    expect(lastAlert(h)).toMatch(
      /^Không tổng hợp được báo cáo; trang "Tổng hợp" đã được cập nhật đầy đủ nhưng chưa mở được hộp thoại tải tệp; hãy chạy lại để tải\./,
    );
    const g = h.sheet("Tổng hợp")._grid();
    expect(g[2][0]).toMatch(/^Cập nhật lúc 19\/03\/2024 15:45 bởi /);
    expect(g.some((r) => r[1] === "Số tin, bài đăng trên cổng thông tin" && r[4] === 99)).toBe(true);
    expect(logRows(h).length).toBe(logged + 1);
  });

  it("a fault while logging still delivers the report, and says the log was not written", async () => {
    h.faults.arm({ method: "Sheet.appendRow", sheet: "Nhật ký" });
    await compile();
    expect(h.faults.fired.length).toBe(1);
    expect(h.ui._dialogs.length).toBe(2);
    expect(h.ui._dialogs[1].html).toContain("chưa ghi được vào trang &quot;Nhật ký&quot;");
    expect(
      h
        .sheet("Tổng hợp")
        ._grid()
        .some((r) => r[1] === "Số tin, bài đăng trên cổng thông tin" && r[4] === 99),
    ).toBe(true);
    expect(logRows(h).length).toBe(logged);
  });

  it("when the sheet cannot be reached in place, it is built anew, complete", async () => {
    const old = h.sheet("Tổng hợp");
    h.faults.arm({ method: "Spreadsheet.getRange" });
    await compile();
    expect(h.faults.fired.length).toBe(1);
    expect(h.ui._dialogs.length).toBe(2);
    const now = h.sheet("Tổng hợp");
    expect(now).not.toBe(old);
    expect(names().filter((n) => n.startsWith("Tổng hợp"))).toEqual(["Tổng hợp"]);
    expect(now._grid().some((r) => r[1] === "Số tin, bài đăng trên cổng thông tin" && r[4] === 99)).toBe(true);
    expect([now._charts.length, now.getProtections("SHEET").length, now._cfRules.length > 0]).toEqual([1, 1, true]);
  });
});

describe("faults while Tổng hợp is built anew (the first compile of this version, or the groups changed)", () => {
  let before: string;
  let sheets: string[];
  let logged: number;
  beforeEach(async () => {
    await compile();
    s.type("THPT01", "so_tin_bai", "99");
    // What an earlier version left: a Tổng hợp and no record of it.
    h.props._document._data.delete(SUMMARY_LAYOUT_KEY);
    before = grid("Tổng hợp");
    sheets = names();
    logged = logRows(h).length;
  });

  for (const [what, rule] of [
    ["writing the values", { method: "Range.setValues", sheet: "Tổng hợp (đang ghi, chưa xong)" }],
    ["setting its look", { method: "Sheet.setConditionalFormatRules" }],
    ["inserting the chart", { method: "Sheet.insertChart" }],
    ["protecting it", { method: "Sheet.protect" }],
    ["renaming the new sheet", { method: "Sheet.setName", nth: 2 }],
  ] as const) {
    it(`a fault while ${what} leaves the previous Tổng hợp exactly as it was, and the next compile builds it`, async () => {
      h.faults.arm(rule);
      await compile();
      expect(h.faults.fired.length).toBe(1);
      expect(grid("Tổng hợp")).toBe(before);
      expect(names()).toEqual(sheets);
      expect(lastAlert(h)).toMatch(
        /^Không tổng hợp được báo cáo; trang "Tổng hợp" cũ vẫn giữ nguyên\.\nLỗi không mong muốn: Exception: Service Spreadsheets failed/,
      );
      expect(h.ui._dialogs.length).toBe(1);
      expect(logRows(h).length).toBe(logged);
      // Nothing half-built is trusted: the next compile builds the sheet again, whole.
      expect(h.props._document._data.has(SUMMARY_LAYOUT_KEY)).toBe(false);
      await compile();
      expect(h.ui._dialogs.length).toBe(2);
      expect(names()).toEqual(sheets);
      expect([h.sheet("Tổng hợp")._charts.length, h.sheet("Tổng hợp").getProtections("SHEET").length]).toEqual([1, 1]);
    });
  }

  it("when even the clean-up fails, the unfinished sheet is named as such; the next compile removes it", async () => {
    h.faults.arm({ method: "Sheet.insertChart" });
    h.faults.arm({ method: "Spreadsheet.deleteSheet" });
    await compile();
    expect(h.faults.fired.map((f) => f.method)).toEqual(["Sheet.insertChart", "Spreadsheet.deleteSheet"]);
    expect(names()).toContain("Tổng hợp (đang ghi, chưa xong)");
    expect(grid("Tổng hợp")).toBe(before);
    await compile();
    expect(names()).toEqual(sheets);
    expect(
      h
        .sheet("Tổng hợp")
        ._grid()
        .some((r) => r[1] === "Số tin, bài đăng trên cổng thông tin" && r[4] === 99),
    ).toBe(true);
  });
});

describe("faults in Mở kỳ báo cáo mới", () => {
  const archive = () => {
    h.ss._active = h.sheet(Q1);
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("moKyBaoCaoMoi");
  };

  for (const [what, rules] of [
    ["writing the archive", [{ method: "Range.setValues", sheet: `${ARCHIVE} (đang ghi, chưa xong)` }]],
    ["reading the archive back", [{ method: "Range.getValues", sheet: `${ARCHIVE} (đang ghi, chưa xong)` }]],
    ["hiding the key row", [{ method: "Sheet.hideRows", nth: 2 }]],
  ] as const) {
    it(`a fault while ${what} leaves the data sheet as it was, unlocked, and no archive`, () => {
      const before = grid(Q1);
      const sheets = names();
      rules.forEach((r) => h.faults.arm(r));
      archive();
      expect(h.faults.fired.length).toBe(rules.length);
      expect(grid(Q1)).toBe(before);
      expect(names()).toEqual(sheets);
      expect(h.sheet(Q1).getProtections("SHEET")).toEqual([]);
      expect(lastAlert(h)).toMatch(/^Chưa mở được kỳ báo cáo mới; trang số liệu vẫn giữ nguyên\./);
      expect(s.type("THPT03", "so_tin_bai", "1").accepted).toBe(true);
    });
  }

  it("when even the clean-up fails, the unfinished archive is named as such; the next run cleans it and archives", () => {
    h.faults.arm({ method: "Range.setValues", sheet: `${ARCHIVE} (đang ghi, chưa xong)` });
    h.faults.arm({ method: "Spreadsheet.deleteSheet" });
    const before = grid(Q1);
    archive();
    expect(h.faults.fired.map((f) => f.method)).toEqual(["Range.setValues", "Spreadsheet.deleteSheet"]);
    expect(names()).toContain(`${ARCHIVE} (đang ghi, chưa xong)`);
    expect(names()).not.toContain(ARCHIVE);
    expect(grid(Q1)).toBe(before);
    archive();
    expect(names().filter((n) => n.startsWith("Lưu trữ"))).toEqual([ARCHIVE]);
    expect(names()).not.toContain(Q1);
  });

  it("when the data sheet cannot be removed, the archive is kept, the sheet stays locked, and a second run finishes without copying twice", () => {
    h.faults.arm({ method: "Spreadsheet.deleteSheet" });
    archive();
    expect(h.faults.fired.length).toBe(1);
    expect(lastAlert(h)).toContain(
      `Chưa xóa được trang "${Q1}" (đang tạm khóa); số liệu đã an toàn trong trang lưu trữ.`,
    );
    expect(names()).toContain(ARCHIVE);
    expect(s.type("THPT03", "so_tin_bai", "1").refused).toBe("protected");
    archive();
    expect(h.ui._alerts.at(-2)!.prompt).toContain(`trang "${ARCHIVE}"`);
    expect(lastAlert(h)).toContain(
      `Trang "${ARCHIVE}" đã có đúng số liệu này (lần chạy trước dừng giữa chừng); không chép lại.`,
    );
    expect(names().filter((n) => n.startsWith("Lưu trữ"))).toEqual([ARCHIVE]);
    expect(names()).not.toContain(Q1);
    expect(logRows(h).filter((r) => r.action === "Lưu trữ kỳ báo cáo").length).toBe(2);
  });
});

describe("faults elsewhere", () => {
  it("a failed time stamp writes nothing, the log keeps the time and the compile takes it; the console shows no email or phone", async () => {
    h.faults.arm({
      method: "Range.setValues",
      sheet: Q1,
      message: `${SERVICE_FAILED} (user ${EDITOR.THPT03}, tel 0987654321)`,
    });
    s.type("THPT03", "xac_nhan_gui", true);
    expect(h.faults.fired.length).toBe(1);
    expect(stampOf("THPT03")).toBe("");
    const logged = logRows(h).find((r) => r.unit === "THPT03" && r.action === "Xác nhận gửi")!;
    expect(logged.at).toEqual(h.world.clock());
    const line = h.consoleLines.find((l) => l.includes("Service Spreadsheets failed"))!;
    expect(line).toContain("[email]");
    expect(line).toContain("[số điện thoại]");
  });

  it("a failed log line in the installable trigger keeps the stamp, and the line is written by the next tick", () => {
    h.faults.arm({ method: "Range.setValues", sheet: "Nhật ký" });
    s.type("THPT03", "xac_nhan_gui", true);
    expect(h.faults.fired.length).toBe(1);
    expect(stampOf("THPT03")).toEqual(h.world.clock());
    expect(logRows(h).some((r) => r.unit === "THPT03")).toBe(false);
    s.type("THPT02", "xac_nhan_gui", true);
    expect(
      logRows(h)
        .filter((r) => r.action === "Xác nhận gửi")
        .map((r) => r.unit),
    ).toEqual(["THPT01", "THPT03", "THPT02"]);
  });

  it("a fault in set-up keeps every entered value and asks to run it again, which completes it", () => {
    const before = JSON.stringify(h.sheet(Q1)._grid().slice(2));
    h.faults.arm({ method: "Range.setDataValidations", sheet: Q1 });
    h.run("thietLapBangTinh");
    expect(h.faults.fired.length).toBe(1);
    expect(lastAlert(h)).toMatch(
      /^Không thiết lập được bảng tính; số liệu đã nhập vẫn được giữ\. Hãy chạy lại Thiết lập bảng tính\./,
    );
    expect(JSON.stringify(h.sheet(Q1)._grid().slice(2))).toBe(before);
    h.run("thietLapBangTinh");
    expect(JSON.stringify(h.sheet(Q1)._grid().slice(2))).toBe(before);
    expect(
      h
        .sheet(Q1)
        ._cell(3, h.sheet(Q1)._grid()[0].indexOf("xac_nhan_gui") + 1)!
        .validation!.getCriteriaType(),
    ).toBe("CHECKBOX");
  });

  it("a mail that fails is reported and retried later that day; the others go out", () => {
    h.faults.arm({
      method: "MailApp.sendEmail",
      nth: 2,
      message: `Exception: Failed to send email to ${EDITOR.THPT03}`,
    });
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    expect(h.faults.fired.length).toBe(1);
    expect(h.mail._sent.map((m) => m.to[0])).toEqual(["tranphu@hp.edu.vn", "lechan@hp.edu.vn"]);
    expect(lastAlert(h)).toContain("Không gửi được 1 đơn vị: THPT03 (Exception: Failed to send email to [email]).");
    expect(logRows(h).find((r) => r.unit === "THPT03" && r.action === "Nhắc hạn")!.note).toBe(
      "Không gửi được: Exception: Failed to send email to [email]",
    );
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    expect(h.mail._sent.map((m) => m.to[0])).toEqual(["tranphu@hp.edu.vn", "lechan@hp.edu.vn", "lequydon@hp.edu.vn"]);
    expect(h.consoleLines.every((l) => !PERSONAL.test(l))).toBe(true);
  });
});
