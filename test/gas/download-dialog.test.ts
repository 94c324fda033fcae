import { describe, expect, it } from "vitest";
import { dialogFiles } from "./support/read-back.js";
import { renderDownloadDialog, XLSX_MIME } from "../../src/gas/ui/download-dialog.js";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

describe("renderDownloadDialog", () => {
  it("embeds every file's bytes with one button each, in order, and never calls the server", () => {
    const html = renderDownloadDialog({
      files: [
        { label: "Báo cáo (Word)", fileName: "Bao-cao.docx", mimeType: DOCX_MIME, base64: b64("word bytes") },
        { label: "Phụ lục (Excel)", fileName: 'Phu-luc "1".xlsx', mimeType: XLSX_MIME, base64: b64("excel bytes") },
      ],
      summary: ["Kỳ báo cáo: Quý I năm 2024."],
    });
    expect(html).not.toContain("google.script.run");
    expect([...html.matchAll(/<button type="button" data-file="(\d)">([^<]*)</g)].map((m) => [m[1], m[2]])).toEqual([
      ["0", "Tải Báo cáo (Word)"],
      ["1", "Tải Phụ lục (Excel)"],
    ]);
    const files = dialogFiles(html);
    expect(files.map((f) => [f.fileName, f.mimeType, Buffer.from(f.base64, "base64").toString()])).toEqual([
      ["Bao-cao.docx", DOCX_MIME, "word bytes"],
      ['Phu-luc "1".xlsx', XLSX_MIME, "excel bytes"],
    ]);
  });

  it("refuses what could break out of the page: a bad MIME type or base64", () => {
    const file = { label: "x", fileName: "a.xlsx", mimeType: XLSX_MIME, base64: b64("a") };
    expect(() => renderDownloadDialog({ files: [{ ...file, mimeType: 'x"><script>' }], summary: [] })).toThrow();
    expect(() => renderDownloadDialog({ files: [{ ...file, base64: '"><script>' }], summary: [] })).toThrow();
    expect(() => renderDownloadDialog({ files: [], summary: [] })).toThrow();
  });
});
