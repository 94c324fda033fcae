/**
 * A fast reader of cell values only, for the many small files units email in. exceljs builds
 * a full workbook model (styles, validations, formatting) per file; consolidating hundreds of
 * one-row files only needs the values, so this reads the sheet XML directly. A number in a
 * date-formatted cell becomes a `Date` exactly as exceljs makes it (same format test, same
 * 1904 offset), so both readers hand the core identical cells. Anything it does not
 * understand throws, and the caller falls back to the exceljs reader.
 *
 * Speed, for a folder of files made from one template: only the parts that hold values are
 * inflated (workbook, its relationships, shared strings, styles, the worksheets, and the
 * small core properties for the save time; never the theme); a worksheet is inflated only up to its merged-cell list,
 * never through the validations and highlighting rules that follow it; and the workbook,
 * relationships, styles and instructions-sheet parts, which are byte-for-byte the same in
 * every file of the folder, are inflated and parsed once (see {@link SameBytesCache}).
 */
import { inflateSync, strFromU8 } from "fflate";
import type { CellValue, Grid } from "../../core/model/cell.js";
import { serialToWallClock } from "../../core/vn/dates.js";
import type { Problem } from "../../core/model/problem.js";
import { savedAtFromCoreXml } from "./saved-at.js";
import { mergedProblem, type SheetGrid } from "./sheet-grid.js";

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes XML text as an XML parser does: line ends normalised to "\n" (a literal CR never
 * survives parsing; an encoded &#13; does), then character and entity references.
 */
export function decodeXml(raw: string): string {
  const s = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
  );
}

/** Excel writes characters XML cannot hold as "_x000D_"; exceljs decodes them in text runs, so do we. */
function unescapeOoxml(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Text of every <t> inside `xml`, skipping phonetic runs. */
function texts(xml: string): string {
  // The common case, one plain run "<t>…</t>", without the regular expressions below.
  if (xml.startsWith("<t>") && xml.indexOf("<", 3) === xml.length - 4 && xml.endsWith("</t>"))
    return unescapeOoxml(decodeXml(xml.slice(3, -4)));
  let out = "";
  const clean = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += unescapeOoxml(decodeXml(m[1] ?? ""));
  return out;
}

/** The strings of a shared-strings part, in order: each <si>…</si> (or <si/>) as /<si>([\s\S]*?)<\/si>|<si\/>/g finds them. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (let at = xml.indexOf("<si"); at >= 0; at = xml.indexOf("<si", at + 3)) {
    const next = xml.charCodeAt(at + 3);
    if (next === 62) {
      const close = xml.indexOf("</si>", at + 4);
      if (close < 0) continue;
      out.push(texts(xml.slice(at + 4, close)));
      at = close + 2;
    } else if (next === 47 && xml.charCodeAt(at + 4) === 62) out.push("");
  }
  return out;
}

/** True for [A-Za-z0-9_], the characters a regular expression's \b sees as a word. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The value of attribute `name` in a tag's attribute text (as /\bname="([^"]*)"/ finds it). */
function attr(attrs: string, name: string): string | undefined {
  const pat = `${name}="`;
  for (let k = attrs.indexOf(pat); k >= 0; k = attrs.indexOf(pat, k + 1)) {
    if (k > 0 && isWordChar(attrs.charCodeAt(k - 1))) continue;
    const end = attrs.indexOf('"', k + pat.length);
    return end < 0 ? undefined : attrs.slice(k + pat.length, end);
  }
  return undefined;
}

/** Splits "B3" (or "$B$3") into 0-based row and column. */
function parseRef(ref: string): [number, number] {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  const start = i;
  let col = 0;
  for (let c = ref.charCodeAt(i); c >= 65 && c <= 90; c = ref.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === start) throw new Error(`bad cell ref ${ref}`);
  if (ref.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (let c = ref.charCodeAt(i); c >= 48 && c <= 57; c = ref.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i === digits || i !== ref.length) throw new Error(`bad cell ref ${ref}`);
  return [row - 1, col - 1];
}

/** Built-in number formats exceljs knows (ids 0–49 with one code); only date ones matter here. */
const BUILTIN_FORMATS: Record<number, string> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** The date test exceljs applies to a format code, so both readers agree on what is a date. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell style index (the `s` attribute), whether its number format is a date. */
export function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = /\bnumFmtId="(\d+)"/.exec(m[1])?.[1];
    const code = /\bformatCode="([^"]*)"/.exec(m[1])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), decodeXml(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    out.push(id !== 0 && isDateFormat(custom.get(id) ?? BUILTIN_FORMATS[id]));
  }
  return out;
}

