/** `compile --sheet` / `validate --sheet` / `login` against a loopback fake of Google (real googleapis, real HTTP). */
import { execFile } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CellValue, Grid } from "../../src/core/model/cell.js";
import { writeDataSheetXlsx } from "../../src/excel/write/write-data-sheet.js";
import { readWorkbook } from "../../src/excel/read/read-workbook.js";
import { compileCommand, type CompileOptions } from "../../src/cli/actions/compile.js";
import { loginCommand } from "../../src/cli/actions/login.js";
import { validateCommand } from "../../src/cli/actions/validate.js";
import { oauthLogin } from "../../src/cli/google/oauth-login.js";
import { ADD_ON_SHEETS } from "../../src/cli/google/read-live-sheet.js";
import { CONFIG_SHEET, templateToConfigGrid } from "../../src/core/template/config-grid.js";
import { SUMMARY_SHEET } from "../../src/gas/sheets/summary-grid.js";
import { FakeGoogle, makeServiceAccountKey, type FakeCell, type FakeSheet } from "../support/fake-sheets-server.js";
import { mini } from "../fixtures/mini-template.js";
import { captureStdout, loadXlsx, workdir, writeFilled } from "../support/cli.js";

const SA = "tong-hop-doc@tong-hop-test.iam.gserviceaccount.com";
const OTHER_SA = "nguoi-la@tong-hop-test.iam.gserviceaccount.com";
const SHEET_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd";
const URL_OF = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;
const AS_OF = "2023-05-10";
const wall = (y: number, m: number, d: number, hh = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, hh, mi));

/** Rows exercising every rule: dates as real dates, text in a number cell, an unknown unit, a duplicate. */
const ROWS: Record<string, CellValue>[] = [
  {
    ma_don_vi: "THPT-A",
    tin_bai: 10,
    kinh_phi: "2,5",
    co_ke_hoach: true,
    muc_do: "Tốt",
    "task:III.1.1:status": "Hoàn thành",
    "task:III.1.1:date": wall(2023, 3, 20),
    xac_nhan_gui: true,
    thoi_gian_gui: wall(2023, 5, 3, 10, 0),
  },
  { ma_don_vi: "THPT-B", tin_bai: "12 bài", kinh_phi: 1, xac_nhan_gui: true, thoi_gian_gui: "04/05/2023 10:00" },
  {
    ma_don_vi: "GDTX-C",
    tin_bai: 30,
    kinh_phi: 0.1,
    "task:III.1.1:status": "Hoàn thành",
    "task:III.1.1:date": wall(2023, 4, 2),
    xac_nhan_gui: true,
    thoi_gian_gui: wall(2023, 5, 6, 16, 20),
  },
  { ma_don_vi: "THPT-ZZ", tin_bai: 5, xac_nhan_gui: true, thoi_gian_gui: wall(2023, 5, 2, 8, 0) },
  { ma_don_vi: "THPT-A", tin_bai: 11, xac_nhan_gui: true, thoi_gian_gui: wall(2023, 5, 2, 9, 0) },
];

let fake: FakeGoogle;
let keyJson: Record<string, string>;
let otherKeyJson: Record<string, string>;

