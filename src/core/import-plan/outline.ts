/** The plan's outline: Roman parts, numbered and lettered items as a tree with stable codes. */
import { isAllUpper, romanMarker, type PlanLine } from "./normalize-lines.js";

/** A Phụ lục's heading on a line of its own ("Phụ lục I", "PHỤ LỤC", "Phụ lục 02"). */
const APPENDIX_HEADING_RE = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?(?:[IVX]{1,5}|\d{1,2}))?\.?$/u;

/** A part ("III. TỔ CHỨC THỰC HIỆN") or an item ("2.3.", "a)") with the lines under it. */
export interface OutlineNode {
  kind: "part" | "item";
  /** The marker as written: "III", "2.3", "a". */
  marker: string;
  /** Full code: "III", "III.2.3", "II.2.a"; a renumbered item gets its corrected code. */
  code: string;
  /** Heading text without the marker and without trailing "." or ":". */
  title: string;
  line: number;
  /** Lines under the heading that are not sub-items (bullets, paragraphs, labelled lines). */
  body: PlanLine[];
  children: OutlineNode[];
  /** The code the plan itself wrote when it (or a parent) repeated a sibling's number. */
  renumberedFrom?: string;
}

/** The code as the plan writes it: a renumbered node's original code, else its code. */
function planCodeOf(n: OutlineNode): string {
  return n.renumberedFrom ?? n.code;
}

/** A plan split into what comes before the parts, the parts, the closing paragraph and the tail. */
export interface Outline {
  preamble: PlanLine[];
  parts: OutlineNode[];
  /** "Trên đây là Kế hoạch …/." and anything after it before the tail. */
  closing: PlanLine[];
  /** From "Nơi nhận" or the signature block to the end. */
  tail: PlanLine[];
}

const ROMAN_ORDER = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
const NUMBERED_RE = /^(\d{1,2}(?:\.\d{1,2})*)[.)]\s*(?=\D)(\S.*)$|^(\d{1,2}(?:\.\d{1,2})+)\s+(\S.*)$/;
const LETTERED_RE = /^([a-zđ])[).]\s+(\S.*)$/;

/** A line that starts the signature block ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "GIÁM ĐỐC"). */
export function isSignatureLine(text: string): boolean {
  if (/^(KT|TM|TL|TUQ|Q|T\/M|K\/T)[.\s]\s*\p{Lu}/u.test(text) && isAllUpper(text)) return true;
  return /^(PHÓ\s+)?(GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG PHÒNG|HIỆU TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|VIỆN TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|THỦ TƯỚNG|TỔNG GIÁM ĐỐC|CHỦ NHIỆM|VỤ TRƯỞNG|GIÁM ĐỐC SỞ|BÍ THƯ)$/.test(
    text,
  );
}

/** A "Nơi nhận:" line (the distribution list). */
export function isDistributionHeading(text: string): boolean {
  return /^Nơi nhận\s*:?/i.test(text);
}

function cleanTitle(s: string): string {
  return s.replace(/[\s.:;]+$/, "").trim();
}

function numbered(text: string): { path: number[]; rest: string } | null {
  const m = NUMBERED_RE.exec(text);
  if (!m) return null;
  const marker = m[1] ?? m[3];
  const rest = m[2] ?? m[4];
  return { path: marker.split(".").map(Number), rest };
}

function joinCode(parent: string, tail: string): string {
  return parent ? `${parent}.${tail}` : tail;
}

interface Frame {
  node: OutlineNode;
  /** Number path relative to the document ("2.3" → [2, 3]); null for parts and lettered items. */
  path: number[] | null;
  lettered: boolean;
}

function isPrefix(a: number[], b: number[]): boolean {
  return a.length < b.length && a.every((x, i) => x === b[i]);
}

/** Index of the first tail line (Nơi nhận or signature) after the last part heading, or the end. */
function tailStart(lines: PlanLine[], lastPartIdx: number): number {
  for (let i = Math.max(lastPartIdx, 0); i < lines.length; i++) {
    const t = lines[i].text;
    // A Chương trình issued with a Nghị quyết signed above it goes straight on to its "Phụ lục I".
    if (isDistributionHeading(t) || isSignatureLine(t) || (!lines[i].cells && APPENDIX_HEADING_RE.test(t))) return i;
  }
  return lines.length;
}

