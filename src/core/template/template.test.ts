import { describe, expect, it } from "vitest";
import { miniInput } from "../../../test/fixtures/mini-template.js";
import { AppError } from "../model/problem.js";
import type { TemplateInput } from "../model/template-schema.js";
import { findPeriod, parseTemplate } from "./template.js";

const errorsOf = (input: unknown): string[] => {
  try {
    parseTemplate(input);
    return [];
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return e.details;
  }
};
const clone = () => structuredClone(miniInput) as TemplateInput & Required<Pick<TemplateInput, "tasks" | "indicators">>;

describe("parseTemplate", () => {
  it("fills quarter dates from the Nghị định 09/2019 presets", () => {
    const t = parseTemplate(miniInput);
    expect(t.periods[0]).toMatchObject({
      from: "2022-12-15",
      to: "2023-03-14",
      deadline: "2023-04-05",
      label: "Quý I năm 2023",
    });
  });
  it("names the path and the fix when min is above max", () => {
    const x = clone();
    x.indicators[0].min = 10;
    x.indicators[0].max = 5;
    const errs = errorsOf(x);
    expect(errs.some((e) => e.startsWith("indicators[0].max") && e.includes("min ≤ max"))).toBe(true);
  });
  it("refuses duplicate keys and unit codes", () => {
    const x = clone();
    x.indicators[1].key = "tin_bai";
    x.units[1].code = "thpt-a";
    const errs = errorsOf(x);
    expect(errs.some((e) => e.startsWith("indicators[1]") && e.includes("trùng"))).toBe(true);
    expect(errs.some((e) => e.startsWith("units[1]") && e.includes("trùng"))).toBe(true);
  });
  it("refuses a task due outside every period", () => {
    const x = clone();
    x.tasks[0].due = "2031-01-01";
    expect(errorsOf(x).some((e) => e.startsWith("tasks[0].due") && e.includes("ngoài mọi kỳ"))).toBe(true);
  });
  it("says in Vietnamese what a missing field is", () => {
    const x = clone();
    delete (x.plan as Partial<TemplateInput["plan"]>).title;
    expect(errorsOf(x)[0]).toMatch(/^plan\.title: thiếu mục bắt buộc/);
  });
  it("refuses a bad date with the expected format", () => {
    const x = clone();
    x.periods[1].deadline = "2023-02-30";
    expect(errorsOf(x).some((e) => e.startsWith("periods[1].deadline") && e.includes("YYYY-MM-DD"))).toBe(true);
  });
  it("refuses unit codes a unit could type the same way", () => {
    const x = clone();
    x.units[1].code = "THPT – A";
    expect(errorsOf(x).some((e) => e.startsWith("units[1]") && e.includes("trùng với units[0]"))).toBe(true);
  });
  it("refuses an indicator key that a fixed column uses", () => {
    const x = clone();
    x.indicators[0].key = "xac_nhan_gui";
    expect(errorsOf(x).some((e) => e.startsWith("indicators[0].key") && e.includes("cột cố định"))).toBe(true);
  });
  it("refuses averaging a yes/no indicator and duplicate choices", () => {
    const x = clone();
    x.indicators[2].aggregate = "avg";
    x.indicators[3].choices = ["Tốt", "tốt"];
    const errs = errorsOf(x);
    expect(errs.some((e) => e.startsWith("indicators[2].aggregate"))).toBe(true);
    expect(errs.some((e) => e.startsWith("indicators[3].choices[1]"))).toBe(true);
  });
});

describe("findPeriod", () => {
  const t = parseTemplate(miniInput);
  it("finds a period typed in capitals or with spaces", () => {
    expect(findPeriod(t, " SAU_THANG_2023 ").id).toBe("sau_thang_2023");
  });
  it("lists the plan's periods with Vietnamese deadlines when the id is unknown", () => {
    try {
      findPeriod(t, "quy_9_2023");
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe("period.unknown");
      expect((e as AppError).details.join("\n")).toMatch(
        /sau_thang_2023: 6 tháng đầu năm 2023 \(hạn nộp \d{2}\/\d{2}\/2023\)/,
      );
    }
  });
});
