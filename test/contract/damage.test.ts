/**
 * Damaged data sheets: what users do to a generated sheet (sort, filter, insert, move, delete,
 * rename, merge, paste). Each damaged workbook is built with exceljs from the template
 * writer's output and compiled through both readers. The compile either maps everything by
 * unit code and column key (same totals as undamaged) or says in Vietnamese what is wrong and
 * how to repair it. It never puts a number under the wrong indicator or unit.
 */
import "../../src/excel/write/zip-text-fix.js";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/model/cell.js";
import { buildColumns } from "../../src/core/template/columns.js";
import { compileRows } from "../../src/core/compile/compile.js";
import type { CompileResult, UnitRecord } from "../../src/core/model/compile-result.js";
import { AppError } from "../../src/core/model/problem.js";
import { selectPeriodSheets } from "../../src/core/read/select-sheets.js";
import { parseTemplate } from "../../src/core/template/template.js";
import { fastReadXlsx } from "../../src/excel/read/fast-read-xlsx.js";
import { readWorkbook } from "../../src/excel/read/read-workbook.js";
import type { SheetGrid } from "../../src/excel/read/sheet-grid.js";
import { addDataSheet, writeDataSheetXlsx } from "../../src/excel/write/write-data-sheet.js";
import { AS_OF, corpusInput, PERIOD } from "../fixtures/bad-inputs/template.js";

/** The corpus plan with 16 units: enough rows to sort, few enough to be quick. */
const t = parseTemplate({ ...corpusInput, units: corpusInput.units.slice(0, 16) });
const COLS = buildColumns(t);
const HEADER = new Map(COLS.map((c) => [c.key, c.header]));
/** 1-based sheet column of a key in the undamaged sheet. */
const col = (key: string) => COLS.findIndex((c) => c.key === key) + 1;
const DATA_ROWS = t.units.length;

/** Every figure differs from every other, so a value under the wrong unit or column shows. */
function unitRow(i: number, code: string): Record<string, CellValue> {
  return {
    ma_don_vi: code,
    tin_bai: 100 * (i + 1) + 1,
    kinh_phi: i + 1.25,
    co_ke_hoach: i % 2 === 0,
    muc_do: ["Tốt", "Khá", "Trung bình"][i % 3],
    so_hoc_sinh: 1000 * (i + 1) + 3,
    ty_le: 10 + i,
    ngay_ban_hanh: new Date(Date.UTC(2023, 1, 1 + i)),
    ghi_chu: `Ghi chú của ${code}`,
    "task:III.1.1:status": i % 2 ? "Hoàn thành" : "Đang thực hiện",
    "task:III.1.1:date": i % 2 ? new Date(Date.UTC(2023, 2, 1 + i)) : null,
    "text:noi_bat": `Nổi bật ${code}`,
    nguoi_bao_cao: `Người ${i + 1}`,
    dien_thoai: `0912 345 ${String(600 + i)}`,
    xac_nhan_gui: true,
    thoi_gian_gui: new Date(Date.UTC(2023, 4, 1 + (i % 8), 8, i)),
  };
}
const ROWS = t.units.map((u, i) => unitRow(i, u.code));

type Outcome = { result: CompileResult; fast: CompileResult } | { error: AppError };
const kinds: string[] = [];

const compileSheets = (sheets: SheetGrid[]) => {
  const got = selectPeriodSheets(t, PERIOD, sheets, "don-vi.xlsx");
  return compileRows({ template: t, periodId: PERIOD, rows: got.rows, asOf: AS_OF, problems: got.problems });
};

/** Compiles a workbook with both readers; they must agree on everything, errors included. */
async function compileBoth(bytes: Uint8Array): Promise<Outcome> {
  const run = async (read: () => Promise<SheetGrid[]>) => {
    try {
      return compileSheets(await read());
    } catch (e) {
      if (e instanceof AppError) return e;
      throw e;
    }
  };
  const slow = await run(() => readWorkbook(bytes, "don-vi.xlsx"));
  const fast = await run(async () => fastReadXlsx(bytes, "don-vi.xlsx"));
  if (slow instanceof AppError || fast instanceof AppError) {
    expect(
      fast instanceof AppError && slow instanceof AppError && fast.message === slow.message,
      "both readers refuse alike",
    ).toBe(true);
    return { error: slow as AppError };
  }
  expect(fast.records).toEqual(slow.records);
  expect(fast.totals).toEqual(slow.totals);
  const view = (r: CompileResult) =>
    r.problems.map((p) => `${p.code}|${p.unitCode}|${p.columnKey}|${p.row}|${p.value}`).sort();
  expect(view(fast)).toEqual(view(slow));
  return { result: slow, fast };
}