/** How a sheet's numbers become dates: which styles are dates, and the workbook's epoch. */
interface DateRule {
  styles: readonly boolean[];
  date1904: boolean;
}

/**
 * Inflaters for raw DEFLATE data. The default is fflate's (pure JavaScript, runs anywhere);
 * a Node caller may pass zlib's, which is faster and can also inflate a prefix of a stream.
 */
export interface Inflaters {
  /** Inflates a whole entry whose inflated size is `size` (more than that may be refused). */
  inflate(data: Uint8Array, size: number): Uint8Array;
  /** Inflates the first bytes of a stream, returning what they decode to (a prefix of the result). */
  inflatePrefix?(data: Uint8Array): Uint8Array;
}

/** Options of {@link fastReadXlsx}. */
export interface FastReadOptions {
  inflaters?: Inflaters;
}

const FFLATE: Inflaters = { inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }) };

/** One file of the zip archive, located but not yet inflated. */
interface ZipEntry {
  method: number;
  crc: number;
  size: number;
  /** The stored (compressed) bytes. */
  raw: Uint8Array;
}

/**
 * Reads the zip's central directory. Throws on what it does not handle (zip64, encrypted
 * entries, a damaged directory), so the caller falls back to exceljs and its messages.
 */
function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => dv.getUint16(o, true);
  const u32 = (o: number) => dv.getUint32(o, true);
  let eocd = bytes.length - 22;
  const stop = Math.max(0, eocd - 0xffff);
  while (eocd >= stop && u32(eocd) !== 0x06054b50) eocd--;
  if (eocd < stop) throw new Error("no zip directory");
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error("zip64");
  const out = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw new Error("bad zip directory");
    const flags = u16(at + 8);
    const csize = u32(at + 20);
    const size = u32(at + 24);
    const nameLen = u16(at + 28);
    const local = u32(at + 42);
    if (flags & 1) throw new Error("encrypted zip entry");
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new Error("zip64");
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLen), !(flags & 2048));
    if (u32(local) !== 0x04034b50) throw new Error("bad zip entry");
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + csize > bytes.length) throw new Error("truncated zip entry");
    out.set(name, { method: u16(at + 10), crc: u32(at + 16), size, raw: bytes.subarray(start, start + csize) });
    at += 46 + nameLen + u16(at + 30) + u16(at + 32);
  }
  return out;
}

/** The inflated bytes of an entry. */
function inflateEntry(e: ZipEntry, inf: Inflaters): Uint8Array {
  if (e.method === 0 && e.raw.length === e.size) return e.raw;
  if (e.method !== 8) throw new Error(`zip method ${e.method}`);
  const out = inf.inflate(e.raw, e.size);
  if (out.length !== e.size) throw new Error("zip entry size mismatch");
  return out;
}

/**
 * Parsed results of zip entries seen before, found again only when the stored bytes are the
 * same, byte for byte (a checksum alone could collide). A folder of files from one template
 * shares its workbook, relationships, styles and instructions sheet, so each is parsed once
 * per run. A part is kept from the second time its checksum is seen, so a part unique to one
 * file (a unit's own data sheet) is never copied.
 */
class SameBytesCache<T> {
  private readonly stored = new Map<string, { raw: Uint8Array; value: T }[]>();
  private readonly seen = new Set<string>();
  private count = 0;
  constructor(private readonly limit: number) {}
  /** The value for `e`, from the cache or from `make`. */
  get(e: ZipEntry, make: () => T): T {
    const key = `${e.method}:${e.crc}:${e.size}:${e.raw.length}`;
    const list = this.stored.get(key);
    if (list) for (const x of list) if (sameBytes(x.raw, e.raw)) return x.value;
    const value = make();
    if (!this.seen.has(key)) {
      if (this.seen.size >= 4096) this.seen.clear();
      this.seen.add(key);
      return value;
    }
    if (this.count >= this.limit) {
      this.stored.clear();
      this.count = 0;
    }
    // A copy, so the cache never keeps a whole file's buffer alive.
    const entry = { raw: e.raw.slice(), value };
    const cur = this.stored.get(key);
    if (cur) cur.push(entry);
    else this.stored.set(key, [entry]);
    this.count++;
    return value;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A workbook part: its sheets (name and relationship id) and its date epoch. */
interface WorkbookPart {
  sheets: { name: string; rid: string | undefined }[];
  date1904: boolean;
}

const workbookCache = new SameBytesCache<WorkbookPart>(32);
const relsCache = new SameBytesCache<ReadonlyMap<string, string>>(32);
const stylesCache = new SameBytesCache<readonly boolean[]>(32);
const sheetCache = new SameBytesCache<SheetPart>(32);

function parseWorkbook(xml: string): WorkbookPart {
  const pr = /<workbookPr\b([^>]*)\/?>/.exec(xml)?.[1] ?? "";
  const sheets = [...xml.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: decodeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ""),
    rid: /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\bid="([^"]*)"/.exec(m[1])?.[1],
  }));
  return { sheets, date1904: /\bdate1904="(1|true)"/.test(pr) };
}

