import ExcelJS from "exceljs";
import { Inflate, inflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { compileRows } from "../../core/compile/compile.js";
import { selectPeriodSheets } from "../../core/read/select-sheets.js";
import { buildColumns } from "../../core/template/columns.js";
import { colName } from "../../core/read/map-grid.js";
import { parseTemplate } from "../../core/template/template.js";
import { mini, miniInput } from "../../../test/fixtures/mini-template.js";
import { fastReadXlsx, type Inflaters } from "./fast-read-xlsx.js";
import { readWorkbook } from "./read-workbook.js";
import { writeDataSheetXlsx } from "../write/write-data-sheet.js";

async function awkwardWorkbook(): Promise<Uint8Array> {
  const rows = [
    {
      ma_don_vi: "THPT-A",
      tin_bai: 12,
      kinh_phi: "12,5",
      co_ke_hoach: true,
      muc_do: "Tốt",
      "text:kho_khan": "a & b < c > \"d\" 'e'",
      xac_nhan_gui: true,
      thoi_gian_gui: "03/05/2023 10:00",
    },
    { ma_don_vi: "THPT-B", tin_bai: 7, xac_nhan_gui: true },
    { ma_don_vi: "GDTX-C", tin_bai: 3, xac_nhan_gui: false },
  ];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeDataSheetXlsx(mini, "sau_thang_2023", { rows })) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const col = (key: string) => ws.getRow(1).values && (ws.getRow(1).values as unknown[]).indexOf(key);
  ws.getCell(4, col("thoi_gian_gui")).value = new Date(Date.UTC(2023, 4, 6, 8, 15));
  ws.getCell(4, col("kinh_phi")).value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell(4, col("text:de_xuat")).value = { richText: [{ text: "Đề " }, { text: "xuất", font: { bold: true } }] };
  ws.getCell(5, col("kinh_phi")).value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell(6, col("task:III.1.1:date")).value = new Date(Date.UTC(2023, 2, 20));
  ws.mergeCells(3, col("tin_bai"), 3, col("kinh_phi"));
  // A date typed in a number column, a three-cell merge, a formula saved without its result.
  ws.getCell(4, col("tin_bai")).value = new Date(Date.UTC(2023, 2, 20));
  ws.getCell(4, col("tin_bai")).numFmt = "dd/mm/yyyy";
  ws.mergeCells(5, col("text:noi_bat"), 5, col("text:de_xuat"));
  ws.getCell(6, col("kinh_phi")).value = { formula: "E6*2" } as ExcelJS.CellFormulaValue;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rewrites one part of a workbook (stored with deflate again). */
function editPart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[path] = strToU8(edit(strFromU8(files[path])));
  return zipSync(files);
}

/** Compiles what a reader returned, as the CLI does, into a comparable view. */
function compiledView(sheets: ReturnType<typeof fastReadXlsx>) {
  const got = selectPeriodSheets(mini, "sau_thang_2023", sheets, "f.xlsx");
  const r = compileRows({
    template: mini,
    periodId: "sau_thang_2023",
    rows: got.rows,
    asOf: "2023-05-10",
    problems: got.problems,
  });
  return {
    totals: r.totals,
    records: r.records,
    problems: r.problems.map((p) => `${p.code}|${p.unitCode}|${p.columnKey}|${p.row}|${p.value}`).sort(),
  };
}

/** The central directory entry of `name`, to damage it. */
function directoryEntry(bytes: Uint8Array, name: string): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length - 46; at++) {
    if (dv.getUint32(at, true) !== 0x02014b50) continue;
    const len = dv.getUint16(at + 28, true);
    if (strFromU8(bytes.subarray(at + 46, at + 46 + len)) === name) return at;
  }
  throw new Error(`no entry ${name}`);
}

