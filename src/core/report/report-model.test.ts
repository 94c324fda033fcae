import { describe, expect, it } from "vitest";
import { compileRows } from "../compile/compile.js";
import { buildReportModel, DETAIL_IN_APPENDIX, nameInText } from "./report-model.js";
import { toResultJson } from "../compile/result-json.js";
import { rollup } from "../compile/rollup.js";
import { mini } from "../../../test/fixtures/mini-template.js";

describe("nameInText", () => {
  it("keeps abbreviations and the place, lower-cases the rest", () => {
    expect(nameInText("UBND THÀNH PHỐ HẢI PHÒNG", "Hải Phòng")).toBe("UBND thành phố Hải Phòng");
    expect(nameInText("ỦY BAN NHÂN DÂN")).toBe("Ủy ban nhân dân");
  });
  it("capitalises the usual fields of state bodies", () => {
    expect(nameInText("SỞ GIÁO DỤC VÀ ĐÀO TẠO")).toBe("Sở Giáo dục và Đào tạo");
    expect(nameInText("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")).toBe("Sở Thông tin và Truyền thông");
  });
  it("capitalises the proper name after a level or a school type, not a field that looks like one", () => {
    expect(nameInText("PHÒNG GD&ĐT QUẬN HỒNG BÀNG")).toBe("Phòng GD&ĐT quận Hồng Bàng");
    expect(nameInText("TRƯỜNG THPT TRẦN PHÚ")).toBe("Trường THPT Trần Phú");
    expect(nameInText("PHÒNG VĂN HÓA - XÃ HỘI XÃ AN LÃO")).toBe("Phòng Văn hóa - Xã hội xã An Lão");
  });
});

describe("buildReportModel", () => {
  it("names a rolled-up issuer in running text without lower-casing its abbreviation or place", () => {
    const r = compileRows({ template: mini, periodId: "sau_thang_2023", rows: [], asOf: "2023-05-10" });
    const up = rollup(mini, "sau_thang_2023", [{ source: "a.json", doc: toResultJson(mini, r) }], {
      name: "UBND THÀNH PHỐ HẢI PHÒNG",
    });
    const m = buildReportModel(up.template, up.result);
    expect(m.intro).toContain(", UBND thành phố Hải Phòng tổng hợp báo cáo");
    expect(m.appendixI.subtitle).toMatch(/của UBND thành phố Hải Phòng\)$/);
  });
});

describe("buildReportModel (what both renderings print)", () => {
  const r = compileRows({ template: mini, periodId: "sau_thang_2023", rows: [], asOf: "2023-05-10" });
  const m = buildReportModel(
    { ...mini, plan: { ...mini.plan, distribution: ["- Như trên;", "– UBND;", "Lưu: VT."] } },
    r,
    {
      reportDate: "2023-05-06",
    },
  );
  it("gives Nơi nhận its heading and each item one leading dash", () => {
    expect(m.recipientsHeading).toBe("Nơi nhận:");
    expect(m.recipientLines).toEqual(["- Như trên;", "- UBND;", "- Lưu: VT."]);
  });
  it("leaves the day and month blank in the date the clerk fills, and names both files alike", () => {
    expect(m.header.placeDate).toMatch(/ngày 06 tháng 5 năm 2023$/);
    expect(m.header.placeDateToFill).toMatch(/, ngày\s+tháng\s+năm 2023$/);
    expect(m.documentFileName.replace(/\.docx$/, ".xlsx")).toBe(m.fileName);
  });
  it("points section II to Phụ lục I for the units' figures", () => {
    expect(m.sections[1].after[0]).toBe(DETAIL_IN_APPENDIX);
    expect(DETAIL_IN_APPENDIX).toBe("Chi tiết tại Phụ lục I kèm theo.");
  });
});