function parseRels(xml: string): Map<string, string> {
  const rels = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) rels.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return rels;
}

/** Reads every worksheet's cell values. Throws on anything unusual (the caller falls back). */
export function fastReadXlsx(bytes: Uint8Array, source: string, opts: FastReadOptions = {}): SheetGrid[] {
  const inf = opts.inflaters ?? FFLATE;
  const zip = zipEntries(bytes);
  const text = (e: ZipEntry) => strFromU8(inflateEntry(e, inf));
  const wbEntry = zip.get("xl/workbook.xml");
  const relsEntry = zip.get("xl/_rels/workbook.xml.rels");
  if (!wbEntry || !relsEntry) throw new Error("not a workbook");
  const wb = workbookCache.get(wbEntry, () => parseWorkbook(text(wbEntry)));
  const rels = relsCache.get(relsEntry, () => parseRels(text(relsEntry)));
  const ss = zip.get("xl/sharedStrings.xml");
  const shared = ss ? sharedStrings(text(ss)) : [];
  const styles = zip.get("xl/styles.xml");
  const dates: DateRule = {
    styles: styles ? stylesCache.get(styles, () => dateStyles(text(styles))) : [],
    date1904: wb.date1904,
  };
  // The file's own save time stands in for a blank "Thời gian gửi"; the part is tiny.
  const core = zip.get("docProps/core.xml");
  const savedAt = core ? savedAtFromCoreXml(text(core)) : undefined;

  const out: SheetGrid[] = [];
  for (const s of wb.sheets) {
    const path = s.rid ? rels.get(s.rid) : undefined;
    // Worksheets only (a chart sheet is no data), as exceljs lists them.
    const entry = path?.startsWith("xl/worksheets/sheet") ? zip.get(path) : undefined;
    if (!entry) throw new Error(`sheet ${s.name} not found`);
    out.push(
      readSheet(
        s.name,
        sheetCache.get(entry, () => sheetXml(entry, inf)),
        shared,
        dates,
        source,
      ),
    );
  }
  if (savedAt) for (const g of out) g.savedAt = savedAt;
  return out;
}

/**
 * Where a worksheet stops mattering: after the merged-cell list, or where an element that the
 * schema puts after that list begins (Excel writes, and checks, that order). Validations and
 * highlighting rules, most of a generated sheet, come later and are never read.
 */
const AFTER_MERGES =
  /<\/mergeCells>|<mergeCells\s*\/>|<(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts)[\s/>]|<\/worksheet>/g;

/** Compressed bytes inflated first when only the start of a worksheet is needed. */
const PREFIX = 2048;

/** The part of a worksheet's XML that holds cells and merges. */
interface SheetPart {
  xml: string;
  /** End of the cells (the end of <sheetData>). */
  cellsEnd: number;
  /** Where merged-cell ranges are looked for: after the cells, or everywhere in a sheet without <sheetData>. */
  mergesFrom: number;
}

/** Cuts `xml` (maybe only the start of the worksheet) to the part that matters; null when more is needed. */
function cutSheet(xml: string, complete: boolean): SheetPart | null {
  let cellsEnd = xml.indexOf("</sheetData>");
  if (cellsEnd < 0) {
    const empty = /<sheetData\s*\/>/.exec(xml);
    if (empty) cellsEnd = empty.index + empty[0].length;
    // No sheet data element at all: scan everything, as a malformed sheet deserves.
    else return complete ? { xml, cellsEnd: xml.length, mergesFrom: 0 } : null;
  }
  AFTER_MERGES.lastIndex = cellsEnd;
  const m = AFTER_MERGES.exec(xml);
  if (!m) return complete ? { xml, cellsEnd, mergesFrom: cellsEnd } : null;
  return {
    xml: xml.slice(0, m[0] === "</mergeCells>" ? m.index + m[0].length : m.index),
    cellsEnd,
    mergesFrom: cellsEnd,
  };
}

/**
 * A worksheet's XML up to its merged-cell list. With an inflater that can stop early, the
 * start of the stream is inflated first and the rest only when the cells go on further.
 */
