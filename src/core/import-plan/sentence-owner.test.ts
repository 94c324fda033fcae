/** Tests for reading an item's owner from its own sentence. */
import { describe, expect, it } from "vitest";
import { sentenceOwner } from "./sentence-owner.js";

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
