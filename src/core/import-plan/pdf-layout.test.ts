/** Tests for reading a PDF's task table by the position of its text. */
import { describe, expect, it } from "vitest";
import { columnStarts, rowBands } from "./pdf-bands.js";
import { layoutPdfPages, type PdfItem } from "./pdf-layout.js";

/** A piece of text at column x, on line y (12 pt high, 14 pt apart). */
function at(str: string, x: number, y: number, eol = true): PdfItem {
  return { str, x, y, w: str.length * 5, h: 12, eol };
}

/** Columns: number 59, content 80, owner 354, time 466. Each row's cells are centred on its number. */
const HEADER = [
  at("TT Tên nhiệm vụ", 59, 650, false),
  at("Cơ quan", 354, 657),
  at("chủ trì", 354, 643),
  at("Thời gian", 466, 650),
];
const ROW1 = [
  at("1.", 59, 600),
  at("Xây dựng chương trình tuyên truyền về", 80, 614),
  at("khoa học và công nghệ.", 80, 600),
  at("Bộ Khoa", 354, 607),
  at("học và Công nghệ", 354, 593),
  at("Quý IV/2026", 466, 600),
];
const ROW2 = [
  at("2. Sửa đổi Luật Khoa học và Công nghệ", 59, 540),
  at("Bộ Tư pháp", 354, 540),
  at("Thường xuyên", 466, 540),
];

const ROW3 = [
  at("3.", 59, 480),
  at("Tổ chức diễn đàn doanh nghiệp.", 80, 480),
  at("Bộ Công Thương", 354, 480),
  at("Năm 2027", 466, 480),
];

describe("columnStarts", () => {
  it("keeps the left edges three or more pieces share", () => {
    expect(columnStarts([...ROW1, ...ROW2, ...ROW3, at("x", 200, 10)])).toEqual([59, 80, 354, 466]);
  });
});

describe("rowBands", () => {
  it("puts the cells of a row in one band and the next row in another", () => {
    const bands = rowBands([...ROW1, ...ROW2, ...ROW3], [59, 80, 354, 466]);
    expect(bands.map((b) => b.length)).toEqual([6, 3, 4]);
  });
});

describe("layoutPdfPages", () => {
  it("writes a task table as tab-separated rows, keeping the text above it in reading order", () => {
    const text = layoutPdfPages([[at("PHỤ LỤC", 57, 760), ...HEADER, ...ROW1, ...ROW2, ...ROW3]]);
    expect(text.split("\n").filter(Boolean)).toEqual([
      "PHỤ LỤC",
      "TT\tTên nhiệm vụ\tCơ quan chủ trì\tThời gian",
      "1.\tXây dựng chương trình tuyên truyền về khoa học và công nghệ.\tBộ Khoa học và Công nghệ\tQuý IV/2026",
      "2.\tSửa đổi Luật Khoa học và Công nghệ\tBộ Tư pháp\tThường xuyên",
      "3.\tTổ chức diễn đàn doanh nghiệp.\tBộ Công Thương\tNăm 2027",
    ]);
  });

  it("adds the lines a row carries onto the next page to that row, past the page's running head", () => {
    const page2 = [at("CÔNG BÁO/Số 286", 240, 800), at("và tổ chức thực hiện.", 80, 760), at("(chủ trì)", 354, 760)];
    const text = layoutPdfPages([[...HEADER, ...ROW1, ...ROW3, ...ROW2.map((i) => ({ ...i, y: i.y - 120 }))], page2]);
    expect(text).toContain(
      "2.\tSửa đổi Luật Khoa học và Công nghệ và tổ chức thực hiện.\tBộ Tư pháp (chủ trì)\tThường xuyên",
    );
    expect(text).toContain("CÔNG BÁO/Số 286");
  });

  it("ends the table at text that does not sit in its columns", () => {
    const after = [at("Nơi nhận:", 57, 400), at("- Lưu: VT.", 57, 386)];
    const lines = layoutPdfPages([[...HEADER, ...ROW1, ...ROW2, ...ROW3, ...after]])
      .split("\n")
      .filter(Boolean);
    expect(lines.slice(-2)).toEqual(["Nơi nhận:", "- Lưu: VT."]);
    expect(lines.filter((l) => l.includes("\t"))).toHaveLength(4);
  });

  it("skips the row that numbers the columns and gives a seldom-filled last column its own cells", () => {
    const numbers = [at("(1)", 80, 624), at("(2)", 354, 624), at("(3) (4)", 466, 624)];
    const notes = [at("Ghi chú", 540, 650)];
    const text = layoutPdfPages([
      [...HEADER, ...notes, ...numbers, ...ROW1, ...ROW2, ...ROW3, at("dự kiến", 540, 480)],
    ]);
    const rows = text.split("\n").filter((l) => l.includes("\t"));
    expect(rows[0]).toBe("TT\tTên nhiệm vụ\tCơ quan chủ trì\tThời gian\tGhi chú");
    expect(rows.slice(1).map((r) => r.split("\t")[0])).toEqual(["1.", "2.", "3."]);
    expect(rows[3].split("\t").slice(3)).toEqual(["Năm 2027", "dự kiến"]);
  });

  it("reads a page without a task table as PDF.js reads it", () => {
    const page = [at("THỦ TƯỚNG CHÍNH PHỦ", 59, 799), at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 208, 799)];
    expect(layoutPdfPages([page]).trim()).toBe("THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });
});
