/** Tests for recognising and splitting unit names. */
import { describe, expect, it } from "vitest";
import {
  abbreviateName,
  cleanUnitName,
  fullBodyName,
  isCoveredBy,
  isGenericUnit,
  isUnitName,
  joinUnits,
  sameUnit,
  splitUnits,
  subjectText,
  subjectUnits,
  unitKey,
} from "./units.js";

describe("isUnitName", () => {
  it("accepts unit headings", () => {
    for (const s of [
      "Sở Giáo dục và Đào tạo",
      "Đề nghị Ban Tuyên giáo Thành ủy.",
      "Các cơ quan báo chí trên địa bàn thành phố Hải Phòng",
      "Thanh tra Sở",
      "Phòng Thông tin, Báo chí và Xuất bản",
      "Ủy ban nhân dân quận, huyện, thị xã.",
    ]) {
      expect(isUnitName(s), s).toBe(true);
    }
  });

  it("accepts bodies addressed by their heads and tax offices", () => {
    for (const s of [
      "Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường:",
      "Chủ tịch UBND các huyện, thành phố",
      "Thuế tỉnh",
      "Chi cục Kiểm lâm",
    ]) {
      expect(isUnitName(s), s).toBe(true);
    }
    expect(isUnitName("Thuế tài nguyên")).toBe(false);
  });

  it("does not take 'Trường hợp' (a case) for a school", () => {
    expect(isUnitName("Trường hợp đặc biệt")).toBe(false);
  });

  it("rejects sentences and task headings", () => {
    for (const s of [
      "Phòng Giáo dục và Đào tạo quận, huyện có trách nhiệm triển khai thực hiện Kế hoạch này.",
      "Tổ chức tập huấn cho cán bộ",
      "Ban hành kế hoạch",
      "Sở Giáo dục và Đào tạo tổ chức sơ kết 03 năm",
      "Nội dung tuyên truyền",
    ]) {
      expect(isUnitName(s), s).toBe(false);
    }
  });
});

describe("splitUnits", () => {
  it("splits at commas where a new unit starts and keeps 'quận, huyện' whole", () => {
    expect(splitUnits("Phòng Giáo dục và Đào tạo quận, huyện, các đơn vị giáo dục")).toEqual([
      "Phòng Giáo dục và Đào tạo quận, huyện",
      "Các đơn vị giáo dục",
    ]);
    expect(
      splitUnits("Đài Phát thanh và Truyền hình thành phố Hải Phòng, Báo Hải Phòng, Cổng Thông tin điện tử thành phố"),
    ).toHaveLength(3);
  });

  it("does not split common nouns that look like unit words", () => {
    expect(splitUnits("Phòng Thông tin, Báo chí và Xuất bản")).toEqual(["Phòng Thông tin, Báo chí và Xuất bản"]);
    expect(splitUnits("các Sở, ban, ngành")).toEqual(["Các Sở, ban, ngành"]);
  });

  it("splits at ' và các ' before another unit", () => {
    expect(
      splitUnits("Mặt trận Tổ quốc Việt Nam thành phố Hà Nội và các tổ chức chính trị - xã hội thành viên"),
    ).toEqual(["Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", "Các tổ chức chính trị - xã hội thành viên"]);
  });
});

describe("subjectUnits", () => {
  it("reads the units before the first verb", () => {
    expect(
      subjectUnits(
        "Phòng Giáo dục và Đào tạo quận, huyện, các đơn vị giáo dục căn cứ nội dung trên, xây dựng kế hoạch.",
      ),
    ).toEqual(["Phòng Giáo dục và Đào tạo quận, huyện", "Các đơn vị giáo dục"]);
  });

  it("stops at 'tập trung', a verb", () => {
    expect(subjectUnits("Bộ Y tế, Bộ Tài chính tập trung chỉ đạo thực hiện.")).toEqual(["Bộ Y tế", "Bộ Tài chính"]);
  });

  it("reads the units after 'X yêu cầu'", () => {
    expect(
      subjectUnits(
        "UBND Thành phố yêu cầu Thủ trưởng các Sở, ban, ngành, UBND quận, huyện, thị xã triển khai thực hiện nghiêm Kế hoạch này.",
      ),
    ).toEqual(["Các Sở, ban, ngành", "UBND quận, huyện, thị xã"]);
  });

  it("ends the subject at 'lãnh đạo', but not in 'Ban lãnh đạo Sở'", () => {
    expect(subjectUnits("Ban Thường vụ Tỉnh ủy, Thành ủy lãnh đạo, chỉ đạo các cấp ủy đảng quán triệt.")).toEqual([
      "Ban Thường vụ Tỉnh ủy",
      "Thành ủy",
    ]);
    expect(subjectUnits("Ban lãnh đạo Sở chỉ đạo các phòng triển khai.")).toEqual(["Ban lãnh đạo Sở"]);
  });

  it("leaves 'theo chức năng, nhiệm vụ được giao' out of the units", () => {
    expect(subjectUnits("Các bộ, cơ quan ngang bộ theo chức năng, nhiệm vụ được giao, chủ động rà soát.")).toEqual([
      "Các bộ, cơ quan ngang bộ",
    ]);
  });

  it("returns nothing for a sentence that does not start with a unit", () => {
    expect(subjectUnits("Trong quá trình triển khai thực hiện, nếu có vướng mắc đề nghị báo cáo.")).toEqual([]);
  });
});

