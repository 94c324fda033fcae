/** Tests for turning outline items into tasks with owners and timeframes. */
import { describe, expect, it } from "vitest";
import { normalizeLines } from "./normalize-lines.js";
import { buildOutline } from "./outline.js";
import { classifyPart, codeRefs, extractTasks, readLabels } from "./tasks.js";

function extract(text: string) {
  return extractTasks(buildOutline(normalizeLines(text)));
}

describe("extractTasks", () => {
  it("leaves out items a Phụ lục restates in groups it numbers in Roman, and gives the rest the units the part announces", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ CỤ THỂ",
        "Trong thời gian tới, các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh cần tổ chức triển khai thực hiện các nhiệm vụ sau đây:",
        "1. Tăng cường công tác tuyên truyền",
        "a) Tổ chức tuyên truyền, phổ biến, quán triệt sâu rộng nội dung Chỉ thị.",
        "b) Đẩy mạnh chuyển đổi số trong công tác thông tin, tuyên truyền.",
        "c) Tăng cường đối thoại chính sách với các tổ chức lớn.",
        "2. Hoàn thiện thể chế",
        "a) Nghiên cứu, đề xuất xây dựng văn bản quy phạm pháp luật về tổ chức phi chính phủ.",
        "PHỤ LỤC",
        "TT\tTên nhiệm vụ\tCơ quan chủ trì\tThời hạn hoàn thành",
        "I.\tTăng cường công tác tuyên truyền\t\t",
        "1.\tTổ chức tuyên truyền, phổ biến, quán triệt sâu rộng nội dung Chỉ thị.\tBộ Ngoại giao\tThường xuyên",
        "2.\tĐẩy mạnh chuyển đổi số trong công tác thông tin, tuyên truyền.\tBộ Ngoại giao\tThường xuyên",
        "II.\tHoàn thiện thể chế\t\t",
        "1.\tNghiên cứu, đề xuất xây dựng văn bản quy phạm pháp luật về tổ chức phi chính phủ.\tBộ Nội vụ\tNăm 2026",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner])).toEqual([
      ["II.1.c", "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh"],
      ["PL.I.1", "Bộ Ngoại giao"],
      ["PL.I.2", "Bộ Ngoại giao"],
      ["PL.II.1", "Bộ Nội vụ"],
    ]);
  });

  it("leaves out the items a Phụ lục table restates row for row under the same letters", () => {
    const r = extract(
      [
        "II. NỘI DUNG TRIỂN KHAI",
        "1. Tổ chức tuyên truyền, phổ biến Nghị định",
        "a) Tổ chức Hội nghị phổ biến, triển khai nội dung của Nghị định đến các cơ quan.",
        "b) Tổ chức các hội nghị, hội thảo chuyên đề hướng dẫn thực hiện Nghị định.",
        "c) Tổ chức các hoạt động truyền thông về Nghị định.",
        "2. Huy động nguồn lực, thúc đẩy hợp tác quốc tế.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "KT. BỘ TRƯỞNG",
        "Phạm Văn A",
        "PHỤ LỤC",
        "TT\tNội dung hoạt động\tCơ quan chủ trì\tThời gian thực hiện",
        "1\tTổ chức tuyên truyền, phổ biến Nghị định\t\t",
        "a)\tTổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan.\tCục Lâm nghiệp\tQuý III/2026",
        "b)\tTổ chức các hội nghị, hội thảo chuyên đề hướng dẫn thực hiện Nghị định.\tCục Lâm nghiệp\tQuý IV/2026",
        "c)\tTổ chức các chương trình truyền thông về Nghị định.\tSở Nông nghiệp và Môi trường\tThường xuyên",
        "2\tHuy động nguồn lực, thúc đẩy hợp tác quốc tế.\tCục Lâm nghiệp\tThường xuyên",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner])).toEqual([
      ["PL.1.a", "Cục Lâm nghiệp"],
      ["PL.1.b", "Cục Lâm nghiệp"],
      ["PL.1.c", "Sở Nông nghiệp và Môi trường"],
      ["PL.2", "Cục Lâm nghiệp"],
    ]);
  });

  it("gives a content item headed by a unit's name to that unit", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Hoàn thiện thể chế",
        "a) Bộ Nội vụ",
        "- Chủ trì hoàn thiện thể chế về công tác cán bộ.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner])).toEqual([["II.1.a", "Bộ Nội vụ"]]);
  });

  it("reads a task table under a 'Phụ lục I' heading that follows the last part without a signature", () => {
    const r = extract(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Bộ Nội vụ theo dõi, đôn đốc việc thực hiện.",
        "Phụ lục I",
        "TT\tNội dung công việc\tCơ quan chủ trì\tThời hạn hoàn thành",
        "1\tTham mưu ban hành Nghị định\tBộ Nội vụ\tQuý II/2026",
        "2\tXây dựng Đề án\tBộ Quốc phòng\tQuý I/2026",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner, t.timeframe])).toEqual([
      ["III.1", "Bộ Nội vụ", ""],
      ["PL.1", "Bộ Nội vụ", "Quý II/2026"],
      ["PL.2", "Bộ Quốc phòng", "Quý I/2026"],
    ]);
  });

  it("gives no task for a unit's duty to send its results up, nor for the funding clause", () => {
    const r = extract(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các bộ, cơ quan ngang bộ",
        "a) Xây dựng kế hoạch để tổ chức triển khai.",
        "b) Tổng hợp, đánh giá tình hình và kết quả thực hiện nhiệm vụ được giao; gửi Bộ Nội vụ để tổng hợp báo cáo Chính phủ.",
        "c) Kinh phí triển khai các nhiệm vụ thực hiện theo quy định của pháp luật.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["III.1.a"]);
  });

  it("gives no task to units whose only duty is to work with the lead bodies on the plan", () => {
    const r = extract(
      [
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Sở Công Thương",
        "Thực hiện quản lý, phát triển cụm công nghiệp.",
        "2. Các sở, ban, ngành và các đơn vị khác có liên quan",
        "Phối hợp chặt chẽ với các cơ quan chủ trì trong tổ chức thực hiện Kế hoạch này.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["V.1"]);
  });

  it("makes a task of every leaf item in content parts, skipping aims and funding", () => {
    const r = extract(
      [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "II. NỘI DUNG",
        "1. Tập huấn",
        "2. Hình thức",
        "a) Website",
        "b) Khác",
        "III. KINH PHÍ",
        "1. Ngân sách",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["II.1", "II.2.a", "II.2.b"]);
    expect(r.tasks[1].part).toBe("NỘI DUNG");
  });

  it("reads owner, coordinator and timeframe labels of an item", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ",
        "1. Tổ chức tập huấn cán bộ",
        "- Đơn vị thực hiện: Sở Giáo dục và Đào tạo.",
        "- Đơn vị phối hợp: Sở Thông tin và Truyền thông",
        "- Thời gian dự kiến: Quý III năm 2023",
      ].join("\n"),
    );
    expect(r.tasks[0]).toMatchObject({
      code: "II.1",
      title: "Tổ chức tập huấn cán bộ",
      owner: "Sở Giáo dục và Đào tạo",
      ownerFrom: "item",
      coordinator: "Sở Thông tin và Truyền thông",
      timeframe: "Quý III năm 2023",
      timeframeFrom: "item",
      timeframeLine: 5,
    });
  });

  it("lets children inherit the owner and timeframe of their parent", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ",
        "1. Quản lý nhà nước",
        "Đơn vị chủ trì: Văn phòng Sở",
        "Thời gian: Trong năm 2023",
        "1.1. Xây dựng kế hoạch",
        "1.2. Hướng dẫn",
        "Thời gian: Quý II/2023",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner, t.ownerFrom, t.timeframe, t.timeframeFrom])).toEqual([
      ["II.1.1", "Văn phòng Sở", "parent", "Trong năm 2023", "parent"],
      ["II.1.2", "Văn phòng Sở", "parent", "Quý II/2023", "item"],
    ]);
  });

  it("numbers the bullets of a part that has no numbered items and marks them", () => {
    const r = extract(
      [
        "III. PHƯƠNG THỨC",
        "- Lựa chọn cơ quan báo chí.",
        "- Xây dựng kế hoạch phối hợp.",
        "- Thời gian: Quý IV/2022",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.synthesized, t.timeframe])).toEqual([
      ["III.1", true, ""],
      ["III.2", true, "Quý IV/2022"],
    ]);
  });

  it("makes unit-headed items of 'Tổ chức thực hiện' tasks owned by that unit", () => {
    const r = extract(
      [
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Văn hóa và Thể thao.",
        "Chủ trì triển khai tuyên truyền cổ động trực quan.",
        "2. Đài Phát thanh và Truyền hình, Báo Hải Phòng",
        "- Tăng cường tin bài.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner, t.ownerFrom, t.title])).toEqual([
      ["IV.1", "Sở Văn hóa và Thể thao", "assignment", "Chủ trì triển khai tuyên truyền cổ động trực quan"],
      ["IV.2", "Đài Phát thanh và Truyền hình, Báo Hải Phòng", "assignment", "Tăng cường tin bài"],
    ]);
    expect(r.tasks[1].assignees).toEqual(["Đài Phát thanh và Truyền hình", "Báo Hải Phòng"]);
  });

  it("reads 'Unit: duties' items and sub-items of a unit heading", () => {
    const r = extract(
      [
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Giáo dục và Đào tạo: Chỉ đạo các trường tổ chức tuyên truyền.",
        "2. Các đơn vị của Sở",
        "2.1. Thanh tra Sở",
        "Kiểm tra thông tin sai sự thật.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner])).toEqual([
      ["V.1", "Phòng Giáo dục và Đào tạo"],
      ["V.2.1", "Thanh tra Sở"],
    ]);
  });

  it("keeps general and follow-up provisions out of the tasks and uses the implementers as default owners", () => {
    const r = extract(
      [
        "II. NỘI DUNG",
        "1. Tuyên truyền về đổi mới giáo dục",
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Giáo dục và Đào tạo quận, huyện, các đơn vị giáo dục có trách nhiệm triển khai thực hiện nghiêm túc Kế hoạch này.",
        "2. Văn phòng Sở có trách nhiệm theo dõi, đôn đốc các đơn vị thực hiện.",
        "3. Văn phòng Sở: Chủ trì theo dõi, tổng hợp kết quả.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["II.1"]);
    expect(r.tasks[0]).toMatchObject({
      owner: "Phòng Giáo dục và Đào tạo quận, huyện, các đơn vị giáo dục",
      ownerFrom: "general",
    });
    expect(r.provisions.map((p) => [p.code, p.general, !!p.oversight])).toEqual([
      ["V.1", true, false],
      ["V.2", false, false],
      ["V.3", false, true],
    ]);
  });

  it("takes the units a content task opens by giving the work to ('Giao …') as its owner", () => {
    const r = extract(
      [
        "IV. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Tổ chức đào tạo",
        "a) Giao các cơ sở đào tạo trọng điểm gồm: Đại học Bách Khoa Hà Nội, Trường Đại học Đà Lạt thực hiện ",
        "đào tạo, bồi dưỡng; từng bước tích hợp các chương trình.",
        "b) Lựa chọn đối tượng đào tạo công khai, minh bạch.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner, t.ownerFrom])).toEqual([
      ["IV.1.a", "Các cơ sở đào tạo trọng điểm gồm: Đại học Bách Khoa Hà Nội, Trường Đại học Đà Lạt", "sentence"],
      ["IV.1.b", "", ""],
    ]);
  });

  it("gives a ministry its follow-up duty as a task, unlike the office's", () => {
    const r = extract(
      [
        "VI. TỔ CHỨC THỰC HIỆN",
        "1. Bộ Ngoại giao",
        "a) Chủ trì xây dựng chương trình bồi dưỡng.",
        "b) Tổng hợp, báo cáo Thủ tướng Chính phủ những khó khăn, vướng mắc.",
        "2. Bộ Nội vụ phối hợp với Bộ Ngoại giao hướng dẫn, đôn đốc, theo dõi, kiểm tra các cơ quan.",
        "3. Văn phòng Bộ: Chủ trì theo dõi, tổng hợp kết quả.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner])).toEqual([
      ["VI.1.a", "Bộ Ngoại giao"],
      ["VI.1.b", "Bộ Ngoại giao"],
      ["VI.2", "Bộ Nội vụ"],
    ]);
    expect(r.provisions.filter((p) => p.code).map((p) => [p.code, !!p.oversight])).toEqual([["VI.3", true]]);
  });

  it("reads a unit's duty to report its own results as the regime, not a task", () => {
    const r = extract(
      [
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Ủy ban nhân dân các tỉnh, thành phố",
        "a) Rà soát toàn bộ thôn, tổ dân phố; hoàn thành trước ngày 10 tháng 6 năm 2026.",
        "b) Định kỳ báo cáo Thủ tướng Chính phủ vào thứ Sáu hàng tuần.",
        "2. Các bộ, cơ quan ngang bộ",
        "a) Thực hiện chế độ báo cáo định kỳ hằng năm gửi Bộ Khoa học và Công nghệ.",
        "b) Phối hợp triển khai các nhiệm vụ.",
        "c) Báo cáo tổng kết 5 năm thực hiện Đề án, trình Thủ tướng Chính phủ trong quý IV/2030.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["II.1.a", "II.2.b", "II.2.c"]);
    expect(r.provisions.filter((p) => p.reporting).map((p) => p.code)).toEqual(["II.1.b", "II.2.a"]);
  });

  it("reads a deadline written in words across a line break, and 'Định kỳ hằng năm' at the start", () => {
    const r = extract(
      [
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Ủy ban nhân dân các tỉnh, thành phố",
        "a) Chỉ đạo cấp xã xây dựng Đề án; hoàn thành trước ngày 30 ",
        "tháng 6 năm 2026.",
        "2. Bộ Khoa học và Công nghệ",
        "a) Định kỳ hằng năm tổng hợp tình hình, tổ chức sơ kết, tổng kết.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.timeframe, t.timeframeFrom])).toEqual([
      ["II.1.a", "hoàn thành trước ngày 30 tháng 6 năm 2026", "wording"],
      ["II.2.a", "Định kỳ hằng năm", "wording"],
    ]);
  });

  it("gives referenced tasks the unit of an assignment that names them", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ",
        "1. Hạ tầng",
        "a) Trang bị thiết bị",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Giáo dục và Đào tạo các quận, huyện",
        "- Chỉ đạo các trường triển khai các nhiệm vụ tại mục II.1.",
      ].join("\n"),
    );
    expect(r.tasks.find((t) => t.code === "II.1.a")).toMatchObject({
      owner: "Phòng Giáo dục và Đào tạo các quận, huyện",
      ownerFrom: "reference",
    });
  });

  it("reads task tables under a part and in an appendix after the signature", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ CỤ THỂ",
        "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
        "1\tTổ chức cuộc thi\tPhòng Giáo dục Trung học\tQuý II/2024",
        "2\tĐăng tin bài\tVăn phòng Sở\tThường xuyên",
        "Nơi nhận:",
        "- Lưu: VT.",
        "GIÁM ĐỐC",
        "Trần Văn Minh",
        "PHỤ LỤC",
        "I. NHIỆM VỤ BỔ SUNG",
        "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
        "1\tRà soát thư viện\tCác trường THPT\tTháng 9/2024",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.title, t.owner, t.timeframe])).toEqual([
      ["II.1", "Tổ chức cuộc thi", "Phòng Giáo dục Trung học", "Quý II/2024"],
      ["II.2", "Đăng tin bài", "Văn phòng Sở", "Thường xuyên"],
      ["PL.1", "Rà soát thư viện", "Các trường THPT", "Tháng 9/2024"],
    ]);
  });

  it("leaves out the headings a Phụ lục table details, naming them as provisions", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ CỤ THỂ",
        "1. Tăng cường công tác lãnh đạo, chỉ đạo",
        "- Đưa các chỉ tiêu bao phủ bảo hiểm y tế vào kế hoạch hằng năm.",
        "2. Hoàn thiện thể chế",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh tập trung chỉ đạo thực hiện nội dung nhiệm vụ được giao trong Kế hoạch hành động.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "KT. THỦ TƯỚNG",
        "Phạm Văn A",
        "PHỤ LỤC",
        "STT\tTên nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
        "1\tTăng cường lãnh đạo\tBộ Y tế\tThường xuyên",
        "2\tXây dựng Nghị định\tBộ Tài chính\tQuý I/2027",
        "3\tSửa đổi Luật\tBộ Y tế\tQuý II/2028",
        "4\tKiểm soát chi phí\tBộ Tài chính\tThường xuyên",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner])).toEqual([
      ["PL.1", "Bộ Y tế"],
      ["PL.2", "Bộ Tài chính"],
      ["PL.3", "Bộ Y tế"],
      ["PL.4", "Bộ Tài chính"],
    ]);
    expect(r.provisions.filter((p) => p.restated).map((p) => p.code)).toEqual(["II.1", "II.2"]);
    expect(r.provisions.find((p) => p.code === "III.1")?.general).toBe(true);
  });

  it("keeps ownerless items when the Phụ lục lists only a few key tasks, fewer than two per item", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ",
        "1. Đào tạo tại chỗ",
        "2. Thu hút chuyên gia",
        "Nơi nhận:",
        "- Lưu: VT.",
        "KT. THỦ TƯỚNG",
        "Phạm Văn A",
        "PHỤ LỤC",
        "STT\tTên nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
        "1\tĐiều tra nhu cầu\tBộ Khoa học và Công nghệ\tHằng năm",
        "2\tBan hành khung chương trình\tBộ Khoa học và Công nghệ\t2026",
        "3\tThu hút người Việt Nam ở nước ngoài\tBộ Ngoại giao\t2026",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["II.1", "II.2", "PL.1", "PL.2", "PL.3"]);
  });

  it("leaves out the closing articles: when the decision takes effect and who executes it", () => {
    const r = extract(
      [
        "I. NHIỆM VỤ",
        "1. Sở Y tế chủ trì tổ chức tập huấn.",
        "Điều 3. Điều khoản thi hành",
        "1. Quyết định này có hiệu lực kể từ ngày ký ban hành.",
        "2. Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này./.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["I.1"]);
  });

  it("reads a Quyết định whose plan sits in its articles: items of Điều 1, duties of the unit Điều 2 names", () => {
    const r = extract(
      [
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành Kế hoạch thời gian năm học 2024-2025 như sau:",
        "1. Tựu trường các cấp học: Ngày 26/8/2024 (thứ Hai).",
        "2. Hoàn thành tuyển sinh các lớp đầu cấp trước ngày 31/7/2025.",
        "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo",
        "1. Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch thời gian năm học 2024-2025 đúng quy định.",
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner, t.timeframe])).toEqual([
      ["Điều 1.1", "Giám đốc Sở Giáo dục và Đào tạo", "Ngày 26/8/2024"],
      ["Điều 1.2", "Giám đốc Sở Giáo dục và Đào tạo", "trước ngày 31/7/2025"],
      ["Điều 2.1", "Giám đốc Sở Giáo dục và Đào tạo", ""],
    ]);
  });

  it("leaves out the items that set days off, keeping the exams and milestones", () => {
    const r = extract(
      [
        "I. NHIỆM VỤ NĂM HỌC",
        "1. Thi tốt nghiệp trung học phổ thông theo quy định và hướng dẫn của Bộ Giáo dục và Đào tạo.",
        "2. Ngày nghỉ lễ, tết trong năm: Thực hiện theo quy định của Bộ Luật Lao động.",
        "3. Thời gian nghỉ phép năm của giáo viên được thực hiện trong thời gian nghỉ hè.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.code)).toEqual(["I.1"]);
    expect(r.provisions.filter((p) => p.daysOff).map((p) => p.code)).toEqual(["I.2", "I.3"]);
  });

  it("keeps ownerless content items as tasks when the plan has no Phụ lục table", () => {
    const r = extract(["II. NHIỆM VỤ", "1. Tăng cường công tác lãnh đạo", "2. Hoàn thiện thể chế"].join("\n"));
    expect(r.tasks.map((t) => t.code)).toEqual(["II.1", "II.2"]);
  });

  it("uses a plan-wide 'Thời gian thực hiện' for tasks without their own", () => {
    const r = extract(
      [
        "II. NỘI DUNG",
        "1. Tuyên truyền",
        "III. KINH PHÍ VÀ THỜI GIAN THỰC HIỆN",
        "1. Kinh phí: ngân sách.",
        "2. Thời gian thực hiện: Định kỳ hằng năm.",
      ].join("\n"),
    );
    expect(r.planTimeframe).toEqual({ text: "Định kỳ hằng năm", line: 5 });
    expect(r.tasks[0]).toMatchObject({ timeframe: "Định kỳ hằng năm", timeframeFrom: "plan" });
  });

  it("leaves 'thường xuyên' deep in a duty's sentence out of its timeframe", () => {
    const r = extract(
      [
        "II. NHIỆM VỤ",
        "1. Tăng cường trách nhiệm",
        "- Các Sở, ban, ngành nêu cao trách nhiệm trong việc chủ động, thường xuyên lãnh đạo, chỉ đạo.",
        "2. Tổ chức tuyên truyền, là nhiệm vụ thường xuyên, lâu dài của cả hệ thống chính trị.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => t.timeframe)).toEqual(["", ""]);
  });

  it("reads a deadline written 'quý II năm 2026' in a duty's wording", () => {
    const r = extract(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Công an tỉnh",
        "- Xử lý dứt điểm khai thác bằng tàu cuốc xong trong quý II năm 2026.",
      ].join("\n"),
    );
    expect(r.tasks[0]).toMatchObject({ timeframe: "trong quý II năm 2026", timeframeFrom: "wording" });
  });

  it("gives no one the plan when a unit only follows up how it is carried out", () => {
    const r = extract(
      [
        "II. NỘI DUNG",
        "1. Rà soát danh mục bí mật nhà nước.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao Công an tỉnh chủ trì phối hợp với Văn phòng UBND tỉnh giúp Chủ tịch UBND tỉnh hướng dẫn, đôn đốc, kiểm tra việc thực hiện kế hoạch này.",
      ].join("\n"),
    );
    expect(r.tasks[0]).toMatchObject({ code: "II.1", owner: "" });
  });

  it("takes a content item's owner from the units its sentence starts with", () => {
    const r = extract(
      [
        "II. NỘI DUNG",
        "1. Các sở, ban, ngành; UBND các huyện tiếp tục tổ chức tuyên truyền.",
        "2. Rà soát danh mục.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.owner, t.ownerFrom])).toEqual([
      ["Các sở, ban, ngành, UBND các huyện", "sentence"],
      ["", ""],
    ]);
  });

  it("lets a label block written after a run of unlabelled items close the whole run", () => {
    const r = extract(
      [
        "II. NỘI DUNG HOẠT ĐỘNG",
        "3. Giải quyết tranh chấp lao động",
        "3.1. Rà soát, kiện toàn các thiết chế.",
        "3.2. Tập huấn hòa giải viên.",
        "- Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh.",
        "- Thời gian thực hiện: Thực hiện thường xuyên hằng năm.",
        "4. Tuyên truyền",
        "4.1. Tuyên truyền trên báo.",
      ].join("\n"),
    );
    expect(r.tasks.map((t) => [t.code, t.owner, t.ownerFrom, t.timeframe])).toEqual([
      ["II.3.1", "Sở Lao động - Thương binh và Xã hội", "shared", "Thực hiện thường xuyên hằng năm"],
      ["II.3.2", "Sở Lao động - Thương binh và Xã hội", "item", "Thực hiện thường xuyên hằng năm"],
      ["II.4.1", "", "", ""],
    ]);
  });

  it("names an assignment item's owner as the plan writes its subject", () => {
    const r = extract(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các sở, ban, ngành; Ủy ban nhân dân các huyện và các cơ quan có liên quan chủ động xây dựng Kế hoạch.",
      ].join("\n"),
    );
    expect(r.tasks[0].owner).toBe("Các sở, ban, ngành; Ủy ban nhân dân các huyện và các cơ quan có liên quan");
  });

  it("reads 'thường xuyên' in a task's first sentence as its timeframe", () => {
    const r = extract(
      ["III. TỔ CHỨC THỰC HIỆN", "1. Sở Giáo dục và Đào tạo", "Đề nghị Sở thường xuyên cung cấp thông tin."].join("\n"),
    );
    expect(r.tasks[0]).toMatchObject({ timeframe: "Thường xuyên", timeframeFrom: "wording" });
  });
});

describe("readLabels", () => {
  it("splits 'X chủ trì, phối hợp với Y' and reads '(phối hợp với …)'", () => {
    expect(
      readLabels([{ text: "- Đơn vị thực hiện: Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn", line: 1 }]),
    ).toMatchObject({ owner: "Văn phòng Sở", coordinator: "các phòng chuyên môn" });
    expect(
      readLabels([{ text: "1.3. Hướng dẫn các đơn vị (phối hợp với Sở Thông tin và Truyền thông).", line: 2 }]),
    ).toEqual({ coordinator: "Sở Thông tin và Truyền thông" });
  });

  it("keeps a unit list joined by ';' whole and still splits at the next label", () => {
    expect(
      readLabels([{ text: "- Cơ quan thực hiện: Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố.", line: 1 }]),
    ).toMatchObject({ owner: "Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố" });
    expect(readLabels([{ text: "Đơn vị thực hiện: Văn phòng Sở; Thời gian: Quý I/2024", line: 1 }])).toMatchObject({
      owner: "Văn phòng Sở",
      timeframe: "Quý I/2024",
    });
  });

  it("reads the unit of an owner label that goes on into the duty", () => {
    expect(
      readLabels([
        {
          text: "- Cơ quan thực hiện: Sở Thông tin và Truyền thông đôn đốc, hướng dẫn các đơn vị, địa phương triển khai thực hiện.",
          line: 1,
        },
      ]),
    ).toMatchObject({ owner: "Sở Thông tin và Truyền thông" });
  });
});

describe("classifyPart", () => {
  it("tells the articles of a Quyết định apart by what they do", () => {
    expect(classifyPart("Ban hành Kế hoạch thời gian năm học như sau", "Điều 1")).toBe("tasks");
    expect(classifyPart("Giao Giám đốc Sở Giáo dục và Đào tạo", "Điều 2")).toBe("assignments");
    expect(classifyPart("Quyết định này có hiệu lực thi hành kể từ ngày ký", "Điều 3")).toBe("other");
  });

  it("tells content, assignment, regime, time and other parts apart", () => {
    expect(classifyPart("NỘI DUNG VÀ HÌNH THỨC")).toBe("tasks");
    expect(classifyPart("CÁC NHIỆM VỤ TRỌNG TÂM")).toBe("tasks");
    expect(classifyPart("TỔ CHỨC THỰC HIỆN")).toBe("assignments");
    expect(classifyPart("CHẾ ĐỘ BÁO CÁO")).toBe("regime");
    expect(classifyPart("KINH PHÍ VÀ THỜI GIAN THỰC HIỆN")).toBe("time");
    expect(classifyPart("MỤC ĐÍCH, YÊU CẦU")).toBe("other");
    expect(classifyPart("VỐN ĐẦU TƯ")).toBe("other");
    expect(classifyPart("NGUỒN VỐN THỰC HIỆN")).toBe("other");
  });
});

describe("codeRefs", () => {
  it("lists the task codes a sentence refers to", () => {
    expect(codeRefs("Chủ trì thực hiện các nhiệm vụ tại mục II.1, II.3 và III.2.a.")).toEqual([
      "II.1",
      "II.3",
      "III.2.a",
    ]);
    expect(codeRefs("Thực hiện tốt Kế hoạch.")).toEqual([]);
  });
});
