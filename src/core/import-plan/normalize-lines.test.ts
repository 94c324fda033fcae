/** Tests for line cleaning and joining of sentences split across lines. */
import { describe, expect, it } from "vitest";
import { cleanLine, continuesSentence, isMarkerLine, normalizeLines, romanMarker } from "./normalize-lines.js";

describe("normalizeLines", () => {
  it("joins a sentence split over a blank line when the second half starts in lower case", () => {
    const lines = normalizeLines(
      "- Tiếp tục nâng cao chất lượng, hiệu quả hoạt động thông tin, tuyên\n\ntruyền đối ngoại, nâng cao hình ảnh.\n",
    );
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toBe(
      "- Tiếp tục nâng cao chất lượng, hiệu quả hoạt động thông tin, tuyên truyền đối ngoại, nâng cao hình ảnh.",
    );
    expect(lines[0].line).toBe(1);
  });

  it("joins a half that starts with a number when the first half hangs on a linking word", () => {
    const lines = normalizeLines("- Triển khai thực hiện Quyết định số\n\n628/QĐ-TTg trên các phương tiện.");
    expect(lines.map((l) => l.text)).toEqual(["- Triển khai thực hiện Quyết định số 628/QĐ-TTg trên các phương tiện."]);
  });

  it("keeps a unit heading and the capitalised paragraph under it apart", () => {
    const lines = normalizeLines(
      "1. Sở Giáo dục và Đào tạo\n\nĐề nghị Sở Giáo dục và Đào tạo thường xuyên cung cấp thông tin.",
    );
    expect(lines.map((l) => l.text)).toEqual([
      "1. Sở Giáo dục và Đào tạo",
      "Đề nghị Sở Giáo dục và Đào tạo thường xuyên cung cấp thông tin.",
    ]);
    expect(lines.map((l) => l.line)).toEqual([1, 3]);
  });

  it("strips markdown headings, bold and italics", () => {
    const lines = normalizeLines(
      "## **II. NỘI DUNG HỢP TÁC**\n### ***2.1. Tuyên truyền về chuyển đổi số***\n(*báo cáo khi có yêu cầu*)",
    );
    expect(lines.map((l) => l.text)).toEqual([
      "II. NỘI DUNG HỢP TÁC",
      "2.1. Tuyên truyền về chuyển đổi số",
      "(báo cáo khi có yêu cầu)",
    ]);
  });

  it("keeps tab-separated cells and drops rule lines", () => {
    const lines = normalizeLines(
      "UBND THÀNH PHỐ HẢI PHÒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-------\n\tSố: 231/KH-UBND ",
    );
    expect(lines[0].cells).toEqual(["UBND THÀNH PHỐ HẢI PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    expect(lines[1]).toMatchObject({ text: "Số: 231/KH-UBND", line: 3 });
    expect(lines[1].cells).toBeUndefined();
  });

  it("turns decomposed Vietnamese into composed form", () => {
    const nfd = "Kế hoạch".normalize("NFD");
    expect(normalizeLines(nfd)[0].text).toBe("Kế hoạch".normalize("NFC"));
  });

  it("does not join the lines of a distribution list", () => {
    const lines = normalizeLines("Nơi nhận:\n- UBND thành phố;\n- Lưu: VT.");
    expect(lines).toHaveLength(3);
  });
});

describe("continuesSentence", () => {
  it("joins two all-capital title lines only when the first hangs on a linking word", () => {
    expect(continuesSentence("THÔNG TIN VỀ CÔNG TÁC CỦA", "BỘ CHÍNH TRỊ")).toBe(true);
    expect(continuesSentence("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")).toBe(false);
  });

  it("never joins onto a line that ends a sentence or before a marker", () => {
    expect(continuesSentence("Thời gian thực hiện: Trong năm 2023.", "tiếp theo")).toBe(false);
    expect(continuesSentence("Các hoạt động của", "- Tuyên truyền")).toBe(false);
  });
});

describe("isMarkerLine", () => {
  it("recognises Roman, numbered, lettered and bullet lines", () => {
    expect(["III. TỔ CHỨC", "2.3. Giới thiệu", "a) Thông tin", "- Nội dung", "+ ý nhỏ"].every(isMarkerLine)).toBe(true);
    expect(isMarkerLine("628/QĐ-TTg trên các phương tiện")).toBe(false);
  });
});

describe("romanMarker", () => {
  it("returns the numeral of a part heading and rejects non-numerals", () => {
    expect(romanMarker("IV. CHẾ ĐỘ BÁO CÁO")).toBe("IV");
    expect(romanMarker("IIII. X")).toBeNull();
    expect(romanMarker("Quý I")).toBeNull();
  });
});

describe("cleanLine", () => {
  it("folds non-breaking spaces and collapses runs of spaces", () => {
    expect(cleanLine("  Hải\u00A0Phòng,   ngày  ")).toBe("Hải Phòng, ngày");
  });
});