describe("fastReadXlsx", () => {
  it("compiles to the same result as the exceljs reader", async () => {
    const bytes = await awkwardWorkbook();
    const via = (sheets: ReturnType<typeof fastReadXlsx>) => {
      const got = selectPeriodSheets(mini, "sau_thang_2023", sheets, "f.xlsx");
      return compileRows({
        template: mini,
        periodId: "sau_thang_2023",
        rows: got.rows,
        asOf: "2023-05-10",
        problems: got.problems,
      });
    };
    const fast = via(fastReadXlsx(bytes, "f.xlsx"));
    const slow = via(await readWorkbook(bytes, "f.xlsx"));
    expect(fast.totals).toEqual(slow.totals);
    expect(fast.statuses).toEqual(slow.statuses);
    expect(fast.records).toEqual(slow.records);
    expect(fast.problems.map((p) => `${p.code}|${p.unitCode}|${p.columnKey}|${p.value}`).sort()).toEqual(
      slow.problems.map((p) => `${p.code}|${p.unitCode}|${p.columnKey}|${p.value}`).sort(),
    );
    expect(fast.records.find((r) => r.unitCode === "THPT-A")!.texts.kho_khan).toBe("a & b < c > \"d\" 'e'");
    expect(fast.records.find((r) => r.unitCode === "THPT-B")!.texts.de_xuat).toBe("Đề xuất");
    const cols = buildColumns(mini).map((c) => c.key);
    const at = (key: string, row: number) => `${colName(cols.indexOf(key))}${row}`;
    const merges = [`${at("tin_bai", 3)}:${at("kinh_phi", 3)}`, `${at("text:noi_bat", 5)}:${at("text:de_xuat", 5)}`];
    expect(
      fast.problems
        .filter((p) => p.code === "structure.merged")
        .map((p) => p.value)
        .sort(),
    ).toEqual(merges.sort());
  });
  it("shows a date in a problem as the unit sees it, dd/mm/yyyy", async () => {
    const bytes = await awkwardWorkbook();
    const got = selectPeriodSheets(mini, "sau_thang_2023", fastReadXlsx(bytes, "f.xlsx"), "f.xlsx");
    const r = compileRows({
      template: mini,
      periodId: "sau_thang_2023",
      rows: got.rows,
      asOf: "2023-05-10",
      problems: got.problems,
    });
    expect(r.problems.find((p) => p.code === "task.date-without-done")!.value).toBe("20/03/2023");
    expect(r.problems.find((p) => p.code === "number.date" && p.unitCode === "THPT-B")!.value).toBe("20/03/2023");
    expect(r.problems.find((p) => p.code === "number.formula-text" && p.unitCode === "GDTX-D")).toMatchObject({
      value: "=E6*2",
      columnKey: "kinh_phi",
    });
  });
  it("throws on a file that is not a workbook", () => {
    expect(() => fastReadXlsx(new Uint8Array([1, 2, 3]), "x")).toThrow();
  });
  it("finds merges listed after elements that may hold page set-up, as exceljs does", async () => {
    // A custom view carries its own pageSetup and autoFilter before the merged-cell list:
    // reading must not stop at them, only at what the schema puts after the merges.
    const base = await awkwardWorkbook();
    const view =
      '<customSheetViews><customSheetView guid="{00000000-0000-0000-0000-000000000001}"><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape"/><autoFilter ref="A2:C6"><extLst/></autoFilter></customSheetView></customSheetViews>';
    const bytes = editPart(base, "xl/worksheets/sheet1.xml", (xml) => xml.replace("<mergeCells", `${view}<mergeCells`));
    const fast = compiledView(fastReadXlsx(bytes, "f.xlsx"));
    const slow = compiledView(await readWorkbook(bytes, "f.xlsx"));
    expect(fast).toEqual(slow);
    expect(fast.problems.filter((p) => p.startsWith("structure.merged"))).toHaveLength(2);
  });
  it("reads a sheet with no merged cells and nothing after its data", async () => {
    const base = await writeDataSheetXlsx(mini, "sau_thang_2023", {
      rows: [{ ma_don_vi: "THPT-A", tin_bai: 4, xac_nhan_gui: true }],
    });
    const bytes = editPart(
      base,
      "xl/worksheets/sheet1.xml",
      (xml) => `${xml.slice(0, xml.indexOf("</sheetData>") + "</sheetData>".length)}</worksheet>`,
    );
    expect(compiledView(fastReadXlsx(bytes, "f.xlsx"))).toEqual(compiledView(await readWorkbook(bytes, "f.xlsx")));
    expect(compiledView(fastReadXlsx(bytes, "f.xlsx")).totals.find((x) => x.key === "tin_bai")!.total).toBe(4);
  });
  it("gives each file of a folder its own values while parts they share are parsed once", async () => {
    const files = await Promise.all(
      ["THPT-A", "THPT-B", "GDTX-C"].map((code, i) =>
        writeDataSheetXlsx(mini, "sau_thang_2023", {
          unitCode: code,
          rows: [
            {
              ma_don_vi: code,
              tin_bai: 10 + i,
              xac_nhan_gui: true,
              "task:III.1.1:date": new Date(Date.UTC(2023, 2, i + 1)),
            },
          ],
        }),
      ),
    );
    // Twice over, so the shared parts are served from the cache the second time.
    for (let round = 0; round < 2; round++) {
      files.forEach((bytes, i) => {
        const grid = fastReadXlsx(bytes, "f.xlsx")[0].grid;
        const cols = buildColumns(mini).map((c) => c.key);
        expect(grid[2][cols.indexOf("tin_bai")]).toBe(10 + i);
        expect(grid[2][cols.indexOf("task:III.1.1:date")]).toEqual(new Date(Date.UTC(2023, 2, i + 1)));
        // A grid handed out is the caller's: changing it changes nothing for the next read.
        grid[0][0] = "sửa";
        grid[1].length = 0;
      });
    }
  });
  it("reads the same through an inflater that can stop at the start of a stream", async () => {
    const wholeSizes: number[] = [];
    // fflate's streaming inflater stands in for zlib's here (src/cli/zlib-inflaters.ts).
    const stopping: Inflaters = {
      inflate: (data, size) => (wholeSizes.push(data.length), inflateSync(data, { out: new Uint8Array(size) })),
      inflatePrefix: (data) => {
        const chunks: Uint8Array[] = [];
        new Inflate((c) => chunks.push(c)).push(data, false);
        const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
        return out;
      },
    };
    // Wide enough that a one-unit sheet's validations and highlighting make it worth stopping early.
    const wide = parseTemplate({
      ...miniInput,
      indicators: [
        ...(miniInput.indicators ?? []),
        ...Array.from({ length: 40 }, (_, i) => ({
          key: `them_${i}`,
          label: `Chỉ tiêu thêm ${i}`,
          unit: "lượt",
          type: "integer" as const,
          min: 0,
          aggregate: "sum" as const,
        })),
      ],
    });
    const unit = await writeDataSheetXlsx(wide, "sau_thang_2023", {
      unitCode: "THPT-A",
      rows: [{ ma_don_vi: "THPT-A", tin_bai: 3, them_7: 8, "text:kho_khan": "Thiếu máy chiếu", xac_nhan_gui: true }],
    });
    const many = Array.from({ length: 60 }, (_, i) => ({
      ma_don_vi: `X-${i}`,
      tin_bai: i,
      "text:kho_khan": "Khó khăn về kinh phí và nhân lực ".repeat(4),
      xac_nhan_gui: true,
    }));
    for (const bytes of [
      await awkwardWorkbook(),
      unit,
      await writeDataSheetXlsx(mini, "sau_thang_2023", { rows: many }),
    ]) {
      expect(fastReadXlsx(bytes, "f.xlsx", { inflaters: stopping })).toEqual(fastReadXlsx(bytes, "f.xlsx"));
    }
    // A one-unit sheet not seen before is read from the start of its stream only, never inflated whole.
    const fresh = await writeDataSheetXlsx(wide, "sau_thang_2023", {
      unitCode: "THPT-B",
      rows: [{ ma_don_vi: "THPT-B", them_9: 4, xac_nhan_gui: true }],
    });
    wholeSizes.length = 0;
    expect(fastReadXlsx(fresh, "f.xlsx", { inflaters: stopping })[0].grid[2]).toContain(4);
    const sheetBytes = new DataView(fresh.buffer, fresh.byteOffset).getUint32(
      directoryEntry(fresh, "xl/worksheets/sheet1.xml") + 20,
      true,
    );
    expect(sheetBytes).toBeGreaterThan(4096);
    expect(wholeSizes).not.toContain(sheetBytes);
  });
  it("throws, for exceljs to explain, on an encrypted entry, a wrong size or a cut-off file", async () => {
    const bytes = await awkwardWorkbook();
    const encrypted = bytes.slice();
    encrypted[directoryEntry(encrypted, "xl/worksheets/sheet1.xml") + 8] |= 1;
    expect(() => fastReadXlsx(encrypted, "x")).toThrow(/encrypted/);
    const wrongSize = bytes.slice();
    const at = directoryEntry(wrongSize, "xl/sharedStrings.xml") + 24;
    new DataView(wrongSize.buffer).setUint32(at, new DataView(wrongSize.buffer).getUint32(at, true) + 1, true);
    expect(() => fastReadXlsx(wrongSize, "x")).toThrow();
    expect(() => fastReadXlsx(bytes.slice(0, bytes.length - 30), "x")).toThrow();
  });
});
