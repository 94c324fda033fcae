/** Tests for the whole import: plan text → draft template and review list. */
import { describe, expect, it } from "vitest";
import { templateInputSchema } from "../model/template-schema.js";
import { parseTemplate } from "../template/template.js";
import { importPlan } from "./import-plan.js";

const PLAN = [
  "UBND TỈNH QUẢNG NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc",
  "Số: 12/KH-SGDĐT\tQuảng Ninh, ngày 05 tháng 01 năm 2024",
  "KẾ HOẠCH",
  "Phát triển văn hóa đọc trong trường học năm 2024",
  "Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "- Nâng cao văn hóa đọc trong tỉnh Quảng Ninh.",
  "II. NHIỆM VỤ",
  "1. Tổ chức Ngày hội đọc sách cho học sinh",
  "- Đơn vị chủ trì: Các trường THPT",
  "- Thời gian: Trong quý II/2024",
  "2. Bổ sung sách cho thư viện trường học",
  "III. TỔ CHỨC THỰC HIỆN",
  "1. Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố",
  "Chỉ đạo các trường tiểu học, THCS tổ chức các hoạt động tại mục II.2.",
  "2. Các trường THPT có trách nhiệm triển khai thực hiện Kế hoạch này; định kỳ 6 tháng (trước ngày 20/6) và hằng năm (trước ngày 20/12) báo cáo kết quả về Sở Giáo dục và Đào tạo (qua Phòng Giáo dục Trung học) để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
  "Nơi nhận:",
  "- UBND tỉnh (để b/c);",
  "- Lưu: VT, GDTrH.",
  "KT. GIÁM ĐỐC",
  "PHÓ GIÁM ĐỐC",
  "Nguyễn Thị Hoa",
].join("\n");

