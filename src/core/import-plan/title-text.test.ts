/** Tests for title shaping: first sentence, cutting, lower-case-first and re-casing. */
import { describe, expect, it } from "vitest";
import { cutTitle, firstSentence, lowerFirst, recaseUpper } from "./title-text.js";

describe("firstSentence", () => {
  it("stops at the first sentence end before a capital", () => {
    expect(firstSentence("Tăng cường công tác tuyên truyền. Tiếp tục tuyên truyền Đề án.")).toBe(
      "Tăng cường công tác tuyên truyền",
    );
  });

  it("does not stop at a dot inside a number or a symbol", () => {
    expect(firstSentence("Thực hiện Quyết định số 628/QĐ-TTg ngày 11.05.2020 của Chính phủ.")).toBe(
      "Thực hiện Quyết định số 628/QĐ-TTg ngày 11.05.2020 của Chính phủ",
    );
  });
});

describe("cutTitle", () => {
  it("keeps a short sentence whole", () => {
    expect(cutTitle("Xây dựng kế hoạch hoạt động thông tin đối ngoại.")).toBe(
      "Xây dựng kế hoạch hoạt động thông tin đối ngoại",
    );
  });

  it("cuts a long sentence at a comma and marks the cut", () => {
    const long = `Giới thiệu, quảng bá quá trình hợp tác đào tạo với các tỉnh thuộc các nước, ${"tăng cường công tác thông tin đối ngoại ".repeat(5)}`;
    const t = cutTitle(long, 100);
    expect(t.endsWith("…")).toBe(true);
    expect(t.length).toBeLessThanOrEqual(101);
    expect(long.startsWith(t.slice(0, -1))).toBe(true);
  });
});

describe("lowerFirst", () => {
  it("lower-cases the first letter but keeps acronyms", () => {
    expect(lowerFirst("Công tác thông tin đối ngoại")).toBe("công tác thông tin đối ngoại");
    expect(lowerFirst("ASEAN và Việt Nam")).toBe("ASEAN và Việt Nam");
  });
});

describe("recaseUpper", () => {
  it("takes each word's spelling from the body, preferring the same neighbours", () => {
    const body = [
      "Các cơ sở giáo dục thực hiện chuyển đổi số.",
      "Sở Giáo dục và Đào tạo hướng dẫn các cơ sở giáo dục.",
      "Sở Giáo dục và Đào tạo chủ trì.",
    ];
    expect(recaseUpper("CHUYỂN ĐỔI SỐ TRONG CÁC CƠ SỞ GIÁO DỤC", body)).toBe("Chuyển đổi số trong các cơ sở giáo dục");
  });

  it("keeps document symbols as the body writes them", () => {
    expect(recaseUpper("THỰC HIỆN QUYẾT ĐỊNH SỐ 489/QĐ-TTG", ["Căn cứ Quyết định số 489/QĐ-TTg của Thủ tướng."])).toBe(
      "Thực hiện Quyết định số 489/QĐ-TTg",
    );
  });
});