beforeAll(async () => {
  fake = await FakeGoogle.start();
  const key = makeServiceAccountKey(SA, fake.tokenUrl);
  keyJson = key.json;
  fake.addServiceAccount(SA, key.publicKey);
  const other = makeServiceAccountKey(OTHER_SA, fake.tokenUrl);
  fake.addServiceAccount(OTHER_SA, other.publicKey);
  otherKeyJson = other.json;
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** A data sheet as Sheets holds it: the .xlsx the CLI writes, read back cell by cell (dates stay dates, merges kept). */
async function sheetFromXlsx(file: string, name: string): Promise<FakeSheet> {
  const g = (await readWorkbook(readFileSync(file), name))[0];
  const wb = await loadXlsx(file);
  const merges = (wb.worksheets[0].model.merges ?? []).map((ref: string) => {
    const [a, b] = ref.split(":").map((x) => wb.worksheets[0].getCell(x));
    return {
      startRowIndex: Number(a.row) - 1,
      endRowIndex: Number(b.row),
      startColumnIndex: Number(a.col) - 1,
      endColumnIndex: Number(b.col),
    };
  });
  return { title: g.name, rows: g.grid as FakeCell[][], merges };
}

/** The workbook the add-on keeps: Cấu hình, both period sheets, Tổng hợp, Nhật ký and a chart. */
async function sharedSpreadsheet(
  dir: (f: string) => string,
  opts: { id?: string; title?: string; rows?: Record<string, CellValue>[]; sharedWith?: string[]; merge?: string } = {},
) {
  const xlsx = dir(`${opts.id ?? "main"}.xlsx`);
  writeFileSync(xlsx, await writeDataSheetXlsx(mini, "sau_thang_2023", { rows: opts.rows ?? ROWS }));
  if (opts.merge) {
    const wb = await loadXlsx(xlsx);
    wb.worksheets[0].mergeCells(opts.merge);
    await wb.xlsx.writeFile(xlsx);
  }
  const q1 = dir(`${opts.id ?? "main"}-q1.xlsx`);
  writeFileSync(
    q1,
    await writeDataSheetXlsx(mini, "quy_1_2023", {
      rows: [{ ma_don_vi: "THPT-A", tin_bai: 999, xac_nhan_gui: true, thoi_gian_gui: wall(2023, 4, 1) }],
    }),
  );
  const config: Grid = templateToConfigGrid(mini).grid;
  fake.addSpreadsheet({
    id: opts.id ?? SHEET_ID,
    title: opts.title ?? "Báo cáo thử nghiệm 2023",
    sharedWith: opts.sharedWith ?? [SA],
    sheets: [
      { title: "Cấu hình", rows: config as FakeCell[][] },
      await sheetFromXlsx(q1, "q1"),
      await sheetFromXlsx(xlsx, "main"),
      { title: "Tổng hợp", rows: [["TỔNG HỢP"], ["Mã đơn vị", "Tên đơn vị"], ["THPT-A", "Trường THPT A"]] },
      {
        title: "Nhật ký",
        rows: [
          ["Thời điểm", "Người thực hiện", "Thao tác", "Kỳ báo cáo", "Mã đơn vị"],
          [wall(2023, 5, 3, 10, 0), "a@truong.edu.vn", "Xác nhận gửi", "6 tháng đầu năm 2023", "THPT-A"],
        ],
      },
      { title: "Biểu đồ", sheetType: "OBJECT", rows: [] },
    ],
  });
  return xlsx;
}

/** An isolated environment: no GOOGLE_APPLICATION_CREDENTIALS, config and home in the temp folder. */
const envOf = (dir: string): NodeJS.ProcessEnv => ({ HOME: dir, XDG_CONFIG_HOME: `${dir}/config` });

function liveOptions(w: ReturnType<typeof workdir>, extra: Partial<CompileOptions> = {}): CompileOptions {
  return {
    period: "sau_thang_2023",
    input: [],
    sheet: [URL_OF(SHEET_ID)],
    json: w.path("live.json"),
    asOf: AS_OF,
    quiet: true,
    google: {
      env: envOf(w.dir),
      endpoints: { sheetsRootUrl: fake.rootUrl, tokenUrl: fake.tokenUrl },
      retry: { baseMs: 1, maxMs: 5 },
    },
    ...extra,
  };
}

function writeKey(w: ReturnType<typeof workdir>, json = keyJson): string {
  writeFileSync(w.path("khoa.json"), JSON.stringify(json));
  return w.path("khoa.json");
}

/** The result JSON, with the source names (file, spreadsheet) replaced so the two can be compared. */
const readResult = (file: string, names: string[] = []) => {
  let text = readFileSync(file, "utf8");
  for (const n of names) text = text.split(JSON.stringify(n).slice(1, -1)).join("NGUỒN");
  return JSON.parse(text);
};

describe("compile --sheet", () => {
  it("gives the same result JSON as compiling the same data from an .xlsx file", async () => {
    const w = workdir();
    // Row 6 (GDTX-D) has two cells merged: both readers must warn the same way.
    const xlsx = await sharedSpreadsheet(w.path, { merge: "E6:F6" });
    await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: "sau_thang_2023",
        input: [xlsx],
        json: w.path("file.json"),
        asOf: AS_OF,
        quiet: true,
      }),
    );
    await compileCommand(liveOptions(w, { credentials: writeKey(w) }));
    const fromFile = readResult(w.path("file.json"), ["main.xlsx"]);
    const live = readResult(w.path("live.json"), ['Google Sheets "Báo cáo thử nghiệm 2023"']);
    expect(live.problems.some((p: { source?: string }) => p.source === "NGUỒN › 6 tháng đầu năm 2023")).toBe(true);
    expect(live).toEqual(fromFile);
    // …and the shared result is the right one, not two equal mistakes.
    expect(live.totals.tin_bai.total).toBe(40);
    expect(live.totals.kinh_phi.total).toBe(3.6);
    expect(live.units["THPT-A"].submittedAt).toBe("2023-05-03T10:00:00");
    expect(live.units["THPT-A"].values.tin_bai).toBe(10);
    expect(live.units["GDTX-C"].status).toBe("late");
    // Task dates come from serial numbers: 20/03 is before the 31/03 deadline, 02/04 after it.
    expect(live.units["THPT-A"].tasks["III.1.1"]).toBe("done-on-time");
    expect(live.units["GDTX-C"].tasks["III.1.1"]).toBe("done-late");
    expect(live.units["GDTX-C"].submittedAt).toBe("2023-05-06T16:20:00");
    const codes = live.problems.map((p: { code: string; unitCode?: string }) => `${p.code}:${p.unitCode ?? ""}`);
    expect(codes).toEqual(
      expect.arrayContaining(["unit.unknown:THPT-ZZ", "number.text:THPT-B", "unit.duplicate:THPT-A"]),
    );
    expect(live.problems.filter((p: { code: string }) => p.code === "structure.merged")).toMatchObject([
      { row: 6, value: "E6:F6", message: expect.stringContaining("E6") },
    ]);
  });

  it("reads the template from the Cấu hình sheet with two Sheets requests and one token request", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    await compileCommand(liveOptions(w, { credentials: writeKey(w) }));
    expect(fake.requests.map((r) => r.kind)).toEqual(["token", "get", "batchGet"]);
    const get = fake.requests.find((r) => r.kind === "get")!;
    expect(get.url.searchParams.get("fields")).not.toMatch(/data|values/i);
    const batch = fake.requests.find((r) => r.kind === "batchGet")!;
    // Every period sheet and Cấu hình in ONE request; the add-on's own tabs and the chart are not read.
    expect(batch.url.searchParams.getAll("ranges")).toEqual([
      "'Quý I năm 2023'",
      "'6 tháng đầu năm 2023'",
      "'Cấu hình'",
    ]);
    expect(batch.url.searchParams.get("valueRenderOption")).toBe("UNFORMATTED_VALUE");
    expect(batch.url.searchParams.get("dateTimeRenderOption")).toBe("SERIAL_NUMBER");
    expect(JSON.parse(readFileSync(w.path("live.json"), "utf8")).plan).toBe(mini.plan.code);
  });

  it("does not read Cấu hình when --template is given", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    await compileCommand(liveOptions(w, { template: w.template, credentials: writeKey(w) }));
    const batch = fake.requests.find((r) => r.kind === "batchGet")!;
    expect(batch.url.searchParams.getAll("ranges")).not.toContain("'Cấu hình'");
    expect(fake.count("batchGet")).toBe(1);
  });

  it("mixes a sheet with .xlsx files: the later Thời gian gửi wins either way", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    // The file is later for THPT-A (sheet: 03/05 10:00) and earlier for GDTX-C (sheet: 06/05 16:20).
    await writeFilled(
      w.path("thpt-a.xlsx"),
      [{ ma_don_vi: "THPT-A", tin_bai: 15, xac_nhan_gui: true, thoi_gian_gui: wall(2023, 5, 4, 8, 0) }],
      { unitCode: "THPT-A" },
    );
    await writeFilled(
      w.path("gdtx-c.xlsx"),
      [{ ma_don_vi: "GDTX-C", tin_bai: 3, xac_nhan_gui: true, thoi_gian_gui: wall(2023, 5, 5, 8, 0) }],
      { unitCode: "GDTX-C" },
    );
    await compileCommand(
      liveOptions(w, { credentials: writeKey(w), input: [w.path("thpt-a.xlsx"), w.path("gdtx-c.xlsx")] }),
    );
    const r = readResult(w.path("live.json"));
    expect(r.units["THPT-A"].values.tin_bai).toBe(15);
    expect(r.units["GDTX-C"].values.tin_bai).toBe(30);
    expect(r.totals.tin_bai.total).toBe(45);
    const dups = r.problems
      .filter((p: { code: string }) => p.code === "unit.duplicate")
      .map((p: { unitCode: string; value: string }) => `${p.unitCode}: ${p.value}`);
    expect(dups.join("\n")).toMatch(/THPT-A: .*dùng 15, bỏ 10/);
    expect(dups.join("\n")).toMatch(/GDTX-C: .*dùng 30, bỏ 3/);
  });

  it("reads two spreadsheets, each with one get and one batchGet", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    const second = "2ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-zyxw";
    await sharedSpreadsheet(w.path, {
      id: second,
      title: "Cụm 2",
      rows: [{ ma_don_vi: "GDTX-D", tin_bai: 7, xac_nhan_gui: true, thoi_gian_gui: wall(2023, 5, 4) }],
    });
    await compileCommand(liveOptions(w, { credentials: writeKey(w), sheet: [URL_OF(SHEET_ID), second] }));
    expect(fake.count("get")).toBe(2);
    expect(fake.count("batchGet")).toBe(2);
    expect(fake.count("token")).toBe(1);
    const r = readResult(w.path("live.json"));
    expect(r.totals.tin_bai.total).toBe(47);
    expect(r.units["GDTX-D"].status).toBe("on-time");
  });

  it("names the service account to share the sheet with on 403", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path, { sharedWith: ["someone-else@example.com"] });
    await expect(compileCommand(liveOptions(w, { credentials: writeKey(w) }))).rejects.toThrow(
      new RegExp(
        `Tài khoản dịch vụ ${SA.replace(/\./g, "\\.")} không có quyền xem bảng tính ${SHEET_ID}[\\s\\S]*Chia sẻ → thêm ${SA.replace(/\./g, "\\.")} với quyền Người xem`,
      ),
    );
    // A refusal is not retried.
    expect(fake.count("get")).toBe(1);
  });

  it("says the spreadsheet was not found on 404", async () => {
    const w = workdir();
    const missing = "1NoSuchSpreadsheetXXXXXXXXXXXXXXXXXXXXXXXXXX";
    await expect(compileCommand(liveOptions(w, { credentials: writeKey(w), sheet: [missing] }))).rejects.toMatchObject({
      code: "google.not-found",
      message: expect.stringContaining(`Không tìm thấy bảng tính ${missing}`),
    });
    expect(fake.count("get")).toBe(1);
  });

  it("retries 429 with backoff and then succeeds", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    fake.fail("batchGet", 429, 2);
    await compileCommand(liveOptions(w, { credentials: writeKey(w) }));
    expect(fake.requests.filter((r) => r.kind === "batchGet").map((r) => r.status)).toEqual([429, 429, 200]);
    expect(readResult(w.path("live.json")).totals.tin_bai.total).toBe(40);
  });

  it("gives up after 5 attempts when 429 goes on, with a quota message", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    fake.fail("get", 429, Infinity);
    await expect(compileCommand(liveOptions(w, { credentials: writeKey(w) }))).rejects.toMatchObject({
      code: "google.quota",
      message: expect.stringMatching(/giới hạn số lần đọc \(mã 429\), đã thử 5 lần[\s\S]*Chờ khoảng một phút/),
    });
    expect(fake.count("get")).toBe(5);
    expect(fake.count("batchGet")).toBe(0);
  });

  it("says the network is down when the connection is refused", async () => {
    const w = workdir();
    const dead = await FakeGoogle.start();
    const deadUrl = dead.url;
    await dead.close();
    const o = liveOptions(w, { credentials: writeKey(w) });
    o.google!.endpoints = { sheetsRootUrl: `${deadUrl}/`, tokenUrl: `${deadUrl}/token` };
    await expect(compileCommand(o)).rejects.toMatchObject({
      code: "google.network",
      message: expect.stringMatching(/Không kết nối được tới Google \(ECONNREFUSED\)[\s\S]*--input thay cho --sheet/),
    });
  });

  it("says how to set credentials when there are none", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    await expect(compileCommand(liveOptions(w))).rejects.toMatchObject({
      code: "google.no-credentials",
      message: expect.stringMatching(
        /Chưa có thông tin đăng nhập Google[\s\S]*--credentials khoa\.json[\s\S]*GOOGLE_APPLICATION_CREDENTIALS[\s\S]*tong-hop login/,
      ),
    });
    expect(fake.requests).toEqual([]);
  });

  it("takes the key from GOOGLE_APPLICATION_CREDENTIALS", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path, { sharedWith: [OTHER_SA] });
    const o = liveOptions(w);
    o.google!.env = { ...envOf(w.dir), GOOGLE_APPLICATION_CREDENTIALS: writeKey(w, otherKeyJson) };
    await compileCommand(o);
    expect(readResult(w.path("live.json")).totals.tin_bai.total).toBe(40);
  });

  it("refuses an OAuth client file given as --credentials and says to log in with it", async () => {
    const w = workdir();
    writeFileSync(
      w.path("client.json"),
      JSON.stringify({ installed: { client_id: "x.apps.googleusercontent.com", client_secret: "s" } }),
    );
    await expect(compileCommand(liveOptions(w, { credentials: w.path("client.json") }))).rejects.toThrow(
      /là tệp OAuth client[\s\S]*tong-hop login --client/,
    );
  });

  it("refuses a malformed spreadsheet address before any request", async () => {
    const w = workdir();
    await expect(
      compileCommand(liveOptions(w, { credentials: writeKey(w), sheet: ["bang tinh cua toi"] })),
    ).rejects.toMatchObject({ code: "sheet.bad-ref" });
    expect(fake.requests).toEqual([]);
  });
});