function sheetXml(e: ZipEntry, inf: Inflaters): SheetPart {
  // One try with the first 2 KB, enough for a one-unit sheet of a few hundred columns; a
  // longer sheet is inflated whole, so the try costs it at most those 2 KB again.
  if (e.method === 8 && inf.inflatePrefix && e.raw.length > PREFIX) {
    const part = cutSheet(strFromU8(inf.inflatePrefix(e.raw.subarray(0, PREFIX))), false);
    if (part) return part;
  }
  return cutSheet(strFromU8(inflateEntry(e, inf)), true)!;
}

function readSheet(name: string, part: SheetPart, shared: string[], dates: DateRule, source: string): SheetGrid {
  const { xml, cellsEnd, mergesFrom } = part;
  const grid: Grid = [];
  const where = `${source} › ${name}`;
  for (let at = xml.indexOf("<c"); at >= 0 && at < cellsEnd; at = xml.indexOf("<c", at + 2)) {
    // "<c" then a non-word character: a cell, not <col> or <cfRule>.
    if (isWordChar(xml.charCodeAt(at + 2))) continue;
    const gt = xml.indexOf(">", at + 2);
    if (gt < 0 || gt >= cellsEnd) throw new Error("unterminated cell");
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(at + 2, selfClosing ? gt - 1 : gt);
    let body = "";
    if (!selfClosing) {
      const close = xml.indexOf("</c>", gt + 1);
      if (close < 0 || close > cellsEnd) throw new Error("unterminated cell");
      body = xml.slice(gt + 1, close);
      at = close;
    }
    const ref = attr(attrs, "r");
    if (!ref) throw new Error("cell without reference");
    const t = attr(attrs, "t") ?? "n";
    const vAt = body.indexOf("<v>");
    const vEnd = vAt < 0 ? -1 : body.indexOf("</v>", vAt + 3);
    const v = vEnd < 0 ? undefined : body.slice(vAt + 3, vEnd);
    if (v === undefined && body.includes("<f")) {
      // A formula saved without its result: passed on as text, as the exceljs reader does.
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(body)?.[1];
      if (!f) throw new Error("shared formula without result");
      const [r, c] = parseRef(ref);
      (grid[r] ??= [])[c] = `=${decodeXml(f)}`;
      continue;
    }
    const value = cellValue(t, v, body, attrs, shared, dates);
    if (value === null) continue;
    const [r, c] = parseRef(ref);
    (grid[r] ??= [])[c] = value;
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  const problems = applyMerges(xml, mergesFrom, grid, where);
  return { name, grid, problems };
}

/** The value of one cell from its type `t`, its `<v>` text `v`, its body and attributes. */
function cellValue(
  t: string,
  v: string | undefined,
  body: string,
  attrs: string,
  shared: string[],
  dates: DateRule,
): CellValue {
  let value: CellValue;
  switch (t) {
    case "s":
      value = v === undefined ? null : shared[Number(v)];
      if (value === undefined) throw new Error("shared string out of range");
      break;
    case "inlineStr":
      value = texts(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
      break;
    case "str":
      value = v === undefined ? null : decodeXml(v);
      break;
    case "b":
      value = v === undefined ? null : v === "1";
      break;
    case "e":
      value = { error: decodeXml(v ?? "#N/A") };
      break;
    case "n": {
      if (v === undefined) {
        value = null;
        break;
      }
      const n = Number(v);
      const s = attr(attrs, "s");
      const style = s && /^\d+$/.test(s) ? Number(s) : 0;
      // Same conversion as exceljs: wall-clock fields in UTC, 1904 workbooks shifted.
      value = dates.styles[style] ? serialToWallClock(n + (dates.date1904 ? 1462 : 0)) : n;
      break;
    }
    default:
      throw new Error(`cell type ${t}`);
  }
  return value;
}

/** Empties the cells each merged block hides and lists every merged block that reaches below row 2. */
function applyMerges(xml: string, mergesFrom: number, grid: Grid, where: string): Problem[] {
  const problems: Problem[] = [];
  // A merged block keeps its value in the top-left cell only (as in the exceljs reader).
  for (const m of xml.slice(mergesFrom).matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const [r1, c1] = parseRef(m[1]);
    const [r2, c2] = parseRef(m[2]);
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        if (grid[r]) grid[r][c] = null;
      }
    if ((r2 > r1 || c2 > c1) && r2 > 1) problems.push(mergedProblem(m[1], `${m[1]}:${m[2]}`, r1 + 1, where));
  }
  return problems;
}
