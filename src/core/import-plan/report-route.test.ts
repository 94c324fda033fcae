/** Tests for reading who reports, who compiles and who receives the compiled report. */
import { describe, expect, it } from "vitest";
import { readReportRoute } from "./report-route.js";

describe("readReportRoute", () => {
  it("reads 'báo cáo … về X … để tổng hợp báo cáo Y'", () => {
    const r = readReportRoute(
      "Phòng Giáo dục và Đào tạo quận, huyện, các đơn vị giáo dục căn cứ nội dung trên, định kỳ hàng quý báo cáo kết quả triển khai về Sở Giáo dục và Đào tạo (Văn phòng Sở) để tổng hợp báo cáo Ủy ban nhân dân thành phố.",
    );
    expect(r).toEqual({
      reporters: ["Phòng Giáo dục và Đào tạo quận, huyện", "Các đơn vị giáo dục"],
      compiler: "Sở Giáo dục và Đào tạo",
      recipient: "Ủy ban nhân dân thành phố",
    });
  });

  it("takes the body after 'qua' as the compiler and the addressee as the recipient", () => {
    const r = readReportRoute(
      "UBND Thành phố yêu cầu các Sở, ngành triển khai Kế hoạch này và báo cáo UBND Thành phố (qua Sở Thông tin và Truyền thông) để tổng hợp, báo cáo Thủ tướng Chính phủ theo quy định.",
    );
    expect(r.compiler).toBe("Sở Thông tin và Truyền thông");
    expect(r.recipient).toBe("UBND Thành phố");
  });

  it("treats '(qua Văn phòng Sở)' and '(qua đồng chí …)' as inside the receiver", () => {
    expect(
      readReportRoute(
        "Các trường báo cáo kết quả về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) để tổng hợp, báo cáo Ủy ban nhân dân thành phố.",
      ),
    ).toMatchObject({
      compiler: "Sở Giáo dục và Đào tạo",
      recipient: "Ủy ban nhân dân thành phố",
    });
    expect(
      readReportRoute("Thủ trưởng các đơn vị báo cáo Sở GDĐT (qua đồng chí Trần Văn A) để xem xét.").compiler,
    ).toBe("Sở GDĐT");
  });

  it("leaves fields empty when the sentence names no route", () => {
    expect(readReportRoute("Kinh phí thực hiện từ ngân sách thành phố.")).toEqual({
      reporters: [],
      compiler: "",
      recipient: "",
    });
  });
});
