/**
 * The download dialog in a real browser: its HTML served on localhost with a stand-in for
 * google.script.run, driven by playwright-core with Debian's Chromium. Each button must save
 * its file: the Word Báo cáo that opens as a document, the workbook with the report's figures.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGrid } from "../../src/core/compile/compile.js";
import { buildReportModel } from "../../src/core/report/report-model.js";
import { writeReportXlsx } from "../../src/excel/write/write-report.js";
import { planDataSheet } from "../../src/gas/sheets/data-sheet-plan.js";
import { writeReportDocx } from "../../src/docx/write-report-docx.js";
import { DOCX_MIME, renderDownloadDialog, XLSX_MIME } from "../../src/gas/ui/download-dialog.js";
import { all, openDocx, textOf } from "../support/docx-read.js";
import { fixtureTemplate } from "./support/config-fixture.js";
import { appendixTotals, readWorkbook } from "./support/read-back.js";

const CHROMIUM = "/usr/bin/chromium";
const missing = !existsSync(CHROMIUM);
const skip = missing && !process.env.CI;
const title = skip
  ? `download dialog in Chromium — SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium); CI always runs it`
  : "download dialog in Chromium";

/** Replaces google.script.run: calls the local server, like the real one calls Apps Script. */
const STAND_IN = `<script>
window.google = { script: { run: (function () {
  function runner(ok, fail) {
    return {
      withSuccessHandler: function (f) { return runner(f, fail); },
      withFailureHandler: function (f) { return runner(ok, f); },
      layTepBaoCao: function (token) {
        fetch("/run/layTepBaoCao?token=" + encodeURIComponent(token))
          .then(function (r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); })
          .then(function (x) { if (x.status === 200) ok && ok(x.body); else fail && fail(new Error(x.body.message)); });
      }
    };
  }
  return runner(null, null);
})() } };
</script>`;

describe.skipIf(skip)(title, () => {
  const template = fixtureTemplate();
  const TOKEN = "0f2c6a8e-1b3d-4c5e-9f70-a1b2c3d4e5f6";
  const DOCX_TOKEN = "7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  let server: Server;
  let base: string;
  let context: BrowserContext;
  let profile: string;
  let downloads: string;
  let model: ReturnType<typeof buildReportModel>;
  let expectedTotals: (number | null)[];

  beforeAll(async () => {
    if (missing) throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium).`);
    // A compiled report: two units submitted.
    const plan = planDataSheet(template, "quy_1_2024");
    const g = plan.grid.map((r) => [...r]);
    const k = (key: string) => g[0].indexOf(key);
    g[2][k("so_tin_bai")] = 40;
    g[2][k("xac_nhan_gui")] = true;
    g[2][k("thoi_gian_gui")] = new Date(Date.UTC(2024, 2, 18, 9));
    g[5][k("so_tin_bai")] = "1.500";
    g[5][k("xac_nhan_gui")] = true;
    g[5][k("thoi_gian_gui")] = new Date(Date.UTC(2024, 2, 19, 9));
    const result = compileGrid({ template, periodId: "quy_1_2024", grid: g, asOf: "2024-03-25" });
    model = buildReportModel(template, result);
    expectedTotals = template.indicators.map((ind) =>
      ind.aggregate === "none" ? null : (result.totals.find((t) => t.key === ind.key)!.total ?? 0),
    );
    const served = new Map([
      [
        TOKEN,
        {
          fileName: model.fileName,
          mimeType: XLSX_MIME,
          base64: Buffer.from(await writeReportXlsx(model)).toString("base64"),
        },
      ],
      [
        DOCX_TOKEN,
        {
          fileName: model.documentFileName,
          mimeType: DOCX_MIME,
          base64: Buffer.from(await writeReportDocx(model)).toString("base64"),
        },
      ],
    ]);
    const html = renderDownloadDialog({
      files: [
        { label: "Báo cáo (Word)", token: DOCX_TOKEN, fileName: model.documentFileName },
        { label: "Phụ lục (Excel)", token: TOKEN, fileName: model.fileName },
      ],
      summary: ["Kỳ báo cáo: Quý I năm 2024.", "5 đơn vị: 2 nộp đúng hạn."],
    }).replace("<head>", `<head>${STAND_IN}`);

    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/dialog") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      } else if (url.pathname === "/run/layTepBaoCao") {
        const file = served.get(url.searchParams.get("token") ?? "");
        res.writeHead(file ? 200 : 500, { "content-type": "application/json" });
        res.end(JSON.stringify(file ?? { message: "Tệp báo cáo đã hết hạn lưu tạm (30 phút)." }));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
    downloads = mkdtempSync(join(tmpdir(), "chromium-downloads-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      downloadsPath: downloads,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(null)));
    for (const d of [profile, downloads]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it("each button saves its file: the Word Báo cáo and the workbook with the core's totals", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/dialog`);
    const word = page.locator("#download-0");
    await expect.poll(() => word.textContent()).toBe("Tải Báo cáo (Word)");
    const [saved] = await Promise.all([page.waitForEvent("download"), word.click()]);
    expect(saved.suggestedFilename()).toBe("Bao-cao-tong-hop_KH-THU-2024_quy_1_2024_2024-03-25.docx");
    const docPath = join(downloads, "saved.docx");
    await saved.saveAs(docPath);
    const doc = openDocx(readFileSync(docPath));
    const lines = all(doc.document, "p").map(textOf);
    expect(lines).toContain("BÁO CÁO");
    expect(lines).toContain("1.540");
    const button = page.locator("#download-1");
    await expect.poll(() => button.textContent()).toBe("Tải Phụ lục (Excel)");
    expect(await button.isEnabled()).toBe(true);
    expect(await page.locator("#summary li").allTextContents()).toEqual([
      "Kỳ báo cáo: Quý I năm 2024.",
      "5 đơn vị: 2 nộp đúng hạn.",
    ]);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe("Bao-cao-tong-hop_KH-THU-2024_quy_1_2024_2024-03-25.xlsx");
    const path = join(downloads, "saved.xlsx");
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const wb = await readWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo", "Phụ lục I", "Phụ lục II"]);
    const totals = appendixTotals(wb, template.indicators.length);
    expect(totals).toEqual(expectedTotals);
    expect(totals[0]).toBe(1540);
    expect(await page.locator("#status").textContent()).toContain("Đã tải xuống Bao-cao-tong-hop_");
    await page.close();
  });

  it("says in Vietnamese when the file can no longer be fetched, and offers to try again", async () => {
    const page = await context.newPage();
    // The cache no longer holds the file: google.script.run fails.
    await page.route("**/run/layTepBaoCao**", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({ message: "Tệp báo cáo đã hết hạn lưu tạm (30 phút)." }),
      }),
    );
    await page.goto(`${base}/dialog`);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toContain("Không lấy được tệp: Tệp báo cáo đã hết hạn");
    expect(await page.locator("#download-0").textContent()).toBe("Thử lại: Báo cáo (Word)");
    expect(await page.locator("#download-1").textContent()).toBe("Thử lại: Phụ lục (Excel)");
    await page.close();
  });
});
