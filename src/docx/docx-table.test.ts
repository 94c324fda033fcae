import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportTable } from "../core/report/report-model.js";
import { TEXT_WIDTH } from "./docx-style.js";
import { cellText, columnWidths, minimumWidth } from "./docx-table.js";

const table = (widths: number[], rows: (string | number | null)[][] = []): ReportTable => ({
  columns: widths.map((width, i) => ({ header: `C${i}`, width, align: "center" })),
  rows,
  boldRows: [],
});

describe("cellText", () => {
  it("writes numbers the Vietnamese way", () => {
    expect([cellText(3047), cellText(505.5), cellText(null), cellText("Có")]).toEqual(["3.047", "505,5", "", "Có"]);
  });
});

describe("columnWidths", () => {
  it("widens a date column squeezed by the proportions so the date stays on one line", () => {
    const t = table([8, 36, 5, 11, 11, 11, 11, 11], [["III.1.1", "Xây dựng kế hoạch", "31/03/2023", 0, 0, 0, 0, 0]]);
    const plain = Math.floor((5 / 104) * TEXT_WIDTH);
    const w = columnWidths(t);
    expect(minimumWidth(t, 2)).toBeGreaterThan(plain);
    expect(w[2]).toBeGreaterThanOrEqual(minimumWidth(t, 2));
  });

  it("always fills the text width exactly with positive columns", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 14 }),
        fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), {
          maxLength: 14,
        }),
        (widths, cells) => {
          const t = table(widths, [widths.map((_, i) => cells[i] ?? null)]);
          const w = columnWidths(t);
          expect(w).toHaveLength(widths.length);
          expect(w.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
          for (const x of w) expect(x).toBeGreaterThan(0);
        },
      ),
    );
  });
});