/** Index of the closing paragraph ("Trên đây là…", or the paragraph ending in "/."), or `end`. */
function closingStart(lines: PlanLine[], from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const t = lines[i].text;
    if (/^Trên đây\b/i.test(t) || /\/\s*\.\s*$/.test(t)) return i;
  }
  return end;
}

const ARTICLE_RE = /^Điều\s+(\d{1,2})\s*[.:]\s*(.*)$/u;

/**
 * The articles of a Quyết định or Chỉ thị whose plan sits in them ("Điều 1. Ban hành Kế hoạch …
 * như sau:" with numbered items, "Điều 2. Giao Giám đốc Sở …"): two or more, numbered 1, 2, 3 in
 * order, with a numbered item under one of them; null otherwise.
 */
function articleStarts(lines: PlanLine[]): Map<number, { marker: string; title: string }> | null {
  const starts = new Map<number, { marker: string; title: string }>();
  let items = 0;
  lines.forEach((l, i) => {
    if (l.cells) return;
    const m = ARTICLE_RE.exec(l.text);
    if (m && Number(m[1]) === starts.size + 1) starts.set(i, { marker: `Điều ${m[1]}`, title: cleanTitle(m[2]) });
    else if (starts.size && numbered(l.text)) items++;
  });
  return starts.size >= 2 && items > 0 ? starts : null;
}

/** Which lines open parts: Roman headings, or (without any) upper-case top-level numbered items. */
function findPartStarts(lines: PlanLine[]): Map<number, { marker: string; title: string }> {
  const starts = new Map<number, { marker: string; title: string }>();
  let expected = 0;
  let ended = false;
  lines.forEach((l, i) => {
    // Headings in an appendix after the signature are not parts of the plan.
    if (ended || (starts.size > 0 && (isDistributionHeading(l.text) || isSignatureLine(l.text)))) {
      ended = true;
      return;
    }
    if (l.cells) return;
    const r = romanMarker(l.text);
    if (!r) return;
    const title = l.text.replace(/^[IVX]+[.)]\s+/, "");
    const idx = ROMAN_ORDER.indexOf(r);
    if (isAllUpper(title) || idx === expected) {
      starts.set(i, { marker: r, title: cleanTitle(title) });
      expected = idx + 1;
    }
  });
  if (starts.size) return starts;
  const articles = articleStarts(lines);
  if (articles) return articles;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (starts.size > 0 && (isDistributionHeading(l.text) || isSignatureLine(l.text))) break;
    const n = l.cells ? null : numbered(l.text);
    if (n && n.path.length === 1 && isAllUpper(n.rest))
      starts.set(i, { marker: String(n.path[0]), title: cleanTitle(n.rest) });
  }
  return starts;
}

function newNode(kind: OutlineNode["kind"], marker: string, code: string, title: string, line: number): OutlineNode {
  return { kind, marker, code, title, line, body: [], children: [] };
}

/** Adds a numbered item under the nearest item whose number is a prefix of its own, renumbering a repeat. */
function addNumbered(stack: Frame[], l: PlanLine, n: { path: number[]; rest: string }): void {
  while (stack.length > 1) {
    const top = stack[stack.length - 1];
    if (!top.lettered && top.path && isPrefix(top.path, n.path)) break;
    stack.pop();
  }
  const parent = stack[stack.length - 1];
  const rel = parent.path ? n.path.slice(parent.path.length) : n.path;
  const planCode = joinCode(planCodeOf(parent.node), rel.join("."));
  let code = joinCode(parent.node.code, rel.join("."));
  const siblings = parent.node.children.filter(
    (c) => c.code.split(".").length === code.split(".").length && !/^[a-zđ]$/.test(c.marker),
  );
  if (siblings.some((c) => c.code === code)) {
    const lastNums = siblings.map((c) => Number(c.code.split(".").pop()));
    const next = Math.max(...lastNums.filter((x) => !Number.isNaN(x))) + 1;
    code = joinCode(parent.node.code, [...rel.slice(0, -1), next].join("."));
  }
  const node = newNode("item", n.path.join("."), code, cleanTitle(n.rest), l.line);
  if (code !== planCode) node.renumberedFrom = planCode;
  parent.node.children.push(node);
  stack.push({ node, path: n.path, lettered: false });
}

