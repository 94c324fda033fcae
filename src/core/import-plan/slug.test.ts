/** Tests for ASCII identifiers built from Vietnamese names. */
import { describe, expect, it } from "vitest";
import { stripDiacritics } from "../vn/strip-diacritics.js";
import { slugify, uniqueId } from "./slug.js";

describe("slugify", () => {
  it("removes diacritics and linking words", () => {
    expect(slugify("Phòng Giáo dục và Đào tạo quận, huyện")).toBe("phong_giao_duc_dao_tao_quan_huyen");
  });

  it("matches the key pattern and respects the length limit", () => {
    const s = slugify("Đài Truyền thanh các quận, huyện, xã, phường, thị trấn", "_", 20);
    expect(s).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(s.length).toBeLessThanOrEqual(20);
  });

  it("starts with a letter even for names starting with a digit", () => {
    expect(slugify("231 KH-UBND", "-")).toBe("x-231-kh-ubnd");
  });
});

describe("stripDiacritics", () => {
  it("maps đ to d", () => {
    expect(stripDiacritics("Đơn vị đầu mối")).toBe("Don vi dau moi");
  });
});

describe("uniqueId", () => {
  it("numbers repeats", () => {
    const taken = new Set<string>();
    expect([uniqueId("a", taken), uniqueId("a", taken), uniqueId("a", taken)]).toEqual(["a", "a_2", "a_3"]);
  });
});
