/** The bad-input corpus, compiled: every case gets a clear Vietnamese problem or its stated value. */
import "../../src/excel/write/zip-text-fix.js";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, type CellValue } from "../../src/core/model/cell.js";
import { checkCell } from "../../src/core/read/check-cell.js";
import { buildColumns, type ColumnSpec } from "../../src/core/template/columns.js";
import { compileGrid, compileRows } from "../../src/core/compile/compile.js";
import type { CompileResult } from "../../src/core/model/compile-result.js";
import { selectPeriodSheets } from "../../src/core/read/select-sheets.js";
import { fastReadXlsx } from "../../src/excel/read/fast-read-xlsx.js";
import { readWorkbook } from "../../src/excel/read/read-workbook.js";
import type { SheetGrid } from "../../src/excel/read/sheet-grid.js";
import { writeDataSheetXlsx } from "../../src/excel/write/write-data-sheet.js";
import { BAD_INPUTS, type BadInput } from "../fixtures/bad-inputs/cases.js";
import { coreValue, fieldOf, placeCases, validRow, type Placed } from "../fixtures/bad-inputs/place.js";
import { AS_OF, corpus, PERIOD } from "../fixtures/bad-inputs/template.js";
import { makeGrid } from "../fixtures/grid.js";
import { BAD_TEMPLATES } from "../fixtures/bad-inputs/templates.js";
import { miniInput } from "../fixtures/mini-template.js";
import { parseTemplate } from "../../src/core/template/template.js";
import type { TemplateInput } from "../../src/core/model/template-schema.js";
import { AppError } from "../../src/core/model/problem.js";

const COLUMNS = new Map(buildColumns(corpus).map((c) => [c.key, c]));
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Compile-time checks that only the whole compile can make (they need the compile date). */
const COMPILE_ONLY = new Set(["task.date-future", "submission.future"]);

const compileCoreGrid = (rows: Record<string, CellValue>[]) =>
  compileGrid({ template: corpus, periodId: PERIOD, grid: makeGrid(corpus, PERIOD, rows), asOf: AS_OF });
const compileSheets = (sheets: SheetGrid[]) => {
  const got = selectPeriodSheets(corpus, PERIOD, sheets, "corpus.xlsx");
  return compileRows({ template: corpus, periodId: PERIOD, rows: got.rows, asOf: AS_OF, problems: got.problems });
};

/** The problems about a placed case: its unit (by the name in its row, for unit codes) and its column. */
function problemsOf(r: CompileResult, p: Placed) {
  return r.problems.filter(
    (x) =>
      x.columnKey === p.case.column &&
      (p.case.column === "ma_don_vi" ? x.unitName === p.unit.name : x.unitCode === p.unit.code),
  );
}

/** The text the problem must show back: what the unit typed, or the stated display. */
function expectedShown(c: BadInput): string | undefined {
  if (c.shown !== undefined) return c.shown;
  const v = coreValue(c);
  return typeof v === "string" ? v : undefined;
}

/** Checks one placed case against a compile result (read from the generated file when `inFile`). */
function checkCase(r: CompileResult, p: Placed, inFile = false): void {
  const c = inFile && p.case.inFile ? { ...p.case, expect: p.case.inFile.expect, shown: p.case.inFile.shown } : p.case;
  const exp = c.expect;
  const rec = r.records.find((x) => x.unitCode === p.unit.code);
  const mine = problemsOf(r, p);
  for (const x of mine) {
    expect(x.message.length, x.message).toBeLessThan(400);
    expect(x.fix.length).toBeGreaterThan(5);
    expect(x.message + x.fix).toMatch(VIETNAMESE);
    expect(x.value ?? "").not.toMatch(LONE_SURROGATE);
    expect((x.value ?? "").length).toBeLessThan(120);
  }
  if ("error" in exp) {
    const hit = mine.find((x) => x.code === exp.error);
    expect(hit, `${c.id}: expected ${exp.error}, got ${mine.map((x) => x.code).join(", ") || "nothing"}`).toBeDefined();
    expect(hit!.severity).toBe("error");
    expect(`${hit!.message} ${hit!.fix}`).toContain(exp.says);
    expect(hit!.column).toBe(COLUMNS.get(c.column)!.header);
    const shown = expectedShown(c);
    if (shown !== undefined) {
      const clean = (s: string) => cleanText(s).normalize("NFC");
      if (shown.length <= 80) expect(clean(hit!.value!)).toBe(clean(shown));
      else expect(hit!.value!.startsWith(shown.slice(0, 70))).toBe(true);
    }
    if (c.column === "ma_don_vi") {
      // The row is not counted for any unit: not the unit it was meant to be, nor another.
      expect(rec).toBeUndefined();
      expect(hit!.unitName).toBe(p.unit.name);
      expect(hit!.fix).toContain(p.unit.code);
    } else {
      expect(hit).toMatchObject({ unitCode: p.unit.code, unitName: p.unit.name });
      // Refused and kept out: blank in the record, and the row's other values still count.
      expect(fieldOf(rec, c.column)).toBe(c.column === "xac_nhan_gui" ? false : null);
      if (c.column !== "tin_bai" && c.column !== "xac_nhan_gui") expect(rec!.values.tin_bai).toBe(p.row.tin_bai);
    }
  } else {
    expect(
      mine.filter((x) => x.severity === "error").map((x) => `${x.code}: ${x.message}`),
      c.id,
    ).toEqual([]);
    const got = fieldOf(rec, c.column);
    if (typeof got === "string" && got.length > 1000)
      expect({ length: got.length, same: got === exp.accept }, c.id).toEqual({
        length: (exp.accept as string).length,
        same: true,
      });
    else expect(got, c.id).toEqual(exp.accept);
    if ("warn" in exp) {
      const hit = mine.find((x) => x.code === exp.warn);
      expect(
        hit,
        `${c.id}: expected warning ${exp.warn}, got ${mine.map((x) => x.code).join(", ") || "nothing"}`,
      ).toBeDefined();
      expect(hit!.severity).toBe("warning");
      expect(`${hit!.message} ${hit!.fix}`).toContain(exp.says);
      expect(hit!.unitCode).toBe(p.unit.code);
    } else
      expect(
        mine.map((x) => x.code),
        c.id,
      ).toEqual([]);
  }
}

