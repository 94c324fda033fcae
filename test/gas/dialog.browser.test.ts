/**
 * The download dialog in a real browser: its HTML served on localhost inside a sandboxed iframe
 * (HtmlService serves dialogs that way), with a google.script.run that fails as it does with
 * several Google accounts signed in, driven by playwright-core with Debian's Chromium. A click
 * (and the plain link) must save a 2,000-unit report that opens as the report workbook.
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
import type { Template } from "../../src/core/model/template-schema.js";
import { parseTemplate } from "../../src/core/template/template.js";
import { DOCX_MIME, renderDownloadDialog, TESTED_UNITS, XLSX_MIME } from "../../src/gas/ui/download-dialog.js";
import { vnNumber } from "../../src/core/vn/show.js";
import { writeReportDocx } from "../../src/docx/write-report-docx.js";
import { unzipSync, strFromU8 } from "fflate";
import { fixtureInput } from "./support/config-fixture.js";
import { appendixTotals, readWorkbook } from "./support/read-back.js";

const CHROMIUM = "/usr/bin/chromium";
const missing = !existsSync(CHROMIUM);
const skip = missing && !process.env.CI;
const title = skip
  ? `download dialog in Chromium — SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium); CI always runs it`
  : "download dialog in Chromium";

/**
 * google.script.run as it behaves when the browser's default Google account is not the one that
 * opened the dialog: every call fails with an authorisation error
 * (https://developers.google.com/apps-script/guides/html/reference/run, and the multiple-accounts
 * limitation in https://developers.google.com/apps-script/guides/html/restrictions). The dialog must not need it.
 */
const FAILING_RUN = `<script>
window.__runCalls = 0;
window.google = { script: { run: new Proxy({}, { get: function (_, name) {
  return function () {
    if (name === "withSuccessHandler" || name === "withFailureHandler" || name === "withUserObject") return window.google.script.run;
    window.__runCalls++;
    throw new Error("ScriptError: Authorisation is required to perform that action.");
  };
} }) } };
</script>`;

/** HtmlService's sandbox: the dialog's document runs in an iframe with exactly these permissions. */
const SANDBOX = "allow-scripts allow-downloads allow-popups allow-forms allow-modals";

/** The fixture with `n` units whose names are long and Vietnamese (the report's widest rows). */
function bigTemplate(n: number): Template {
  const units = Array.from({ length: n }, (_, i) => {
    const code = String(i + 1).padStart(4, "0");
    return {
      code: `DV${code}`,
      name: `Trường Trung học phổ thông chuyên Nguyễn Thị Minh Khai – phân hiệu số ${code} huyện Đông Anh`,
      group: i % 3 === 0 ? "TT" : "THPT",
      editors: [`dv${code}@truong.edu.vn`],
    };
  });
  return parseTemplate({ ...fixtureInput(), units });
}

