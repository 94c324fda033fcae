/** Tests for the "Nơi nhận" list and the signature block. */
import { describe, expect, it } from "vitest";
import { normalizeLines } from "./normalize-lines.js";
import { looksLikeName, readDistribution, readSigner } from "./closing-block.js";

describe("readDistribution", () => {
  it("reads dash items, dropping the dash and final punctuation", () => {
    const d = readDistribution(
      normalizeLines(
        "***Nơi nhận:***\n\n- Phòng GD&ĐT các quận/huyện;\n- Các cơ sở giáo dục;\n- Lưu: VT.\n\n**KT. GIÁM ĐỐC**",
      ),
    );
    expect(d).toEqual({ items: ["Phòng GD&ĐT các quận/huyện", "Các cơ sở giáo dục", "Lưu: VT"], line: 1 });
  });

  it("joins a line without a dash onto the item above it", () => {
    const d = readDistribution(
      normalizeLines("Nơi nhận:\n- VPUB: CVP, PCVP;\nCác phòng: KGVX, TKBT;\n- Lưu: VT, KGVX"),
    );
    expect(d?.items).toEqual(["VPUB: CVP, PCVP; Các phòng: KGVX, TKBT", "Lưu: VT, KGVX"]);
  });

  it("keeps reading dash items separated by blank lines (Word paragraphs)", () => {
    expect(readDistribution(normalizeLines("Nơi nhận:\n\n- Như trên;\n\n- Lưu: VT."))?.items).toEqual([
      "Như trên",
      "Lưu: VT",
    ]);
  });

  it("reads the list alone where the signature block is printed beside it", () => {
    const text = [
      " Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN",
      "- Như Điều 3;                                         KT. CHỦ TỊCH",
      "- Các sở, ban, ngành thuộc UBND tỉnh;",
      "- Lưu: VT, TH.                                        Nguyễn Thế Phước",
    ].join("\n");
    expect(readDistribution(normalizeLines(text))?.items).toEqual([
      "Như Điều 3",
      "Các sở, ban, ngành thuộc UBND tỉnh",
      "Lưu: VT, TH",
    ]);
  });

  it("returns null without a 'Nơi nhận' line", () => {
    expect(readDistribution(normalizeLines("- Như trên;"))).toBeNull();
  });
});

describe("readSigner", () => {
  it("reads a signature printed beside the Nơi nhận list, line by line", () => {
    const text = [
      " Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN",
      "- Như Điều 3;                                         KT. CHỦ TỊCH",
      "- TT. Tỉnh uỷ, HĐND tỉnh;                             PHÓ CHỦ TỊCH",
      "- Các sở, ban, ngành thuộc UBND tỉnh;",
      "- Lãnh đạo VPUBND tỉnh;                               Nguyễn Thế Phước",
      "- Lưu: VT, TH.",
    ].join("\n");
    expect(readSigner(normalizeLines(text))).toMatchObject({
      authority: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Thế Phước",
    });
  });

  it("splits authority, title and name", () => {
    expect(readSigner(normalizeLines("**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\n**Phạm Quốc Hiệu**"))).toEqual({
      authority: "KT. GIÁM ĐỐC",
      title: "PHÓ GIÁM ĐỐC",
      name: "Phạm Quốc Hiệu",
      line: 1,
    });
  });

  it("reads a three-line block of a People's Committee and skips '(Đã ký)'", () => {
    const s = readSigner(normalizeLines("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn Bình"));
    expect(s).toMatchObject({
      authority: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Văn Bình",
    });
  });

  it("uses the only line as the title when the signer signs in person", () => {
    expect(readSigner(normalizeLines("GIÁM ĐỐC\n\nTrần Thị Lan"))).toMatchObject({
      authority: "",
      title: "GIÁM ĐỐC",
      name: "Trần Thị Lan",
    });
  });

  it("drops the signature image's bracket glued to the title in PDF text", () => {
    expect(readSigner(normalizeLines("KT. THỦ TƯỚNG \n   PHÓ THỦ TƯỚNGy] \n \nPhạm Thị Thanh Trà"))).toMatchObject({
      authority: "KT. THỦ TƯỚNG",
      title: "PHÓ THỦ TƯỚNG",
      name: "Phạm Thị Thanh Trà",
    });
  });

  it("returns null when the plan has no signature block", () => {
    expect(readSigner(normalizeLines("Nơi nhận:\n- Lưu: VT"))).toBeNull();
  });
});

describe("looksLikeName", () => {
  it("accepts capitalised words and rejects sentences", () => {
    expect(looksLikeName("Lê Văn Kiên")).toBe(true);
    expect(looksLikeName("Lưu: VT")).toBe(false);
    expect(looksLikeName("Các phòng chuyên môn")).toBe(false);
  });
});
