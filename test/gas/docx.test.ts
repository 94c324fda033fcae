/**
 * The Word Báo cáo from the add-on: compiled in the bare vm with the fakes, both downloads
 * decoded and opened (exceljs for the workbook, unzip for the document), the docx library
 * loaded only by a compile, never by an edit.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGas } from "../../scripts/build-gas.js";
import { compileGrid } from "../../src/core/compile/compile.js";
import { vnNumber } from "../../src/core/vn/show.js";
import { all, openDocx, tableTexts, textOf } from "../support/docx-read.js";
import type { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { appendixTotals, dialogFiles, readWorkbook, sheetGrid } from "./support/read-back.js";

type DialogPayload = ReturnType<typeof dialogFiles>[number];

/** The order of the dialog's button captions, as the page shows them. */
const labelsIn = (html: string, labels: string[]): string[] =>
  labels.filter((l) => html.includes(l)).sort((a, b) => html.indexOf(a) - html.indexOf(b));
import { at, Q1, type Scenario, setUp } from "./support/scenario.js";

/** What the bundle recorded about the docx library's lazy initialisation. */
const docxInits = (h: GasHarness): number =>
  (h.context as { __TONG_HOP_STATS__?: { docxInitCount?: number } }).__TONG_HOP_STATS__?.docxInitCount ?? 0;

describe("Tổng hợp báo cáo: Báo cáo (Word) and Phụ lục (Excel)", () => {
  let s: Scenario;
  let h: GasHarness;
  let html: string;
  let files: DialogPayload[];

  beforeAll(async () => {
    await ensureBuilt();
    s = setUp();
    h = s.h;
    s.submit("THPT01", { so_tin_bai: "1.234", so_lop_tap_huan: "3", ty_le_hoc_ba_so: "45,5" });
    s.submit("THPT03", { so_tin_bai: "7", so_lop_tap_huan: "2" });
    s.type("TT01", "so_tin_bai", "5");
    // Editing never loads the docx library (nor exceljs); the bare V8 has no TextEncoder until it does.
    expect(docxInits(h)).toBe(0);
    expect((h.context as { TextEncoder?: unknown }).TextEncoder).toBeUndefined();
    expect(h.exceljsInitCount()).toBe(0);
    h.world.now = at("2024-03-25T10:00:00");
    h.ss._active = h.sheet(Q1);
    await h.run("tongHopBaoCao");
    html = h.ui._dialogs.at(-1)!.html;
    files = dialogFiles(html);
  });

  it("offers both files, the Word Báo cáo first, one button each", () => {
    expect(labelsIn(html, ["Báo cáo (Word)", "Phụ lục (Excel)"])).toEqual(["Báo cáo (Word)", "Phụ lục (Excel)"]);
    expect(files).toHaveLength(2);
    expect(files.map((f) => f.fileName)).toEqual([
      "Bao-cao-tong-hop_KH-THU-2024_quy_1_2024_2024-03-25.docx",
      "Bao-cao-tong-hop_KH-THU-2024_quy_1_2024_2024-03-25.xlsx",
    ]);
    expect(files[0].mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docxInits(h)).toBe(1);
    expect(h.exceljsInitCount()).toBe(1);
  });

  it("hands over a .docx built in Apps Script with the compiled totals in Vietnamese notation", () => {
    const doc = openDocx(Buffer.from(files[0].base64, "base64"));
    const lines = all(doc.document, "p").map(textOf);
    expect(lines).toContain("BÁO CÁO");
    expect(lines).toContain("I. TÌNH HÌNH GỬI BÁO CÁO");
    expect(lines).toContain("Nơi nhận:");
    const core = compileGrid({
      template: s.template,
      periodId: "quy_1_2024",
      grid: sheetGrid(h.sheet(Q1)),
      asOf: "2024-03-25T10:00:00",
    });
    const figures = doc.blocks.filter((b) => b.localName === "tbl").map(tableTexts)[2];
    const tongSo = figures.map((r) => r[3]);
    const tinBai = core.totals.find((t) => t.key === "so_tin_bai")!.total!;
    expect(tinBai).toBe(1241);
    expect(tongSo).toContain(vnNumber(tinBai));
    expect(tongSo).toContain("1.241");
  });

  it("hands over the .xlsx with its Phụ lục, unchanged", async () => {
    const wb = await readWorkbook(Buffer.from(files[1].base64, "base64"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo", "Phụ lục I", "Phụ lục II"]);
    expect(appendixTotals(wb, s.template.indicators.length)[0]).toBe(1241);
  });
});

describe("Tổng hợp báo cáo when the Word document cannot be built", () => {
  it("still offers the workbook and says why the document is missing", async () => {
    // A build without the docx library: loading it throws, as a refused evaluation would.
    const dir = mkdtempSync(join(tmpdir(), "tong-hop-nodocx-"));
    const built = await buildGas({ outDir: dir, docx: false, probe: true });
    const s = setUp({ code: readFileSync(built.file, "utf8") });
    s.submit("THPT01", { so_tin_bai: "1.234" });
    s.h.world.now = at("2024-03-25T10:00:00");
    s.h.ss._active = s.h.sheet(Q1);
    await s.h.run("tongHopBaoCao");
    const html = s.h.ui._dialogs.at(-1)!.html;
    expect(dialogFiles(html).map((f) => f.fileName.slice(-5))).toEqual([".xlsx"]);
    expect(html).toContain("Chưa tạo được văn bản Báo cáo (Word); tệp Excel vẫn đủ số liệu");
    const [xlsx] = dialogFiles(html);
    const wb = await readWorkbook(Buffer.from(xlsx.base64, "base64"));
    expect(appendixTotals(wb, s.template.indicators.length)[0]).toBe(1234);
  });
});
