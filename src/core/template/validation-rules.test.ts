import { describe, expect, it } from "vitest";
import { buildColumns } from "./columns.js";
import { parseTemplate } from "./template.js";
import { readFileSync } from "node:fs";
import { describeValidation } from "./validation-rules.js";

const input = JSON.parse(
  readFileSync(new URL("../../../test/gas/fixtures/template-gas.json", import.meta.url), "utf8"),
) as { indicators: Record<string, unknown>[] };

describe("describeValidation", () => {
  it("writes the limits of the help text the Vietnamese way (1.000 and 0,5)", () => {
    const indicators = input.indicators.map((ind) =>
      ind.key === "ty_le_hoc_ba_so" ? { ...ind, min: 0.5, max: 1000 } : ind,
    );
    const t = parseTemplate({ ...input, indicators });
    const col = buildColumns(t).find((c) => c.key === "ty_le_hoc_ba_so")!;
    const rule = describeValidation(col);
    expect(rule.helpText).toContain("từ 0,5 đến 1.000");
    expect(rule.min).toBe(0.5);
    expect(rule.max).toBe(1000);
  });
});
