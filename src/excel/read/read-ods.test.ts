import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isOds, readOds } from "./read-ods.js";

/** An .ods file as LibreOffice lays it out: the stored mimetype first, then content and meta. */
function ods(tables: string, meta = "<dc:date>2023-05-04T03:15:00.123456789</dc:date>"): Uint8Array {
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": strToU8(
      `<?xml version="1.0"?><office:document-content><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
    ),
    "meta.xml": strToU8(`<office:document-meta><office:meta>${meta}</office:meta></office:document-meta>`),
  });
}

const row = (cells: string, attrs = "") => `<table:table-row${attrs}>${cells}</table:table-row>`;

describe("readOds", () => {
  const file = ods(
    `<table:table table:name="Số liệu &amp; kỳ"><table:table-column/>` +
      row(
        `<table:table-cell office:value-type="string"><text:p>ma<text:s text:c="2"/>don</text:p><text:p>vi</text:p></table:table-cell>` +
          `<table:table-cell table:number-columns-repeated="2"/>` +
          `<table:table-cell office:value-type="float" office:value="1234"><text:p>1.234</text:p></table:table-cell>`,
        ' table:visibility="collapse"',
      ) +
      row(`<table:table-cell/>`, ' table:number-rows-repeated="2"') +
      row(
        `<table:table-cell office:value-type="date" office:date-value="2023-04-02T10:30:00"><text:p>02/04/23</text:p></table:table-cell>` +
          `<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>` +
          `<table:table-cell office:value-type="float" office:value="0" calcext:value-type="error" table:formula="of:=1/0"><text:p>#DIV/0!</text:p></table:table-cell>` +
          `<table:table-cell office:value-type="string" table:number-columns-spanned="2" table:number-rows-spanned="2"><office:annotation><text:p>ghi chú</text:p></office:annotation><text:p>0912345678</text:p></table:table-cell>` +
          `<table:covered-table-cell office:value-type="string"><text:p>ẩn</text:p></table:covered-table-cell>`,
      ) +
      row(`<table:table-cell/>`, ' table:number-rows-repeated="1048570"') +
      `</table:table>`,
  );
  it("recognises an OpenDocument spreadsheet by its mimetype", () => {
    expect(isOds(file)).toBe(true);
    expect(isOds(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }))).toBe(false);
  });
  it("reads typed values, repeats, spans and text as the .xlsx readers hand them", () => {
    const [s] = readOds(file, "a.ods");
    expect(s.name).toBe("Số liệu & kỳ");
    expect(s.grid).toEqual([
      ["ma  don\nvi", undefined, undefined, 1234],
      [],
      [],
      [new Date(Date.UTC(2023, 3, 2, 10, 30)), true, { error: "#DIV/0!" }, "0912345678"],
    ]);
    expect(s.problems.map((p) => p.value)).toEqual(["D4:E5"]);
  });
  it("takes the save time from meta.xml as Vietnam wall-clock time", () => {
    expect(readOds(file, "a.ods")[0].savedAt).toBe("2023-05-04T10:15:00");
  });
  it("refuses a file that is not an OpenDocument spreadsheet, by name", () => {
    expect(() => readOds(strToU8("not a zip"), "b.ods")).toThrow(/Không đọc được b\.ods/);
  });
});
