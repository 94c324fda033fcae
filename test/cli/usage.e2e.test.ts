/** What a clerk hits on the command line: wrong usage, outputs in the wrong place, reports mixed with data. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCommand } from "../../src/cli/actions/compile.js";
import { importPlanCommand } from "../../src/cli/actions/import-plan.js";
import { rollupCommand } from "../../src/cli/actions/rollup.js";
import { templateCommand } from "../../src/cli/actions/template.js";
import { validateCommand } from "../../src/cli/actions/validate.js";
import { captureStdout, workdir, writeFilled } from "../support/cli.js";

const good = [
  { ma_don_vi: "THPT-A", tin_bai: 10, xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
  { ma_don_vi: "THPT-B", tin_bai: 20, xac_nhan_gui: "Có", thoi_gian_gui: "04/05/2023 10:00" },
];
const P = "sau_thang_2023";

describe("tong-hop (process) usage errors", () => {
  it("explains an unquoted *.xlsx in Vietnamese and exits 2", () => {
    const r = spawnSync(
      process.execPath,
      ["bin/tong-hop.js", "compile", "-t", "ttdn-2023", "-p", P, "-i", "a.xlsx", "b.xlsx", "c.xlsx", "-o", "r.xlsx"],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Lỗi: Lệnh compile có 2 giá trị thừa không thuộc tùy chọn nào.");
    expect(r.stderr).toContain("(gõ tong-hop compile --help để xem hướng dẫn)");
    expect(r.stderr).not.toMatch(/error:|too many|Expected/);
  });
});

describe("tong-hop validate", () => {
  it("refuses to check nothing instead of reporting 0 errors", async () => {
    const w = workdir();
    await expect(validateCommand({ template: w.template, period: P, input: [] })).rejects.toThrow(
      "Chưa chọn số liệu cần kiểm tra.",
    );
  });
  it("names a refused file once, not as unit, value and message", async () => {
    const w = workdir();
    await writeFilled(w.path("quy1.xlsx"), good, { period: "quy_1_2023" });
    const { out } = await captureStdout(() =>
      validateCommand({ template: w.template, period: P, input: [w.path("quy1.xlsx")], asOf: "2023-05-10" }),
    );
    expect(out).toContain("[Lỗi] quy1.xlsx\n    Là số liệu của Quý I năm 2023");
    expect(out.match(/quy1\.xlsx/g)).toHaveLength(1);
  });
});

describe("tong-hop compile", () => {
  it("refuses a bad --as-of before reading any file", async () => {
    const w = workdir();
    await expect(
      compileCommand({
        template: w.template,
        period: P,
        input: [w.path("khong-co")],
        out: w.path("r.xlsx"),
        asOf: "10/05/2023",
      }),
    ).rejects.toThrow('Ngày --as-of "10/05/2023" không hợp lệ.');
  });
  it("refuses a report written over a unit's data file, leaving it untouched", async () => {
    const w = workdir();
    await writeFilled(w.path("a.xlsx"), good);
    const before = readFileSync(w.path("a.xlsx"));
    await expect(
      compileCommand({ template: w.template, period: P, input: [w.dir], out: w.path("a.xlsx"), asOf: "2023-05-10" }),
    ).rejects.toThrow(/cũng là một tệp số liệu đầu vào/);
    expect(readFileSync(w.path("a.xlsx")).equals(before)).toBe(true);
  });
  it("runs again with the report inside the input folder, and refuses another report there by name", async () => {
    const w = workdir();
    mkdirSync(w.path("in"));
    await writeFilled(w.path("in/a.xlsx"), good);
    const run = () =>
      captureStdout(() =>
        compileCommand({
          template: w.template,
          period: P,
          input: [w.path("in")],
          out: w.path("in/bao-cao.xlsx"),
          json: w.path("r.json"),
          asOf: "2023-05-10",
        }),
      );
    await run();
    const first = readFileSync(w.path("r.json"), "utf8");
    await run();
    expect(readFileSync(w.path("r.json"), "utf8")).toBe(first);
    copyFileSync(w.path("in/bao-cao.xlsx"), w.path("in/bao-cao-cu.xlsx"));
    const { out } = await run();
    const json = JSON.parse(readFileSync(w.path("r.json"), "utf8"));
    expect(json.totals.tin_bai.total).toBe(30);
    expect(json.problems.filter((p: { source?: string }) => p.source?.startsWith("bao-cao-cu.xlsx"))).toEqual([
      expect.objectContaining({ code: "source.is-report" }),
    ]);
    expect(out).toContain("Bỏ qua bao-cao-cu.xlsx: là báo cáo tổng hợp do tong-hop tạo");
  });
  it("reports an old .xls file in the folder by name instead of skipping it", async () => {
    const w = workdir();
    mkdirSync(w.path("in"));
    await writeFilled(w.path("in/a.xlsx"), good);
    writeFileSync(w.path("in/cu.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const { out } = await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: P,
        input: [w.path("in")],
        json: w.path("r.json"),
        asOf: "2023-05-10",
      }),
    );
    const json = JSON.parse(readFileSync(w.path("r.json"), "utf8"));
    expect(json.problems).toContainEqual(expect.objectContaining({ code: "file.encrypted", source: "cu.xls" }));
    expect(out).toMatch(/Bỏ qua cu\.xls: .*Excel cũ \(\.xls\)/);
  });
  it("refuses an output that Excel could not open, before the work", async () => {
    const w = workdir();
    await expect(
      compileCommand({ template: w.template, period: P, input: [w.path("khong-co")], out: w.path("bao-cao.pdf") }),
    ).rejects.toThrow(/đuôi \.xlsx/);
    await expect(
      compileCommand({ template: w.template, period: P, input: [w.path("khong-co")], out: w.dir }),
    ).rejects.toThrow(/là một thư mục/);
  });
});

describe("tong-hop rollup", () => {
  const compiled = async () => {
    const w = workdir();
    await writeFilled(w.path("a.xlsx"), good);
    await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: P,
        input: [w.path("a.xlsx")],
        out: w.path("so-a.xlsx"),
        json: w.path("so-a.json"),
        asOf: "2023-05-10",
      }),
    );
    return w;
  };
  it("checks --as-of and the output before reading", async () => {
    const w = workdir();
    await expect(
      rollupCommand({
        template: w.template,
        period: P,
        input: [w.path("x.json")],
        out: w.path("r.xlsx"),
        asOf: "12/05/2023",
      }),
    ).rejects.toThrow('Ngày --as-of "12/05/2023" không hợp lệ.');
    await expect(rollupCommand({ template: w.template, period: P, input: [w.path("x.json")] })).rejects.toThrow(
      "Chưa chọn nơi ghi kết quả.",
    );
    await expect(rollupCommand({ template: w.template, period: P, input: [], out: w.path("r.xlsx") })).rejects.toThrow(
      "Chưa chọn kết quả của cơ quan cấp dưới.",
    );
  });
  it("counts only the offices used and says which input it skipped", async () => {
    const w = await compiled();
    const { out } = await captureStdout(() =>
      rollupCommand({
        template: w.template,
        period: P,
        input: [w.path("so-a.xlsx"), w.path("so-a.json")],
        json: w.path("up.json"),
      }),
    );
    expect(out).toContain("Bỏ qua so-a.xlsx: SỞ GIÁO DỤC VÀ ĐÀO TẠO đã có trong một tệp khác");
    expect(out).toContain("Tổng hợp 1 cơ quan cấp dưới.");
  });
  it("fails when no input is of this period, instead of writing an empty report", async () => {
    const w = await compiled();
    await expect(
      rollupCommand({
        template: w.template,
        period: "quy_1_2023",
        input: [w.path("so-a.json")],
        out: w.path("up.xlsx"),
      }),
    ).rejects.toThrow(/Không có kết quả nào dùng được[\s\S]*so-a\.json: là kết quả của kỳ 6 tháng đầu năm 2023/);
  });
});

describe("tong-hop template", () => {
  it("suggests the unit a clerk meant by part of its code or name", async () => {
    const w = workdir();
    await expect(
      templateCommand({ template: w.template, period: P, out: w.path("m.xlsx"), unit: "GDTX C" }),
    ).rejects.toThrow("Có phải là: GDTX-C (Trung tâm GDNN-GDTX C)?");
    await expect(
      templateCommand({ template: w.template, period: P, out: w.path("m.xlsx"), unit: "trung tâm" }),
    ).rejects.toThrow(/GDTX-C .*; GDTX-D/);
  });
});

describe("tong-hop import-plan", () => {
  it("says a broken .docx is broken without the zip library's English", async () => {
    const w = workdir();
    writeFileSync(w.path("hong.docx"), "không phải Word");
    await expect(importPlanCommand(w.path("hong.docx"), { out: w.path("m.json") })).rejects.toThrow(
      /^Không đọc được tệp Word .*hong\.docx: tệp không phải \.docx hợp lệ hoặc đã bị hỏng\.[^A-Za-z]*Hãy mở bằng Word/,
    );
    await expect(importPlanCommand(w.path("hong.docx"), { out: w.path("m.json") })).rejects.not.toThrow(
      /central directory|zip/,
    );
    await expect(importPlanCommand(w.dir, {})).rejects.toThrow(/là một thư mục/);
  });
});
