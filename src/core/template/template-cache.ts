/**
 * What mapping a sheet needs from a template, worked out once per template instead of once per
 * source: consolidating hundreds of one-unit files maps hundreds of grids against one template.
 * Templates are treated as immutable once parsed (they are never edited in place).
 */
import { buildColumns, type ColumnSpec } from "./columns.js";
import type { Template, Unit } from "../model/template-schema.js";
import { unitLookup } from "./unit-code.js";

/** A template's data-sheet columns, by position and by key. */
export interface TemplateColumns {
  columns: readonly ColumnSpec[];
  byKey: ReadonlyMap<string, ColumnSpec>;
}

type ColumnSource = Pick<Template, "indicators" | "tasks" | "textFields">;

const columnCache = new WeakMap<ColumnSource, TemplateColumns & { from: unknown[] }>();
/** What the columns were built from: the lists and their lengths, to notice a list replaced or grown. */
const sourceOf = (t: ColumnSource): unknown[] => [
  t.indicators,
  t.tasks,
  t.textFields,
  t.indicators.length,
  t.tasks.length,
  t.textFields.length,
];
const unitCache = new WeakMap<readonly Unit[], { length: number; find: (typed: string) => Unit | undefined }>();

/** {@link buildColumns} of `t`, built once per template (again if one of its lists was replaced or grew). */
export function templateColumns(t: ColumnSource): TemplateColumns {
  const hit = columnCache.get(t);
  const from = sourceOf(t);
  if (hit?.from.every((x, i) => x === from[i])) return hit;
  const columns = buildColumns(t);
  const made = { columns, byKey: new Map(columns.map((c) => [c.key, c])), from };
  columnCache.set(t, made);
  return made;
}

/** {@link unitLookup} of a unit list, built once per list (again if its length changed). */
export function templateUnitLookup(units: readonly Unit[]): (typed: string) => Unit | undefined {
  const hit = unitCache.get(units);
  if (hit && hit.length === units.length) return hit.find;
  const find = unitLookup(units);
  unitCache.set(units, { length: units.length, find });
  return find;
}
