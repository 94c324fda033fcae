/** `--docx`: compile, rollup and demo write the Word Báo cáo beside the workbook, refused early when the path is wrong. */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCommand } from "../../src/cli/actions/compile.js";
import { demoCommand } from "../../src/cli/actions/demo.js";
import { rollupCommand } from "../../src/cli/actions/rollup.js";
import { vnNumber } from "../../src/core/vn/show.js";
import { all, openDocx, textOf } from "../support/docx-read.js";
import { captureStdout, workdir, writeFilled } from "../support/cli.js";

const P = "sau_thang_2023";
const good = [
  { ma_don_vi: "THPT-A", tin_bai: 1500, kinh_phi: "2,5", xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
  { ma_don_vi: "THPT-B", tin_bai: 2000, kinh_phi: 1, xac_nhan_gui: true, thoi_gian_gui: "04/05/2023 10:00" },
];

/** Every paragraph's text, in and out of tables, in order. */
const texts = (file: string) => all(openDocx(readFileSync(file)).document, "p").map(textOf);

describe("tong-hop compile --docx", () => {
  it("writes the Word Báo cáo with the same totals as the JSON, and names it", async () => {
    const w = workdir();
    await writeFilled(w.path("filled.xlsx"), good);
    const { out } = await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: P,
        input: [w.path("filled.xlsx")],
        docx: w.path("bc/bao-cao.docx"),
        json: w.path("r.json"),
        asOf: "2023-05-10",
      }),
    );
    const json = JSON.parse(readFileSync(w.path("r.json"), "utf8"));
    const lines = texts(w.path("bc/bao-cao.docx"));
    expect(lines).toContain("BÁO CÁO");
    expect(lines).toContain(vnNumber(json.totals.tin_bai.total));
    expect(lines).toContain(vnNumber(json.totals.kinh_phi.total));
    expect(vnNumber(json.totals.tin_bai.total)).toBe("3.500");
    expect(out).toContain(`Báo cáo Word: ${w.path("bc/bao-cao.docx")}`);
    expect(existsSync(w.path("r.xlsx"))).toBe(false);
  });

  it("refuses a --docx path of another extension or a folder before reading any input", async () => {
    const w = workdir();
    const run = (docx: string) =>
      compileCommand({ template: w.template, period: P, input: [w.path("khong-co.xlsx")], docx, asOf: "2023-05-10" });
    await expect(run(w.path("bao-cao.doc"))).rejects.toMatchObject({ code: "cli.out-extension" });
    await expect(run(w.path("bao-cao.doc"))).rejects.toThrow(/--docx .*\.docx để Word mở được/);
    await expect(run(`${w.dir}/`)).rejects.toMatchObject({ code: "cli.out-folder" });
  });
});

describe("tong-hop rollup --docx", () => {
  it("writes the higher office's Word Báo cáo from the lower results", async () => {
    const w = workdir();
    await writeFilled(w.path("a.xlsx"), good);
    await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: P,
        input: [w.path("a.xlsx")],
        json: w.path("a.json"),
        asOf: "2023-05-10",
      }),
    );
    await expect(
      rollupCommand({ template: w.template, period: P, input: [w.path("a.json")], docx: w.path("x.xlsx") }),
    ).rejects.toMatchObject({ code: "cli.out-extension" });
    await captureStdout(() =>
      rollupCommand({
        template: w.template,
        period: P,
        input: [w.path("a.json")],
        docx: w.path("city.docx"),
        issuer: "UBND THÀNH PHỐ",
      }),
    );
    const lines = texts(w.path("city.docx"));
    expect(lines).toContain("UBND THÀNH PHỐ");
    expect(lines).toContain("3.500");
  });
});

describe("tong-hop demo", () => {
  it("writes the sample .docx beside the .xlsx and prints its path", async () => {
    const w = workdir();
    const { out } = await captureStdout(() => demoCommand({ outDir: w.dir }));
    const docx = w.path("bao-cao-tong-hop-mau.docx");
    expect(existsSync(w.path("bao-cao-tong-hop-mau.xlsx"))).toBe(true);
    expect(out).toContain(`Báo cáo Word: ${docx}`);
    expect(texts(docx)).toContain("I. TÌNH HÌNH GỬI BÁO CÁO");
  });
});
