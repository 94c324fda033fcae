import { beforeAll, describe, expect, it } from "vitest";
import { DETAIL_IN_APPENDIX } from "../core/report/report-model.js";
import { vnNumber } from "../core/vn/show.js";
import {
  all,
  kids,
  type OpenedDocx,
  openDocx,
  runsHave,
  sizesOf,
  tableCells,
  tableTexts,
  textOf,
  val,
  W,
} from "../../test/support/docx-read.js";
import { sampleReport } from "../../test/support/sample-report.js";
import { writeReportDocx } from "./write-report-docx.js";

const { template: t, result, model } = sampleReport();
let doc: OpenedDocx;

beforeAll(async () => {
  doc = openDocx(await writeReportDocx(model));
});

const isTable = (e: Element) => e.localName === "tbl";
const paragraphs = () => doc.blocks.filter((b) => !isTable(b));
const find = (text: string) => paragraphs().find((p) => textOf(p) === text)!;
const twips = (e: Element, attr: string) => Number(e.getAttributeNS(W, attr));

describe("writeReportDocx", () => {
  it("lays the page out as A4 portrait with the decree's margins, in twentieths of a point", () => {
    const size = kids(doc.sectPr, "pgSz")[0];
    expect([twips(size, "w"), twips(size, "h")]).toEqual([11906, 16838]);
    expect(size.getAttributeNS(W, "orient")).toBe("portrait");
    const m = kids(doc.sectPr, "pgMar")[0];
    const mm = (x: number) => Math.round((x * 1440) / 25.4);
    expect(twips(m, "top")).toBeGreaterThanOrEqual(mm(20));
    expect(twips(m, "top")).toBeLessThanOrEqual(mm(25));
    expect(twips(m, "bottom")).toBeGreaterThanOrEqual(mm(20));
    expect(twips(m, "bottom")).toBeLessThanOrEqual(mm(25));
    expect(twips(m, "left")).toBeGreaterThanOrEqual(mm(30));
    expect(twips(m, "left")).toBeLessThanOrEqual(mm(35));
    expect(twips(m, "right")).toBeGreaterThanOrEqual(mm(15));
    expect(twips(m, "right")).toBeLessThanOrEqual(mm(20));
  });

  it("writes every run and the default style in Times New Roman", () => {
    const fonts = all(doc.document, "rFonts").map((f) => f.getAttributeNS(W, "ascii"));
    expect(fonts.length).toBeGreaterThan(100);
    expect(new Set(fonts)).toEqual(new Set(["Times New Roman"]));
    const defaults = all(all(doc.styles, "docDefaults")[0] as Element, "rFonts")[0];
    expect(defaults.getAttributeNS(W, "ascii")).toBe("Times New Roman");
    expect(all(all(doc.styles, "docDefaults")[0] as Element, "lang")[0].getAttributeNS(W, "val")).toBe("vi-VN");
  });

  it("opens with a borderless two-column header table: issuer on the left, Quốc hiệu on the right", () => {
    const header = doc.blocks[0];
    expect(isTable(header)).toBe(true);
    const borders = kids(kids(header, "tblPr")[0], "tblBorders")[0];
    const sides = ["top", "left", "bottom", "right", "insideH", "insideV"].map((x) => kids(borders, x)[0]);
    for (const side of sides) expect(side.getAttributeNS(W, "val")).toBe("none");
    const [[left, right], [number, placeDate]] = tableCells(header);
    expect(left.map(textOf).filter(Boolean)).toEqual(["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]);
    expect(runsHave(left[0], "b")).toBe(false);
    expect(runsHave(left[1], "b")).toBe(true);
    // The short rule under the issuer: an empty paragraph with a bottom border, narrower than the column.
    expect(textOf(left[2])).toBe("");
    expect(all(left[2], "bottom")[0].getAttributeNS(W, "val")).toBe("single");
    expect(twips(all(left[2], "ind")[0], "left")).toBeGreaterThan(0);
    expect(textOf(number[0])).toMatch(/^Số:\s+\/BC-SGDĐT$/);
    expect(right.map(textOf).filter(Boolean)).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(runsHave(right[0], "b") && runsHave(right[1], "b")).toBe(true);
    expect(all(right[2], "bottom")).toHaveLength(1);
    // The date is left for the clerk: place and year only, in italics.
    expect(textOf(placeDate[0])).toMatch(/^Hải Phòng, ngày\s+tháng\s+năm 2023$/);
    expect(runsHave(placeDate[0], "i")).toBe(true);
    // Sizes within Nghị định 30/2020's ranges for each line.
    const within = (p: Element, lo: number, hi: number) =>
      sizesOf(p).forEach((s) => expect(s >= lo && s <= hi, textOf(p)).toBe(true));
    within(left[0], 12, 13);
    within(left[1], 12, 13);
    within(number[0], 13, 13);
    within(right[0], 12, 13);
    within(right[1], 13, 14);
    within(placeDate[0], 13, 14);
  });

  it("titles the document BÁO CÁO with the trích yếu under it, bold and centred", () => {
    const title = find("BÁO CÁO");
    const subject = paragraphs()[paragraphs().indexOf(title) + 1];
    expect(textOf(subject)).toBe(model.subject);
    for (const p of [title, subject]) {
      expect(runsHave(p, "b")).toBe(true);
      expect(val(p, "jc")).toBe("center");
    }
  });

  it("writes sections I–V in order, each table after its heading, with the totals in Vietnamese notation", () => {
    const texts = doc.blocks.map((b) => (isTable(b) ? "<table>" : textOf(b)));
    const at = model.sections.map((s) => texts.indexOf(s.heading));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(texts.indexOf(model.intro)).toBeLessThan(at[0]);
    expect(texts.indexOf(model.closing)).toBeGreaterThan(at[4]);
    // Section II's table: the indicators' totals as UBND reads them (3.047; 505,5).
    const ii = doc.blocks.slice(at[1], at[2]).find(isTable)!;
    const rows = tableTexts(ii);
    expect(rows[0].slice(0, 4)).toEqual(["STT", "Chỉ tiêu", "ĐVT", "Tổng số"]);
    const shown = t.indicators.flatMap((ind, i) =>
      ind.aggregate === "sum" && result.totals[i].total !== null ? [vnNumber(result.totals[i].total!)] : [],
    );
    const column = rows.map((r) => r[3]);
    for (const s of shown) expect(column).toContain(s);
    expect(shown.some((s) => /^\d{1,3}(\.\d{3})+$/.test(s))).toBe(true);
    expect(shown.some((s) => /,\d/.test(s))).toBe(true);
    // The per-unit figures travel as Phụ lục I of the workbook, and the text says so.
    expect(texts.slice(at[1], at[2])).toContain(DETAIL_IN_APPENDIX);
  });

  it("justifies body paragraphs with a first-line indent, at least 6 pt after and single to 1.5 lines", () => {
    for (const text of [model.intro, model.closing, ...model.sections[0].paragraphs]) {
      const p = find(text);
      expect(val(p, "jc")).toBe("both");
      expect(twips(all(p, "ind")[0], "firstLine")).toBeGreaterThanOrEqual(567);
      const spacing = all(p, "spacing")[0];
      expect(twips(spacing, "after")).toBeGreaterThanOrEqual(120);
      expect(twips(spacing, "line")).toBeGreaterThanOrEqual(240);
      expect(twips(spacing, "line")).toBeLessThanOrEqual(360);
      for (const s of sizesOf(p)) expect(s === 13 || s === 14).toBe(true);
    }
  });

  it("ends with Nơi nhận (bold italic 12, items 11) beside the signing block", () => {
    const last = doc.blocks.at(-1)!;
    expect(isTable(last)).toBe(true);
    const [[left, right]] = tableCells(last);
    expect(textOf(left[0])).toBe("Nơi nhận:");
    expect(runsHave(left[0], "b") && runsHave(left[0], "i")).toBe(true);
    expect(sizesOf(left[0])).toEqual([12]);
    const items = left.slice(1);
    expect(items.map(textOf)).toEqual(model.recipientLines);
    for (const p of items) {
      expect(textOf(p)).toMatch(/^- /);
      expect(sizesOf(p)).toEqual([11]);
    }
    const lines = right.map(textOf);
    expect(lines[0]).toBe("KT. GIÁM ĐỐC");
    expect(lines[1]).toBe("PHÓ GIÁM ĐỐC");
    expect(lines.at(-1)).toBe(model.signer.name);
    expect(lines.slice(2, -1).every((x) => x === "")).toBe(true);
    expect(lines.length - 3).toBeGreaterThanOrEqual(3);
    for (const p of [right[0], right[1], right.at(-1)!]) expect(runsHave(p, "b")).toBe(true);
  });

  it("numbers pages centred in the top margin, except the first page", () => {
    const titlePg = kids(doc.sectPr, "titlePg");
    expect(titlePg).toHaveLength(1);
    expect(["", "true", "1", "on"]).toContain(titlePg[0].getAttributeNS(W, "val") ?? "");
    const fieldOf = (d: Document) =>
      [
        ...all(d, "instrText").map((x) => x.textContent ?? ""),
        ...all(d, "fldSimple").map((x) => x.getAttributeNS(W, "instr") ?? ""),
      ].join(" ");
    expect(fieldOf(doc.headers.default)).toMatch(/\bPAGE\b/);
    expect(val(all(doc.headers.default, "p")[0], "jc")).toBe("center");
    expect(doc.headers.first).toBeDefined();
    expect(fieldOf(doc.headers.first)).not.toMatch(/\bPAGE\b/);
  });

  it("is editable text: no text boxes, drawings or pictures", () => {
    for (const name of ["txbxContent", "drawing", "pict", "object"]) expect(all(doc.document, name)).toHaveLength(0);
  });
});
