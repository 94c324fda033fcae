/** Tests for turning mammoth's HTML of a .docx into plan text. */
import { describe, expect, it } from "vitest";
import { docxHtmlToText } from "./docx-html.js";

const lines = (html: string) => docxHtmlToText(html).split("\n").filter(Boolean);

describe("docxHtmlToText", () => {
  it("keeps paragraphs as lines and decodes entities", () => {
    expect(lines("<p>KẾ HOẠCH</p><p>Phòng GD&amp;ĐT</p>")).toEqual(["KẾ HOẠCH", "Phòng GD&ĐT"]);
  });

  it("writes a task table as tab-separated rows, whatever the column order", () => {
    const html =
      "<table><tr><td><p>Thời gian</p></td><td><p>STT</p></td><td><p>Nội dung</p></td><td><p>Đơn vị chủ trì</p></td></tr>" +
      "<tr><td><p>Quý I/2024</p></td><td><p>1</p></td><td><p>Tập huấn</p><p>cán bộ</p></td><td><p>Sở Y tế</p></td></tr></table>";
    expect(lines(html)).toEqual([
      "Thời gian\tSTT\tNội dung\tĐơn vị chủ trì",
      "Quý I/2024\t1\tTập huấn cán bộ\tSở Y tế",
    ]);
  });

  it("keeps columns aligned under a merged cell", () => {
    const html =
      "<table><tr><td>STT</td><td>Nội dung</td><td>Chủ trì</td></tr>" +
      '<tr><td>1</td><td>Việc một</td><td rowspan="2">Sở A</td></tr><tr><td>2</td><td>Việc hai</td></tr></table>';
    expect(lines(html)[2].split("\t")).toEqual(["2", "Việc hai", ""]);
  });

  it("reads any other table cell by cell (the header block)", () => {
    const html =
      "<table><tr><td><p>ỦY BAN NHÂN DÂN TỈNH A</p><p>SỞ Y TẾ</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr></table>";
    expect(lines(html)).toEqual(["ỦY BAN NHÂN DÂN TỈNH A", "SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
  });

  it("numbers Word's numbered lists and bullets its bulleted ones", () => {
    expect(lines("<ol><li>Một<ol><li>Con</li></ol></li><li>Hai</li></ol><ul><li>Gạch</li></ul>")).toEqual([
      "1. Một",
      "1.1. Con",
      "2. Hai",
      "- Gạch",
    ]);
  });
});
