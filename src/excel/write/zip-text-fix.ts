/**
 * Keeps emoji whole in every .xlsx exceljs writes under Node. exceljs hands JSZip each XML
 * part as a string; JSZip encodes strings to UTF-8 in 16,384-character blocks, so an emoji (a
 * surrogate pair) straddling a block boundary is written as two replacement characters.
 * Handing JSZip the bytes instead avoids the split. Node only (the Apps Script bundle uses
 * exceljs's browser build, which already encodes first): import this module once in the
 * Node entry point, before anything writes a workbook.
 */
// @ts-expect-error exceljs ships no types for its internals.
import zipStream from "exceljs/lib/utils/zip-stream.js";

interface ZipWriterProto {
  append(data: unknown, options: unknown): unknown;
  utf8BytesFixed?: boolean;
}

const proto = (zipStream as { ZipWriter: { prototype: ZipWriterProto } }).ZipWriter.prototype;
if (!proto.utf8BytesFixed) {
  const append = proto.append;
  const utf8 = new TextEncoder();
  proto.append = function (this: unknown, data: unknown, options: unknown) {
    return append.call(this, typeof data === "string" ? utf8.encode(data) : data, options);
  };
  proto.utf8BytesFixed = true;
}

/** True once exceljs writes XML parts as bytes (for tests). */
export const zipTextFixed = (): boolean => proto.utf8BytesFixed === true;
