/** The template schema's `office` list and the Vietnamese messages its mistakes produce. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { miniInput } from "../../../test/fixtures/mini-template.js";
import { AppError } from "./problem.js";
import { parseTemplate } from "../template/template.js";
import { templateInputSchema } from "./template-schema.js";

const errorsOf = (input: unknown): string[] => {
  try {
    parseTemplate(input);
    return [];
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return e.details;
  }
};
const withOffice = (office: unknown) => ({ ...structuredClone(miniInput), office });

describe("templateInputSchema office", () => {
  it("defaults to no Văn phòng e-mails, a fresh list each time", () => {
    const a = parseTemplate(miniInput);
    const b = parseTemplate(miniInput);
    expect(a.office).toEqual({ editors: [] });
    a.office.editors.push("x@hp.edu.vn");
    expect(b.office.editors).toEqual([]);
  });

  it("keeps the e-mails given, trimmed", () => {
    expect(
      parseTemplate(withOffice({ editors: [" vanphong@haiphong.edu.vn ", "pho.vp@haiphong.edu.vn"] })).office.editors,
    ).toEqual(["vanphong@haiphong.edu.vn", "pho.vp@haiphong.edu.vn"]);
  });

  it("names the bad e-mail by its path, in Vietnamese", () => {
    expect(errorsOf(withOffice({ editors: ["vanphong@haiphong.edu.vn", "vanphong.haiphong.edu.vn"] }))).toEqual([
      "office.editors[1]: địa chỉ email không hợp lệ. Hãy sửa thành dạng ten@donvi.edu.vn.",
    ]);
  });

  it("refuses a misspelt key rather than read it as an empty list", () => {
    expect(errorsOf(withOffice({ editor: ["vanphong@haiphong.edu.vn"] }))).toEqual([
      "office: có mục không được hỗ trợ (editor). Hãy kiểm tra lỗi chính tả hoặc xóa mục đó.",
    ]);
  });

  it("says a value of the wrong type is wrong, not missing", () => {
    expect(errorsOf(withOffice("vanphong@haiphong.edu.vn"))).toEqual([
      "office: phải là một đối tượng { … }. Hãy sửa lại giá trị này.",
    ]);
    expect(errorsOf(withOffice({ editors: "vanphong@haiphong.edu.vn" }))).toEqual([
      "office.editors: phải là một danh sách [ … ]. Hãy sửa lại giá trị này.",
    ]);
    const noTitle = structuredClone(miniInput) as { plan: Record<string, unknown> };
    delete noTitle.plan.title;
    expect(errorsOf(noTitle)).toEqual(['plan.title: thiếu mục bắt buộc. Hãy thêm "title" (một chuỗi chữ).']);
  });

  it("accepts every bundled template, each naming at least one Văn phòng e-mail", () => {
    const dir = new URL("../../../sheets-templates/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const input = JSON.parse(readFileSync(new URL(f, dir), "utf8"));
      expect(templateInputSchema.safeParse(input).success, f).toBe(true);
      expect(parseTemplate(input, f).office.editors.length, f).toBeGreaterThan(0);
    }
  });
});
