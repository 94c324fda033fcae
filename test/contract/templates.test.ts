/** Checks the bundled plan templates against their plans, and that the demo sample fits its template. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/model/cell.js";
import { buildColumns, COLUMN_KEYS } from "../../src/core/template/columns.js";
import { compileGrid } from "../../src/core/compile/compile.js";
import { endOfDay } from "../../src/core/vn/dates.js";
import { parseVnDate } from "../../src/core/vn/parse-date.js";
import { taskDueDay } from "../../src/core/compile/task-status.js";
import { findPeriod, parseTemplate } from "../../src/core/template/template.js";
import type { Template } from "../../src/core/model/template-schema.js";
import { makeGrid } from "../fixtures/grid.js";

const TEMPLATES = new URL("../../sheets-templates/", import.meta.url);
const SAMPLES = new URL("../../samples/", import.meta.url);
const templateFiles = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith(".json"))
  .sort();
const sampleFiles = readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".json"))
  .sort();
const readJson = (base: URL, f: string): unknown => JSON.parse(readFileSync(new URL(f, base), "utf8"));
const loadTemplate = (name: string): Template => parseTemplate(readJson(TEMPLATES, `${name}.json`), `${name}.json`);

interface Sample {
  template: string;
  period: string;
  asOf: string;
  rows: Record<string, CellValue>[];
}

describe("sheets-templates", () => {
  it("bundles the ttdn-2023 template and at least one other", () => {
    expect(templateFiles).toContain("ttdn-2023.json");
    expect(templateFiles.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(templateFiles)("%s", (file) => {
    const t = parseTemplate(readJson(TEMPLATES, file), file);

    it("parses with parseTemplate", () => {
      expect(t.units.length).toBeGreaterThan(0);
    });

    it("gives every unit a stable ASCII code, unique, in a known group", () => {
      const groups = new Set(t.unitGroups.map((g) => g.code));
      for (const u of t.units) {
        expect(u.code, u.name).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
        expect(groups.has(u.group), `${u.code} → ${u.group}`).toBe(true);
      }
      expect(new Set(t.units.map((u) => u.code)).size).toBe(t.units.length);
    });

    it("has no empty unit group and no task that no unit reports on", () => {
      for (const g of t.unitGroups)
        expect(
          t.units.some((u) => u.group === g.code),
          g.code,
        ).toBe(true);
      for (const task of t.tasks)
        expect(
          t.units.some((u) => !task.groups || task.groups.includes(u.group)),
          task.code,
        ).toBe(true);
    });

    it("closes each period's data window before its deadline", () => {
      for (const p of t.periods) expect(p.to < p.deadline, `${p.id}: ${p.to} / ${p.deadline}`).toBe(true);
    });

    it("bounds every number indicator from below, so a negative count is refused", () => {
      for (const ind of t.indicators.filter((x) => x.type === "integer" || x.type === "number"))
        expect(ind.min, ind.key).toBe(0);
    });
  });
});

describe("ttdn-2023", () => {
  const t = loadTemplate("ttdn-2023");

  it("lists at least 60 units, among them the 15 Phòng GD&ĐT quận, huyện of 2023", () => {
    expect(t.units.length).toBeGreaterThanOrEqual(60);
    const pgd = t.units.filter((u) => u.group === "PGD").map((u) => u.name);
    const districts = [
      "Hồng Bàng",
      "Ngô Quyền",
      "Lê Chân",
      "Hải An",
      "Kiến An",
      "Đồ Sơn",
      "Dương Kinh",
      "Thủy Nguyên",
      "An Dương",
      "An Lão",
      "Kiến Thụy",
      "Tiên Lãng",
      "Vĩnh Bảo",
      "Cát Hải",
      "Bạch Long Vĩ",
    ];
    expect(pgd).toHaveLength(districts.length);
    for (const d of districts)
      expect(
        pgd.some((n) => n.endsWith(` ${d}`)),
        d,
      ).toBe(true);
  });

  it("has the plan's reporting periods: quarters, 6 months by 05/5 and the year by 05/11", () => {
    expect(t.periods.map((p) => p.id)).toEqual([
      "quy_1_2023",
      "quy_2_2023",
      "quy_3_2023",
      "quy_4_2023",
      "sau_thang_2023",
      "nam_2023",
    ]);
    expect(findPeriod(t, "sau_thang_2023")).toMatchObject({
      kind: "half",
      deadline: "2023-05-05",
      label: "6 tháng đầu năm 2023",
    });
    expect(findPeriod(t, "nam_2023")).toMatchObject({ kind: "year", deadline: "2023-11-05", label: "Năm 2023" });
  });

  it("has the tasks of section III with their timeframes", () => {
    expect(t.tasks.map((x) => x.code)).toEqual([
      "III.1.1",
      "III.1.2",
      "III.1.3",
      "III.2.1",
      "III.2.2",
      "III.2.3",
      "III.2.4",
      "III.2.5",
    ]);
    const due = Object.fromEntries(t.tasks.map((x) => [x.code, taskDueDay(t, x)]));
    // "Trong năm 2023" for the unit's own plan, due by the end of Quý I: the first quarterly report needs it.
    expect(due["III.1.1"]).toBe("2023-03-31");
    expect(due["III.1.3"]).toBe("2023-09-30");
    expect(due["III.1.2"]).toBe("2023-12-31");
    for (const code of ["III.2.1", "III.2.2", "III.2.3", "III.2.4", "III.2.5"]) expect(due[code], code).toBeNull();
    expect(t.tasks.find((x) => x.code === "III.1.3")?.timeframe).toBe("dự kiến Quý III, năm 2023");
  });

  it("carries the plan's issuer and signer", () => {
    expect(t.plan).toMatchObject({
      code: "KH-TTĐN-2023",
      place: "Hải Phòng",
      issuer: { parent: "UBND THÀNH PHỐ HẢI PHÒNG", name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO" },
      signer: { authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Phạm Quốc Hiệu" },
    });
    expect(t.plan.distribution.at(-1)).toMatch(/^Lưu: VT/);
  });
});

describe("khuyen-hoc-ha-noi", () => {
  const t = loadTemplate("khuyen-hoc-ha-noi");

  it("lists the 30 district-level UBND of Hà Nội (2020) and the Sở, ngành and press the plan names", () => {
    expect(t.units.filter((u) => u.group === "UBND-QH")).toHaveLength(30);
    expect(t.units.length).toBeGreaterThanOrEqual(20);
    for (const g of ["GDDT-KH", "VHTT", "SO-NGANH", "BAO-CHI"])
      expect(
        t.units.some((u) => u.group === g),
        g,
      ).toBe(true);
  });

  it('reports yearly, as the plan\'s "Định kỳ hằng năm" says', () => {
    expect(t.periods.map((p) => p.kind)).toEqual(t.periods.map(() => "year"));
    expect(t.plan.source).toMatch(/231\/KH-UBND ngày 01\/12\/2020/);
  });
});

describe.each(sampleFiles)("sample %s", (file) => {
  const sample = readJson(SAMPLES, file) as Sample;
  const t = loadTemplate(sample.template);
  const period = findPeriod(t, sample.period);
  const unitOf = new Map(t.units.map((u) => [u.code, u]));
  const columnKeys = new Set(buildColumns(t).map((c) => c.key));
  const result = compileGrid({
    template: t,
    periodId: period.id,
    grid: makeGrid(t, period.id, sample.rows),
    asOf: sample.asOf,
  });
  const statusOf = new Map(result.statuses.map((s) => [s.unitCode, s]));
  const recordOf = new Map(result.records.map((r) => [r.unitCode, r]));

  it("is named after its template and period", () => {
    expect(file).toBe(`${sample.template}_${sample.period}.json`);
  });

  it("uses only unit codes and column keys of its template, once per unit", () => {
    const codes = sample.rows.map((r) => String(r[COLUMN_KEYS.unitCode]));
    for (const c of codes) expect(unitOf.has(c), c).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    for (const row of sample.rows)
      for (const k of Object.keys(row)) expect(columnKeys.has(k), `${row.ma_don_vi}: ${k}`).toBe(true);
  });

  it("fills task columns only for tasks the unit's group reports on", () => {
    for (const row of sample.rows) {
      const group = unitOf.get(String(row.ma_don_vi))!.group;
      for (const k of Object.keys(row).filter((x) => x.startsWith("task:"))) {
        const task = t.tasks.find((x) => k.startsWith(`task:${x.code}:`))!;
        expect(!task.groups || task.groups.includes(group), `${row.ma_don_vi}: ${k}`).toBe(true);
      }
    }
  });

  it("loses no value silently: each indicator entered is either read or listed as a problem", () => {
    for (const row of sample.rows) {
      const code = String(row.ma_don_vi);
      for (const ind of t.indicators) {
        if (row[ind.key] === undefined || row[ind.key] === null || row[ind.key] === "") continue;
        const read = recordOf.get(code)?.values[ind.key] ?? null;
        const listed = result.problems.some((p) => p.unitCode === code && p.columnKey === ind.key);
        expect(read !== null || listed, `${code}: ${ind.key}`).toBe(true);
      }
    }
  });

  it("judges each submission against the deadline the way its time says", () => {
    for (const row of sample.rows.filter((r) => r.xac_nhan_gui === true)) {
      const at = parseVnDate(row.thoi_gian_gui);
      expect(at.ok, String(row.ma_don_vi)).toBe(true);
      if (!at.ok) continue;
      expect(statusOf.get(String(row.ma_don_vi))?.status).toBe(
        at.value <= endOfDay(period.deadline) ? "on-time" : "late",
      );
    }
  });

  it("covers every case of the report: on time, late, missing, draft, bad values, Vietnamese numbers", () => {
    const withRow = new Set(sample.rows.map((r) => String(r.ma_don_vi)));
    const statuses = result.statuses;
    expect(statuses.filter((s) => s.status === "on-time").length).toBeGreaterThan(t.units.length / 2);
    expect(statuses.some((s) => s.status === "late")).toBe(true);
    expect(statuses.some((s) => !withRow.has(s.unitCode) && s.status === "overdue")).toBe(true);
    expect(statuses.some((s) => s.draft)).toBe(true);
    const codes = new Set(result.problems.filter((p) => p.severity === "error").map((p) => p.code));
    for (const c of ["number.text", "number.negative", "number.above-max"]) expect(codes.has(c), c).toBe(true);
    // "1.234" typed as text is a valid Vietnamese number and is read as 1234.
    const dotted = sample.rows.flatMap((r) =>
      t.indicators
        .filter((ind) => typeof r[ind.key] === "string" && /^\d{1,3}(\.\d{3})+$/.test(r[ind.key] as string))
        .map((ind) => ({ code: String(r.ma_don_vi), key: ind.key, text: r[ind.key] as string })),
    );
    expect(dotted.length).toBeGreaterThan(0);
    for (const d of dotted) expect(recordOf.get(d.code)?.values[d.key]).toBe(Number(d.text.replace(/\./g, "")));
  });

  it("shows tasks in every status, overdue ones included", () => {
    const seen = new Set(result.statuses.flatMap((s) => Object.values(s.tasks)));
    for (const k of ["done-on-time", "done-late", "open-in-time", "open-overdue", "not-reported"])
      expect(seen.has(k as never), k).toBe(true);
  });

  it("has texts for the Khó khăn and Đề xuất sections from several units", () => {
    for (const key of ["noi_bat", "kho_khan", "de_xuat"]) {
      expect(result.records.filter((r) => r.texts[key]).length, key).toBeGreaterThanOrEqual(3);
    }
  });
});