describe("bad-input corpus", () => {
  it("holds at least 150 distinct cases, each with an expectation", () => {
    const text = (v: unknown) =>
      typeof v === "number"
        ? Object.is(v, -0)
          ? "-0"
          : String(v)
        : v instanceof Date
          ? String(v.getTime())
          : JSON.stringify(v);
    const key = (c: BadInput) => `${c.column}|${c.xl ? "xl:" : ""}${typeof c.raw}|${text(c.raw)}`;
    expect(new Set(BAD_INPUTS.map(key)).size).toBe(BAD_INPUTS.length);
    expect(new Set(BAD_INPUTS.map((c) => c.id)).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(150);
    for (const c of BAD_INPUTS) expect(COLUMNS.has(c.column), c.column).toBe(true);
  });

  describe("compiled from a sheet grid", () => {
    const { rows, placed } = placeCases(BAD_INPUTS);
    const result = compileCoreGrid(rows as Record<string, CellValue>[]);
    it.each(placed.map((p) => [p.id, p] as const))("%s", (_id, p) => checkCase(result, p));
  });

  describe("checked while typing (checkCell)", () => {
    const cases = BAD_INPUTS.filter((c) => c.column !== "ma_don_vi");
    it.each(cases.map((c) => [c.id, c] as const))("%s agrees with the compile", (_id, c) => {
      const note = checkCell(COLUMNS.get(c.column) as ColumnSpec, coreValue(c));
      const exp = c.expect;
      if ("error" in exp) expect(note).toMatchObject({ severity: "error", code: exp.error });
      else if ("warn" in exp && !COMPILE_ONLY.has(exp.warn))
        expect(note).toMatchObject({ severity: "warning", code: exp.warn });
      else expect(note).toBeNull();
    });
  });

  it("keeps the valid data's totals exactly when bad cells and bad rows are mixed in (property)", () => {
    const units = corpus.units.filter((u) => u.code.startsWith("DV-")).slice(0, 12);
    const errors = BAD_INPUTS.filter((c) => "error" in c.expect && c.column !== "ma_don_vi");
    const accepted = BAD_INPUTS.filter(
      (c) => "accept" in c.expect && !("warn" in c.expect) && COLUMNS.get(c.column)?.kind === "indicator",
    );
    const valid = fc.record({
      tin_bai: fc.option(fc.integer({ min: 0, max: 5000 })),
      kinh_phi: fc.option(fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100)),
      co_ke_hoach: fc.option(fc.boolean()),
      muc_do: fc.option(fc.constantFrom("Tốt", "Khá", "Trung bình")),
      so_hoc_sinh: fc.option(fc.integer({ min: 0, max: 100_000 })),
      ty_le: fc.option(fc.integer({ min: 1, max: 100 })),
      time: fc.option(fc.integer({ min: 1, max: 9 }).map((d) => `0${d}/05/2023 08:30`)),
    });
    const badRow = fc.constantFrom<Record<string, CellValue>>(
      { ma_don_vi: "KHONG-CO", tin_bai: 99, kinh_phi: 5, xac_nhan_gui: true },
      { ten_don_vi: "Trường lạ", tin_bai: 5, xac_nhan_gui: true },
      {},
      { ma_don_vi: units[0].code },
      { ma_don_vi: units[1].code, tin_bai: 4444, xac_nhan_gui: false },
      { ma_don_vi: { error: "#REF!" }, tin_bai: 7, xac_nhan_gui: true },
      { ma_don_vi: "Mã đơn vị", tin_bai: "Số tin, bài đăng tải (tin, bài)" },
      { ma_don_vi: "DV–999", so_hoc_sinh: 1_000_000, xac_nhan_gui: true },
    );
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(valid, { minLength: units.length, maxLength: units.length }),
        fc.array(fc.record({ unit: fc.nat(units.length - 1), bad: fc.constantFrom(...errors) }), { maxLength: 10 }),
        fc.array(fc.record({ unit: fc.nat(units.length - 1), good: fc.constantFrom(...accepted) }), { maxLength: 6 }),
        fc.array(badRow, { maxLength: 8 }),
        fc.array(fc.double({ noNaN: true }), { minLength: 40, maxLength: 40 }),
        (values, bads, goods, extraRows, order) => {
          runs++;
          const base = units.map((u, i) => {
            const v = values[i];
            const row: Record<string, CellValue> = { ma_don_vi: u.code, ten_don_vi: u.name, xac_nhan_gui: true };
            for (const k of ["tin_bai", "kinh_phi", "co_ke_hoach", "muc_do", "so_hoc_sinh", "ty_le"] as const)
              if (v[k] !== null) row[k] = v[k];
            if (v.time) row.thoi_gian_gui = v.time;
            return row;
          });
          const clean = base.map((r) => ({ ...r }));
          const dirty = base.map((r) => ({ ...r }));
          const hit = new Map<string, BadInput>();
          for (const g of goods) {
            clean[g.unit][g.good.column] = (g.good.expect as { accept: unknown }).accept as CellValue;
            dirty[g.unit][g.good.column] = coreValue(g.good);
          }
          for (const b of bads) {
            clean[b.unit][b.bad.column] = null;
            dirty[b.unit][b.bad.column] = coreValue(b.bad);
            hit.set(`${units[b.unit].code}|${b.bad.column}`, b.bad);
          }
          const mixed = [...dirty, ...extraRows]
            .map((r, i) => ({ r, k: order[i % order.length] + i * 1e-9 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.r);
          const a = compileCoreGrid(clean);
          const b = compileCoreGrid(mixed);
          expect(b.totals).toEqual(a.totals);
          expect(b.countedUnits.sort()).toEqual(a.countedUnits.sort());
          expect(b.statuses).toEqual(a.statuses);
          for (const [k, c] of hit) {
            const [unit, column] = k.split("|");
            expect(
              b.problems.some((p) => p.unitCode === unit && p.columnKey === column && p.severity === "error"),
              `${c.id} on ${unit}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(runs).toBe(300);
  });
});

describe("bad-input corpus through a real .xlsx", () => {
  const cases = BAD_INPUTS.filter((c) => !c.gridOnly);
  const build = async () => {
    const { rows, placed } = placeCases(cases, true);
    const bytes = await writeDataSheetXlsx(corpus, PERIOD, { rows: rows as Record<string, CellValue>[] });
    return { bytes, placed };
  };
  const ready = build();

  it("is read the same by the exceljs reader and the fast reader", async () => {
    const { bytes } = await ready;
    const slow = compileSheets(await readWorkbook(bytes, "corpus.xlsx"));
    const fast = compileSheets(fastReadXlsx(bytes, "corpus.xlsx"));
    const view = (r: CompileResult) =>
      r.problems.map((p) => `${p.row}|${p.code}|${p.unitCode}|${p.columnKey}|${p.value}|${p.message}`).sort();
    expect(fast.records).toEqual(slow.records);
    expect(fast.totals).toEqual(slow.totals);
    expect(view(fast)).toEqual(view(slow));
  });

  it("keeps formula-like text as text in the file (never a formula)", async () => {
    const { bytes, placed } = await ready;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const keys = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" && !v.startsWith("#") ? v : ""));
    const formulaLike = placed.filter((p) => !p.case.xl && typeof p.case.raw === "string" && /^[=+@]/.test(p.case.raw));
    expect(formulaLike.length).toBeGreaterThan(10);
    for (const p of formulaLike) {
      let found = false;
      ws.eachRow((row) => {
        const v = row.getCell(keys.indexOf(p.case.column)).value;
        if (v === p.case.raw) found = true;
      });
      expect(found, p.id).toBe(true);
    }
  });

  describe("every case, read back by the fast reader", () => {
    it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
      const { bytes, placed } = await ready;
      const r = (readBack ??= compileSheets(fastReadXlsx(bytes, "corpus.xlsx")));
      checkCase(r, placed.find((p) => p.id === c.id)!, true);
    });
  });
});
let readBack: CompileResult | undefined;

describe("rows that go wrong as a whole", () => {
  const rowsFor = (...rows: Record<string, CellValue>[]) => compileCoreGrid(rows);
  const A = corpus.units.find((u) => u.code === "DV-001")!;
  const B = corpus.units.find((u) => u.code === "DV-002")!;

  it("uses the later of two submissions of one unit and lists what differs", () => {
    const r = rowsFor(
      { ...validRow(A, 1), tin_bai: 10, thoi_gian_gui: "02/05/2023 09:00" },
      { ...validRow(A, 1), tin_bai: 15, thoi_gian_gui: "04/05/2023 09:00" },
    );
    expect(r.records.find((x) => x.unitCode === A.code)!.values.tin_bai).toBe(15);
    const dup = r.problems.find((p) => p.code === "unit.duplicate")!;
    expect(dup).toMatchObject({ unitCode: A.code, unitName: A.name, row: 3 });
    expect(dup.value).toContain("dùng 15, bỏ 10");
  });

  it("breaks a tie between two unsorted copies the same way in any row order, and says so", () => {
    const one = { ...validRow(A, 1), tin_bai: 10, thoi_gian_gui: null };
    const two = { ...validRow(A, 1), tin_bai: 20, thoi_gian_gui: null };
    const r1 = rowsFor(one, two);
    const r2 = rowsFor(two, one);
    expect(r1.totals).toEqual(r2.totals);
    const dup = r1.problems.find((p) => p.code === "unit.duplicate")!;
    expect(dup.message).toContain("không rõ bản nào gửi sau");
  });

  it("says when two copies are identical", () => {
    const r = rowsFor(validRow(A, 1), validRow(A, 1));
    expect(r.problems.find((p) => p.code === "unit.duplicate")!.value).toBe("số liệu giống nhau");
  });

  it("reads past an empty row in the middle", () => {
    const r = rowsFor(validRow(A, 1), {}, {}, validRow(B, 2));
    expect(r.countedUnits).toEqual([A.code, B.code]);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("lists a row of figures without a unit code, suggesting the code from the name", () => {
    const r = rowsFor({ ...validRow(A, 1), ma_don_vi: null });
    const p = r.problems.find((x) => x.code === "unit.missing-code")!;
    expect(p.fix).toContain(`nhập mã ${A.code}`);
    expect(r.countedUnits).toEqual([]);
  });

  it("does not take a unit's untouched row (code and name only) for an entry", () => {
    const r = rowsFor({ ma_don_vi: A.code, ten_don_vi: A.name, xac_nhan_gui: false }, validRow(B, 2));
    expect(r.problems.filter((p) => p.unitCode === A.code)).toEqual([]);
    expect(r.statuses.find((s) => s.unitCode === A.code)).toMatchObject({ draft: false, status: "overdue" });
  });

  it("skips a header row pasted again inside the data, with a warning", () => {
    const header = Object.fromEntries(buildColumns(corpus).map((c) => [c.key, c.header]));
    const r = rowsFor(validRow(A, 1), header, validRow(B, 2));
    expect(r.countedUnits).toEqual([A.code, B.code]);
    expect(r.problems.find((p) => p.code === "structure.repeated-header")!.message).toContain("Dòng 4");
    expect(r.problems.some((p) => p.code === "unit.unknown")).toBe(false);
  });

  it("groups a flood of the same problem instead of listing thousands", () => {
    const junk = Array.from({ length: 3000 }, (_, i) => ({ ma_don_vi: `HS${i}`, tin_bai: i }));
    const r = rowsFor(validRow(A, 1), ...junk);
    const unknown = r.problems.filter((p) => p.code === "unit.unknown");
    expect(unknown.length).toBe(20);
    const summary = unknown.at(-1)!;
    expect(summary.message).toMatch(/^Còn 2\.981 trường hợp khác cùng lỗi này \(dòng 23–3\.003\)/);
    expect(r.countedUnits).toEqual([A.code]);
  });
});

describe("templates that contradict themselves", () => {
  it.each(BAD_TEMPLATES.map((b) => [b.id, b] as const))("refuses %s, naming the path and the fix", (_id, b) => {
    const input = structuredClone(miniInput) as TemplateInput & Record<string, unknown>;
    b.mutate(input);
    let error: unknown;
    try {
      parseTemplate(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe("template.invalid");
    expect(e.message).toMatch(/^Không dùng được mẫu kế hoạch: có \d+ lỗi\./);
    const line = e.details.find(
      (d) => d.startsWith(`${b.path}:`) || d.startsWith(`${b.path}[`) || d.startsWith(`${b.path}.`),
    );
    expect(line, e.details.join("\n")).toBeDefined();
    expect(line).toContain(b.says);
    expect(line).toMatch(/Hãy|hãy|Mỗi/);
  });
  it("accepts the unbroken template", () => {
    expect(() => parseTemplate(structuredClone(miniInput))).not.toThrow();
  });
});
