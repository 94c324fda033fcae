/** Tests for repairing the structure text exports break. */
import { describe, expect, it } from "vitest";
import { repairLines } from "./repair-lines.js";

const texts = (raw: string) => repairLines(raw).map((l) => l.text);

describe("repairLines", () => {
  it("splits a line a layout-keeping PDF extraction printed in two columns into cells", () => {
    expect(texts("     ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toEqual([
      "     ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]);
  });

  it("keeps a blank left to be filled in inside one line", () => {
    expect(texts("(Kèm theo Kế hoạch số:           /KH-UBND ngày        tháng      năm 2026)")).toEqual([
      "(Kèm theo Kế hoạch số:           /KH-UBND ngày        tháng      năm 2026)",
    ]);
  });

  it("joins an item number standing alone to the text on the next line", () => {
    expect(texts("1.4.\nTổ chức hội nghị tập huấn")).toEqual(["1.4. Tổ chức hội nghị tập huấn"]);
  });

  it("moves a sub-item number glued to its parent heading onto the sub-item", () => {
    const lines = repairLines("2. Nâng cao năng lực đội ngũ 2.1.\nTập huấn cán bộ phụ trách");
    expect(lines.map((l) => l.text)).toEqual(["2. Nâng cao năng lực đội ngũ", "2.1. Tập huấn cán bộ phụ trách"]);
    expect(lines[1].line).toBe(2);
  });

  it("splits a heading run into its first item on the same line", () => {
    expect(texts("2. Nâng cao năng lực 2.1. Tập huấn cán bộ")).toEqual([
      "2. Nâng cao năng lực",
      "2.1. Tập huấn cán bộ",
    ]);
  });

  it("leaves a number that is a reference where it is", () => {
    expect(texts("1. Thực hiện theo Quyết định số 5.\nCác đơn vị báo cáo")).toEqual([
      "1. Thực hiện theo Quyết định số 5.",
      "Các đơn vị báo cáo",
    ]);
  });

  it("splits a label glued to the sentence before it", () => {
    expect(texts("Tổ chức tuyên truyền.-Thời gian thực hiện: Quý I/2021")).toEqual([
      "Tổ chức tuyên truyền.",
      "- Thời gian thực hiện: Quý I/2021",
    ]);
  });

  it("turns every kind of bullet into '- ' and keeps '+'", () => {
    expect(texts("• Một\n* Thời gian thực hiện: 2024\n+ Ba")).toEqual(["- Một", "- Thời gian thực hiện: 2024", "+ Ba"]);
  });

  it("strips decorative rules and drops page numbers and running headers", () => {
    const raw = [
      "ỦY BAN NHÂN DÂN TỈNH A -------",
      "CÔNG BÁO/Số 1/Ngày 2",
      "12",
      "CÔNG BÁO/Số 1/Ngày 2",
      "x",
      "CÔNG BÁO/Số 1/Ngày 2",
    ].join("\n");
    expect(texts(raw).filter(Boolean)).toEqual(["ỦY BAN NHÂN DÂN TỈNH A", "x"]);
  });

  it("keeps every line's source number", () => {
    expect(repairLines("a\n\nb").map((l) => l.line)).toEqual([1, 2, 3]);
  });
});
