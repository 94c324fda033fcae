/** Tests for the outline: parts, numbered and lettered items, codes and the closing. */
import { describe, expect, it } from "vitest";
import { normalizeLines } from "./normalize-lines.js";
import { buildOutline, isSignatureLine, walkOutline } from "./outline.js";

function codes(text: string): string[] {
  return walkOutline(buildOutline(normalizeLines(text)).parts).map((n) => n.code);
}

describe("buildOutline", () => {
  it("makes parts of a Quyết định's articles when it has no Roman parts and items sit under them", () => {
    const o = buildOutline(
      normalizeLines(
        [
          "Điều 1. Ban hành Kế hoạch như sau:",
          "1. Tựu trường",
          "Điều 2. Giao Giám đốc Sở",
          "1. Tổ chức thực hiện",
        ].join("\n"),
      ),
    );
    expect(o.parts.map((p) => [p.code, p.title, p.children.map((c) => c.code)])).toEqual([
      ["Điều 1", "Ban hành Kế hoạch như sau", ["Điều 1.1"]],
      ["Điều 2", "Giao Giám đốc Sở", ["Điều 2.1"]],
    ]);
  });

  it("leaves articles alone when the plan has Roman parts", () => {
    const o = buildOutline(
      normalizeLines(["Điều 1. Ban hành Kế hoạch", "Điều 2. Thi hành", "I. NHIỆM VỤ", "1. Tập huấn"].join("\n")),
    );
    expect(o.parts.map((p) => p.code)).toEqual(["I"]);
  });

  it("gives items codes made of the part numeral and their numbers", () => {
    const text = [
      "I. MỤC ĐÍCH",
      "1. Mục đích",
      "III. CÁC NHIỆM VỤ",
      "1. Quản lý",
      "1.1. Xây dựng kế hoạch",
      "2. Nhiệm vụ cơ bản",
      "2.3. Giới thiệu",
    ].join("\n");
    expect(codes(text)).toEqual(["I", "I.1", "III", "III.1", "III.1.1", "III.2", "III.2.3"]);
  });

  it("puts lettered items under the current numbered item", () => {
    expect(codes("II. NỘI DUNG\n2. Các hình thức\na) Website\nb) Loại hình khác")).toEqual([
      "II",
      "II.2",
      "II.2.a",
      "II.2.b",
    ]);
  });

  it("renumbers a repeated number and keeps the plan's code for it and its children", () => {
    const o = buildOutline(normalizeLines("II. NỘI DUNG\n1. Tập huấn\n2. Nội dung\n2. Các hình thức\na) Website"));
    const nodes = walkOutline(o.parts);
    const repeated = nodes.find((n) => n.line === 4)!;
    expect(repeated.code).toBe("II.3");
    expect(repeated.renumberedFrom).toBe("II.2");
    expect(nodes.find((n) => n.code === "II.3.a")?.renumberedFrom).toBe("II.2.a");
  });

  it("attaches an item whose parent number is missing to the part with its full number", () => {
    expect(codes("III. NHIỆM VỤ\n1.2. Tham gia tập huấn")).toEqual(["III", "III.1.2"]);
  });

  it("keeps bullets and paragraphs as the body of the item above them", () => {
    const o = buildOutline(
      normalizeLines("II. NỘI DUNG\n1. Tập huấn\n- Đối tượng: cán bộ\n- Thời gian: Quý III năm 2023"),
    );
    expect(o.parts[0].children[0].body.map((b) => b.text)).toEqual([
      "- Đối tượng: cán bộ",
      "- Thời gian: Quý III năm 2023",
    ]);
  });

  it("moves the closing paragraph and the signature block out of the last item", () => {
    const text = [
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Văn hóa",
      "Chủ trì tuyên truyền.",
      "Trên đây là Kế hoạch của Sở./.",
      "Nơi nhận:",
      "- Lưu: VT.",
      "KT. GIÁM ĐỐC",
    ].join("\n");
    const o = buildOutline(normalizeLines(text));
    expect(o.parts[0].children[0].body.map((b) => b.text)).toEqual(["Chủ trì tuyên truyền."]);
    expect(o.closing.map((l) => l.text)).toEqual(["Trên đây là Kế hoạch của Sở./."]);
    expect(o.tail.map((l) => l.text)).toEqual(["Nơi nhận:", "- Lưu: VT.", "KT. GIÁM ĐỐC"]);
  });

  it("keeps the lines before the first part as the preamble", () => {
    const o = buildOutline(normalizeLines("KẾ HOẠCH\nCông tác năm 2023\nI. MỤC ĐÍCH\n1. Mục đích"));
    expect(o.preamble.map((l) => l.text)).toEqual(["KẾ HOẠCH", "Công tác năm 2023"]);
  });

  it("uses upper-case top-level numbered headings as parts when there are no Roman parts", () => {
    expect(codes("1. MỤC ĐÍCH\n2. NHIỆM VỤ\n2.1. Xây dựng kế hoạch")).toEqual(["1", "2", "2.1"]);
  });

  it("does not read a number such as 2.000 as an item", () => {
    expect(codes("II. NỘI DUNG\n1. Tập huấn\n2.000 người tham gia")).toEqual(["II", "II.1"]);
  });
});

describe("isSignatureLine", () => {
  it("recognises authority and title lines but not body text", () => {
    expect(isSignatureLine("KT. GIÁM ĐỐC")).toBe(true);
    expect(isSignatureLine("TM. ỦY BAN NHÂN DÂN")).toBe(true);
    expect(isSignatureLine("PHÓ CHỦ TỊCH")).toBe(true);
    expect(isSignatureLine("Giám đốc Sở phê duyệt")).toBe(false);
  });
});
