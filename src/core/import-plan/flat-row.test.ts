/** Tests for reading one row of a flattened PDF table. */
import { describe, expect, it } from "vitest";
import { readFlatRow, splitContent } from "./flat-row.js";

const W = { long: 25, full: 29, widest: 38 };

describe("splitContent", () => {
  it("takes the long lines and the short last line of the content", () => {
    const frags = [
      "Đưa các chỉ tiêu bao phủ về bảo hiểm y",
      "tế vào nghị quyết, kế hoạch phát triển",
      "của địa phương",
      "Ủy ban nhân",
      "dân các cấp",
    ];
    expect(splitContent(frags, W, true)).toEqual({ content: frags.slice(0, 3), rest: ["Ủy ban nhân", "dân các cấp"] });
  });

  it("stops before a unit's name even after a comma", () => {
    const frags = [
      "Từng bước triển khai phân luồng người",
      "bệnh giữa các cấp chuyên môn, chữa bệnh,",
      "Bộ Y tế, Sở Y tế",
    ];
    expect(splitContent(frags, W, true).rest).toEqual(["Bộ Y tế, Sở Y tế"]);
  });

  it("cuts off a unit's name glued to the end of a content line", () => {
    const frags = [
      "Xây dựng Nghị định về tăng mức đóng bảo",
      "hiểm y tế theo lộ trình phù hợp Bộ Y tế",
      "Bộ Tài chính",
    ];
    expect(splitContent(frags, { ...W, widest: 36 }, true)).toEqual({
      content: ["Xây dựng Nghị định về tăng mức đóng bảo", "hiểm y tế theo lộ trình phù hợp"],
      rest: ["Bộ Y tế", "Bộ Tài chính"],
    });
  });
});

describe("readFlatRow", () => {
  it("reads content, owner, middle cells and time from one page", () => {
    const page = [
      "Xây dựng Đề án về đổi mới truyền thông",
      "về bảo hiểm y tế.",
      "Bộ Tài chính",
      "Bộ Y tế, cơ quan,",
      "đơn vị liên quan",
      "Quyết định của",
      "Bộ trưởng",
      "Quý I/2027",
    ];
    expect(readFlatRow([page], W, 2)).toEqual({
      content: "Xây dựng Đề án về đổi mới truyền thông về bảo hiểm y tế.",
      owner: "Bộ Tài chính",
      middle: ["Bộ Y tế, cơ quan, đơn vị liên quan", "Quyết định của Bộ trưởng"],
      timeframe: "Quý I/2027",
    });
  });

  it("joins the cells a page break cut: content, and an owner cut in the middle of its name", () => {
    const first = [
      "Nghiên cứu xây dựng tiêu chuẩn cơ sở,",
      "Bộ Khoa học và",
      "Cơ quan, tổ chức",
      "Tiêu chuẩn, quy",
      "Quý IV/2026",
    ];
    const second = ["tiêu chuẩn quốc gia cho các sản phẩm số.", "Công nghệ", "và doanh nghiệp", "chuẩn được ban hành"];
    const row = readFlatRow([first, second], W, 2);
    expect(row.content).toBe("Nghiên cứu xây dựng tiêu chuẩn cơ sở, tiêu chuẩn quốc gia cho các sản phẩm số.");
    expect(row.owner).toBe("Bộ Khoa học và Công nghệ");
    expect(row.timeframe).toBe("Quý IV/2026");
    expect(row.middle.join(" ")).toContain("và doanh nghiệp");
  });

  it("finds the time on the next page when the first page has none", () => {
    const row = readFlatRow(
      [
        ["Tổ chức diễn đàn doanh nghiệp tại các", "Bộ Công Thương"],
        ["thị trường chiến lược của doanh nghiệp.", "Thường xuyên"],
      ],
      W,
      1,
    );
    expect(row).toMatchObject({ owner: "Bộ Công Thương", timeframe: "Thường xuyên" });
  });
});
