/** Test support: a spreadsheet set up from the fixture, units that type and submit, and the host-side checksum. */
import { createHash } from "node:crypto";
import { beforeAll } from "vitest";
import { dataBlock } from "../../../src/core/sheet-life/archive.js";
import { canonicalGridText } from "../../../src/core/sheet-life/checksum.js";
import type { Template } from "../../../src/core/model/template-schema.js";
import { columnLetters } from "../harness/a1.js";
import { GasHarness, type HarnessOptions } from "../harness/gas-harness.js";
import { fixtureInput, fixtureTemplate, writeConfig } from "./config-fixture.js";
import { sheetGrid } from "./read-back.js";
import { ensureBuilt } from "./build-once.js";

export const OWNER = "vanphong@sgddt.edu.vn";
export const Q1 = "Quý I năm 2024";
export const H1 = "6 tháng đầu năm 2024";
/** An instant given as Vietnam wall-clock time. */
export const at = (iso: string): Date => new Date(`${iso}+07:00`);
/** Who types for each unit of the fixture. */
export const EDITOR = {
  THPT01: "ngoquyen@hp.edu.vn",
  THPT02: "tranphu@hp.edu.vn",
  THPT03: "lequydon@hp.edu.vn",
  TT01: "lechan@hp.edu.vn",
} as const;
export type UnitCode = keyof typeof EDITOR;

/** A set-up spreadsheet and helpers to address its cells by unit and column key. */
export interface Scenario {
  h: GasHarness;
  template: Template;
  /** A1 of a unit's cell in a column, on the Quý I sheet (or `sheet`). */
  cell: (key: string, code: string, sheet?: string) => string;
  /** A unit's editor types a value into its own row (or another unit's row with `row`). */
  type: (unit: UnitCode, key: string, value: unknown, row?: string) => ReturnType<GasHarness["type"]>;
  /** A unit fills a figure and ticks "Xác nhận gửi". */
  submit: (unit: UnitCode, figures: Record<string, unknown>) => void;
}

/** Loads the bundle, writes the fixture's Cấu hình (with `overrides`) and runs Thiết lập bảng tính as the owner. */
export function setUp(opts: HarnessOptions & { overrides?: Record<string, unknown> } = {}): Scenario {
  const template = fixtureTemplate(opts.overrides ?? {});
  const h = GasHarness.load({
    now: at("2024-03-18T10:00:00"),
    sharedEditors: [...Object.values(EDITOR), "vanthu.tranphu@hp.edu.vn"],
    ...opts,
  });
  writeConfig(h, template);
  h.run("thietLapBangTinh");
  const cell = (key: string, code: string, sheet = Q1) => {
    const g = h.sheet(sheet)._grid();
    const j = (g[0] as string[]).indexOf(key);
    const i = g.findIndex((r) => r[1] === code);
    if (j < 0 || i < 0) throw new Error(`no cell ${key}/${code} on ${sheet}`);
    return `${columnLetters(j + 1)}${i + 1}`;
  };
  const type = (unit: UnitCode, key: string, value: unknown, row: string = unit) =>
    h.type(EDITOR[unit], Q1, cell(key, row), value);
  const submit = (unit: UnitCode, figures: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(figures)) {
      const r = type(unit, k, v);
      if (!r.accepted) throw new Error(`${unit} could not type ${k}: ${r.refused}`);
    }
    type(unit, "xac_nhan_gui", true);
  };
  return { h, template, cell, type, submit };
}

/** SHA-256 of a sheet's data block, computed on the host with node:crypto (not with the fake). */
export function hostChecksum(h: GasHarness, sheet: string): string {
  return createHash("sha256")
    .update(canonicalGridText(dataBlock(sheetGrid(h.sheet(sheet)))), "utf8")
    .digest("hex");
}

/** The log's rows (without the header) as objects. */
export function logRows(h: GasHarness): {
  at: unknown;
  user: string;
  action: string;
  period: string;
  unit: string;
  counts: string;
  checksum: string;
  note: string;
}[] {
  return h
    .sheet("Nhật ký")
    ._grid()
    .slice(1)
    .map((r) => ({
      at: r[0],
      user: String(r[1]),
      action: String(r[2]),
      period: String(r[3]),
      unit: String(r[4]),
      counts: String(r[5]),
      checksum: String(r[6]),
      note: String(r[7]),
    }));
}

/** The last alert's text. */
export const lastAlert = (h: GasHarness): string => h.ui._alerts.at(-1)?.prompt ?? "";

/** The fixture input, for templates with changes. */
export { fixtureInput };

/** Builds the add-on (once per process, into a temporary folder) before the suite's tests. */
export function useBundle(): void {
  beforeAll(() => ensureBuilt());
}

/**
 * The suite's spreadsheet: before its tests, builds the add-on, sets the fixture up ({@link setUp}
 * with `opts`) and runs `prepare` on it. Replaces the repeated `beforeAll(ensureBuilt; setUp)`;
 * read the scenario through the returned getter inside tests.
 */
export function useScenario(
  opts: Parameters<typeof setUp>[0] = {},
  prepare?: (s: Scenario) => void | Promise<void>,
): () => Scenario {
  let s: Scenario | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    s = setUp(opts);
    await prepare?.(s);
  });
  return () => {
    if (!s) throw new Error("useScenario: the scenario is set up in beforeAll");
    return s;
  };
}
