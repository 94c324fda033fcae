/** Tests for rebuilding task tables that PDF text extraction flattened. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { followsNumber, rebuildFlatTables } from "./flat-table.js";

const HEAD = ["STT", "Tên nhiệm vụ cụ thể", "Cơ quan", "chủ trì", "Cơ quan", "phối hợp", "Thời gian hoàn", "thành"];
const RUNNING = "CÔNG BÁO/Số 286/Ngày 27-05-2026";

function lines(text: string[]) {
  return text.map((t, i) => ({ text: t, line: i + 1 }));
}

/** Three pages of a flattened Phụ lục: rows 1–3, row 2 cut by a page break, the header printed again. */
const PAGES = [
  "PHỤ LỤC",
  ...HEAD,
  "I. Đổi mới tư duy và hành động trong lãnh đạo",
  "1.",
  "Tăng cường lãnh đạo, chỉ đạo xây dựng và",
  "tổ chức thực hiện hiệu quả các chính sách.",
  "Bộ Tài chính",
  "Các cơ quan, tổ",
  "chức có liên quan.",
  "Quý IV/2026",
  "2.",
  "Xây dựng Nghị quyết về thí điểm đa dạng",
  "Bộ Khoa học và",
  "Bộ Tài chính, các",
  "Quý IV/2026",
  "",
  RUNNING,
  "96",
  ...HEAD,
  "hóa các gói bảo hiểm y tế theo nhu cầu.",
  "Công nghệ",
  "bộ, ngành liên quan",
  "3.  Xây dựng Luật Bảo hiểm y tế sửa đổi.",
  "Ủy ban nhân",
  "dân cấp tỉnh",
  "Bộ Y tế",
  "Thường xuyên",
  "",
  RUNNING,
  "97",
  "",
  RUNNING,
  "98",
];