describe("subjectText", () => {
  it("ends the subject at 'cần' before the duty", () => {
    expect(subjectText("Các bộ, cơ quan ngang bộ cần cụ thể hóa và tổ chức triển khai các nhiệm vụ.")).toBe(
      "Các bộ, cơ quan ngang bộ",
    );
  });

  it("keeps the subject as written and leaves out an adverb before the verb", () => {
    expect(subjectText("Đề nghị Sở thường xuyên cung cấp thông tin.")).toBe("Đề nghị Sở");
    expect(subjectText("Tổ chức tập huấn cho cán bộ.")).toBe("");
  });

  it("reads a unit written as the label of its duty", () => {
    expect(subjectText("Ủy ban nhân dân cấp xã: đầu tư, hoàn thiện đồng bộ hạ tầng kỹ thuật.")).toBe(
      "Ủy ban nhân dân cấp xã",
    );
    expect(subjectText("Các cơ sở đào tạo trọng điểm gồm: Đại học Đà Lạt thực hiện đào tạo.")).toBe(
      "Các cơ sở đào tạo trọng điểm gồm: Đại học Đà Lạt",
    );
  });
});

describe("sameUnit", () => {
  it("treats abbreviations and 'các' as the same unit", () => {
    expect(sameUnit("Sở GDĐT", "Sở Giáo dục và Đào tạo")).toBe(true);
    expect(sameUnit("UBND quận, huyện, thị xã", "Ủy ban nhân dân quận, huyện, thị xã")).toBe(true);
    expect(sameUnit("Sở Văn hóa và Thể thao", "Sở Giáo dục và Đào tạo")).toBe(false);
  });
});

describe("unitKey", () => {
  it("folds case, punctuation and known abbreviations", () => {
    expect(unitKey("Phòng GD&ĐT các quận, huyện")).toBe("phòng giáo dục và đào tạo quận huyện");
  });
});

describe("isGenericUnit", () => {
  it("tells a kind of unit from one named unit", () => {
    expect(isGenericUnit("Các trường THPT")).toBe(true);
    expect(isGenericUnit("Phòng GD&ĐT quận, huyện")).toBe(true);
    expect(isGenericUnit("Báo Hải Phòng")).toBe(false);
  });
});

describe("isCoveredBy", () => {
  it("skips vague or narrower names already covered", () => {
    expect(isCoveredBy("Các đơn vị", ["Báo Hải Phòng"])).toBe(true);
    expect(isCoveredBy("Các Sở, ban, ngành", ["Các Sở, ngành Thành phố"])).toBe(true);
    expect(isCoveredBy("Các đơn vị giáo dục", ["Phòng Giáo dục và Đào tạo quận, huyện"])).toBe(false);
  });
});

describe("abbreviateName", () => {
  it("builds the symbol used after BC-", () => {
    expect(abbreviateName("Sở Giáo dục và Đào tạo")).toBe("SGDĐT");
    expect(abbreviateName("Sở Thông tin và Truyền thông")).toBe("STTTT");
    expect(abbreviateName("Ủy ban nhân dân thành phố Hà Nội")).toBe("UBND");
  });
});

describe("fullBodyName", () => {
  it("expands UBND and adds the place to a bare 'thành phố'", () => {
    expect(fullBodyName("UBND Thành phố", "Hà Nội")).toBe("Ủy ban nhân dân thành phố Hà Nội");
    expect(fullBodyName("Ủy ban nhân dân thành phố", "Hải Phòng")).toBe("Ủy ban nhân dân thành phố Hải Phòng");
  });
});

describe("cleanUnitName", () => {
  it("drops 'Đề nghị' and end punctuation", () => {
    expect(cleanUnitName("Đề nghị Ban Tuyên giáo Thành ủy.")).toBe("Ban Tuyên giáo Thành ủy");
  });
});

describe("joinUnits", () => {
  it("lower-cases 'Các' after the first name", () => {
    expect(joinUnits(["Các trường THPT", "Các trung tâm GDNN-GDTX"])).toBe("Các trường THPT, các trung tâm GDNN-GDTX");
  });
});
