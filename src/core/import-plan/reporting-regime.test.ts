/** Tests for reading reporting-regime sentences into periods. */
import { describe, expect, it } from "vitest";
import { fallbackPeriods, readRegime, regimeTokens, sentencesOf } from "./reporting-regime.js";
import type { PlanLine } from "./normalize-lines.js";

function lines(...texts: string[]): PlanLine[] {
  return texts.map((text, i) => ({ text, line: i + 10, gap: false }));
}

function byId(text: string, years: number[], planDate?: string) {
  const r = readRegime(lines(text), { years, planDate });
  return { r, p: Object.fromEntries(r.periods.map((x) => [x.id, x])) };
}

describe("readRegime", () => {
  it("reads quarterly, 6-month (05/5) and annual (05/11) reports with the plan's deadlines", () => {
    const { r, p } = byId(
      "Phòng Giáo dục và Đào tạo quận, huyện, các đơn vị giáo dục định kỳ hàng quý, 6 tháng (05/5), hàng năm (05/11) báo cáo kết quả triển khai về Sở Giáo dục và Đào tạo.",
      [2023],
    );
    expect(r.periods.map((x) => x.id).sort()).toEqual([
      "nam_2023",
      "quy_1_2023",
      "quy_2_2023",
      "quy_3_2023",
      "quy_4_2023",
      "sau_thang_2023",
    ]);
    expect(p.sau_thang_2023).toMatchObject({
      kind: "half",
      label: "6 tháng đầu năm 2023",
      from: "2022-12-15",
      to: "2023-06-14",
      deadline: "2023-05-05",
      deadlineGiven: true,
    });
    expect(p.nam_2023).toMatchObject({ kind: "year", label: "Năm 2023", deadline: "2023-11-05", deadlineGiven: true });
    expect(p.quy_3_2023).toMatchObject({
      kind: "quarter",
      index: 3,
      label: "Quý III năm 2023",
      from: "2023-06-15",
      to: "2023-09-14",
      deadline: "2023-09-19",
      deadlineGiven: false,
    });
    expect(
      r.review
        .filter((x) => x.kind === "needs-review")
        .map((x) => x.what)
        .join(" "),
    ).toContain("hằng quý");
    expect(r.sentences[0].line).toBe(10);
  });

  it("sorts periods by deadline", () => {
    const { r } = byId("Định kỳ hàng quý, 6 tháng (05/5), hàng năm (05/11) báo cáo kết quả.", [2023]);
    const deadlines = r.periods.map((x) => x.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it("reads 'Định kỳ hằng năm' as one annual period per plan year", () => {
    const { r } = byId("Thời gian thực hiện: Định kỳ hằng năm.", [2021, 2022]);
    expect(r.periods.map((x) => x.id)).toEqual(["nam_2021", "nam_2022"]);
  });

  it("reads 'báo cáo … khi có yêu cầu' as an on-demand period to review", () => {
    const { r } = byId("Các đơn vị thực hiện báo cáo về Sở Thông tin và Truyền thông khi có yêu cầu.", [2020]);
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0]).toMatchObject({
      id: "khi_co_yeu_cau_2020",
      kind: "custom",
      from: "2020-01-01",
      to: "2020-12-31",
    });
    expect(r.review.some((x) => x.kind === "needs-review" && x.what.includes("khi có yêu cầu"))).toBe(true);
  });

  it("turns 'sơ kết 03 năm vào năm 2025 và tổng kết vào năm 2030' into milestone periods", () => {
    const { p } = byId("Sở tổ chức sơ kết 03 năm vào năm 2025 và tổng kết vào năm 2030.", [2023], "2023-02-10");
    expect(p.so_ket_2025).toMatchObject({
      label: "Sơ kết 03 năm (2025)",
      kind: "custom",
      from: "2023-02-10",
      to: "2025-12-14",
    });
    expect(p.tong_ket_2030).toMatchObject({ label: "Tổng kết (2030)", kind: "custom", to: "2030-12-14" });
  });

  it("pairs two deadlines written together with the two frequencies before them", () => {
    const { p } = byId("Định kỳ 6 tháng và hằng năm báo cáo trước ngày 15/6 và 15/12.", [2024]);
    expect(p.sau_thang_2024.deadline).toBe("2024-06-15");
    expect(p.nam_2024.deadline).toBe("2024-12-15");
  });

  it("puts an annual deadline early in the next year into the next year", () => {
    const { p } = byId("Báo cáo định kỳ hằng năm (15/01).", [2023]);
    expect(p.nam_2023.deadline).toBe("2024-01-15");
  });

  it("reads monthly reports due on a day of each month", () => {
    const { r, p } = byId("Các đơn vị báo cáo hằng tháng trước ngày 20 hằng tháng.", [2023]);
    expect(r.periods).toHaveLength(12);
    expect(p.thang_5_2023).toMatchObject({
      kind: "month",
      from: "2023-04-15",
      to: "2023-05-14",
      deadline: "2023-05-20",
    });
  });

  it("ignores sentences that mention a frequency without reports", () => {
    expect(byId("Nguồn kinh phí hằng năm dành cho công tác thông tin.", [2020]).r.periods).toEqual([]);
  });

  it("flags a deadline that comes before the Nghị định 09 cut-off", () => {
    const { r } = byId("Định kỳ 6 tháng (05/5) báo cáo kết quả.", [2023]);
    expect(
      r.review.some((x) => x.kind === "needs-review" && x.what.includes("05/05/2023") && x.what.includes("14/06/2023")),
    ).toBe(true);
  });

  it("creates annual periods over the plan's whole span, quarterly ones for its first five years", () => {
    const { r } = byId("Báo cáo định kỳ hằng quý và hằng năm.", [2023, 2024, 2025, 2026, 2027, 2028, 2029]);
    expect(r.periods.filter((x) => x.kind === "year").map((x) => x.year)).toEqual([
      2023, 2024, 2025, 2026, 2027, 2028, 2029,
    ]);
    expect(new Set(r.periods.filter((x) => x.kind === "quarter").map((x) => x.year))).toEqual(
      new Set([2023, 2024, 2025, 2026, 2027]),
    );
  });

  it("reads 'sơ kết, tổng kết hằng năm … sơ kết 03 năm vào năm 2025, tổng kết vào năm 2030' as annual periods and milestones", () => {
    const { r, p } = byId(
      "Hằng năm tổ chức sơ kết, tổng kết việc thực hiện Kế hoạch; sơ kết 03 năm vào năm 2025, tổng kết vào năm 2030.",
      [2023],
      "2023-02-10",
    );
    expect(r.periods.filter((x) => x.kind === "year").map((x) => x.id)).toEqual([
      "nam_2023",
      "nam_2024",
      "nam_2025",
      "nam_2026",
      "nam_2027",
      "nam_2028",
      "nam_2029",
      "nam_2030",
    ]);
    expect(p.so_ket_2025).toMatchObject({ label: "Sơ kết 03 năm (2025)", kind: "custom" });
    expect(p.tong_ket_2030).toMatchObject({ label: "Tổng kết (2030)", kind: "custom" });
  });
});

describe("regimeTokens", () => {
  it("lists the frequencies of a sentence in order", () => {
    expect(regimeTokens("định kỳ hàng quý, 6 tháng (05/5), hàng năm (05/11) báo cáo").map((t) => t.kind)).toEqual([
      "quarter",
      "half",
      "year",
    ]);
  });

  it("does not read the day of 'ngày 06 tháng 7 năm 2026' as a 6-month report", () => {
    expect(
      regimeTokens("định kỳ thứ Hai hàng tuần tổng hợp, báo cáo trước ngày 06 tháng 7 năm 2026").map((t) => t.kind),
    ).toEqual([]);
    expect(regimeTokens("báo cáo 09 tháng 9 năm 2026 và 6 tháng đầu năm").map((t) => t.kind)).toEqual(["half"]);
  });
});

describe("sentencesOf", () => {
  it("splits a paragraph at sentence ends before capitals", () => {
    expect(sentencesOf("Một câu. Hai câu; Ba câu.")).toEqual(["Một câu.", "Hai câu;", "Ba câu."]);
  });
});

describe("fallbackPeriods", () => {
  it("gives one annual period per year with a 5-day deadline", () => {
    expect(fallbackPeriods([2022])).toEqual([
      {
        id: "nam_2022",
        label: "Năm 2022",
        kind: "year",
        year: 2022,
        from: "2021-12-15",
        to: "2022-12-14",
        deadline: "2022-12-19",
        line: 0,
        deadlineGiven: false,
      },
    ]);
  });
});