/** Adds a lettered item under the current numbered item, moving a repeated letter to the next free one. */
function addLettered(stack: Frame[], l: PlanLine, lm: RegExpExecArray): void {
  while (stack.length > 1 && stack[stack.length - 1].lettered) stack.pop();
  const parent = stack[stack.length - 1];
  let letter = lm[1];
  const planCode = joinCode(planCodeOf(parent.node), letter);
  const used = new Set(parent.node.children.map((c) => c.marker));
  while (used.has(letter)) letter = String.fromCharCode(letter.charCodeAt(0) + 1);
  const code = joinCode(parent.node.code, letter);
  const node = newNode("item", letter, code, cleanTitle(lm[2]), l.line);
  if (code !== planCode) node.renumberedFrom = planCode;
  parent.node.children.push(node);
  stack.push({ node, path: null, lettered: true });
}

/** The closing paragraph was attached to the last node: move it out. */
function stripClosing(parts: OutlineNode[], closing: PlanLine[]): void {
  if (!closing.length) return;
  const closingLines = new Set(closing);
  const strip = (node: OutlineNode) => {
    node.body = node.body.filter((b) => !closingLines.has(b));
    node.children.forEach(strip);
  };
  parts.forEach(strip);
}

/**
 * Builds the outline of a plan. Items attach to the nearest item whose number is a prefix of
 * theirs ("2.3" under "2"), lettered items to the current numbered item. A number repeated
 * among siblings is renumbered to the next free one and keeps the plan's code in
 * `renumberedFrom`.
 */
export function buildOutline(lines: PlanLine[]): Outline {
  const partStarts = findPartStarts(lines);
  const startIdx = [...partStarts.keys()];
  const firstPart = startIdx.length ? startIdx[0] : -1;
  const lastPart = startIdx.length ? startIdx[startIdx.length - 1] : -1;
  const tailAt = tailStart(lines, lastPart);
  const firstItem = lines.findIndex((l) => !l.cells && numbered(l.text) !== null);
  const bodyFrom = firstPart >= 0 ? firstPart : Math.max(firstItem, 0);
  const preamble = lines.slice(0, Math.min(bodyFrom, tailAt));

  const parts: OutlineNode[] = [];
  const stack: Frame[] = [];
  let lastHeading = bodyFrom;

  if (firstPart < 0) {
    // No parts at all: one implicit part holds every item; it starts at the first item, so the
    // header and the Quyết định's opening above it stay out of it.
    const implicit = newNode("part", "", "", "", lines[bodyFrom]?.line ?? lines[0]?.line ?? 1);
    parts.push(implicit);
    stack.push({ node: implicit, path: null, lettered: false });
  }
  for (let i = bodyFrom; i < tailAt; i++) {
    const l = lines[i];
    const part = partStarts.get(i);
    const n = part || l.cells ? null : numbered(l.text);
    const lm = part || n || l.cells ? null : LETTERED_RE.exec(l.text);
    if (part) {
      const node = newNode("part", part.marker, part.marker, part.title, l.line);
      parts.push(node);
      stack.length = 0;
      // A numbered heading used as a part ("2. NHIỆM VỤ") is the prefix of its items ("2.1.").
      stack.push({ node, path: /^\d+$/.test(part.marker) ? [Number(part.marker)] : null, lettered: false });
    } else if (n) addNumbered(stack, l, n);
    else if (lm && stack.length) addLettered(stack, l, lm);
    else {
      if (stack.length) stack[stack.length - 1].node.body.push(l);
      continue;
    }
    lastHeading = i;
  }

  const closeAt = closingStart(lines, Math.max(lastHeading + 1, bodyFrom), tailAt);
  const closing = lines.slice(closeAt, tailAt);
  stripClosing(parts, closing);
  return { preamble, parts, closing, tail: lines.slice(tailAt) };
}

/** Every node of the outline, depth first, parts included. */
export function walkOutline(nodes: OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (n: OutlineNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  nodes.forEach(visit);
  return out;
}
