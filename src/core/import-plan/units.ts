/** Recognises unit names in plan sentences ("Phòng GD&ĐT quận, huyện", "các trường THPT"). */

/** Words a unit name starts with (after an optional "các"/"Đề nghị"); lookaheads skip common nouns. */
const UNIT_HEADS =
  "Sở|Phòng(?!,? chống)|Ban(?! hành)|Đài|Báo(?! chí| cáo)|Cổng|Trung tâm|Thanh tra|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội(?! nghị| thảo| thi| diễn)|" +
  "Mặt trận|Trường(?! hợp)|Đoàn|Công an|Bộ(?! tiêu| công cụ| tài liệu)|Cục|Viện|Thành đoàn|Tỉnh đoàn|Liên đoàn|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|" +
  "Huyện ủy|Quận ủy|Đảng ủy|Đảng đoàn|Tổ đảng|Ban cán sự đảng|Cơ quan|Cơ sở(?! dữ liệu| vật chất)|Đơn vị|" +
  "Chi cục|Kho bạc|Chủ đầu tư|Bảo hiểm xã hội|BHXH|Thuế(?= (?:tỉnh|thành phố|cơ sở|khu vực))|" +
  "Lãnh đạo(?= (?:Ban|Văn phòng|Sở|Phòng|Vụ|Cục|các cơ quan))";
const LOWER_HEADS =
  "cơ quan|đơn vị|chủ đầu tư|cơ sở|trường|sở|phòng|ban|đài|báo|trung tâm|tổ chức|hội|ủy ban|uỷ ban|doanh nghiệp|địa phương|bộ|ngành";

const HEAD_SRC = `(?:(?:các|Các)\\s+(?:${LOWER_HEADS}|${UNIT_HEADS})|(?:${UNIT_HEADS}))(?=[\\s,.;:]|$)`;
/** Heads of bodies a plan addresses by title ("Giám đốc các Sở", "Chủ tịch UBND các xã"): the body is the unit. */
const TITLE_PREFIX = "(?:Thủ trưởng|Giám đốc|Chủ tịch)\\s+";
const HEAD_RE = new RegExp(`^(?:Đề nghị\\s+|Giao\\s+)?(?:${TITLE_PREFIX})?${HEAD_SRC}`, "u");
const SPLIT_HEAD_RE = new RegExp(`^${HEAD_SRC}`, "u");

/** Verbs that end the subject of an assignment sentence. */
const VERBS =
  "có trách nhiệm|căn cứ|chủ trì|phối hợp|tổ chức|triển khai|thực hiện|xây dựng|chủ động|tham mưu|lãnh đạo(?!\\s+\\p{Lu})|chỉ đạo|hướng dẫn|theo dõi|" +
  "báo cáo|cung cấp|tăng cường|đẩy mạnh|bố trí|quán triệt|phổ biến|kiểm tra|rà soát|tuyên truyền|đăng tải|" +
  "nghiên cứu|đôn đốc|giám sát|là đầu mối|làm đầu mối|được giao|lồng ghép|tiếp tục|phụ trách|tập trung|cần|cụ thể hóa";
const VERB_RE = new RegExp(`\\s(?:${VERBS})(?=[\\s,.;:]|$)`, "u");
/** Phrases that make a heading a sentence rather than a unit name. */
const NAME_BREAK_RE =
  /\s(?:có trách nhiệm|căn cứ|chủ trì|triển khai|thực hiện|xây dựng|tham mưu|chỉ đạo|hướng dẫn|theo dõi|báo cáo|cung cấp|tăng cường|đẩy mạnh|tiếp tục|đôn đốc|sơ kết|tổng kết|ban hành)(?=[\s,.;:]|$)|(?<!các|Các|và|,)\stổ chức(?=[\s,.;:]|$)/u;
const ADVERB_TAIL_RE =
  /\s+(?:thường xuyên|kịp thời|tích cực|chủ động|nghiêm túc|khẩn trương|theo chức năng,?\s*nhiệm vụ(?:\s+(?:được giao|của mình))?,?)$/u;

