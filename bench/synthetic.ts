/** Synthetic templates and grids of any size, for benchmarks. */
import type { Grid } from "../src/core/model/cell.js";
import { parseTemplate } from "../src/core/template/template.js";
import type { Template } from "../src/core/model/template-schema.js";
import { makeGrid } from "../test/fixtures/grid.js";

/** A template with `units` units in 4 groups and `indicators` integer indicators. */
export function syntheticTemplate(units: number, indicators: number): Template {
  const groups = ["PGD", "THPT", "GDTX", "TT"];
  return parseTemplate({
    plan: {
      code: "KH-BENCH",
      title: "Kết quả thử tải",
      issuer: { parent: "UBND THÀNH PHỐ HẢI PHÒNG", name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", abbreviation: "SGDĐT" },
      recipient: "Ủy ban nhân dân thành phố",
      place: "Hải Phòng",
      signer: { authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn A" },
      distribution: ["Như trên;", "Lưu: VT."],
    },
    periods: [{ id: "nam_2023", kind: "year", year: 2023, deadline: "2023-11-05" }],
    unitGroups: groups.map((g) => ({ code: g, name: `Nhóm ${g}` })),
    units: Array.from({ length: units }, (_, i) => ({
      code: `DV-${String(i).padStart(5, "0")}`,
      name: `Đơn vị số ${i}`,
      group: groups[i % 4],
      editors: [],
    })),
    indicators: Array.from({ length: indicators }, (_, j) => ({
      key: `chi_tieu_${j}`,
      label: `Chỉ tiêu ${j}`,
      unit: "lượt",
      type: "integer" as const,
      min: 0,
      max: 1_000_000,
      aggregate: "sum" as const,
      section: `Phần ${Math.floor(j / 10) + 1}`,
    })),
    tasks: [],
  });
}

/** Deterministic pseudo-random figures for every unit. */
export function syntheticRows(t: Template): Record<string, number | string | boolean>[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  return t.units.map((u) => {
    const r: Record<string, number | string | boolean> = {
      ma_don_vi: u.code,
      xac_nhan_gui: true,
      thoi_gian_gui: "01/11/2023 10:00",
    };
    for (const ind of t.indicators) r[ind.key] = Math.floor(rnd() * 500);
    return r;
  });
}

/** The grid of a filled data sheet. */
export function syntheticGrid(t: Template): Grid {
  return makeGrid(t, t.periods[0].id, syntheticRows(t));
}
