/**
 * Security: each unit edits only its own row; headers, Cấu hình, Tổng hợp, the archive and the
 * log are the Văn phòng's; protections follow Cấu hình's unit list; only narrow OAuth scopes;
 * formula-like text stays text; download names are safe; no emails or phones in the logs.
 */
import { dialogWorkbook } from "./support/read-back.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { safeFileName } from "../../src/gas/platform/file-name.js";
import type { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { fixtureInput, fixtureTemplate, writeConfig } from "./support/config-fixture.js";
import { at, EDITOR, H1, OWNER, Q1, setUp, type Scenario, useScenario } from "./support/scenario.js";

const ROOT = new URL("../../", import.meta.url);

/** The scopes the add-on may ask for: the narrowest that do the job. */
const ALLOWED_SCOPES = new Set([
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/userinfo.email",
  "https://www.googleapis.com/auth/script.scriptapp",
  "https://www.googleapis.com/auth/script.send_mail",
]);
/** Scopes that must never appear: whole Drive, every spreadsheet, the mailbox. */
const FORBIDDEN = [
  /\/auth\/drive(\.readonly)?$/,
  /\/auth\/spreadsheets(\.readonly)?$/,
  /mail\.google\.com/,
  /\/auth\/gmail\./,
];

/** Scopes of a manifest outside the allow-list, or forbidden outright. */
function badScopes(manifest: { oauthScopes?: string[] }): string[] {
  return (manifest.oauthScopes ?? []).filter((s) => !ALLOWED_SCOPES.has(s) || FORBIDDEN.some((re) => re.test(s)));
}

describe("appsscript.json", () => {
  it("asks only for scopes on the allow-list, none of them broad", async () => {
    const manifest = JSON.parse(readFileSync(new URL("appsscript.json", ROOT), "utf8"));
    expect(badScopes(manifest)).toEqual([]);
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/script.send_mail");
    const built = await ensureBuilt();
    expect(JSON.parse(readFileSync(join(built.file, "..", "appsscript.json"), "utf8")).oauthScopes).toEqual(
      manifest.oauthScopes,
    );
  });

  it("(the check itself) catches full Drive, full Sheets, Gmail and anything not on the list", () => {
    const bad = [
      "https://www.googleapis.com/auth/drive",
      "https://www.googleapis.com/auth/spreadsheets",
      "https://mail.google.com/",
      "https://www.googleapis.com/auth/gmail.send",
      "https://www.googleapis.com/auth/script.external_request",
    ];
    expect(badScopes({ oauthScopes: [...ALLOWED_SCOPES, ...bad] })).toEqual(bad);
  });
});

describe("who may edit what", () => {
  let s: Scenario;
  let h: GasHarness;

  useScenario({}, async (x) => {
    s = x;
    h = x.h;
    s.submit("THPT01", { so_tin_bai: "5" });
    h.ss._active = h.sheet(Q1);
    await h.run("tongHopBaoCao");
    h.ss._active = h.sheet(H1);
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("moKyBaoCaoMoi"); // archives the half-year period
  });

  it("keeps unit THPT02's editors out of THPT01's row, the headers, Cấu hình, Tổng hợp, the archive and the log", () => {
    const targets: [string, string][] = [
      [Q1, s.cell("so_tin_bai", "THPT01")],
      [Q1, s.cell("xac_nhan_gui", "THPT01")],
      [Q1, "E2"],
      [Q1, "E1"],
      [Q1, s.cell("ten_don_vi", "THPT02")],
      ["Cấu hình", "B6"],
      ["Tổng hợp", "A1"],
      [`Lưu trữ - ${H1}`, "B5"],
      ["Nhật ký", "A2"],
    ];
    for (const who of ["tranphu@hp.edu.vn", "vanthu.tranphu@hp.edu.vn"]) {
      for (const [sheet, a1] of targets)
        expect(h.type(who, sheet, a1, "7").refused, `${who} ${sheet}!${a1}`).toBe("protected");
      expect(h.type(who, Q1, s.cell("so_tin_bai", "THPT02"), "7").accepted, who).toBe(true);
    }
  });

  it("lets the Văn phòng (the owner) edit all of them", () => {
    for (const [sheet, a1] of [
      [Q1, s.cell("so_tin_bai", "THPT01")],
      [Q1, "E2"],
      ["Cấu hình", "B40"],
      ["Tổng hợp", "A1"],
      [`Lưu trữ - ${H1}`, "B5"],
      ["Nhật ký", "H2"],
    ]) {
      expect(h.type(OWNER, sheet, a1, "ghi chú").accepted, `${sheet}!${a1}`).toBe(true);
    }
  });

  it("re-applies protections when Cấu hình's unit list changes: a removed editor loses access, a new unit gets its own row", () => {
    const input = fixtureInput() as { units: { code: string; editors: string[] }[] };
    const units = [
      ...input.units
        .filter((u) => u.code !== "TT02")
        .map((u) => (u.code === "THPT02" ? { ...u, editors: ["tranphu@hp.edu.vn"] } : u)),
      { code: "THPT04", name: "Trường THPT Thái Phiên", group: "THPT", editors: ["thaiphien@hp.edu.vn"] },
    ];
    h.world.sharedEditors.add("thaiphien@hp.edu.vn");
    writeConfig(h, fixtureTemplate({ units }));
    h.run("thietLapBangTinh");
    expect(h.type("vanthu.tranphu@hp.edu.vn", Q1, s.cell("so_tin_bai", "THPT02"), "8").refused).toBe("protected");
    expect(h.type("tranphu@hp.edu.vn", Q1, s.cell("so_tin_bai", "THPT02"), "8").accepted).toBe(true);
    expect(h.type("thaiphien@hp.edu.vn", Q1, s.cell("so_tin_bai", "THPT04"), "3").accepted).toBe(true);
    expect(h.type("thaiphien@hp.edu.vn", Q1, s.cell("so_tin_bai", "THPT03"), "3").refused).toBe("protected");
    expect(h.type(EDITOR.THPT01, Q1, s.cell("so_tin_bai", "THPT04"), "3").refused).toBe("protected");
    const rows = h
      .sheet(Q1)
      .getProtections("RANGE")
      .filter((p) => p._description.includes("Đơn vị "));
    expect(rows.map((p) => p._description.split("Đơn vị ")[1]).sort()).toEqual([
      "THPT01",
      "THPT02",
      "THPT03",
      "THPT04",
      "TT01",
    ]);
    expect([...rows.find((p) => p._description.endsWith("THPT04"))!._editors].sort()).toEqual(
      [OWNER, "thaiphien@hp.edu.vn"].sort(),
    );
  });
});

describe("formula-like text", () => {
  const injections = [
    '=HYPERLINK("http://evil.example","Bấm vào đây")',
    '=IMPORTRANGE("1abc","A1:Z")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
  ];

  it("is turned into a formula by the fake when written raw, as Sheets does (the hazard is real)", () => {
    const s = setUp();
    const sheet = s.h.ss._addSheet("Thử");
    sheet._range(1, 1, 1, 2).setValues([[injections[0], `'${injections[0]}`]]);
    expect(sheet._cell(1, 1)!.formula).toBe(injections[0]);
    expect(sheet._cell(1, 2)!.formula).toBe("");
    expect(sheet._cell(1, 2)!.value).toBe(injections[0]);
  });

  it("typed by a unit stays text in Tổng hợp's problem list, never a formula", async () => {
    const s = setUp();
    const h = s.h;
    // In a number column Sheets would compute a formula; the unit types it as text (leading apostrophe).
    s.type("THPT02", "so_tin_bai", `'${injections[0]}`);
    s.type("THPT02", "so_lop_tap_huan", `'${injections[2]}`);
    s.type("THPT02", "xac_nhan_gui", true);
    s.type("THPT03", "so_tin_bai", `'${injections[3]}`);
    s.type("THPT03", "xac_nhan_gui", true);
    h.world.now = at("2024-03-19T08:00:00");
    h.ss._active = h.sheet(Q1);
    await h.run("tongHopBaoCao");
    const sheet = h.sheet("Tổng hợp");
    const g = sheet._grid();
    for (const text of [injections[0], injections[2], injections[3]]) {
      const r = g.findIndex((row) => row.includes(text));
      expect(r, text).toBeGreaterThan(0);
      const c = g[r].indexOf(text);
      expect(sheet._cell(r + 1, c + 1)!.formula, text).toBe("");
    }
    expect(g.flat().filter((v) => v === "#ERROR!")).toEqual([]);
    for (let r = 1; r <= g.length; r++)
      for (let c = 1; c <= g[0].length; c++) expect(sheet._cell(r, c)?.formula ?? "").toBe("");
  });
});

describe("the download dialog", () => {
  it("offers a safe file name even when the plan code is hostile", async () => {
    const input = fixtureInput() as { plan: Record<string, unknown> };
    const s = setUp({ overrides: { plan: { ...input.plan, code: '../..\\KH "<script>alert(1)</script>" CON' } } });
    const h = s.h;
    h.world.now = at("2024-03-19T08:00:00");
    h.ss._active = h.sheet(Q1);
    await h.run("tongHopBaoCao");
    const html = h.ui._dialogs.at(-1)!.html;
    expect(html).not.toContain("<script>alert");
    const payload = dialogWorkbook(html);
    expect(payload.fileName).toBe(safeFileName(payload.fileName));
    expect(payload.fileName).not.toMatch(/[\\/<>:"|?*]/);
    expect(payload.fileName.endsWith(".xlsx")).toBe(true);
  });
});

describe("Logger and console output", () => {
  it("never carries an email address or a phone number, through a whole period with failures", async () => {
    const s = setUp();
    const h = s.h;
    s.submit("THPT01", { so_tin_bai: "5", dien_thoai: "0912345678" });
    h.faults.arm({
      method: "Range.setValues",
      sheet: "Nhật ký",
      message: `Exception: cannot write for ${EDITOR.THPT02}, 0912345678`,
    });
    s.type("THPT02", "xac_nhan_gui", true);
    h.faults.arm({ method: "MailApp.sendEmail", message: `Exception: Invalid email: ${EDITOR.THPT03}` });
    h.ui._answers.push({ button: "YES", text: "" });
    h.run("nhacHan");
    h.locks._holdElsewhere();
    h.fireClockTriggers();
    // The stamp is written without the document lock; make its write fail with personal data in the message.
    h.faults.arm({
      method: "Range.setValues",
      sheet: Q1,
      message: `Exception: cannot stamp for ${EDITOR.THPT03}, 0912345678`,
    });
    s.type("THPT03", "xac_nhan_gui", true);
    h.locks._release();
    expect(h.faults.fired.length).toBe(3);
    expect(h.consoleLines.length).toBeGreaterThanOrEqual(3);
    for (const line of h.consoleLines) expect(line).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+|(?:\+84|\b0)\d{9}\b/);
  });

  it("is written only through redact() in the add-on's code", () => {
    const dir = new URL("src/gas/", ROOT).pathname;
    const offenders: string[] = [];
    const names = (readdirSync(dir, { recursive: true }) as string[]).filter(
      (n) => n.endsWith(".ts") && !n.endsWith(".test.ts") && !n.endsWith("redact.ts"),
    );
    expect(names.length).toBeGreaterThan(20);
    for (const f of names) {
      const text = readFileSync(join(dir, f), "utf8");
      for (const m of text.matchAll(/\b(console\.\w+|Logger\.log)\(([^)]*)/g))
        if (!/^\s*("[^"`$]*"|'[^'`$]*')\s*$/.test(m[2])) offenders.push(`${f}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
