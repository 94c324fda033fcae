/** Turns a plan's raw text into clean, numbered lines: markdown stripped, split sentences joined. */
import { repairLines } from "./repair-lines.js";

/** One cleaned line of the plan, with the 1-based line number it starts on in the source. */
export interface PlanLine {
  text: string;
  line: number;
  /** Tab-separated cells, empty ones included, when two or more are filled (header blocks, tables). */
  cells?: string[];
  /** True when one or more blank lines came before this line in the source. */
  gap: boolean;
}

const ROMAN_RE = /^(?:X{0,2})(?:IX|IV|V?I{0,3})$/;

/** Words after which a Vietnamese sentence cannot stop: a line ending in one continues below. */
const CONTINUING_WORDS = new Set(
  (
    "của và về với các những cho trong tại theo đến tới được bị là để nhằm từ trên dưới giữa " +
    "hoặc hay như mà thì do bởi vì mọi một phải sẽ đã đang có không cũng thuộc qua sau trước khi ở vào ra"
  ).split(" "),
);
/** Words that announce a number on the next line ("Quyết định số" / "628/QĐ-TTg"). */
const NUMBER_WORDS = new Set(["số", "ngày", "tháng", "năm", "khoản", "điều", "mục", "quý"]);

/** True for a line that opens a structural element: a Roman part, a numbered or lettered item, a bullet. */
export function isMarkerLine(text: string): boolean {
  return (
    romanMarker(text) !== null ||
    /^\d+(?:\.\d+)*[.)]\s+\S/.test(text) ||
    /^[a-zđ][).]\s+\S/.test(text) ||
    isBulletLine(text)
  );
}

/** True for a bullet line ("- …", "+ …", "• …"). */
export function isBulletLine(text: string): boolean {
  return /^[-–—+•·]\s*\S/.test(text) && !/^[-–—]{2,}/.test(text);
}

/** The Roman numeral opening a line ("III. TỔ CHỨC…" → "III"), or null. */
export function romanMarker(text: string): string | null {
  const m = /^([IVX]{1,5})[.)]\s+(\S.*)$/.exec(text);
  if (!m || !ROMAN_RE.test(m[1])) return null;
  return m[1];
}

/** True when every cased letter of `s` is upper case and there is at least one letter. */
export function isAllUpper(s: string): boolean {
  return /\p{L}/u.test(s) && s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Removes markdown emphasis, heading marks and escapes, keeping a leading bullet star as "-". */
export function stripMarkdown(s: string): string {
  let t = s.replace(/^#{1,6}\s+/, "");
  t = t.replace(/^\*\s+(?=\S)/, "- ");
  t = t.replace(/\*+/g, "").replace(/(^|\s)_{1,2}(?=\S)|(?<=\S)_{1,2}(?=\s|$)/g, "$1");
  t = t.replace(/\\([-.*_#()[\]])/g, "$1");
  return t;
}

/** Cleans one cell or line: NFC, odd spaces folded, markdown stripped, spaces collapsed. */
export function cleanLine(s: string): string {
  const t = s
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\u00A0\u2007\u202F]/g, " ");
  return stripMarkdown(t.trim())
    .replace(/[ \t]+/g, " ")
    .trim();
}

function isRuleLine(s: string): boolean {
  return /^[-_=–—.*\s]{3,}$/.test(s);
}

function lastWord(s: string): string {
  const m = /([\p{L}\p{N}]+)\W*$/u.exec(s);
  return m ? m[1].toLowerCase() : "";
}

function endsSentence(s: string): boolean {
  return /[.;:!?…]["”')\]]*$/.test(s);
}

function isItemHeading(s: string): boolean {
  return romanMarker(s) !== null || /^\d+(?:\.\d+)*[.)]\s/.test(s) || /^[a-zđ][).]\s/.test(s);
}

/**
 * Whether line `b` continues the sentence of line `a` (a line split in the middle of a
 * sentence, often with a blank line between the halves).
 */
export function continuesSentence(a: string, b: string): boolean {
  if (isMarkerLine(b) || endsSentence(a)) return false;
  if (/^\p{Ll}/u.test(b)) return true;
  const aUpper = isAllUpper(a);
  const bUpper = isAllUpper(b);
  const hangs = CONTINUING_WORDS.has(lastWord(a));
  if (/^\d/.test(b)) return hangs || NUMBER_WORDS.has(lastWord(a)) || !isItemHeading(a);
  if (aUpper && bUpper) return hangs;
  if (bUpper) return false;
  return hangs && !aUpper && /^\p{Lu}/u.test(b);
}

/**
 * Splits `raw` into cleaned lines. Markdown bold/italic/headings are removed, rule lines
 * ("-----") dropped, tab-separated cells kept, and a line that continues the sentence of the
 * previous one is joined onto it.
 */
export function normalizeLines(raw: string): PlanLine[] {
  const src = repairLines(raw.normalize("NFC").replace(/\r\n?/g, "\n"));
  const out: PlanLine[] = [];
  let gap = false;
  src.forEach(({ text: rawLine, line: lineNo }) => {
    // Empty cells are kept so that table columns stay aligned.
    const cells = rawLine
      .split("\t")
      .map(cleanLine)
      .map((c) => (isRuleLine(c) ? "" : c));
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 0) {
      gap = true;
      return;
    }
    const text = filled.join(" ");
    const line: PlanLine = { text, line: lineNo, gap };
    if (filled.length > 1) line.cells = cells;
    gap = false;
    const prev = out[out.length - 1];
    if (prev && !prev.cells && !line.cells && continuesSentence(prev.text, text)) {
      prev.text = `${prev.text} ${text}`;
      return;
    }
    out.push(line);
  });
  return out;
}