describe("validate --sheet", () => {
  it("lists the sheet's problems and exits 1", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    const { value, out } = await captureStdout(() =>
      validateCommand({
        period: "sau_thang_2023",
        input: [],
        sheet: [SHEET_ID],
        credentials: writeKey(w),
        asOf: AS_OF,
        google: liveOptions(w).google,
      }),
    );
    expect(value).toBe(1);
    expect(out).toMatch(
      /\[Lỗi\] Trường THPT B \(THPT-B\) — cột "Số tin, bài đăng tải \(tin, bài\)" — giá trị "12 bài"/,
    );
    expect(out).toMatch(/THPT-ZZ/);
    expect(out).toMatch(/từ 1 bảng tính Google;/);
  });
});

describe("tong-hop login", () => {
  it("logs in through the loopback redirect, stores the token 0600, and compiles as that account", async () => {
    const w = workdir();
    const env = envOf(w.dir);
    fake.addOAuthClient("123-desktop.apps.googleusercontent.com", "GOCSPX-secret", "van-phong@so-gd.edu.vn");
    writeFileSync(
      w.path("client_secret.json"),
      JSON.stringify({
        installed: {
          client_id: "123-desktop.apps.googleusercontent.com",
          client_secret: "GOCSPX-secret",
          redirect_uris: ["http://localhost"],
        },
      }),
    );
    const endpoints = { sheetsRootUrl: fake.rootUrl, tokenUrl: fake.tokenUrl, authUrl: fake.authUrl };
    // Plays the browser: opens the printed address, follows the consent page's redirect back
    // to the CLI's loopback server.
    let out = "";
    const spy = vi
      .spyOn(process.stdout, "write")
      .mockImplementation((x: string | Uint8Array) => ((out += String(x)), true));
    try {
      const done = loginCommand({
        client: w.path("client_secret.json"),
        browser: false,
        env,
        endpoints,
        timeoutMs: 20_000,
      });
      let url: string | undefined;
      for (let i = 0; i < 400 && !url; i++) {
        await new Promise((r) => setTimeout(r, 25));
        url = /^(http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?\S+)$/m.exec(out)?.[1];
      }
      const consent = await fetch(url!, { redirect: "manual" });
      const back = await fetch(consent.headers.get("location")!);
      expect(await back.text()).toContain("Đã đăng nhập");
      expect(await done).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(out).toContain("Đã đăng nhập bằng van-phong@so-gd.edu.vn");
    const tokenFile = `${w.dir}/config/tong-hop/token.json`;
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(tokenFile, "utf8"));
    expect(stored).toMatchObject({
      type: "authorized_user",
      client_id: "123-desktop.apps.googleusercontent.com",
      account: "van-phong@so-gd.edu.vn",
    });
    expect(stored.refresh_token).toMatch(/^1\/\/fake-/);

    // The stored login is used when no key is given; the 403 names the account.
    await sharedSpreadsheet(w.path, { sharedWith: [SA] });
    fake.reset();
    await expect(
      compileCommand({ ...liveOptions(w), google: { env, endpoints, retry: { baseMs: 1, maxMs: 5 } } }),
    ).rejects.toThrow(
      /Tài khoản van-phong@so-gd\.edu\.vn không có quyền xem[\s\S]*chia sẻ \(quyền Người xem\) cho van-phong@so-gd\.edu\.vn/,
    );
    expect(fake.requests.find((r) => r.kind === "token")?.grant).toBe("refresh_token");
    await sharedSpreadsheet(w.path, { sharedWith: ["van-phong@so-gd.edu.vn"] });
    await compileCommand({ ...liveOptions(w), google: { env, endpoints } });
    expect(readResult(w.path("live.json")).totals.tin_bai.total).toBe(40);

    const { out: bye } = await captureStdout(() => loginCommand({ logout: true, env }));
    expect(bye).toContain("Đã đăng xuất");
    await expect(compileCommand({ ...liveOptions(w), google: { env, endpoints } })).rejects.toMatchObject({
      code: "google.no-credentials",
    });
  });

  it("says so when the user refuses on the consent page", async () => {
    const w = workdir();
    fake.addOAuthClient("456-desktop.apps.googleusercontent.com", "s2", "x@example.com");
    writeFileSync(
      w.path("c.json"),
      JSON.stringify({ installed: { client_id: "456-desktop.apps.googleusercontent.com", client_secret: "s2" } }),
    );
    fake.consent = "deny";
    try {
      let shown = "";
      const done = loginCommandCapturing(w.path("c.json"), envOf(w.dir), (u) => (shown = u)).then(
        () => null,
        (e: unknown) => e,
      );
      for (let i = 0; i < 400 && !shown; i++) await new Promise((r) => setTimeout(r, 25));
      const consent = await fetch(shown, { redirect: "manual" });
      await fetch(consent.headers.get("location")!);
      expect(await done).toMatchObject({ code: "login.denied" });
    } finally {
      fake.consent = "allow";
    }
  });
});

