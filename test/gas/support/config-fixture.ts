/** Test support: fills a fake spreadsheet's "Cấu hình" sheet from a template, as a Văn phòng would. */
import { readFileSync } from "node:fs";
import { parseTemplate } from "../../../src/core/template/template.js";
import type { Template } from "../../../src/core/model/template-schema.js";
import { CONFIG_SHEET, templateToConfigGrid } from "../../../src/core/template/config-grid.js";
import { toSheet } from "../../../src/gas/sheets/sheet-values.js";
import type { GasHarness } from "../harness/gas-harness.js";

/** The fixture template input (plain JSON). */
export function fixtureInput(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL("../fixtures/template-gas.json", import.meta.url), "utf8"));
}

/** The fixture template, parsed by the core. */
export function fixtureTemplate(overrides: Record<string, unknown> = {}): Template {
  return parseTemplate({ ...fixtureInput(), ...overrides });
}

/** Writes a "Cấu hình" sheet holding `t` into the fake spreadsheet (host side, no calls counted). */
export function writeConfig(h: GasHarness, t: Template): void {
  const { grid, width } = templateToConfigGrid(t);
  const sheet = h.ss.getSheetByName(CONFIG_SHEET) ?? h.ss._addSheet(CONFIG_SHEET, 0);
  if (sheet._maxRows < grid.length) sheet._maxRows = grid.length + 10;
  sheet._range(1, 1, grid.length, width).setValues(toSheet(grid));
}

/** The fixture with `n` synthetic units DV0001… (every third in group TT), each with one editor. */
export function templateWithUnits(n: number): Template {
  const units = Array.from({ length: n }, (_, i) => {
    const code = String(i + 1).padStart(4, "0");
    return {
      code: `DV${code}`,
      name: `Đơn vị số ${code}`,
      group: i % 3 === 0 ? "TT" : "THPT",
      editors: [`dv${code}@truong.edu.vn`],
    };
  });
  return parseTemplate({ ...fixtureInput(), units });
}
