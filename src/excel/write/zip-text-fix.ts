/**
 * exceljs's .xlsx writer under Node, packed by Node's zlib. exceljs hands JSZip each XML part
 * as a string; JSZip encodes strings to UTF-8 in 16,384-character blocks, so an emoji (a
 * surrogate pair) straddling a block boundary is written as two replacement characters; and
 * JSZip deflates in JavaScript (pako), which in a fresh process costs more than building the
 * report. Here each part is encoded whole to bytes and the zip is made by `zipFiles` below (native
 * zlib). Node only (the Apps Script bundle uses exceljs's browser build, which already encodes
 * first): import this module once in the Node entry point, before anything writes a workbook.
 */
// @ts-expect-error exceljs ships no types for its internals.
import zipStream from "exceljs/lib/utils/zip-stream.js";
import zlib from "node:zlib";

/** CRC-32 (IEEE) of `data`: Node's own where it has one (20.15+), otherwise a table. */
const crc32: (data: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (data) => (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32(data)
    : tableCrc32;

let table: Uint32Array | undefined;
function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of data) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00 in MS-DOS form: a fixed time keeps the bytes identical for identical content. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const UTF8_FLAG = 0x0800;

/**
 * A zip of `files` (name → bytes), each deflated at zlib's default level, in the given order;
 * the layout of PKWARE's APPNOTE (local headers, central directory, end record), no zip64,
 * which the 4 GB an .xlsx part could need is far above.
 */
function zipFiles(files: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = zlib.deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(UTF8_FLAG, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

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
