/**
 * exceljs's .xlsx writer under Node, packed by Node's zlib. exceljs hands JSZip each XML part
 * as a string; JSZip encodes strings to UTF-8 in 16,384-character blocks, so an emoji (a
 * surrogate pair) straddling a block boundary is written as two replacement characters; and
 * JSZip deflates in JavaScript (pako), which in a fresh process costs more than building the
 * report. Here each part is encoded whole to bytes and the zip is made by `zipFiles` (native
 * zlib). Node only (the Apps Script bundle uses exceljs's browser build, which already encodes
 * first): import this module once in the Node entry point, before anything writes a workbook.
 */
// @ts-expect-error exceljs ships no types for its internals.
import zipStream from "exceljs/lib/utils/zip-stream.js";
import { zipFiles } from "./node-zip.js";

/** What exceljs's ZipWriter is, as far as this module uses it. */
interface ZipWriterProto {
  append(data: unknown, options: { name: string; base64?: boolean }): void;
  finalize(): Promise<void>;
  utf8BytesFixed?: boolean;
}

/** Fields this module keeps on each writer. */
interface PatchedWriter {
  entries?: [string, Uint8Array][];
  stream: { end(chunk: Uint8Array): void };
  emit(event: string): boolean;
}

const utf8 = new TextEncoder();

/** The bytes exceljs means by `data`: a string part, base64 media, or bytes. */
function bytesOf(data: unknown, base64: boolean | undefined): Uint8Array {
  if (typeof data === "string") return base64 ? Buffer.from(data, "base64") : utf8.encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError(`zip-text-fix: unexpected part type ${Object.prototype.toString.call(data)}`);
}

const proto = (zipStream as { ZipWriter: { prototype: ZipWriterProto } }).ZipWriter.prototype;
if (!proto.utf8BytesFixed) {
  proto.append = function (this: PatchedWriter, data, options) {
    (this.entries ??= []).push([options.name, bytesOf(data, options.base64)]);
  };
  proto.finalize = async function (this: PatchedWriter) {
    this.stream.end(zipFiles(this.entries ?? []));
    this.emit("finish");
  };
  proto.utf8BytesFixed = true;
}

/** True once exceljs writes XML parts as bytes through Node's zlib (for tests). */
export const zipTextFixed = (): boolean => proto.utf8BytesFixed === true;
