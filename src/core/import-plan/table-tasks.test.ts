/** Tests for reading task tables. */
import { describe, expect, it } from "vitest";
import { normalizeLines } from "./normalize-lines.js";
import { readHeader, readTaskTables } from "./table-tasks.js";

describe("readTaskTables", () => {
  it("numbers lettered rows under the numbered row above them, which is a group row", () => {
    const rows = readTaskTables(
      normalizeLines(
        [
          "TT\tNội dung hoạt động\tCơ quan chủ trì\tThời gian thực hiện",
          "1\tTổ chức tuyên truyền\t\t",
          "a)\tTổ chức Hội nghị\tCục Lâm nghiệp\tQuý III/2026",
          "b)\tTổ chức hội thảo\tCục Lâm nghiệp\tQuý IV/2026",
          "2\tHuy động nguồn lực\tCục Kiểm lâm\tThường xuyên",
        ].join("\n"),
      ),
    );
    expect(rows.map((r) => r.number)).toEqual(["1.a", "1.b", "2"]);
  });

  const text = [
    "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện",
    "I\tCông tác tuyên truyền",
    "1\tTổ chức cuộc thi tìm hiểu pháp luật\tPhòng Giáo dục Trung học\tCác trường THPT\tQuý II/2024",
    "2\tĐăng tin, bài trên Cổng thông tin\tVăn phòng Sở\t\tThường xuyên",
    "II\tCông tác kiểm tra",
    "1\tKiểm tra việc thực hiện\tThanh tra Sở\t\tTháng 11/2024",
    "Ghi chú: các đơn vị báo cáo theo mẫu.",
    "3\tDòng không thuộc bảng\tAi đó\t\tQuý I",
  ].join("\n");

  it("reads rows with their section, owner, coordinator and timeframe, keeping empty cells aligned", () => {
    expect(readTaskTables(normalizeLines(text))).toEqual([
      {
        line: 3,
        number: "1",
        section: "I",
        content: "Tổ chức cuộc thi tìm hiểu pháp luật",
        owner: "Phòng Giáo dục Trung học",
        coordinator: "Các trường THPT",
        timeframe: "Quý II/2024",
      },
      {
        line: 4,
        number: "2",
        section: "I",
        content: "Đăng tin, bài trên Cổng thông tin",
        owner: "Văn phòng Sở",
        coordinator: "",
        timeframe: "Thường xuyên",
      },
      {
        line: 6,
        number: "1",
        section: "II",
        content: "Kiểm tra việc thực hiện",
        owner: "Thanh tra Sở",
        coordinator: "",
        timeframe: "Tháng 11/2024",
      },
    ]);
  });

  it("skips the row that numbers the columns under the header", () => {
    const rows = readTaskTables(
      normalizeLines(
        [
          "TT\tTên nhiệm vụ\tSở, ngành chủ trì tham mưu\tĐơn vị phối hợp thực hiện\tThời gian thực hiện\tGhi chú",
          "\t(1)\t(2)\t(3)\t(4)\t(5)",
          "1\tTổ chức quán triệt Chỉ thị\tCác Sở, ban, ngành\tCác địa phương\tXong trong Quý II/2026\t",
        ].join("\n"),
      ),
    );
    expect(rows.map((r) => [r.number, r.owner, r.timeframe])).toEqual([
      ["1", "Các Sở, ban, ngành", "Xong trong Quý II/2026"],
    ]);
  });

  it("ignores tab-separated lines without a task-table header", () => {
    expect(
      readTaskTables(
        normalizeLines("UBND THÀNH PHỐ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/KH\tHà Nội, ngày 1 tháng 1 năm 2024"),
      ),
    ).toEqual([]);
  });
});

describe("readTaskTables on group rows", () => {
  it("drops a numbered row without unit or time that heads the rows below it", () => {
    const text = [
      "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian thực hiện",
      "1\tRà soát, hoàn thiện thể chế\t\t",
      "1.1\tRà soát quy định\tBộ Tài chính\tQuý IV/2026",
      "2\tTổ chức diễn đàn\t\t",
    ].join("\n");
    expect(readTaskTables(normalizeLines(text)).map((r) => r.number)).toEqual(["1.1", "2"]);
  });
});

describe("readHeader", () => {
  it("tells timeframe, owner and content columns apart", () => {
    expect(readHeader(["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Thời gian thực hiện"])).toEqual([
      "number",
      "content",
      "owner",
      "timeframe",
    ]);
    expect(readHeader(["Họ và tên", "Chức vụ"])).toBeNull();
  });
});