describe.skipIf(skip)(title, () => {
  const template = bigTemplate(TESTED_UNITS);
  let server: Server;
  let base: string;
  let context: BrowserContext;
  let profile: string;
  let downloads: string;
  let model: ReturnType<typeof buildReportModel>;
  let expectedTotals: (number | null)[];

  beforeAll(async () => {
    if (missing) throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium).`);
    // A compiled report: every unit submitted 40, the second also "1.500" in the next row.
    const plan = planDataSheet(template, "quy_1_2024");
    const g = plan.grid.map((r) => [...r]);
    const k = (key: string) => g[0].indexOf(key);
    for (let r = 2; r < g.length; r++) {
      g[r][k("so_tin_bai")] = r === 5 ? "1.500" : 40;
      g[r][k("xac_nhan_gui")] = true;
      g[r][k("thoi_gian_gui")] = new Date(Date.UTC(2024, 2, 18, 9));
    }
    const result = compileGrid({ template, periodId: "quy_1_2024", grid: g, asOf: "2024-03-25" });
    model = buildReportModel(template, result);
    expectedTotals = template.indicators.map((ind) =>
      ind.aggregate === "none" ? null : (result.totals.find((t) => t.key === ind.key)!.total ?? 0),
    );
    const bytes = await writeReportXlsx(model);
    const docx = await writeReportDocx(model);
    const html = renderDownloadDialog({
      files: [
        // As the add-on offers them: the Word Báo cáo first, then the workbook.
        {
          label: "Báo cáo (Word)",
          fileName: model.documentFileName,
          mimeType: DOCX_MIME,
          base64: Buffer.from(docx).toString("base64"),
        },
        {
          label: "Phụ lục (Excel)",
          fileName: model.fileName,
          mimeType: XLSX_MIME,
          base64: Buffer.from(bytes).toString("base64"),
        },
      ],
      summary: ["Kỳ báo cáo: Quý I năm 2024.", `${TESTED_UNITS} đơn vị: ${TESTED_UNITS} nộp đúng hạn.`],
    }).replace("<head>", `<head>${FAILING_RUN}`);
    const page = `<!DOCTYPE html><html><body><iframe id="dialog" sandbox="${SANDBOX}" src="/dialog" width="560" height="340"></iframe></body></html>`;

    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      else if (url.pathname === "/dialog") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      else res.writeHead(404).end();
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
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(null)));
    for (const d of [profile, downloads]) if (d) rmSync(d, { recursive: true, force: true });
  });

  /** Saves the download and checks it is the 2,000-unit report with the core's totals. */
  async function checkSaved(download: import("playwright-core").Download, as: string): Promise<void> {
    expect(download.suggestedFilename()).toBe("Bao-cao-tong-hop_KH-THU-2024_quy_1_2024_2024-03-25.xlsx");
    const path = join(downloads, as);
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const wb = await readWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo", "Phụ lục I", "Phụ lục II"]);
    const totals = appendixTotals(wb, template.indicators.length);
    expect(totals).toEqual(expectedTotals);
    expect(totals[0]).toBe(40 * (TESTED_UNITS - 1) + 1500);
  }

  it(`a click inside HtmlService's sandboxed iframe saves the ${TESTED_UNITS}-unit report, while google.script.run fails`, async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const frame = page.frameLocator("#dialog");
    const button = frame.locator("button[data-file='1']");
    await expect.poll(() => button.textContent()).toBe("Tải Phụ lục (Excel)");
    expect(await frame.locator("#summary li").allTextContents()).toEqual([
      "Kỳ báo cáo: Quý I năm 2024.",
      `${TESTED_UNITS} đơn vị: ${TESTED_UNITS} nộp đúng hạn.`,
    ]);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    await checkSaved(download, "button.xlsx");
    expect(await frame.locator("#status").textContent()).toContain("Đã tải xuống Bao-cao-tong-hop_");
    // The sandbox is what HtmlService sets, and the dialog never called the server.
    expect(await page.locator("#dialog").getAttribute("sandbox")).toBe(SANDBOX);
    const inner = page.frames().find((f) => f.url().endsWith("/dialog"))!;
    expect(await inner.evaluate("window.__runCalls")).toBe(0);
    await page.close();
  }, 120_000);

  it("the plain link under the button saves the same file without the script", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const link = page.frameLocator("#dialog").locator("a#file-1");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    await checkSaved(download, "link.xlsx");
    await page.close();
  }, 120_000);

  it("saves the Word Báo cáo from its own button, with the compiled total in Vietnamese notation", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const button = page.frameLocator("#dialog").locator("button[data-file='0']");
    await expect.poll(() => button.textContent()).toBe("Tải Báo cáo (Word)");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe("Bao-cao-tong-hop_KH-THU-2024_quy_1_2024_2024-03-25.docx");
    const path = join(downloads, "button.docx");
    await download.saveAs(path);
    const xml = strFromU8(unzipSync(readFileSync(path))["word/document.xml"]);
    expect(xml).toContain("BÁO CÁO");
    expect(xml).toContain(vnNumber(40 * (TESTED_UNITS - 1) + 1500));
    await page.close();
  }, 120_000);
});
