/** The fakes follow the real services' documented behaviour, seen from inside the script's realm. */
import { describe, expect, it } from "vitest";
import { GasHarness } from "./harness/gas-harness.js";
import { evaluate, parseFormula } from "./harness/formula.js";

const probe = (body: string, opts: Parameters<typeof GasHarness.load>[0] = {}) => {
  const h = GasHarness.load({ ...opts, code: `function probe() {\n${body}\n}` });
  return { h, out: h.run("probe") as unknown };
};

describe("fake SpreadsheetApp", () => {
  it('getValues: "" for empty cells, Date objects of the script\'s realm, booleans and numbers as stored', () => {
    const { out } = probe(`
      const sh = SpreadsheetApp.getActive().getActiveSheet();
      sh.getRange(1, 1, 1, 3).setValues([[new Date(Date.UTC(2024, 2, 20)), true, 1234]]);
      const v = sh.getRange("A1:D1").getValues();
      return [v[0][0] instanceof Date, v[0][0].toISOString(), v[0][1], v[0][2], v[0][3], Array.isArray(v) && v instanceof Array];`);
    expect(out).toEqual([true, "2024-03-20T00:00:00.000Z", true, 1234, "", true]);
  });

  it("refuses data whose shape does not match the range, and ranges outside the sheet, with the documented messages", () => {
    const { h } = probe("return 0;");
    const sh = h.ss._active;
    expect(() => sh._range(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sh._range(1, 1, 1, 2).setValues([[1]])).toThrow("The number of columns in the data does not match");
    expect(() => sh.getRange(1001, 1)).toThrow("outside the dimensions of the sheet");
  });

  it("counts every call, one proxy per object", () => {
    const { h, out } = probe(`
      const ss = SpreadsheetApp.getActive();
      const a = ss.getActiveSheet(); const b = ss.getActiveSheet();
      a.getRange("A1").setValue(5);
      return a === b;`);
    expect(out).toBe(true);
    expect(h.log.snapshot()).toEqual({
      "SpreadsheetApp:SpreadsheetApp.getActive": 1,
      "SpreadsheetApp:Spreadsheet.getActiveSheet": 2,
      "SpreadsheetApp:Sheet.getRange": 1,
      "SpreadsheetApp:Range.setValue": 1,
    });
  });

  it("getSheetValues reads a block in one call, -1 meaning up to the last row or column with data; getRangeList gives ranges in one call", () => {
    const { h, out } = probe(`
      const sh = SpreadsheetApp.getActive().getActiveSheet();
      sh.getRange(2, 1, 2, 3).setValues([[1, 2, 3], [4, 5, ""]]);
      const all = sh.getSheetValues(1, 1, -1, -1);
      const part = sh.getSheetValues(2, 2, -1, 1);
      const ranges = sh.getRangeList(["A2:C2", "B3"]).getRanges().map((r) => r.getA1Notation());
      return [all, part, ranges];`);
    expect(out).toEqual([
      [
        ["", "", ""],
        [1, 2, 3],
        [4, 5, ""],
      ],
      [[2], [5]],
      ["A2:C2", "B3"],
    ]);
    expect(h.log.count({ method: "getSheetValues" })).toBe(2);
    expect(h.log.count({ method: /^(RangeList\.getRanges|Sheet\.getRangeList)$/ })).toBe(2);
  });

  it("starts a new protection with the spreadsheet's editors; the owner and the running user cannot be removed", () => {
    const { h, out } = probe(
      `
      const p = SpreadsheetApp.getActive().getActiveSheet().getRange("A3:C3").protect();
      const before = p.getEditors().map((u) => u.getEmail());
      p.addEditor(Session.getEffectiveUser());
      p.removeEditors(p.getEditors());
      const after = p.getEditors().map((u) => u.getEmail());
      p.addEditors(["a@truong.edu.vn"]);
      return [before, after, p.canDomainEdit()];`,
      { sharedEditors: ["giaovien@sgddt.edu.vn"] },
    );
    expect(out).toEqual([["vanphong@sgddt.edu.vn", "giaovien@sgddt.edu.vn"], ["vanphong@sgddt.edu.vn"], true]);
    void h;
  });
});

describe("fake Utilities and CacheService", () => {
  it("newBlob and base64Encode take signed bytes only (−128..127), like Apps Script", () => {
    const { out } = probe(`
      const ok = Utilities.base64Encode(Utilities.newBlob([-1, 0, 127, -128], "application/octet-stream", "x.bin").getBytes());
      let refused = "";
      try { Utilities.newBlob([200]); } catch (e) { refused = e.message; }
      let refused64 = "";
      try { Utilities.base64Encode([255]); } catch (e) { refused64 = e.message; }
      return [ok, refused, refused64];`);
    const [ok, refused, refused64] = out as string[];
    expect(Buffer.from(ok, "base64")).toEqual(Buffer.from([255, 0, 127, 128]));
    expect(refused).toMatch(/outside −128..127/);
    expect(refused64).toMatch(/outside −128..127/);
  });

  it("caches values up to 100 KB only", () => {
    const { out } = probe(`
      const c = CacheService.getDocumentCache();
      c.put("a", "x".repeat(100 * 1024));
      try { c.put("b", "x".repeat(100 * 1024 + 1)); return "stored"; } catch (e) { return e.message; }`);
    expect(out).toMatch(/Argument too large/);
  });
});

describe("formula evaluator", () => {
  it("evaluates like Sheets: blanks, case-insensitive text, relative and absolute references", () => {
    const cells: Record<string, unknown> = { "1,1": "abc", "2,1": null, "1,2": 5, "2,2": true };
    const env = { today: 45372, now: 45372.5, read: (r: number, c: number) => (cells[`${r},${c}`] ?? null) as never };
    const ev = (f: string, at = { row: 1, col: 1 }) => evaluate(parseFormula(f), env, at, { row: 1, col: 1 });
    expect(ev('=A1="ABC"')).toBe(true);
    expect(ev('=A1<>""')).toBe(true);
    expect(ev('=A1<>""', { row: 2, col: 1 })).toBe(false);
    expect(ev("=AND($B2=TRUE,$B1>4)")).toBe(true);
    expect(ev("=AND(NOT(ISBLANK(A1)),NOT(ISNUMBER(A1)))")).toBe(true);
    expect(ev("=TODAY()>DATE(2024,3,20)")).toBe(true);
    expect(ev("=DATE(2024,3,20)")).toBe(45371);
    expect(ev('=LEFT($A1,2)="ab"')).toBe(true);
    expect(ev("=LEFT(B1,3)")).toBe("5");
    expect(ev("=LEFT(A1)")).toBe("a");
    expect(ev("=ROW()=1")).toBe(true);
    expect(ev("=ROW()", { row: 7, col: 2 })).toBe(7);
  });

  it("shows the first rule that holds, and only the formats it sets: bold without a colour keeps the cell's colour", () => {
    const { h } = probe(`
      const sh = SpreadsheetApp.getActive().getActiveSheet();
      sh.getRange("A1:B2").setValues([["x", "y"], ["", "z"]]);
      sh.getRange("B2").setBackground("#123456");
      const r = (f, a1) => SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(f).setRanges([sh.getRange(a1)]);
      sh.setConditionalFormatRules([r('=$A1="x"', "A1:B2").setBackground("#ff0000").setBold(true).build(), r('=A1<>""', "A1:B2").setBold(true).build()]);
      return 0;`);
    const name = h.ss._active._name;
    expect([h.shownBackground(name, "A1"), h.shownFontWeight(name, "A1")]).toEqual(["#ff0000", "bold"]);
    expect([h.shownBackground(name, "B2"), h.shownFontWeight(name, "B2")]).toEqual(["#123456", "bold"]);
    expect([h.shownBackground(name, "A2"), h.shownFontWeight(name, "A2")]).toEqual(["#ffffff", "normal"]);
  });
});

describe("fake Spreadsheet's active-sheet methods and Sheet.appendRow", () => {
  it("getSheetName, getLastRow, getLastColumn and getSheetValues act on the active sheet, one call each", () => {
    const { h, out } = probe(`
      const ss = SpreadsheetApp.getActive();
      ss.insertSheet("Khác").getRange("A1:B2").setValues([[1, 2], [3, ""]]);
      return [ss.getSheetName(), ss.getLastRow(), ss.getLastColumn(), ss.getSheetValues(1, 1, -1, -1)];`);
    expect(out).toEqual([
      "Khác",
      2,
      2,
      [
        [1, 2],
        [3, ""],
      ],
    ]);
    expect(h.log.count({ method: /^Spreadsheet\.(getSheetName|getLastRow|getLastColumn|getSheetValues)$/ })).toBe(4);
  });

  it("appendRow writes after the last row with content, growing a full sheet by a row", () => {
    const { h, out } = probe(`
      const sh = SpreadsheetApp.getActive().getActiveSheet();
      sh.getRange(1000, 1).setValue("cuối");
      sh.appendRow(["mới", 2]);
      return [sh.getMaxRows(), sh.getRange(1001, 1, 1, 2).getValues()[0]];`);
    expect(out).toEqual([1001, ["mới", 2]]);
    expect(h.log.count({ method: "appendRow" })).toBe(1);
  });
});

describe("fake Utilities.computeDigest", () => {
  it("is SHA-256 by node:crypto on the host, returned as Java's signed bytes", async () => {
    const { createHash } = await import("node:crypto");
    const { out } = probe(`
      const d = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "Tổng hợp báo cáo", Utilities.Charset.UTF_8);
      const a = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "Tổng", Utilities.Charset.US_ASCII);
      const b = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, [-1, 0, 127]);
      return [d, a, b];`);
    const [d, a, b] = out as number[][];
    const hex = (xs: number[]) => Buffer.from(Uint8Array.from(xs.map((x) => (x + 256) % 256))).toString("hex");
    expect(d.length).toBe(32);
    expect(d.every((x) => x >= -128 && x <= 127) && d.some((x) => x < 0)).toBe(true);
    expect(hex(d)).toBe(createHash("sha256").update("Tổng hợp báo cáo", "utf8").digest("hex"));
    expect(hex(a)).toBe(createHash("sha256").update("T?ng", "ascii").digest("hex"));
    expect(hex(b)).toBe(
      createHash("md5")
        .update(Buffer.from([255, 0, 127]))
        .digest("hex"),
    );
  });
});

describe("fake Range.setValues: strings are entered as typed", () => {
  it("reads numbers, booleans, dates and formulas in General cells; keeps text in '@' cells and behind an apostrophe", () => {
    const { h } = probe("return 0;");
    h.ss._locale = "vi_VN";
    h.ss._timeZone = "Asia/Ho_Chi_Minh";
    const sh = h.ss._active;
    sh._range(1, 5, 1, 1).setNumberFormat("@");
    sh._range(1, 1, 1, 6).setValues([["0912345678", "1.234", "TRUE", "'0912345678", "0912345678", "=A1*2"]]);
    expect(sh._grid()[0].slice(0, 5)).toEqual([912345678, 1234, true, "0912345678", "0912345678"]);
    expect(sh._cell(1, 6)!.formula).toBe("=A1*2");
    sh._range(2, 1, 1, 1).setValues([["20/03/2024"]]);
    expect(sh._value("A2")).toEqual(new Date("2024-03-19T17:00:00Z"));
    expect(() => sh._range(3, 1, 1, 1).setValues([["x".repeat(50_001)]])).toThrow(
      "more than the maximum of 50000 characters",
    );
  });
});

describe("fake MailApp", () => {
  it("counts the quota in recipients, refuses to go over it with the documented message, needs full authorisation", () => {
    const { h, out } = probe(`
      const before = MailApp.getRemainingDailyQuota();
      MailApp.sendEmail({ to: "a@x.vn,b@x.vn", cc: "c@x.vn", subject: "Nhắc hạn", body: "…" });
      MailApp.sendEmail("d@x.vn", "s", "b", { name: "Văn phòng" });
      return [before, MailApp.getRemainingDailyQuota()];`);
    expect(out).toEqual([100, 96]);
    expect(h.mail._sent.map((m) => [m.to, m.cc, m.name])).toEqual([
      [["a@x.vn", "b@x.vn"], ["c@x.vn"], undefined],
      [["d@x.vn"], [], "Văn phòng"],
    ]);
    const { h: h2 } = probe("return 0;");
    h2.mail._quota = 1;
    const ctx = h2.context as Record<string, unknown>;
    const mail = ctx.MailApp as { sendEmail(m: object): void };
    expect(() => mail.sendEmail({ to: "a@x.vn,b@x.vn", subject: "s", body: "b" })).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(() =>
      mail.sendEmail({ to: Array.from({ length: 51 }, (_, i) => `u${i}@x.vn`).join(","), subject: "s", body: "b" }),
    ).toThrow("Email Recipients Per Message");
    h2.world.authMode = "LIMITED";
    expect(() => mail.sendEmail({ to: "a@x.vn", subject: "s", body: "b" })).toThrow(/script\.send_mail/);
    expect(h2.mail._sent).toEqual([]);
  });
});

describe("fake ScriptApp time-driven triggers", () => {
  it("builds daily triggers at an hour, deletes them, and runs them without a user interface", () => {
    const code = `function probe() {
      const t = ScriptApp.newTrigger("tick").timeBased().everyDays(1).atHour(7).create();
      let bad = "";
      try { ScriptApp.newTrigger("tick").timeBased().atHour(7).create(); } catch (e) { bad = e.message; }
      return [t.getEventType(), ScriptApp.getProjectTriggers().length, bad];
    }
    function tick() { try { SpreadsheetApp.getUi(); globalThis.ui = "yes"; } catch (e) { globalThis.ui = e.message; } }
    function drop() { ScriptApp.getProjectTriggers().forEach((t) => ScriptApp.deleteTrigger(t)); }`;
    const h = GasHarness.load({ code });
    expect(h.run("probe")).toEqual(["CLOCK", 1, "Exception: The trigger needs a recurrence (everyDays, everyHours…)."]);
    expect(h.scriptApp._triggers[0]._clock).toEqual({ everyDays: 1, atHour: 7 });
    expect(h.fireClockTriggers()).toBe(1);
    expect((h.context as { ui?: string }).ui).toBe("Exception: Cannot call SpreadsheetApp.getUi() from this context.");
    h.run("drop");
    expect(h.scriptApp._triggers).toEqual([]);
  });
});

describe("fake LockService and Ui", () => {
  it("lets time pass while a held lock is awaited, and starts a waiting execution when it is released", () => {
    const code = `function hold() { const l = LockService.getDocumentLock(); l.waitLock(1000); globalThis.l = l; }
      function free() { globalThis.l.releaseLock(); }
      function attempt() { return LockService.getDocumentLock().tryLock(5000); }`;
    const h = GasHarness.load({ code, now: new Date("2024-03-18T03:00:00Z") });
    h.run("hold");
    const t0 = h.world.clock().getTime();
    expect(h.run("attempt")).toBe(false);
    expect(h.world.clock().getTime() - t0).toBe(5000);
    const order: string[] = [];
    h.locks._document.waiting.push(() => order.push(`waiting ran, lock ${h.run("attempt") ? "taken" : "held"}`));
    h.run("free");
    expect(order).toEqual(["waiting ran, lock taken"]);
  });

  it("answers alerts with the queued button, or CLOSE when the person just closes the box", () => {
    const { h } = probe("return 0;");
    const ui = (h.context as { SpreadsheetApp: { getUi(): { alert(...a: string[]): string } } }).SpreadsheetApp.getUi();
    h.ui._answers.push({ button: "YES", text: "" });
    expect(ui.alert("T", "Tiếp tục?", "YES_NO")).toBe("YES");
    expect(ui.alert("T", "Tiếp tục?", "YES_NO")).toBe("CLOSE");
    expect(ui.alert("Xong")).toBe("OK");
    expect(h.ui._alerts.map((a) => a.buttons)).toEqual(["YES_NO", "YES_NO", "OK"]);
  });

  it("refuses to rename or delete a protected sheet for someone the protection does not allow", () => {
    const { h } = probe("return 0;", { sharedEditors: ["gv@sgddt.edu.vn"] });
    const s = h.ss.insertSheet("Nhật ký");
    const p = s.protect();
    p.removeEditors(p.getEditors());
    h.world.effectiveUser = "gv@sgddt.edu.vn";
    p._domainEdit = false;
    expect(() => s.setName("khác")).toThrow("protected");
    expect(() => h.ss.deleteSheet(s)).toThrow("protected");
  });
});

describe("fault injection", () => {
  it("throws on the nth matching call only, and records it", () => {
    const { h } = probe("return 0;");
    h.faults.arm({ method: "Range.setValues", nth: 2 });
    const ctx = h.context as {
      SpreadsheetApp: {
        getActive(): { getActiveSheet(): { getRange(a: string): { setValues(v: unknown[][]): unknown } } };
      };
    };
    const r = ctx.SpreadsheetApp.getActive().getActiveSheet().getRange("A1");
    r.setValues([[1]]);
    expect(() => r.setValues([[2]])).toThrow("Service Spreadsheets failed");
    r.setValues([[3]]);
    expect(h.faults.fired).toEqual([
      {
        method: "Range.setValues",
        message: expect.stringContaining("Service Spreadsheets failed"),
        sheet: "Trang tính1",
      },
    ]);
    expect(h.ss._active._value("A1")).toBe(3);
  });
});

describe("fakes as strict as Google's reference (issue 10)", () => {
  it("CacheService measures a value in UTF-8 bytes (102,400) and refuses a key over 250 characters", () => {
    const { out } = probe(`
      const c = CacheService.getDocumentCache();
      const r = [];
      // 40,000 "ư" are 80,000 bytes: stored; 60,000 are 120,000 bytes, under 102,400 characters: refused.
      try { c.put("a", "ư".repeat(40000)); r.push("ok"); } catch (e) { r.push(e.message); }
      try { c.put("b", "ư".repeat(60000)); r.push("ok"); } catch (e) { r.push(e.message); }
      try { c.put("k".repeat(251), "v"); r.push("ok"); } catch (e) { r.push(e.message); }
      try { c.putAll({ ok: "1", ["k".repeat(251)]: "2" }); r.push("ok"); } catch (e) { r.push(e.message); }
      r.push(c.get("ok"));
      return r;`);
    expect(out).toEqual([
      "ok",
      "Exception: Argument too large: value",
      "Exception: Argument too large: key",
      "Exception: Argument too large: key",
      null,
    ]);
  });

  it("runs a simple trigger as the editing user: its write to a range protected against them throws", () => {
    const h = GasHarness.load({
      code: `function onEdit(e) { try { e.range.getSheet().getRange("B1").setValue("x"); globalThis.r = "written"; } catch (err) { globalThis.r = err.message; } }`,
      sharedEditors: ["donvi@gmail.com"],
    });
    const p = h.ss._active.getRange("B1").protect();
    p.removeEditors(["donvi@gmail.com"]);
    h.type("donvi@gmail.com", h.ss._active._name, "A1", "1");
    expect((h.context as { r?: string }).r).toMatch(/protected cell/);
  });

  it("lists only the caller's triggers and refuses to delete another user's", () => {
    const h = GasHarness.load({ code: "function khiSua(e) {}", sharedEditors: ["clerk@sgddt.edu.vn"] });
    h.runAs("clerk@sgddt.edu.vn", "khiSua"); // (the function exists)
    const t = h.scriptApp.newTrigger("khiSua").onEdit().create(); // created by the owner
    h.world.effectiveUser = "clerk@sgddt.edu.vn";
    expect(h.scriptApp.getProjectTriggers()).toEqual([]);
    expect(() => h.scriptApp.deleteTrigger(t)).toThrow(/another user/);
  });

  it("hides a gmail or other-domain user's e-mail from Session in a simple trigger and in an installable one", () => {
    const h = GasHarness.load({
      code: `function onEdit(e) { globalThis.simple = Session.getActiveUser().getEmail(); }
             function khiSua(e) { globalThis.installable = Session.getActiveUser().getEmail(); }`,
      sharedEditors: ["donvi@gmail.com"],
    });
    h.scriptApp.newTrigger("khiSua").onEdit().create();
    h.type("donvi@gmail.com", h.ss._active._name, "A1", "1");
    const ctx = h.context as { simple?: string; installable?: string };
    expect([ctx.simple, ctx.installable]).toEqual(["", ""]);
  });
});
