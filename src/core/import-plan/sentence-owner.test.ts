/** Tests for reading an item's owner from its own sentence. */
import { describe, expect, it } from "vitest";
import { bodyOwner, sentenceOwner } from "./sentence-owner.js";

describe("sentenceOwner", () => {
  it("reads the units the item's sentence starts with", () => {
    expect(
      sentenceOwner(
        "Các sở, ban, ngành trực thuộc UBND tỉnh; UBND các huyện, thành phố tiếp tục tổ chức tuyên truyền, tập huấn.",
      ),
    ).toBe("Các sở, ban, ngành trực thuộc UBND tỉnh, UBND các huyện, thành phố");
  });

  it("reads the unit of a '(Giao X chủ trì …)' aside", () => {
    expect(
      sentenceOwner(
        "Xây dựng và tham mưu ban hành Quy chế (Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh tham mưu).",
      ),
    ).toBe("Công an tỉnh");
    expect(sentenceOwner("Thành lập Đoàn kiểm tra năm 2023 (Giao Công an tỉnh tham mưu).")).toBe("Công an tỉnh");
  });

  it("names no one for a duty that names no unit", () => {
    expect(sentenceOwner("Tổ chức rà soát, đề xuất sửa đổi danh mục (khi có yêu cầu).")).toBe("");
  });
});

describe("bodyOwner", () => {
  const lines = (...texts: string[]) => texts.map((text) => ({ text }));

  it("reads the doers of a target's bullets when every bullet opens with a unit", () => {
    expect(
      bodyOwner(
        lines(
          "- Ban Quản lý Khu kinh tế chủ trì tham mưu thực hiện thủ tục chấp thuận chủ trương đầu tư.",
          "- Ủy ban nhân dân cấp xã: hướng dẫn nhà đầu tư và trình thành lập cụm công nghiệp.",
          "- Sở Công Thương chủ trì tham mưu thực hiện thủ tục thành lập cụm công nghiệp.",
        ),
      ),
    ).toBe("Ban Quản lý Khu kinh tế; Ủy ban nhân dân cấp xã; Sở Công Thương");
  });

  it("reads the doer of a target's one paragraph", () => {
    expect(bodyOwner(lines("Sở Khoa học và Công nghệ chủ trì hướng dẫn, hỗ trợ các doanh nghiệp."))).toBe(
      "Sở Khoa học và Công nghệ",
    );
  });

  it("names no owner for a list of measures where only some bullets open with a unit", () => {
    expect(
      bodyOwner(
        lines(
          "- Các Sở, ban, ngành và UBND cấp xã nêu cao trách nhiệm người đứng đầu.",
          "- Củng cố bộ máy cơ quan quản lý nhà nước về khoáng sản các cấp.",
        ),
      ),
    ).toBe("");
  });
});