/** Known abbreviations, expanded before names are compared. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/gu, "Ủy ban nhân dân"],
  [/\bHĐND\b/gu, "Hội đồng nhân dân"],
  [/\bGD\s*&\s*ĐT\b|\bGD-ĐT\b|\bGDĐT\b/gu, "Giáo dục và Đào tạo"],
  [/\bTT\s*&\s*TT\b|\bTTTT\b/gu, "Thông tin và Truyền thông"],
  [/\bVH\s*&\s*TT\b|\bVHTT\b/gu, "Văn hóa và Thông tin"],
  [/\bGDNN-GDTX\b/gu, "Giáo dục nghề nghiệp - Giáo dục thường xuyên"],
  [/\bTP\b\.?/gu, "thành phố"],
];

/** True when `s` reads as a unit name: starts like one and is not a whole sentence. */
export function isUnitName(s: string): boolean {
  const t = s.trim().replace(/[.:;]+$/, "");
  if (!HEAD_RE.test(t) || t.length > 200) return false;
  return !NAME_BREAK_RE.test(t);
}

/** True when `s` opens with a unit's name ("Sở Công Thương chủ trì …", "UBND cấp xã: …"). */
export function startsWithUnit(s: string): boolean {
  return HEAD_RE.test(s.trim());
}

