/**
 * The sample Word Báo cáo in a real program: LibreOffice Writer converts it to PDF without a
 * warning, and poppler reads the PDF back: A4 pages, Times New Roman (or its metric twin),
 * the page number printed from page 2 on, the document's text in order.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReportDocx } from "../src/docx/write-report-docx.js";
import { sampleReport } from "./support/sample-report.js";

const SOFFICE = "/usr/bin/soffice";
const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const missing = !existsSync(SOFFICE) || !has("pdftotext");
const skip = missing && !process.env.CI;
const title = skip
  ? "sample .docx in LibreOffice — SKIPPED: needs soffice and poppler-utils (apt-get install -y libreoffice-writer poppler-utils); CI always runs it"
  : "sample .docx in LibreOffice";

/**
 * Lines LibreOffice prints about the machine, not the document: without a Java runtime its
 * launcher says so on every start.
 */
const MACHINE_NOTES = [/^Warning: failed to launch javaldx - java may not function correctly$/];

const run = (cmd: string, args: string[]) => {
  const r = spawnSync("timeout", ["120", cmd, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r;
};

describe.skipIf(skip)(title, () => {
  let dir: string;
  let pdf: string;
  let stderr: string;

  beforeAll(async () => {
    if (missing)
      throw new Error(`${SOFFICE} or pdftotext is missing: CI must install libreoffice-writer and poppler-utils.`);
    dir = mkdtempSync(join(tmpdir(), "tong-hop-docx-"));
    const docx = join(dir, "bao-cao.docx");
    writeFileSync(docx, await writeReportDocx(sampleReport().model));
    const r = run(SOFFICE, [
      `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      docx,
    ]);
    stderr = r.stderr;
    pdf = join(dir, "bao-cao.pdf");
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("converts to PDF without a warning", () => {
    expect(existsSync(pdf)).toBe(true);
    const lines = stderr
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !MACHINE_NOTES.some((re) => re.test(l)));
    expect(lines).toEqual([]);
  });

  it("prints A4 portrait pages in Times New Roman or its metric twin", () => {
    const info = run("pdfinfo", [pdf]).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = run("pdffonts", [pdf])
      .stdout.split("\n")
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^(TimesNewRoman|Times-|LiberationSerif)/);
  });

  it("numbers pages from the second on, at the top, and keeps the document's order", () => {
    const page = (n: number) => run("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"]).stdout;
    const first = page(1)
      .split("\n")
      .filter((l) => l.trim());
    expect(first[0]).toMatch(/UBND THÀNH PHỐ HẢI PHÒNG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(first.some((l) => l.trim() === "1")).toBe(false);
    expect(
      page(2)
        .split("\n")
        .find((l) => l.trim())!
        .trim(),
    ).toBe("2");
    const text = run("pdftotext", [pdf, "-"]).stdout;
    const order = [
      "BÁO CÁO",
      "I. TÌNH HÌNH GỬI BÁO CÁO",
      "II. KẾT QUẢ THỰC HIỆN",
      "Chi tiết tại Phụ lục I kèm theo.",
      "V. ĐỀ XUẤT, KIẾN NGHỊ",
      "Nơi nhận:",
      "PHÓ GIÁM ĐỐC",
    ];
    const at = order.map((x) => text.indexOf(x));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("3.047");
    expect(text).toContain("505,5");
  });
});