describe("rebuildFlatTables", () => {
  it("reads lettered rows under a numbered row, after a header copied as a one-row table", () => {
    const text = [
      "[[TABLE]]",
      "TT\tNội dung hoạt động\tCơ quan chủ trì\tCơ quan phối hợp",
      "[[/TABLE]]",
      "Thời gian thực hiện",
      "1",
      "Tổ chức tuyên truyền, phổ biến, hướng dẫn triển khai thực hiện Nghị định",
      "a)",
      "Tổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan, tổ chức về lâm nghiệp.",
      "Cục Lâm nghiệp và Kiểm lâm",
      "Vụ Pháp chế; các cơ quan, đơn vị có liên quan",
      "Quý III, IV/2026",
      "b)",
      "Tổ chức các chương trình truyền thông, các hình thức tuyên truyền phù hợp khác.",
      "Sở Nông nghiệp và Môi trường",
      "Các cơ quan, đơn vị có liên quan",
      "Thường xuyên",
      "2",
      "Huy động nguồn lực, thúc đẩy hợp tác quốc tế về dịch vụ hấp thụ các-bon của rừng.",
      "Cục Kiểm lâm",
      "Vụ Hợp tác quốc tế",
      "Thường xuyên",
    ];
    const rows = rebuildFlatTables(lines(text))
      .filter((l) => l.text.includes("\t"))
      .map((l) => l.text.split("\t"));
    expect(rows[0]).toEqual(["TT", "Nội dung hoạt động", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      ["1", "", ""],
      ["a)", "Cục Lâm nghiệp và Kiểm lâm", "Quý III, IV/2026"],
      ["b)", "Sở Nông nghiệp và Môi trường", "Thường xuyên"],
      ["2", "Cục Kiểm lâm", "Thường xuyên"],
    ]);
  });

  it("reads group rows printed without a dot and numbers counted afresh under each", () => {
    const text = [
      "Phụ lục I",
      ...HEAD,
      "I",
      "Thực hiện hiệu quả công tác tuyên truyền",
      "1",
      "Tăng cường công tác lãnh đạo, chỉ đạo việc quán triệt, thực hiện Kết luận",
      "Bộ Nội vụ",
      "Các bộ, ngành",
      "Thường xuyên",
      "2",
      "Tham mưu cấp có thẩm quyền xem xét, quyết định biểu dương, khen thưởng",
      "Bộ Tài chính",
      "Các bộ, ngành",
      "Quý II/2026",
      "II Hoàn thiện thể chế; tiếp tục đẩy mạnh phân cấp, phân quyền",
      "1",
      "Hoàn thiện thể chế liên quan đến chức năng, nhiệm vụ, quyền hạn, tổ chức bộ máy",
      "Bộ Y tế",
      "Các bộ, ngành",
      "Năm 2026",
    ];
    const rows = rebuildFlatTables(lines(text))
      .filter((l) => l.text.includes("\t"))
      .slice(1)
      .map((l) => l.text.split("\t"));
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ["I.", "", ""],
      ["1", "Bộ Nội vụ", "Thường xuyên"],
      ["2", "Bộ Tài chính", "Quý II/2026"],
      ["II.", "", ""],
      ["1", "Bộ Y tế", "Năm 2026"],
    ]);
  });

  it("rebuilds rows under the header's columns, across page breaks", () => {
    const rows = rebuildFlatTables(lines(PAGES))
      .filter((l) => l.text.includes("\t"))
      .map((l) => l.text.split("\t"));
    expect(rows[0]).toEqual([
      "STT",
      "Tên nhiệm vụ cụ thể",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian hoàn thành",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      ["I.", "", ""],
      ["1", "Bộ Tài chính", "Quý IV/2026"],
      ["2", "Bộ Khoa học và Công nghệ", "Quý IV/2026"],
      ["3", "Ủy ban nhân dân cấp tỉnh", "Thường xuyên"],
    ]);
    expect(rows[3][1]).toBe("Xây dựng Nghị quyết về thí điểm đa dạng hóa các gói bảo hiểm y tế theo nhu cầu.");
  });

  it("keeps a cell line printed in many rows, and drops the running head and page numbers", () => {
    const out = rebuildFlatTables(lines(PAGES)).map((l) => l.text);
    expect(out.join("\n")).not.toContain(RUNNING);
    expect(out.filter((t) => t.endsWith("\tQuý IV/2026"))).toHaveLength(2);
  });

  it("keeps each row on the source line of its number", () => {
    const row3 = rebuildFlatTables(lines(PAGES)).find((l) => l.text.startsWith("3\t"));
    expect(row3?.line).toBe(PAGES.indexOf("3.  Xây dựng Luật Bảo hiểm y tế sửa đổi.") + 1);
  });

  it("leaves text without a flattened table as it is", () => {
    const text = lines(["KẾ HOẠCH", "1. Sở Y tế chủ trì.", "STT", "Ghi chú dài hơn ba mươi ký tự ở dòng này"]);
    expect(rebuildFlatTables(text)).toEqual(text);
  });

  it("keeps every word of the table whatever the width the PDF wrapped its cells at", () => {
    const words = (s: string) =>
      s
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => w.replace(/^(\d+)\.$/, "$1"));
    const wrap = (s: string, w: number) =>
      words(s).reduce<string[]>((acc, word) => {
        const last = acc[acc.length - 1];
        if (last !== undefined && `${last} ${word}`.length <= w) acc[acc.length - 1] = `${last} ${word}`;
        else acc.push(word);
        return acc;
      }, []);
    const content = "Xây dựng Đề án về đổi mới, nâng cao hiệu quả công tác truyền thông về bảo hiểm y tế.";
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 60 }), fc.integer({ min: 9, max: 22 }), (wide, narrow) => {
        const row = (n: number, owner: string) => [
          `${n}.`,
          ...wrap(content, wide),
          ...wrap(owner, narrow),
          ...wrap("Các cơ quan, đơn vị có liên quan", narrow),
          "Quý I/2027",
        ];
        const src = [...HEAD, ...row(1, "Bộ Tài chính"), ...row(2, "Ủy ban nhân dân cấp tỉnh"), ...row(3, "Bộ Y tế")];
        const out = rebuildFlatTables(lines(src));
        const rows = out.filter((l) => /^\d\t/.test(l.text)).map((l) => l.text.split("\t"));
        expect(rows.map((r) => [r[2], r[4]])).toEqual([
          ["Bộ Tài chính", "Quý I/2027"],
          ["Ủy ban nhân dân cấp tỉnh", "Quý I/2027"],
          ["Bộ Y tế", "Quý I/2027"],
        ]);
        expect(words(out.map((l) => l.text).join(" ")).sort()).toEqual(words(src.join(" ")).sort());
      }),
    );
  });
});

describe("followsNumber", () => {
  it("accepts the next number, a first sub-number, and a step back up", () => {
    expect(followsNumber("1", "2", false)).toBe(true);
    expect(followsNumber("1", "1.1", false)).toBe(true);
    expect(followsNumber("1.7", "2", false)).toBe(true);
    expect(followsNumber("1.7", "1.8", false)).toBe(true);
    expect(followsNumber("", "1", false)).toBe(true);
  });

  it("refuses a number that cannot come next, unless a Roman row restarted the count", () => {
    expect(followsNumber("3", "5", false)).toBe(false);
    expect(followsNumber("3", "1.2", false)).toBe(false);
    expect(followsNumber("6", "1", false)).toBe(false);
    expect(followsNumber("6", "1", true)).toBe(true);
  });
});