/** Loads the undamaged workbook, lets `damage` change it, writes it back and compiles it. */
async function damaged(
  kind: string,
  damage: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => unknown,
): Promise<Outcome> {
  kinds.push(kind);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeDataSheetXlsx(t, PERIOD, { rows: ROWS })) as unknown as ArrayBuffer);
  await damage(wb, wb.worksheets[0]);
  return compileBoth(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

let baseline: CompileResult;
beforeAll(async () => {
  const got = await compileBoth(await writeDataSheetXlsx(t, PERIOD, { rows: ROWS }));
  if ("error" in got) throw got.error;
  baseline = got.result;
});

/** The comparable content of a record (not where it came from). */
const content = (r: UnitRecord) => ({
  unitCode: r.unitCode,
  values: r.values,
  tasks: r.tasks,
  texts: r.texts,
  reporter: r.reporter,
  phone: r.phone,
  submitted: r.submitted,
  submittedAt: r.submittedAt,
});

/** The invariant of every damage: each value is the unit's own value in its own column, or absent. */
function neverMisplaced(r: CompileResult): void {
  const base = new Map(baseline.records.map((x) => [x.unitCode, x]));
  for (const rec of r.records) {
    const b = base.get(rec.unitCode)!;
    expect(b, rec.unitCode).toBeDefined();
    for (const [k, v] of Object.entries(rec.values))
      if (v !== null) expect(v, `${rec.unitCode} ${k}`).toEqual(b.values[k]);
    for (const [k, v] of Object.entries(rec.texts)) expect(v, `${rec.unitCode} ${k}`).toBe(b.texts[k]);
    for (const [k, v] of Object.entries(rec.tasks)) {
      if (v.input !== null) expect(v.input).toBe(b.tasks[k].input);
      if (v.doneDate !== null) expect(v.doneDate).toBe(b.tasks[k].doneDate);
    }
    if (rec.submittedAt !== null) expect(rec.submittedAt).toBe(b.submittedAt);
  }
}

/** Everything maps as undamaged: same records, statuses and totals. */
function sameAsUndamaged(o: Outcome): CompileResult {
  if ("error" in o) throw o.error;
  neverMisplaced(o.result);
  expect(o.result.records.map(content)).toEqual(baseline.records.map(content));
  expect(o.result.statuses).toEqual(baseline.statuses);
  expect(o.result.totals).toEqual(baseline.totals);
  return o.result;
}

/** Refused as a whole, with a Vietnamese message and a way to repair. */
function refused(o: Outcome, code: string, says: string): AppError {
  expect("error" in o, "the compile must stop").toBe(true);
  const e = (o as { error: AppError }).error;
  expect(e.code).toBe(code);
  expect(e.message).toContain(says);
  expect(e.message).toMatch(/Hãy|hãy|Mở|Dùng|Chạy|khôi phục/);
  return e;
}

const problem = (r: CompileResult, code: string) => r.problems.find((p) => p.code === code);
const dataRow = (i: number) => 3 + i;
/** Values of a sheet row: a 1-based array with a hole at 0 (slice keeps the hole; exceljs reads a filled 0 as column A). */
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as ExcelJS.CellValue[]).slice();