describe("importPlan", () => {
  const r = importPlan(PLAN);

  it("asks to confirm an owner taken from the label block written after the next item", () => {
    const shared = importPlan(
      [
        "UBND TỈNH KON TUM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 4/KH-UBND\tKon Tum, ngày 04 tháng 5 năm 2020",
        "KẾ HOẠCH",
        "II. NỘI DUNG HOẠT ĐỘNG",
        "3. Giải quyết tranh chấp lao động",
        "3.1. Rà soát các thiết chế.",
        "3.2. Tập huấn hòa giải viên.",
        "- Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội.",
        "- Thời gian thực hiện: Quý III/2020.",
      ].join("\n"),
    );
    const note = shared.review.find((i) => i.kind === "needs-review" && i.code === "II.3.1");
    expect(note?.what).toContain("ghi sau mục kế tiếp");
    expect(shared.review.some((i) => i.kind === "needs-review" && i.code === "II.3.2")).toBe(false);
  });

  it("produces a template that passes the schema and the template checks", () => {
    expect(templateInputSchema.safeParse(r.template).success).toBe(true);
    expect(() => parseTemplate(r.template)).not.toThrow();
  });

  it("fills the plan block from the header and the reporting route", () => {
    expect(r.template.plan).toMatchObject({
      title: "Kết quả thực hiện phát triển văn hóa đọc trong trường học năm 2024",
      reportSymbol: "BC-SGDĐT",
      issuer: { parent: "UBND TỈNH QUẢNG NINH", name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", abbreviation: "SGDĐT" },
      recipient: "Ủy ban nhân dân tỉnh Quảng Ninh",
      place: "Quảng Ninh",
      signer: { authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Thị Hoa" },
      distribution: ["Ủy ban nhân dân tỉnh Quảng Ninh", "Lưu: VT, GDTrH"],
      source: "Kế hoạch số 12/KH-SGDĐT ngày 05/01/2024",
    });
    expect(r.template.plan.code).toMatch(/^kh-sgddt-12-2024/);
  });

  it("reads the periods with the plan's deadlines", () => {
    expect(r.template.periods.map((p) => [p.id, p.deadline])).toEqual([
      ["sau_thang_2024", "2024-06-20"],
      ["nam_2024", "2024-12-20"],
    ]);
  });

  it("turns items into tasks with owners, due dates and groups", () => {
    const tasks = Object.fromEntries((r.template.tasks ?? []).map((t) => [t.code, t]));
    expect(Object.keys(tasks)).toEqual(["II.1", "II.2", "III.1"]);
    expect(tasks["II.1"]).toMatchObject({
      owner: "Các trường THPT",
      due: "2024-06-30",
      timeframe: "Trong quý II/2024",
    });
    expect(tasks["II.2"].owner).toBe("Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố");
    const thpt = r.template.unitGroups.find((g) => g.name === "Các trường THPT")!;
    expect(tasks["II.1"].groups).toEqual([thpt.code]);
  });

  it("creates one placeholder unit per named kind of unit and asks for the real list", () => {
    expect(r.template.unitGroups.map((g) => g.name)).toEqual([
      "Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố",
      "Các trường THPT",
    ]);
    expect(r.template.units).toHaveLength(2);
    expect(r.template.units.every((u) => u.name.startsWith("Đơn vị mẫu"))).toBe(true);
    expect(r.review.some((i) => i.kind === "needs-review" && i.what.startsWith("Danh sách đơn vị"))).toBe(true);
  });

  it("proposes indicators marked as proposals", () => {
    expect(r.template.indicators?.length).toBeGreaterThan(0);
    expect(r.template.indicators?.every((i) => i.proposed === true)).toBe(true);
  });

  it("flags the task without a timeframe and counts it", () => {
    const flagged = r.review.filter((i) => i.kind === "needs-review" && i.code);
    expect(flagged.map((i) => i.code)).toEqual(["II.2", "III.1"]);
    expect(r.summary).toMatchObject({ tasks: 3, tasksNeedingReview: 2 });
  });

  it("gives every found item about a task the line it came from", () => {
    const found = r.review.find((i) => i.kind === "found" && i.code === "II.1");
    expect(found?.line).toBe(10);
  });

  it("refuses a text without any year when no default year is given", () => {
    expect(() => importPlan("KẾ HOẠCH\nTuyên truyền\nI. NỘI DUNG\n1. Tuyên truyền")).toThrow(/năm/);
    expect(
      importPlan("KẾ HOẠCH\nTuyên truyền\nI. NỘI DUNG\n1. Tuyên truyền", { defaultYear: 2025 }).template.periods[0].id,
    ).toBe("nam_2025");
  });
});

/** A provincial programme as PDF text extraction breaks it (the shapes of issue 13). */
const PDF_TEXT = [
  "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ -------",
  "Số: 45/CTr-UBND",
  "Quảng Trị, ngày 10 tháng 3 năm 2020",
  "CHƯƠNG TRÌNH",
  "Phát triển nguồn nhân lực giai đoạn 2020 - 2025",
  "I. MỤC TIÊU",
  "- Nâng cao chất lượng nguồn nhân lực.",
  "II. NHIỆM VỤ",
  "1. Đào tạo nghề cho lao động nông thôn 1.1.",
  "Mở lớp đào tạo nghề ngắn hạn",
  "- Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội",
  "* Thời gian thực hiện: Hằng năm",
  "1.2.",
  "Hỗ trợ học nghề cho người khuyết tật",
  "- Cơ quan chủ trì: Hội Bảo trợ người khuyết tật tỉnh.-Thời gian thực hiện: Năm 2021",
  "2. Nâng cao năng lực đội ngũ giáo viên 2.1.",
  "Bồi dưỡng giáo viên theo chương trình mới",
  "• Đơn vị phối hợp: Các trường THPT",
  "– Bộ phận chủ trì: Sở Giáo dục và Đào tạo",
  "– Tiến độ hoàn thành: Quý IV/2022",
  "III. TỔ CHỨC THỰC HIỆN",
  "Hằng năm tổ chức sơ kết, tổng kết việc thực hiện Chương trình; sơ kết 03 năm vào năm 2022, tổng kết vào năm 2025.",
  "TM. ỦY BAN NHÂN DÂN",
  "CHỦ TỊCH",
  "Nguyễn Văn A",
].join("\n");

describe("importPlan on PDF-broken text", () => {
  const r = importPlan(PDF_TEXT);
  const task = (code: string) => r.template.tasks?.find((t) => t.code === code);

  it("finds the items whose numbers stood alone or were glued to the line before", () => {
    expect(r.template.tasks?.map((t) => t.code)).toEqual(["II.1.1", "II.1.2", "II.2.1"]);
  });

  it("reads every label variant and bullet for owner and timeframe", () => {
    expect(task("II.1.1")).toMatchObject({
      owner: "Sở Lao động - Thương binh và Xã hội",
      timeframe: "Hằng năm",
    });
    expect(task("II.1.2")).toMatchObject({ owner: "Hội Bảo trợ người khuyết tật tỉnh", timeframe: "Năm 2021" });
    expect(task("II.2.1")).toMatchObject({ owner: "Sở Giáo dục và Đào tạo", timeframe: "Quý IV/2022" });
  });

  it("strips the decorative rule from the issuer and proposes the plan's signer", () => {
    expect(r.metadata.issuerName).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ");
    expect(r.template.plan.signer).toEqual({
      authority: "TM. ỦY BAN NHÂN DÂN",
      title: "CHỦ TỊCH",
      name: "Nguyễn Văn A",
    });
    expect(r.review.some((i) => i.what.startsWith("Người ký báo cáo đề xuất theo người ký kế hoạch"))).toBe(true);
  });

  it("gives one annual period per plan year plus the sơ kết and tổng kết", () => {
    const ids = r.template.periods.map((p) => p.id);
    expect(ids.filter((id) => id.startsWith("nam_"))).toEqual([
      "nam_2020",
      "nam_2021",
      "nam_2022",
      "nam_2023",
      "nam_2024",
      "nam_2025",
    ]);
    expect(ids).toEqual(expect.arrayContaining(["so_ket_2022", "tong_ket_2025"]));
  });
});
