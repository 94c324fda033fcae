/** Tests for reading a plan's metadata from its header, title and body. */
import { describe, expect, it } from "vitest";
import { normalizeLines } from "./normalize-lines.js";
import { buildOutline } from "./outline.js";
import { readDateWords, readMetadata, titleYears } from "./metadata.js";

function meta(text: string) {
  const lines = normalizeLines(text);
  return readMetadata(lines, buildOutline(lines));
}

const HEADER = [
  "UBND THÀNH PHỐ HẢI PHÒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc",
  "Số: 45/KH-SGDĐT\tHải Phòng, ngày 10 tháng 02 năm 2023",
  "KẾ HOẠCH",
  "Công tác thông tin đối ngoại năm 2023",
  "Thực hiện Kế hoạch số 02/KH-UBND, Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:",
  "I. MỤC ĐÍCH",
  "Nơi nhận:",
  "- UBND thành phố;",
  "- Lưu: VT.",
  "KT. GIÁM ĐỐC",
  "PHÓ GIÁM ĐỐC",
  "Phạm Quốc Hiệu",
].join("\n");

describe("readMetadata", () => {
  it("takes a Chỉ thị's 'CHỈ THỊ' line as the document type, not as the issuer", () => {
    const directive = [
      "THỦ TƯỚNG CHÍNH PHỦ",
      "__________",
      "Số: 21/CT-TTg",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 20 tháng 5 năm 2026",
      "CHỈ THỊ",
      "Về việc sắp xếp thôn, tổ dân phố",
      "I. NGUYÊN TẮC, YÊU CẦU",
    ];
    expect(meta(directive.join("\n"))).toMatchObject({
      docType: "CHỈ THỊ",
      issuerParent: "",
      issuerName: "THỦ TƯỚNG CHÍNH PHỦ",
      number: "21",
      symbol: "CT-TTg",
    });
  });

  it("reads the header of a plan whose numbered items sit under no Roman part", () => {
    const decision = [
      "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 986/QĐ-UBND\tTuyên Quang, ngày 13 tháng 8 năm 2024",
      "QUYẾT ĐỊNH",
      "BAN HÀNH KẾ HOẠCH THỜI GIAN NĂM HỌC 2024-2025",
      "Điều 1. Ban hành Kế hoạch thời gian năm học như sau:",
      "1. Tựu trường các cấp học: Ngày 26/8/2024.",
      "2. Khai giảng năm học mới: Ngày 05/9/2024.",
    ];
    expect(meta(decision.join("\n"))).toMatchObject({
      issuerName: "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
      issuerSource: "header",
      number: "986",
      symbol: "QĐ-UBND",
    });
  });

  it("puts the parent body above the issuing body whatever order the text gives them", () => {
    const upsideDown = [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "ỦY BAN NHÂN DÂN THÀNH PHỐ",
      "KẾ HOẠCH",
      "Công tác năm 2023",
      "I. MỤC ĐÍCH",
    ];
    expect(meta(upsideDown.join("\n"))).toMatchObject({
      issuerParent: "ỦY BAN NHÂN DÂN THÀNH PHỐ",
      issuerName: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    });
  });

  it("reads the header of a Quyết định that has no Roman parts, only Điều and numbered items", () => {
    const text = [
      "THỦ TƯỚNG CHÍNH PHỦ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 982/QĐ-TTg",
      "Hà Nội, ngày 04 tháng 6 năm 2026",
      "QUYẾT ĐỊNH",
      "Phê duyệt Đề án hỗ trợ doanh nghiệp công nghệ số",
      "Điều 3. Điều khoản thi hành",
      "1. Quyết định này có hiệu lực kể từ ngày ký ban hành.",
    ].join("\n");
    expect(meta(text)).toMatchObject({ issuerName: "THỦ TƯỚNG CHÍNH PHỦ", number: "982", symbol: "QĐ-TTg" });
  });

  it("rejoins a place name a narrow header cell cut after its first word", () => {
    const text = [
      "ỦY BAN NHÂN DÂN TỈNH LÀO",
      "CAI",
      "Số: /KH-UBND",
      "KẾ HOẠCH",
      "Về khoáng sản năm 2026",
      "I. MỤC ĐÍCH",
    ].join("\n");
    expect(meta(text)).toMatchObject({ issuerParent: "", issuerName: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" });
  });

  it("ends a Quyết định's title at the authority line printed under it", () => {
    const text = [
      "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
      "QUYẾT ĐỊNH",
      "BAN HÀNH KẾ HOẠCH THỜI GIAN NĂM HỌC 2024-2025",
      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
      "Căn cứ Luật Giáo dục ngày 14/6/2019;",
      "Điều 1. Ban hành Kế hoạch thời gian năm học 2024-2025 như sau:",
      "1. Tựu trường các cấp học: Ngày 26/8/2024.",
      "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo",
      "1. Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch.",
    ].join("\n");
    expect(meta(text).title).toBe("Ban hành Kế hoạch thời gian năm học 2024-2025");
  });

  it("strips the decorative rule printed under the issuing body", () => {
    const text = ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH -------", "KẾ HOẠCH", "Công tác năm 2020", "I. MỤC ĐÍCH"].join("\n");
    expect(meta(text).issuerName).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH");
  });

  it("reads issuer, parent, number, place and date from a tab-separated header", () => {
    const m = meta(HEADER);
    expect(m).toMatchObject({
      issuerName: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      issuerParent: "UBND THÀNH PHỐ HẢI PHÒNG",
      issuerSource: "header",
      number: "45",
      symbol: "KH-SGDĐT",
      place: "Hải Phòng",
      date: "2023-02-10",
      dateYear: 2023,
      title: "Công tác thông tin đối ngoại năm 2023",
      years: [2023],
      singleYear: true,
    });
    expect(m.signer).toMatchObject({ authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Phạm Quốc Hiệu" });
    expect(m.distribution?.items).toEqual(["UBND thành phố", "Lưu: VT"]);
  });

  it("keeps a blank number and a date with only the year", () => {
    const m = meta(
      "Số: /KH-STTTT\n\nHải Phòng, ngày tháng năm 2020\n\nKẾ HOẠCH\n\nTuyên truyền về giáo dục\n\nI. MỤC ĐÍCH",
    );
    expect(m).toMatchObject({
      number: "",
      symbol: "KH-STTTT",
      date: null,
      dateYear: 2020,
      place: "Hải Phòng",
      years: [2020],
      singleYear: false,
    });
  });

  it("joins 'ỦY BAN NHÂN DÂN' and the locality into one issuer without a parent", () => {
    const m = meta(
      "\tỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\n\tSố: 231/KH-UBND\n\tHà Nội, ngày 01 tháng 12 năm 2020\nKẾ HOẠCH\nTHÔNG TIN\nI. MỤC ĐÍCH",
    );
    expect(m).toMatchObject({
      issuerName: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
      issuerParent: "",
      number: "231",
      date: "2020-12-01",
    });
  });

  it("re-cases an all-capital title from the way the body writes its words", () => {
    const m = meta(
      "KẾ HOẠCH\nTHỰC HIỆN QUYẾT ĐỊNH SỐ 489/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ TẠI HÀ NỘI\nThực hiện Quyết định số 489/QĐ-TTg của Thủ tướng Chính phủ, UBND thành phố Hà Nội ban hành kế hoạch như sau:\nI. MỤC ĐÍCH",
    );
    expect(m.title).toBe("Thực hiện Quyết định số 489/QĐ-TTg của Thủ tướng Chính phủ tại Hà Nội");
  });

  it("finds the issuer and the place in the body when the header lacks them", () => {
    const m = meta(
      "KẾ HOẠCH\nCông tác năm 2023\nThực hiện Công văn số 5/BTTTT của Bộ Thông tin và Truyền thông về việc hướng dẫn xây dựng kế hoạch năm 2023;\nSở Giáo dục và Đào tạo ban hành Kế hoạch như sau:\nI. NỘI DUNG\n1. Tuyên truyền về thành phố Hải Phòng.",
    );
    expect(m).toMatchObject({
      issuerName: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      issuerSource: "body",
      place: "Hải Phòng",
      placeSource: "body",
      localityKind: "thành phố",
    });
  });
});

describe("titleYears", () => {
  it("reads one year, a range, or none", () => {
    expect(titleYears("Công tác năm 2023")).toEqual({ years: [2023], single: true });
    expect(titleYears("Chuyển đổi số giai đoạn 2023 - 2025")).toEqual({ years: [2023, 2024, 2025], single: false });
    expect(titleYears("Phát triển đến năm 2030")).toEqual({ years: [], single: false });
  });
});

describe("readDateWords", () => {
  it("reads a full date and a date with blanks", () => {
    expect(readDateWords("ngày 01 tháng 12 năm 2020")).toEqual({ date: "2020-12-01", year: 2020 });
    expect(readDateWords("ngày tháng năm 2022")).toEqual({ date: null, year: 2022 });
  });
});