describe("damaged data sheets", () => {
  it("has a baseline where every unit and figure counts", () => {
    expect(baseline.countedUnits).toHaveLength(DATA_ROWS);
    expect(baseline.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(baseline.totals.find((x) => x.key === "tin_bai")!.total).toBe(
      ROWS.reduce((s, r) => s + (r.tin_bai as number), 0),
    );
  });

  it("maps rows re-sorted by name, descending", async () => {
    const o = await damaged("rows sorted", (_wb, ws) => {
      const lines = Array.from({ length: DATA_ROWS }, (_, i) => rowValues(ws, dataRow(i)));
      lines.sort((a, b) => String(b[col("ten_don_vi")]).localeCompare(String(a[col("ten_don_vi")]), "vi"));
      lines.forEach((v, i) => (ws.getRow(dataRow(i)).values = v));
    });
    sameAsUndamaged(o);
  });

  it("maps a sheet sorted with its key and header rows inside the range", async () => {
    const o = await damaged("whole sheet sorted, key and header rows moved into the data", (_wb, ws) => {
      const lines = Array.from({ length: DATA_ROWS + 2 }, (_, i) => rowValues(ws, i + 1));
      lines.sort((a, b) => String(a[col("ma_don_vi")]).localeCompare(String(b[col("ma_don_vi")])));
      lines.forEach((v, i) => (ws.getRow(i + 1).values = v));
    });
    sameAsUndamaged(o);
  });

  it("counts rows hidden by a filter", async () => {
    const o = await damaged("rows filtered (hidden)", (_wb, ws) => {
      ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + DATA_ROWS, column: COLS.length } };
      for (let i = 0; i < DATA_ROWS; i += 3) ws.getRow(dataRow(i)).hidden = true;
    });
    sameAsUndamaged(o);
  });

  it("ignores an inserted empty column", async () => {
    sameAsUndamaged(await damaged("column inserted (empty)", (_wb, ws) => ws.spliceColumns(col("tin_bai"), 0, [])));
  });

  it("keeps a unit's own notes column out of the totals, with a warning", async () => {
    const o = await damaged("column inserted with the unit's own notes", (_wb, ws) => {
      ws.spliceColumns(col("kinh_phi"), 0, [
        "",
        "Ghi chú riêng",
        ...Array.from({ length: DATA_ROWS }, (_, i) => (i % 2 ? 999 : "xem lại")),
      ]);
    });
    const r = sameAsUndamaged(o);
    expect(problem(r, "structure.extra-column")!.message).toContain("Ghi chú riêng");
  });

  it("maps a column moved to the end", async () => {
    const o = await damaged("column moved", (_wb, ws) => {
      const c = col("tin_bai");
      const values = ws.getColumn(c).values;
      ws.spliceColumns(c, 1);
      ws.getColumn(COLS.length).values = values;
    });
    sameAsUndamaged(o);
  });

  it("maps two columns swapped", async () => {
    const o = await damaged("two columns swapped", (_wb, ws) => {
      const a = ws.getColumn(col("tin_bai")).values;
      const b = ws.getColumn(col("so_hoc_sinh")).values;
      ws.getColumn(col("tin_bai")).values = b;
      ws.getColumn(col("so_hoc_sinh")).values = a;
    });
    sameAsUndamaged(o);
  });

  it("maps a hidden column", async () => {
    sameAsUndamaged(await damaged("column hidden", (_wb, ws) => (ws.getColumn(col("kinh_phi")).hidden = true)));
  });

  it("says which column was deleted and counts nothing in its place", async () => {
    const o = await damaged("indicator column deleted", (_wb, ws) => ws.spliceColumns(col("tin_bai"), 1));
    if ("error" in o) throw o.error;
    neverMisplaced(o.result);
    const p = problem(o.result, "structure.missing-column")!;
    expect(p).toMatchObject({ severity: "error", column: HEADER.get("tin_bai"), columnKey: "tin_bai" });
    expect(p.message).toContain("Thiếu cột");
    expect(p.fix).toContain("Khôi phục cột");
    expect(o.result.totals.find((x) => x.key === "tin_bai")!.total).toBe(null);
    expect(o.result.totals.filter((x) => x.key !== "tin_bai")).toEqual(
      baseline.totals.filter((x) => x.key !== "tin_bai"),
    );
  });

  it("stops when the unit-code column is deleted", async () => {
    refused(
      await damaged("unit-code column deleted", (_wb, ws) => ws.spliceColumns(col("ma_don_vi"), 1)),
      "structure.no-unit-column",
      "Mã đơn vị",
    );
  });

  it("maps a renamed header by its key, with a warning", async () => {
    const o = await damaged("header renamed", (_wb, ws) => (ws.getCell(2, col("tin_bai")).value = "Tin bài (đã sửa)"));
    const r = sameAsUndamaged(o);
    expect(problem(r, "structure.renamed-header")!.message).toContain("Tin bài (đã sửa)");
  });

  it("falls back to headers when the key row is removed, with a warning", async () => {
    const o = await damaged("key row removed", (_wb, ws) => ws.spliceRows(1, 1));
    const r = sameAsUndamaged(o);
    expect(problem(r, "structure.no-key-row")).toMatchObject({ severity: "warning" });
    expect(problem(r, "structure.no-key-row")!.fix).toContain("Thiết lập bảng tính");
  });

  it("names the column whose header was renamed after the key row went too", async () => {
    const o = await damaged("key row removed and a header renamed", (_wb, ws) => {
      ws.getCell(2, col("so_hoc_sinh")).value = "Số HS";
      ws.spliceRows(1, 1);
    });
    if ("error" in o) throw o.error;
    neverMisplaced(o.result);
    expect(problem(o.result, "structure.missing-column")).toMatchObject({
      columnKey: "so_hoc_sinh",
      severity: "error",
    });
    expect(problem(o.result, "structure.extra-column")!.message).toContain("Số HS");
    expect(o.result.totals.find((x) => x.key === "so_hoc_sinh")!.total).toBe(null);
  });

  it("repairs a key cell typed over, by the column's header", async () => {
    const o = await damaged("one key cell overwritten", (_wb, ws) => (ws.getCell(1, col("kinh_phi")).value = "abc"));
    const r = sameAsUndamaged(o);
    expect(problem(r, "structure.key-repaired")).toMatchObject({ columnKey: "kinh_phi", severity: "warning" });
  });

  it("maps by keys when the header row is deleted", async () => {
    const o = await damaged("header row deleted", (_wb, ws) => ws.spliceRows(2, 1));
    const r = sameAsUndamaged(o);
    expect(problem(r, "structure.no-header-row")).toMatchObject({ severity: "warning" });
  });

  it("keeps a merged-away cell out instead of copying the value into it", async () => {
    const o = await damaged("cells merged across two indicators of one unit", (_wb, ws) =>
      ws.mergeCells(dataRow(4), col("tin_bai"), dataRow(4), col("kinh_phi")),
    );
    if ("error" in o) throw o.error;
    neverMisplaced(o.result);
    const unit = t.units[4].code;
    const rec = o.result.records.find((x) => x.unitCode === unit)!;
    expect(rec.values.tin_bai).toBe(ROWS[4].tin_bai);
    expect(rec.values.kinh_phi).toBe(null);
    expect(problem(o.result, "structure.merged")!.message).toMatch(/bị gộp; chỉ giá trị ở ô [A-Z]+7 được dùng/);
  });

  it("never gives the unit below a merged cell the value above it", async () => {
    const o = await damaged("cells merged across two units", (_wb, ws) =>
      ws.mergeCells(dataRow(5), col("so_hoc_sinh"), dataRow(6), col("so_hoc_sinh")),
    );
    if ("error" in o) throw o.error;
    neverMisplaced(o.result);
    expect(o.result.records.find((x) => x.unitCode === t.units[6].code)!.values.so_hoc_sinh).toBe(null);
    expect(problem(o.result, "structure.merged")!.fix).toContain("Bỏ gộp ô");
  });

  it("maps under a header merged over two columns", async () => {
    sameAsUndamaged(
      await damaged("header cells merged", (_wb, ws) => ws.mergeCells(2, col("tin_bai"), 2, col("kinh_phi"))),
    );
  });

  it("reports a deleted unit row as not submitted, and nothing else moves", async () => {
    const o = await damaged("unit row deleted", (_wb, ws) => ws.spliceRows(dataRow(2), 1));
    if ("error" in o) throw o.error;
    neverMisplaced(o.result);
    const gone = t.units[2].code;
    expect(o.result.countedUnits).toEqual(baseline.countedUnits.filter((c) => c !== gone));
    expect(o.result.statuses.find((s) => s.unitCode === gone)!.status).toBe("overdue");
    expect(o.result.records.map(content)).toEqual(baseline.records.filter((r) => r.unitCode !== gone).map(content));
  });

  it("lists a copied unit row as a duplicate and counts it once", async () => {
    const o = await damaged(
      "unit row copied",
      (_wb, ws) => (ws.getRow(dataRow(DATA_ROWS)).values = rowValues(ws, dataRow(3))),
    );
    const r = sameAsUndamaged(o);
    expect(problem(r, "unit.duplicate")).toMatchObject({ unitCode: t.units[3].code, value: "số liệu giống nhau" });
  });

  it("lists a row whose unit code was cleared, suggesting the code from the name", async () => {
    const o = await damaged("unit code cleared", (_wb, ws) => (ws.getCell(dataRow(7), col("ma_don_vi")).value = null));
    if ("error" in o) throw o.error;
    neverMisplaced(o.result);
    const p = problem(o.result, "unit.missing-code")!;
    expect(p).toMatchObject({ severity: "error", row: dataRow(7), unitName: t.units[7].name });
    expect(p.fix).toContain(`nhập mã ${t.units[7].code}`);
    expect(o.result.countedUnits).not.toContain(t.units[7].code);
  });

  it("reads past empty rows inserted in the middle", async () => {
    sameAsUndamaged(await damaged("empty rows inserted", (_wb, ws) => ws.spliceRows(dataRow(5), 0, [], [], [])));
  });

  it("skips title rows inserted above the table", async () => {
    sameAsUndamaged(
      await damaged("title rows inserted above", (_wb, ws) =>
        ws.spliceRows(1, 0, ["BÁO CÁO SỐ LIỆU"], ["Đơn vị: Sở GDĐT"]),
      ),
    );
  });

  it("finds the data sheet under a new name", async () => {
    sameAsUndamaged(await damaged("data sheet renamed", (_wb, ws) => (ws.name = "Số liệu của tôi")));
  });

  it("stops with a clear message when the data sheet is deleted", async () => {
    const o = await damaged("data sheet deleted", (wb, ws) => wb.removeWorksheet(ws.id));
    refused(o, "source.no-data", "không có bảng dữ liệu nào");
  });

  it("ignores extra sheets", async () => {
    sameAsUndamaged(
      await damaged("extra sheets", (wb) => {
        wb.addWorksheet("Ghi chú").getCell("A1").value = "Mã đơn vị";
        wb.addWorksheet("Trống");
      }),
    );
  });

  it("counts a copied data sheet once, listing each unit's second copy", async () => {
    const o = await damaged("data sheet copied", (wb, ws) => {
      const copy = wb.addWorksheet("Bản sao");
      ws.eachRow((row, r) => (copy.getRow(r).values = row.values as ExcelJS.CellValue[]));
    });
    const r = sameAsUndamaged(o);
    expect(r.problems.filter((p) => p.code === "unit.duplicate")).toHaveLength(DATA_ROWS);
  });

  it("takes only this period's sheet when another period's sheet is added", async () => {
    sameAsUndamaged(
      await damaged(
        "another period's sheet added",
        (wb) => void addDataSheet(wb, t, "quy_1_2023", { rows: ROWS.map((r) => ({ ...r, tin_bai: 1 })) }),
      ),
    );
  });

  it("refuses a file holding only another period's sheet", async () => {
    const o = await damaged("only another period's sheet", (wb, ws) => {
      wb.removeWorksheet(ws.id);
      addDataSheet(wb, t, "quy_1_2023", { rows: ROWS });
    });
    refused(o, "source.other-period", "không phải 6 tháng đầu năm 2023");
  });

  it("keeps a pasted block of another period out, as an error", async () => {
    const o = await damaged("another period's block pasted below", async (_wb, ws) => {
      const other = new ExcelJS.Workbook();
      const src = addDataSheet(other, t, "quy_1_2023", { rows: ROWS.map((r) => ({ ...r, tin_bai: 7 })) });
      const start = dataRow(DATA_ROWS) + 1;
      src.eachRow((row, r) => (ws.getRow(start + r - 1).values = row.values as ExcelJS.CellValue[]));
    });
    if ("error" in o) throw o.error;
    sameAsUndamaged(o);
    expect(problem(o.result, "structure.foreign-block")).toMatchObject({ severity: "error" });
  });

  it("keeps extra columns of data at the far right out, with a warning", async () => {
    const o = await damaged("extra columns at the right", (_wb, ws) => {
      ws.getCell(2, COLS.length + 2).value = "Cột thêm";
      for (let i = 0; i < DATA_ROWS; i++) ws.getCell(dataRow(i), COLS.length + 2).value = i;
    });
    expect(problem(sameAsUndamaged(o), "structure.extra-column")!.message).toContain("Cột thêm");
  });

  it("reads figures re-typed as text and formulas with results", async () => {
    const o = await damaged("values pasted as text and as formulas", (_wb, ws) => {
      for (let i = 0; i < DATA_ROWS; i++) {
        const v = ROWS[i].so_hoc_sinh as number;
        ws.getCell(dataRow(i), col("so_hoc_sinh")).value =
          i % 2 ? v.toLocaleString("de-DE") : { formula: `${v - 3}+3`, result: v };
      }
    });
    sameAsUndamaged(o);
  });

  it("survives a 10,000-row paste below the table, with a short grouped problem list", async () => {
    const o = await damaged("10,000-row paste", (_wb, ws) => {
      const start = dataRow(DATA_ROWS) + 2;
      for (let i = 0; i < 10_000; i++) {
        ws.getRow(start + i).values = [
          undefined,
          i + 1,
          `HS${String(i).padStart(5, "0")}`,
          `Học sinh ${i}`,
          "10A1",
          i % 7,
          `${i},5`,
        ];
      }
    });
    const r = sameAsUndamaged(o);
    expect(r.problems.length).toBeLessThan(60);
    const unknown = r.problems.filter((p) => p.code === "unit.unknown");
    expect(unknown.at(-1)!.message).toMatch(/^Còn 9\.981 trường hợp khác cùng lỗi này/);
  }, 60_000);

  it("tried every kind of damage", () => {
    // Runs last (vitest keeps order): the kinds above, each one a distinct user action.
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.length).toBeGreaterThanOrEqual(25);
  });
});