/** Removes "Đề nghị", "Thủ trưởng" and end punctuation from a unit name. */
export function cleanUnitName(s: string): string {
  let t = s
    .trim()
    .replace(/^(?:Đề nghị|Giao)\s+/u, "")
    .replace(/^Thủ trưởng\s+/u, "")
    .replace(/[\s.:;,]+$/, "");
  t = t.replace(/\s*\((?:sau đây|gọi tắt)[^)]*\)/u, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * Splits a list of units at commas or " và các " where a new unit name starts
 * ("Phòng GD&ĐT quận, huyện, các đơn vị giáo dục" → two units; "quận, huyện" stays whole).
 */
export function splitUnits(s: string): string[] {
  const pieces = s.split(/\s*[,;]\s*|\s+và\s+(?=các\s)/u);
  const out: string[] = [];
  for (const p of pieces) {
    if (!p) continue;
    if (out.length && SPLIT_HEAD_RE.test(p)) out.push(p);
    else if (out.length) out[out.length - 1] += `, ${p}`;
    else out.push(p);
  }
  return out.map(cleanUnitName).filter((x) => x.length > 1);
}

/**
 * The units a sentence assigns work to: its subject before the first verb ("Phòng GD&ĐT quận,
 * huyện, các đơn vị giáo dục căn cứ …"), also after "X yêu cầu/đề nghị …". Empty when the
 * sentence does not start with a unit.
 */
export function subjectUnits(sentence: string): string[] {
  const subject = subjectText(sentence).replace(/^(?:Đề nghị|Giao)\s+/u, "");
  if (subject.split(/\s+/).length < 2) return [];
  return splitUnits(subject);
}

/**
 * The words before a sentence's first verb when it starts with a unit, as written ("Đề nghị Sở"
 * for "Đề nghị Sở thường xuyên cung cấp …"), an adverb before the verb left out; "" otherwise.
 */
export function subjectText(sentence: string): string {
  let s = sentence.trim().replace(/^[-+•]\s*/, "");
  // "Ủy ban nhân dân cấp xã: đầu tư, hoàn thiện …": the unit written as the label of its duty.
  // A colon after "gồm", "như", "sau" opens a list of units, not a duty.
  const label = /^([^:]{3,120}?)\s*:\s/u.exec(s);
  const listing = label && /\s(?:gồm|như|sau)$/u.test(label[1]);
  if (label && !listing && HEAD_RE.test(label[1]) && !NAME_BREAK_RE.test(label[1]) && !VERB_RE.test(label[1]))
    return label[1];
  const ask = /^(.{0,80}?)\s(?:yêu cầu|đề nghị|giao)\s+(.*)$/u.exec(s);
  if (ask && HEAD_RE.test(ask[1]) && HEAD_RE.test(ask[2])) s = ask[2];
  if (!HEAD_RE.test(s)) return "";
  const v = VERB_RE.exec(s);
  return v ? s.slice(0, v.index).replace(ADVERB_TAIL_RE, "") : "";
}

/** Expands known abbreviations (UBND, GD&ĐT, TTTT…). */
export function expandAbbreviations(s: string): string {
  return ABBREVIATIONS.reduce((acc, [re, full]) => acc.replace(re, full), s);
}

/** A key for comparing unit names: abbreviations expanded, "các" dropped, case and spaces folded. */
export function unitKey(s: string): string {
  return expandAbbreviations(s.normalize("NFC"))
    .toLowerCase()
    .replace(/^(?:đề nghị|thủ trưởng)\s+/u, "")
    .replace(/\bcác\s+/gu, "")
    .replace(/[.,;:()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when two names denote the same unit (one key contains the other). */
export function sameUnit(a: string, b: string): boolean {
  const ka = unitKey(a);
  const kb = unitKey(b);
  return ka === kb || (ka.length > 8 && kb.length > 8 && (ka.startsWith(kb) || kb.startsWith(ka)));
}

/** A name standing for many units ("Các trường THPT", "Phòng GD&ĐT quận, huyện") rather than one. */
export function isGenericUnit(name: string): boolean {
  return /(^|\s)(các|những)\s|quận,\s*huyện|xã,\s*phường|quận\/huyện|cơ sở giáo dục|đơn vị|\btrường\b/iu.test(name);
}

/** Short symbol of a body from its name: "Sở Giáo dục và Đào tạo" → "SGDĐT", UBND kept. */
export function abbreviateName(name: string): string {
  const t = expandAbbreviations(name).replace(/\s+/g, " ").trim();
  if (/^Ủy ban nhân dân|^Uỷ ban nhân dân/iu.test(t)) return "UBND";
  const words = t.split(" ").filter((w) => w && !/^(và|của|thuộc|thành|phố|tỉnh|quận|huyện)$/iu.test(w));
  const letters = words.map((w) => w.charAt(0).toUpperCase()).join("");
  return letters || "CQ";
}

/** Expands a body name for a report line: "UBND Thành phố" → "Ủy ban nhân dân thành phố Hà Nội". */
export function fullBodyName(s: string, place: string): string {
  let t = expandAbbreviations(s.trim()).replace(/\s+/g, " ");
  t = t.replace(/(?<!\p{L})(Thành phố|Tỉnh)(?!\p{L})/gu, (w) => w.toLowerCase());
  if (place && /(thành phố|tỉnh)$/u.test(t)) t = `${t} ${place}`;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const COVER_STOP = new Set([
  "các",
  "thành",
  "phố",
  "tỉnh",
  "ban",
  "ngành",
  "liên",
  "quan",
  "đơn",
  "vị",
  "cơ",
  "trên",
  "địa",
  "bàn",
  "và",
  "thủ",
  "trưởng",
]);

/**
 * True when `name` says nothing that `others` do not already cover: its distinctive words are
 * none ("Các đơn vị"), or all found in one of them that starts with the same word
 * ("Các Sở, ban, ngành" ⊂ "Các Sở, ngành Thành phố").
 */
export function isCoveredBy(name: string, others: string[]): boolean {
  const words = (s: string) =>
    unitKey(s)
      .split(/[\s,;-]+/)
      .filter((w) => w && !COVER_STOP.has(w));
  const own = words(name);
  if (own.length === 0) return others.length > 0;
  return others.some((o) => {
    const theirs = words(o);
    return theirs[0] === own[0] && own.every((w) => theirs.includes(w));
  });
}

/** Joins unit names as a list: "Phòng GD&ĐT quận, huyện, các đơn vị giáo dục". */
export function joinUnits(units: string[]): string {
  return units.map((u, i) => (i > 0 ? u.replace(/^Các\s/u, "các ") : u)).join(", ");
}
