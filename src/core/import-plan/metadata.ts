/** Reads a plan's metadata: issuing body and parent, number and symbol, place and date, title, signer, Nơi nhận. */
import { isAllUpper, type PlanLine } from "./normalize-lines.js";
import type { Outline } from "./outline.js";
import { readDistribution, readSigner, type Distribution, type Signer } from "./closing-block.js";
import { recaseUpper, upperFirst } from "./title-text.js";
import { yearsIn } from "./timeframe.js";

/** Where a piece of metadata came from. */
export type MetaSource = "header" | "body" | "none";

/** Everything the plan says about itself. */
export interface PlanMetadata {
  /** "KẾ HOẠCH", "CHƯƠNG TRÌNH"… */
  docType: string;
  /** Issuing body in capitals as printed ("SỞ GIÁO DỤC VÀ ĐÀO TẠO"); "" when unknown. */
  issuerName: string;
  /** Its parent body ("UBND THÀNH PHỐ HẢI PHÒNG"); "" when the plan prints none. */
  issuerParent: string;
  issuerSource: MetaSource;
  issuerLine?: number;
  /** Number before the symbol; "" when the plan leaves it blank ("Số: /KH-SGDĐT"). */
  number: string;
  /** "KH-SGDĐT"; "" when there is no "Số:" line. */
  symbol: string;
  numberLine?: number;
  place: string;
  placeSource: MetaSource;
  placeLine?: number;
  /** "YYYY-MM-DD" when the day and month are written. */
  date: string | null;
  /** Year of the date line, even when day and month are blank ("ngày tháng năm 2022"). */
  dateYear: number | null;
  dateLine?: number;
  /** Trích yếu, re-cased when printed in capitals. */
  title: string;
  titleLine?: number;
  /** Years the plan covers, from the title ("năm 2023", "giai đoạn 2021-2025") or the date. */
  years: number[];
  /** True when the title names exactly one year ("… năm 2023"). */
  singleYear: boolean;
  /** "thành phố" or "tỉnh", from how the body names the locality. */
  localityKind: "thành phố" | "tỉnh";
  signer: Signer | null;
  distribution: Distribution | null;
}

const DOC_TYPE_RE =
  /^(KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG| CÔNG TÁC)?|ĐỀ ÁN|PHƯƠNG ÁN|HƯỚNG DẪN|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ)$/u;
/** How high a body sits (Nghị định 30 prints the higher one, the cơ quan chủ quản, on top). */
const BODY_RANKS: [RegExp, number][] = [
  [/^(CHÍNH PHỦ|THỦ TƯỚNG)/u, 5],
  [/^(BỘ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)(?=\s|$)/u, 4],
  [/^(SỞ|CỤC|TỔNG CỤC|VỤ|BAN|VIỆN|ĐẠI HỌC)(?=\s|$)/u, 3],
  [/^(PHÒNG|TRUNG TÂM|TRƯỜNG|CHI CỤC)(?=\s|$)/u, 2],
];

function bodyRank(name: string): number {
  return BODY_RANKS.find(([re]) => re.test(name))?.[1] ?? 0;
}
const BODY_START_RE =
  /^(Căn cứ|Thực hiện|Triển khai|Nhằm|Để|Trên cơ sở|Theo|Qua|Ngày|Sau khi|Tiếp tục|Trong|Với|Sở|Phòng|Ủy ban|Uỷ ban|UBND|Ban)\b/u;
