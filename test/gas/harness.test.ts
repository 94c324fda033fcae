/** The fakes follow the real services' documented behaviour, seen from inside the script's realm. */
import { describe, expect, it } from "vitest";
import { GasHarness } from "./harness/gas-harness.js";
import { evaluate, parseFormula } from "./harness/formula.js";

const probe = (body: string, opts: Parameters<typeof GasHarness.load>[0] = {}) => {
  const h = GasHarness.load({ ...opts, code: `function probe() {\n${body}\n}` });
  return { h, out: h.run("probe") as unknown };
};

describe("fake SpreadsheetApp", () => {
  it("getValues: \"\" for empty cells, Date objects of the script's realm, booleans and numbers as stored", () => {
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
    expect(() => sh._range(1, 1, 2, 2).setValues([[1, 2]])).toThrow("The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.");
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
    expect(h.log.snapshot()).toEqual({ "SpreadsheetApp:SpreadsheetApp.getActive": 1, "SpreadsheetApp:Spreadsheet.getActiveSheet": 2, "SpreadsheetApp:Sheet.getRange": 1, "SpreadsheetApp:Range.setValue": 1 });
  });

  it("starts a new protection with the spreadsheet's editors; the owner and the running user cannot be removed", () => {
    const { h, out } = probe(`
      const p = SpreadsheetApp.getActive().getActiveSheet().getRange("A3:C3").protect();
      const before = p.getEditors().map((u) => u.getEmail());
      p.addEditor(Session.getEffectiveUser());
      p.removeEditors(p.getEditors());
      const after = p.getEditors().map((u) => u.getEmail());
      p.addEditors(["a@truong.edu.vn"]);
      return [before, after, p.canDomainEdit()];`, { sharedEditors: ["giaovien@sgddt.edu.vn"] });
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
  });
});
