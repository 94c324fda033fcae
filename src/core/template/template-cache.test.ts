import { describe, expect, it } from "vitest";
import { mini, miniInput } from "../../../test/fixtures/mini-template.js";
import { buildColumns } from "./columns.js";
import { parseTemplate } from "./template.js";
import type { Template } from "../model/template-schema.js";
import { templateColumns, templateUnitLookup } from "./template-cache.js";
import { unitLookup } from "./unit-code.js";

describe("templateColumns", () => {
  it("gives the template's columns, built once per template", () => {
    const a = templateColumns(mini);
    expect(a.columns).toEqual(buildColumns(mini));
    expect([...a.byKey.keys()]).toEqual(buildColumns(mini).map((c) => c.key));
    expect(templateColumns(mini)).toBe(a);
  });
  it("builds again for another template, or when a list was replaced", () => {
    const other = parseTemplate({ ...miniInput, indicators: (miniInput.indicators ?? []).slice(0, 2) });
    expect(templateColumns(other).columns).toEqual(buildColumns(other));
    expect(templateColumns(other).columns.length).toBeLessThan(templateColumns(mini).columns.length);
    const changed: Template = { ...mini, textFields: [] };
    const before = templateColumns(changed);
    changed.textFields = [{ key: "moi", label: "Ý kiến mới" }];
    expect(templateColumns(changed)).not.toBe(before);
    expect(templateColumns(changed).byKey.get("text:moi")?.header).toBe("Ý kiến mới");
    changed.textFields.push({ key: "them", label: "Ý kiến thêm" });
    expect(templateColumns(changed).columns).toEqual(buildColumns(changed));
  });
});

describe("templateUnitLookup", () => {
  it("finds units as unitLookup does, forgiving case, spaces and dashes", () => {
    const find = templateUnitLookup(mini.units);
    for (const typed of ["THPT-A", " thpt–a ", "GDTX-D", "KHONG-CO", ""])
      expect(find(typed)).toBe(unitLookup(mini.units)(typed));
    expect(find("thpt – b")?.code).toBe("THPT-B");
    expect(templateUnitLookup(mini.units)).toBe(find);
  });
  it("builds again when the list grew", () => {
    const units = [...mini.units];
    const first = templateUnitLookup(units);
    units.push({ ...mini.units[0], code: "THPT-MOI" });
    expect(first("THPT-MOI")).toBeUndefined();
    expect(templateUnitLookup(units)("thpt-moi")?.code).toBe("THPT-MOI");
  });
});