const MOTTO_RE =
  /^(CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^ĐẢNG CỘNG SẢN VIỆT NAM$|^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu;
const NUMBER_RE = /^Số\s*:?\s*([^/]*?)\s*\/\s*([\p{L}\p{N}&-]+(?:\/[\p{L}\p{N}&-]+)?)/u;
const PLACE_DATE_RE = /^([\p{Lu}][\p{L} .'-]{1,40}?),\s*ngày\b(.*)$/u;
const AUTHORITY_RE = /^(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)(?=\s)/u;
const GENERIC_BODY_RE = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND)$/u;
const ISSUER_BODY_RE =
  /((?:Sở|Phòng|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Ban|Trường|Trung tâm|Văn phòng|Bộ|Cục|Viện|Hội đồng|Đại học)\s[^,;:.()“”"]{2,80}?)\s*(?:\([^)]{1,20}\)\s*)?(?:xây dựng|ban hành|triển khai)\s+(?:bản\s+)?(?:Kế hoạch|kế hoạch|Chương trình|chương trình)/gu;
const NOT_A_NAME_RE = /\s(?:về|của|việc|ngày|số|tại|theo|đã|được|hướng dẫn|nhằm|để)\s/u;

function cellsOf(l: PlanLine): { text: string; line: number }[] {
  return (l.cells ?? [l.text]).filter((text) => text !== "").map((text) => ({ text, line: l.line }));
}

/** Reads "ngày 01 tháng 12 năm 2020" (any part may be blank) into a date and a year. */
export function readDateWords(s: string): { date: string | null; year: number | null } {
  const m = /ngày\s*(\d{1,2})?\s*(?:tháng|\/)\s*(\d{1,2})?\s*(?:năm|\/)\s*(\d{4})?/u.exec(s);
  if (!m) return { date: null, year: null };
  const year = m[3] ? Number(m[3]) : null;
  if (!year || !m[1] || !m[2]) return { date: null, year };
  const iso = `${year}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return { date: Number.isNaN(d.getTime()) ? null : iso, year };
}

/** Years covered by a title: a range ("giai đoạn 2021 - 2025"), one year ("năm 2023"), or none. */
export function titleYears(title: string): { years: number[]; single: boolean } {
  const range = /(?:giai đoạn|từ năm)?\s*((?:19|20)\d\d)\s*(?:-|–|đến)\s*(?:năm\s*)?((?:19|20)\d\d)/iu.exec(title);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (b >= a && b - a <= 15) return { years: Array.from({ length: b - a + 1 }, (_, i) => a + i), single: false };
  }
  const singles = [...title.matchAll(/(?<!đến |tầm nhìn |nhìn đến |định hướng đến )năm\s+((?:19|20)\d\d)/giu)].map(
    (m) => Number(m[1]),
  );
  if (singles.length === 1) return { years: singles, single: true };
  return { years: [], single: false };
}

function mostFrequentPlace(texts: string[]): { place: string; kind: "thành phố" | "tỉnh" } | null {
  const counts = new Map<string, number>();
  for (const t of texts) {
    for (const m of t.matchAll(/(thành phố|Thành phố|tỉnh|Tỉnh)\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){0,2})/gu)) {
      const key = `${m[1].toLowerCase()}|${m[2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [kind, place] = best[0].split("|");
  return { place, kind: kind as "thành phố" | "tỉnh" };
}

/** A plan's metadata with nothing found yet. */
function emptyMetadata(docType: string): PlanMetadata {
  return {
    docType,
    issuerName: "",
    issuerParent: "",
    issuerSource: "none",
    number: "",
    symbol: "",
    place: "",
    placeSource: "none",
    date: null,
    dateYear: null,
    title: "",
    years: [],
    singleYear: false,
    localityKind: "thành phố",
    signer: null,
    distribution: null,
  };
}

/** Reads the number, place and date lines of the header block; returns the lines that may name the issuer. */
function readHeaderCells(header: PlanLine[], meta: PlanMetadata): { text: string; line: number }[] {
  const issuerLines: { text: string; line: number }[] = [];
  for (const cell of header.flatMap(cellsOf)) {
    const t = cell.text;
    if (MOTTO_RE.test(t)) continue;
    const num = NUMBER_RE.exec(t);
    if (num) {
      meta.number = num[1].replace(/[.…_\s]/g, "");
      meta.symbol = num[2];
      meta.numberLine = cell.line;
      continue;
    }
    const pd = PLACE_DATE_RE.exec(t);
    if (pd) {
      meta.place = pd[1].trim();
      meta.placeSource = "header";
      meta.placeLine = cell.line;
      const d = readDateWords(`ngày${pd[2]}`);
      meta.date = d.date;
      meta.dateYear = d.year;
      meta.dateLine = cell.line;
      continue;
    }
    if (isAllUpper(t) && t.length <= 120) issuerLines.push(cell);
  }
  return issuerLines;
}

/** The issuing body and its parent from the capitals of the header block. */
function readIssuer(issuerLines: { text: string; line: number }[], meta: PlanMetadata): void {
  if (!issuerLines.length) return;
  // Rejoin a name printed over two lines ("SỞ GIÁO DỤC" / "VÀ ĐÀO TẠO").
  const merged: { text: string; line: number }[] = [];
  for (const c of issuerLines) {
    const prev = merged[merged.length - 1];
    // …or a place name cut after its first word ("ỦY BAN NHÂN DÂN TỈNH LÀO" / "CAI"): one or two words that name no body.
    const cut = prev && !GENERIC_BODY_RE.test(prev.text) && c.text.split(/\s+/).length <= 2 && bodyRank(c.text) === 0;
    if (prev && (/^(VÀ|CỦA|THUỘC)\s/u.test(c.text) || cut)) prev.text = `${prev.text} ${c.text}`;
    else merged.push({ ...c });
  }
  // A text export may print the issuing body above its parent: put them the way Nghị định 30 does.
  if (merged.length === 2 && bodyRank(merged[1].text) > bodyRank(merged[0].text) && bodyRank(merged[0].text) > 0)
    merged.reverse();
  if (merged.length >= 2 && GENERIC_BODY_RE.test(merged[0].text) && merged.length === 2) {
    meta.issuerName = `${merged[0].text} ${merged[1].text}`;
  } else if (merged.length >= 2) {
    meta.issuerParent = merged
      .slice(0, -1)
      .map((m) => m.text)
      .join(" ");
    meta.issuerName = merged[merged.length - 1].text;
  } else {
    meta.issuerName = merged[0].text;
  }
  meta.issuerSource = "header";
  meta.issuerLine = merged[0].line;
}

/** Title (trích yếu): the lines after the document type. */
function readTitle(lines: PlanLine[], front: PlanLine[], docIdx: number, meta: PlanMetadata): void {
  if (docIdx < 0) return;
  const titleLines: PlanLine[] = [];
  for (let i = docIdx + 1; i < front.length; i++) {
    const l = front[i];
    if (titleLines.length && (BODY_START_RE.test(l.text) || !isAllUpper(l.text) || !isAllUpper(titleLines[0].text)))
      break;
    // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "THỦ TƯỚNG CHÍNH PHỦ": the authority that decides, printed under the title.
    if (titleLines.length && AUTHORITY_RE.test(l.text)) break;
    if (!titleLines.length && BODY_START_RE.test(l.text) && l.text.length > 200) break;
    titleLines.push(l);
  }
  if (!titleLines.length) return;
  const raw = titleLines
    .map((l) => l.text)
    .join(" ")
    .replace(/[.\s]+$/, "");
  meta.titleLine = titleLines[0].line;
  meta.title = isAllUpper(raw)
    ? recaseUpper(
        raw,
        lines.filter((l) => !titleLines.includes(l)).map((l) => l.text),
      )
    : upperFirst(raw);
}

/** The sentence closest to the first part names the issuer ("Sở … ban hành Kế hoạch …"). */
function issuerFromBody(front: PlanLine[], docIdx: number, meta: PlanMetadata): void {
  const pre = front.slice(docIdx + 1).reverse();
  for (const l of pre) {
    const names = [...l.text.matchAll(ISSUER_BODY_RE)]
      .map((m) => m[1].trim())
      .filter((n) => !NOT_A_NAME_RE.test(` ${n} `));
    if (names.length) {
      meta.issuerName = names[names.length - 1].toUpperCase();
      meta.issuerSource = "body";
      meta.issuerLine = l.line;
      return;
    }
  }
}

/** Place and locality kind from the body when the header has none; the years the plan covers. */
function readPlaceAndYears(lines: PlanLine[], meta: PlanMetadata): void {
  const bodyTexts = lines.filter((l) => l.line >= (meta.titleLine ?? 0)).map((l) => l.text);
  const found = mostFrequentPlace(bodyTexts);
  if (found) meta.localityKind = found.kind;
  if (!meta.place && found) {
    meta.place = found.place;
    meta.placeSource = "body";
  }
  const ty = titleYears(meta.title);
  meta.years = ty.years.length ? ty.years : meta.dateYear ? [meta.dateYear] : [];
  meta.singleYear = ty.single;
  if (!meta.years.length) {
    const all = yearsIn(bodyTexts.join(" ")).filter((y) => y >= 2000);
    if (all.length) meta.years = [Math.max(...all)];
  }
}

/**
 * Reads the metadata of a plan. The header block (before "KẾ HOẠCH") gives the issuing body,
 * number, place and date; when it lacks them, the body is searched ("Sở … ban hành Kế hoạch",
 * "thành phố Hải Phòng").
 */
export function readMetadata(lines: PlanLine[], outline: Outline): PlanMetadata {
  // A plan without Roman parts has one untitled part for its whole text: its header ends at the first item.
  const first = outline.parts[0];
  const implicit = first && !first.title && !first.code;
  const firstPartLine = (implicit ? (first.children[0]?.line ?? first.line) : first?.line) ?? Number.MAX_SAFE_INTEGER;
  const front = lines.filter((l) => l.line < firstPartLine);
  const docIdx = front.findIndex((l) => DOC_TYPE_RE.test(l.text));
  const header =
    docIdx >= 0
      ? front.slice(0, docIdx)
      : front.slice(0, Math.min(front.length, 8)).filter((l) => !BODY_START_RE.test(l.text));
  const meta = emptyMetadata(docIdx >= 0 ? front[docIdx].text : "KẾ HOẠCH");
  readIssuer(readHeaderCells(header, meta), meta);
  readTitle(lines, front, docIdx, meta);
  if (!meta.issuerName) issuerFromBody(front, docIdx, meta);
  readPlaceAndYears(lines, meta);
  // A Quyết định ban hành kế hoạch is signed before the plan it issues, which is not signed itself.
  meta.signer =
    readSigner(outline.tail.length ? outline.tail : lines.slice(-20)) ??
    readSigner(docIdx >= 0 ? front.slice(docIdx) : front);
  meta.distribution = readDistribution(outline.tail.length ? outline.tail : lines.slice(-30));
  return meta;
}