describe("ADD_ON_SHEETS", () => {
  it("names the add-on's own tabs as the Apps Script code does", async () => {
    // log-sheet.ts needs Apps Script types, so it is imported by a path tsc does not follow.
    const logSheet = "../../src/gas/sheets/log-sheet.js";
    const { LOG_SHEET, LEGACY_LOG_SHEET } = (await import(logSheet)) as { LOG_SHEET: string; LEGACY_LOG_SHEET: string };
    expect(ADD_ON_SHEETS).toEqual(expect.arrayContaining([CONFIG_SHEET, SUMMARY_SHEET, LOG_SHEET, LEGACY_LOG_SHEET]));
  });
});

// Each test starts Node with tsx: allow for a slow, busy machine.
describe("tong-hop (process)", { timeout: 30_000 }, () => {
  it("compiles --sheet with the endpoints from the environment", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path);
    const key = writeKey(w);
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [
          "bin/tong-hop.js",
          "compile",
          "--sheet",
          URL_OF(SHEET_ID),
          "--credentials",
          key,
          "-p",
          "sau_thang_2023",
          "--as-of",
          AS_OF,
          "--json",
          "-",
        ],
        {
          env: {
            ...envOf(w.dir),
            PATH: process.env.PATH,
            TONG_HOP_SHEETS_ROOT_URL: fake.url,
            TONG_HOP_GOOGLE_TOKEN_URL: fake.tokenUrl,
          },
          encoding: "utf8",
        },
        (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals.tin_bai.total).toBe(40);
    expect(fake.count("batchGet")).toBe(1);
  });

  it("prints the 403 as one Vietnamese line and exits 2", async () => {
    const w = workdir();
    await sharedSpreadsheet(w.path, { sharedWith: [] });
    const r = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ["bin/tong-hop.js", "validate", "--sheet", SHEET_ID, "--credentials", writeKey(w), "-p", "sau_thang_2023"],
        {
          env: {
            ...envOf(w.dir),
            PATH: process.env.PATH,
            TONG_HOP_SHEETS_ROOT_URL: fake.url,
            TONG_HOP_GOOGLE_TOKEN_URL: fake.tokenUrl,
          },
          encoding: "utf8",
        },
        (err, _stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stderr }),
      );
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^Lỗi: Tài khoản dịch vụ ${SA.replace(/\./g, "\\.")} không có quyền xem bảng tính`),
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

/** Starts a login whose consent address goes to `onUrl`. */
async function loginCommandCapturing(
  client: string,
  env: NodeJS.ProcessEnv,
  onUrl: (u: string) => void,
): Promise<void> {
  await oauthLogin({
    client,
    env,
    endpoints: { sheetsRootUrl: fake.rootUrl, tokenUrl: fake.tokenUrl, authUrl: fake.authUrl },
    openBrowser: false,
    showUrl: onUrl,
    timeoutMs: 20_000,
  });
}
