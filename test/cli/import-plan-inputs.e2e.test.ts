/** tong-hop import-plan on real .docx and .pdf files, and one Vietnamese line with exit 2 for every file it cannot use. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const PLANS = "test/fixtures/import-plan/plans";
const BAD = "test/fixtures/import-plan/bad";

function run(...args: string[]) {
  return spawnSync(process.execPath, ["bin/tong-hop.js", "import-plan", ...args], { encoding: "utf8" });
}

function expectOneLine(file: string, pattern: RegExp) {
  const r = run(file, "-o", join(mkdtempSync(join(tmpdir(), "ip-")), "mau.json"));
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Lỗi: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/at |Error|undefined/);
}

describe("tong-hop import-plan (process)", () => {
  const dir = mkdtempSync(join(tmpdir(), "import-plan-inputs-"));

  it("reads the task table of a .docx written by LibreOffice", () => {
    const out = join(dir, "bang.json");
    const r = run(`${PLANS}/103_nq03-cp-pl2-nhiem-vu-khcn-cds.docx`, "-o", out);
    expect(r.status, r.stderr).toBe(0);
    const t = JSON.parse(readFileSync(out, "utf8"));
    expect(t.tasks).toHaveLength(42);
    // The file is a "PHỤ LỤC II" on its own: its rows are coded as a Phụ lục's.
    expect(t.tasks[0]).toMatchObject({ code: "PL.I.1", owner: "Bộ Khoa học và Công nghệ", timeframe: "6/2025" });
  });

  it("reads a text-layer .pdf written by LibreOffice", () => {
    const out = join(dir, "pdf.json");
    const r = run(`${PLANS}/102_qd773-ttg-nguoi-co-cong.pdf`, "-o", out);
    expect(r.status, r.stderr).toBe(0);
    const t = JSON.parse(readFileSync(out, "utf8"));
    // The plan has Bộ LĐTBXH compile the reports: it issues the report, under the plan's issuer.
    expect(t.plan.issuer).toMatchObject({ parent: "THỦ TƯỚNG CHÍNH PHỦ", name: "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" });
    expect(t.plan.signer.name).toBe("Nguyễn Xuân Phúc");
    expect(t.tasks.find((x: { code: string }) => x.code === "III.7").owner).toBe("Bộ Y tế");
  });

  it("refuses a damaged .docx", () => {
    const f = join(dir, "hong.docx");
    writeFileSync(f, "PK không phải tệp zip");
    expectOneLine(f, /Không đọc được tệp Word .*hỏng/);
  });

  it("refuses a password-protected .docx (an OLE container)", () => {
    expectOneLine(`${BAD}/co-mat-khau.docx`, /có mật khẩu/);
  });

  it("refuses a scanned PDF, saying to use the .docx or OCR it", () => {
    expectOneLine(`${BAD}/ban-quet.pdf`, /bản quét.*\.docx.*OCR/);
  });

  it("refuses a damaged PDF", () => {
    const f = join(dir, "hong.pdf");
    writeFileSync(f, "%PDF-1.7 hỏng");
    expectOneLine(f, /Không đọc được tệp PDF/);
  });

  it("refuses an empty file", () => {
    const f = join(dir, "rong.txt");
    writeFileSync(f, "  \n\n");
    expectOneLine(f, /không có nội dung chữ/);
  });

  it("refuses a file that is not a plan", () => {
    const f = join(dir, "thu-moi.txt");
    writeFileSync(f, "Thư mời\nKính mời quý khách dự tiệc tất niên lúc 18 giờ.\nTrân trọng.\n");
    expectOneLine(f, /không phải văn bản kế hoạch/);
  });

  it("refuses a file that is missing", () => {
    expectOneLine(join(dir, "khong-co.docx"), /Không tìm thấy tệp kế hoạch/);
  });

  it("refuses a file that is not UTF-8 text", () => {
    const f = join(dir, "latin1.txt");
    writeFileSync(f, Buffer.from([0x4b, 0xe9, 0x20, 0xff, 0xfe, 0x00, 0x41]));
    expectOneLine(f, /UTF-8/);
  });

  it("refuses an old .doc", () => {
    const f = join(dir, "cu.doc");
    copyFileSync(`${BAD}/co-mat-khau.docx`, f);
    expectOneLine(f, /Word đời cũ/);
  });
});
