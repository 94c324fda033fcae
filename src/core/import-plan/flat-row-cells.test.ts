/** Tests for cutting a flattened PDF table row's short fragments into cells. */
import { describe, expect, it } from "vitest";
import { cutCells, gapScore, isCutShort, isTimeCell, takeTime } from "./flat-row-cells.js";

describe("isTimeCell", () => {
  it("reads a time given on request", () => {
    expect(isTimeCell("Theo yêu cầu của cấp có thẩm quyền")).toBe(true);
  });

  it("reads the ways a time cell opens", () => {
    for (const s of ["Quý IV/2026", "Thường xuyên", "Từ quý II/2027", "Nhiệm vụ thường xuyên", "Tháng 3/2027", "2025"])
      expect(isTimeCell(s), s).toBe(true);
  });

  it("refuses a cell that only mentions a time after other words", () => {
    expect(isTimeCell("Kế hoạch/hoạt động hằng năm")).toBe(false);
    expect(isTimeCell("Các hoạt động, văn bản phối hợp Thường xuyên")).toBe(false);
    expect(isTimeCell("xuyên")).toBe(false);
  });
});

describe("gapScore", () => {
  it("opens a new cell at 'Các' alone on its line, and keeps the list it opens together", () => {
    expect(gapScore("giao", "Các")).toBeGreaterThan(0);
    expect(gapScore("Các", "Bộ,")).toBeLessThan(0);
  });

  it("sees a new cell where a unit's name starts after a complete one", () => {
    expect(gapScore("Bộ Tài chính", "Bộ Khoa học và")).toBeGreaterThan(0);
    expect(gapScore("dân các cấp", "Các cơ quan, tổ")).toBeGreaterThan(0);
  });

  it("keeps a name broken after a comma, a hanging word or a lower-case start", () => {
    expect(gapScore("Trung ương,", "Ủy ban nhân")).toBeLessThan(0);
    expect(gapScore("Bộ Khoa học và", "Công nghệ")).toBeLessThan(0);
    expect(gapScore("trình", "Hội")).toBeLessThan(0);
    expect(gapScore("Bộ Tài chính, Bộ", "Tư pháp, các bộ,")).toBeLessThan(0);
    expect(gapScore("Ủy ban nhân", "dân cấp tỉnh")).toBeLessThan(0);
  });
});

describe("takeTime", () => {
  it("takes a long 'Thực hiện thường xuyên, lồng ghép …' cell broken one word a line", () => {
    const time =
      "Thực hiện thường xuyên, lồng ghép trong nhiệm vụ thường xuyên về tuyên truyền trong công tác an ninh.".split(
        " ",
      );
    expect(takeTime(["Hội nghị, tập huấn,", "báo cáo.", ...time])).toEqual({
      rest: ["Hội nghị, tập huấn,", "báo cáo."],
      time: time.join(" "),
    });
  });

  it("takes the shortest tail that reads as a time, over several lines", () => {
    expect(takeTime(["Bộ Y tế", "Bộ, cơ quan", "Từ", "quý", "III/2026", "đến", "quý III/2030"])).toEqual({
      rest: ["Bộ Y tế", "Bộ, cơ quan"],
      time: "Từ quý III/2026 đến quý III/2030",
    });
    expect(takeTime(["Nhiệm vụ được", "triển khai", "Nhiệm vụ thường", "xuyên"]).time).toBe("Nhiệm vụ thường xuyên");
    expect(takeTime(["Kế", "hoạch/hoạt", "động hằng năm", "Thường xuyên"]).time).toBe("Thường xuyên");
  });

  it("splits a time glued to the cell before it on one line", () => {
    expect(takeTime(["Các hoạt động,", "văn bản phối hợp Thường xuyên"])).toEqual({
      rest: ["Các hoạt động,", "văn bản phối hợp"],
      time: "Thường xuyên",
    });
  });

  it("leaves every fragment when there is no time", () => {
    expect(takeTime(["Bộ Y tế", "Nghị quyết"])).toEqual({ rest: ["Bộ Y tế", "Nghị quyết"], time: "" });
  });
});

describe("cutCells", () => {
  it("ends the first cell at the first likely gap, whatever gaps score higher later", () => {
    const frags = ["Bộ Khoa học và", "Công nghệ", "Bộ Công Thương;", "Bộ Ngoại giao;", "Hệ sinh thái được"];
    expect(cutCells(frags, 3)[0]).toBe("Bộ Khoa học và Công nghệ");
  });

  it("gives each line its own cell when there are no more lines than cells", () => {
    expect(cutCells(["Bộ Khoa học và", "Cơ quan, tổ chức", "Tiêu chuẩn, quy"], 3)).toEqual([
      "Bộ Khoa học và",
      "Cơ quan, tổ chức",
      "Tiêu chuẩn, quy",
    ]);
  });

  it("keeps every word, in order", () => {
    const frags = [
      "Các",
      "bộ",
      "ở",
      "Trung ương,",
      "Ủy ban nhân",
      "dân cấp tỉnh ở",
      "địa phương",
      "Các cơ quan, tổ",
      "chức.",
    ];
    const cells = cutCells(frags, 3);
    expect(cells.join(" ")).toBe(frags.join(" "));
    expect(cells[0]).toBe("Các bộ ở Trung ương, Ủy ban nhân dân cấp tỉnh ở địa phương");
  });
});

describe("isCutShort", () => {
  it("tells a name cut at a page break from a whole one", () => {
    expect(isCutShort("Bộ Khoa học và")).toBe(true);
    expect(isCutShort("Bộ Tài chính,")).toBe(true);
    expect(isCutShort("Bộ Tài chính")).toBe(false);
  });
});
