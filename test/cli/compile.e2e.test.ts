/** The offline CLI end to end: template → filled files → validate → compile → rollup. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCommand } from "../../src/cli/actions/compile.js";
import { rollupCommand } from "../../src/cli/actions/rollup.js";
import { templateCommand } from "../../src/cli/actions/template.js";
import { validateCommand } from "../../src/cli/actions/validate.js";
import type { Problem } from "../../src/core/model/problem.js";
import { captureStdout, loadXlsx, workdir, writeFilled } from "../support/cli.js";

const good = [
  { ma_don_vi: "THPT-A", tin_bai: 10, kinh_phi: "2,5", xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
  { ma_don_vi: "THPT-B", tin_bai: 20, kinh_phi: 1, xac_nhan_gui: true, thoi_gian_gui: "04/05/2023 10:00" },
  { ma_don_vi: "GDTX-C", tin_bai: 30, xac_nhan_gui: true, thoi_gian_gui: "06/05/2023 10:00" },
];

describe("tong-hop template", () => {
  it("writes a keyed sheet with validation and highlighting", async () => {
    const w = workdir();
    await captureStdout(() =>
      templateCommand({ template: w.template, period: "sau_thang_2023", out: w.path("blank.xlsx") }),
    );
    const wb = await loadXlsx(w.path("blank.xlsx"));
    const ws = wb.getWorksheet("6 tháng đầu năm 2023")!;
    expect(ws.getRow(1).hidden).toBe(true);
    expect(ws.getCell("A1").value).toBe("#tong-hop|v1|KH-TEST-2023|sau_thang_2023");
    expect(ws.getCell("B2").value).toBe("Mã đơn vị");
    expect(ws.getCell("B3").value).toBe("THPT-A");
    const tin = ws.getCell("E3");
    expect(ws.getCell("E1").value).toBe("tin_bai");
    expect(tin.dataValidation).toMatchObject({ type: "whole", formulae: [0, 5000] });
    expect(ws.getCell("G3").dataValidation).toMatchObject({ type: "list" });
    expect(wb.getWorksheet("Hướng dẫn")).toBeDefined();
  });
  it("writes one unit's blank with only its row", async () => {
    const w = workdir();
    await captureStdout(() =>
      templateCommand({ template: w.template, period: "sau_thang_2023", out: w.path("one.xlsx"), unit: "gdtx-c" }),
    );
    const ws = (await loadXlsx(w.path("one.xlsx"))).worksheets[0];
    expect(ws.getCell("B3").value).toBe("GDTX-C");
    expect(ws.getCell("B4").value).toBe(null);
  });
});

describe("tong-hop compile", () => {
  it("compiles a filled sheet into the report and JSON", async () => {
    const w = workdir();
    await writeFilled(w.path("filled.xlsx"), good);
    const { out } = await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: "sau_thang_2023",
        input: [w.path("filled.xlsx")],
        out: w.path("r.xlsx"),
        json: w.path("r.json"),
        asOf: "2023-05-10",
      }),
    );
    const json = JSON.parse(readFileSync(w.path("r.json"), "utf8"));
    expect(json.totals.tin_bai.total).toBe(60);
    expect(json.totals.kinh_phi.total).toBe(3.5);
    expect(json.units["GDTX-C"].status).toBe("late");
    expect(json.units["GDTX-D"].status).toBe("overdue");
    expect(out).toContain("nộp muộn 1");
    const wb = await loadXlsx(w.path("r.xlsx"));
    expect(wb.worksheets.filter((s) => s.state === "visible").map((s) => s.name)).toEqual([
      "Báo cáo",
      "Phụ lục I",
      "Phụ lục II",
    ]);
  });
  it("consolidates unit files: the later submission wins and the conflict is listed", async () => {
    const w = workdir();
    mkdirSync(w.path("in"));
    await writeFilled(w.path("in/all.xlsx"), good);
    await writeFilled(
      w.path("in/thpt-a.xlsx"),
      [{ ma_don_vi: "THPT-A", tin_bai: 15, xac_nhan_gui: true, thoi_gian_gui: "05/05/2023 09:00" }],
      { unitCode: "THPT-A" },
    );
    await writeFilled(w.path("in/quy1.xlsx"), good, { period: "quy_1_2023" });
    writeFileSync(w.path("in/hong.xlsx"), "không phải excel");
    writeFileSync(w.path("in/mat-khau.xlsx"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const { out } = await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: "sau_thang_2023",
        input: [w.path("in")],
        json: w.path("r.json"),
        asOf: "2023-05-10",
      }),
    );
    const json = JSON.parse(readFileSync(w.path("r.json"), "utf8"));
    expect(json.totals.tin_bai.total).toBe(65);
    const dup = json.problems.find((p: Problem) => p.code === "unit.duplicate");
    expect(dup.unitCode).toBe("THPT-A");
    expect(dup.value).toContain("dùng 15, bỏ 10");
    const codes = json.problems
      .filter((p: Problem) => p.severity === "error")
      .map((p: Problem) => `${p.source}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "quy1.xlsx:source.other-period",
        "hong.xlsx:file.unreadable",
        "mat-khau.xlsx:file.encrypted",
      ]),
    );
    expect(out).toMatch(/Bỏ qua quy1\.xlsx: .*Quý I năm 2023/);
  });
  it("refuses an empty folder by name", async () => {
    const w = workdir();
    mkdirSync(w.path("rong"));
    await expect(
      compileCommand({
        template: w.template,
        period: "sau_thang_2023",
        input: [w.path("rong")],
        json: w.path("r.json"),
      }),
    ).rejects.toThrow(/không có tệp \.xlsx hay \.ods nào/);
  });
});

describe("tong-hop validate", () => {
  it("lists problems with unit, column and fix and returns 1", async () => {
    const w = workdir();
    await writeFilled(w.path("bad.xlsx"), [
      ...good.slice(0, 2),
      { ma_don_vi: "GDTX-C", tin_bai: "khoảng 20", xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
    ]);
    const { value, out } = await captureStdout(() =>
      validateCommand({
        template: w.template,
        period: "sau_thang_2023",
        input: [w.path("bad.xlsx")],
        asOf: "2023-05-10",
      }),
    );
    expect(value).toBe(1);
    expect(out).toContain(
      '[Lỗi] Trung tâm GDNN-GDTX C (GDTX-C) — cột "Số tin, bài đăng tải (tin, bài)" — giá trị "khoảng 20"',
    );
    expect(out).toContain("Cách sửa:");
  });
});

describe("tong-hop rollup", () => {
  it("adds up lower offices and carries their problems", async () => {
    const w = workdir();
    await writeFilled(w.path("a.xlsx"), good);
    await writeFilled(w.path("b.xlsx"), [
      { ma_don_vi: "THPT-A", tin_bai: 5, kinh_phi: "x", xac_nhan_gui: true, thoi_gian_gui: "03/05/2023 10:00" },
    ]);
    await captureStdout(() =>
      compileCommand({
        template: w.template,
        period: "sau_thang_2023",
        input: [w.path("a.xlsx")],
        out: w.path("ra.xlsx"),
        asOf: "2023-05-10",
      }),
    );
    const t2 = JSON.parse(readFileSync(w.template, "utf8"));
    t2.plan.issuer = { ...t2.plan.issuer, name: "PHÒNG GD&ĐT B", abbreviation: "PGDB" };
    writeFileSync(w.path("mini-b.json"), JSON.stringify(t2));
    await captureStdout(() =>
      compileCommand({
        template: w.path("mini-b.json"),
        period: "sau_thang_2023",
        input: [w.path("b.xlsx")],
        json: w.path("rb.json"),
        asOf: "2023-05-10",
      }),
    );
    await captureStdout(() =>
      rollupCommand({
        template: w.template,
        period: "sau_thang_2023",
        input: [w.path("ra.xlsx"), w.path("rb.json")],
        json: w.path("city.json"),
        out: w.path("city.xlsx"),
        issuer: "UBND THÀNH PHỐ",
      }),
    );
    const city = JSON.parse(readFileSync(w.path("city.json"), "utf8"));
    expect(city.totals.tin_bai.total).toBe(65);
    expect(city.totals.tin_bai.reportedCount).toBe(4);
    expect(Object.keys(city.units)).toHaveLength(2);
    expect(city.problems.some((p: Problem) => p.code === "number.text" && p.source?.startsWith("PHÒNG GD&ĐT B"))).toBe(
      true,
    );
  });
});

describe("tong-hop (process)", () => {
  it("exits 2 with a Vietnamese message and no stack trace", () => {
    const r = spawnSync(
      process.execPath,
      ["bin/tong-hop.js", "compile", "-t", "khong-co", "-p", "x", "-i", "y.xlsx", "-o", "z.xlsx"],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Lỗi: Không tìm thấy mẫu kế hoạch "khong-co".');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
