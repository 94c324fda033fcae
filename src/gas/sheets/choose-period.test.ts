import { describe, expect, it } from "vitest";
import { choosePeriod } from "./choose-period.js";
import type { Period } from "../../core/model/template-schema.js";

const periods: Period[] = [
  { id: "q1", label: "Quý I", kind: "quarter", from: "2023-12-15", to: "2024-03-14", deadline: "2024-03-20" },
  { id: "h1", label: "6 tháng", kind: "half", from: "2023-12-15", to: "2024-06-14", deadline: "2024-06-20" },
  { id: "q3", label: "Quý III", kind: "quarter", from: "2024-06-15", to: "2024-09-14", deadline: "2024-09-20" },
];
const name = (p: Period) => p.label;

describe("choosePeriod", () => {
  it("takes the open data sheet's period", () => {
    expect(choosePeriod({ periods }, "Quý I", "2024-08-01", name).id).toBe("q1");
  });
  it("otherwise takes the started period with the latest deadline", () => {
    expect(choosePeriod({ periods }, "Tổng hợp", "2024-05-01", name).id).toBe("h1");
    expect(choosePeriod({ periods }, "Tổng hợp", "2024-07-01", name).id).toBe("q3");
  });
  it("takes the period compiled last when another sheet (Tổng hợp) is open", () => {
    expect(choosePeriod({ periods }, "Tổng hợp", "2024-07-01", name, "q1").id).toBe("q1");
    expect(choosePeriod({ periods }, "Quý III", "2024-07-01", name, "q1").id).toBe("q3");
    expect(choosePeriod({ periods }, "Tổng hợp", "2024-07-01", name, "xoa_roi").id).toBe("q3");
  });
  it("falls back to the first period before any has started", () => {
    expect(choosePeriod({ periods }, "Cấu hình", "2023-01-01", name).id).toBe("q1");
  });
});
