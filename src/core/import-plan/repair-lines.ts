/** Repairs the structure that PDF and Word text exports break: lone or glued item numbers, glued labels, bullets, page furniture. */

import { rebuildFlatTables } from "./flat-table.js";

/** A raw source line with its 1-based line number. */
export interface RawLine {
  text: string;
  line: number;
}

/** An item number standing alone: "1.4.", "2.", "III.", "a)". */
const LONE_MARKER_RE = /^\s*((?:\d{1,2}\.)+(?:\d{1,2})?|[IVX]{1,5}\.|[a-zđ]\))\s*$/u;
/** A sub-item number glued to the end of its parent's heading: "2. Nâng cao năng lực … 2.1." */
const GLUED_MARKER_RE = /^(.*\S)\s+((?:\d{1,2}\.){1,3}\d{1,2}\.?|\d{1,2}\.)\s*$/u;
/** Words after which a number is a reference, not an item ("Quyết định số 5.", "khoản 2."). */
const REFERENCE_WORD_RE = /(?:^|\s)(?:số|ngày|tháng|năm|khoản|điều|mục|quý|điểm|tại|phần|và|,)\s*$/iu;
const LABEL_WORDS = "(?:Đơn vị|Cơ quan|Bộ phận|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Phối hợp|Chủ trì|Kết quả)";
/** A labelled line glued to the text before it: "… nội dung.-Thời gian thực hiện: Quý I". */
const GLUED_LABEL_RE = new RegExp(`(?<=\\S)\\s*[-–•*+]\\s*(?=${LABEL_WORDS}[^:\\n]{0,40}:)`, "gu");
/** Bullets of every kind become "- "; "+" stays, it marks a sub-bullet. */
const BULLET_RE = /^(\s*)(?:[•·▪●◦‣∙]|\*(?=\s)|o(?=\s))\s*/u;
/**
 * A gap of five or more spaces before a capital letter, inside a line: the space between two
 * columns that a layout-keeping PDF extraction prints side by side ("ỦY BAN NHÂN DÂN      CỘNG HÒA …",
 * "- Như Điều 3;      KT. CHỦ TỊCH"). A blank left to be filled in ("số:      /KH-UBND ngày      tháng")
 * is followed by a slash or a small letter, so it stays.
 */
const COLUMN_GAP_RE = /(?<=\S) {5,}(?=\p{Lu})/gu;
/** Runs of rule characters printed under a heading ("-------", "_____"). */
const RULE_RUN_RE = /(^|\s)[-_=–—]{3,}(?=\s|$)/gu;

function firstNumber(text: string): number | null {
  const m = /^\s*(\d{1,2})\.(?!\d)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Top-level number of a glued marker, when it may open an item after `lastTop` ("2.1." under 2; "3." after 2). */
function plausibleMarker(marker: string, lastTop: number): boolean {
  const parts = marker.replace(/\.$/, "").split(".").map(Number);
  if (parts.length > 1) return parts[0] === lastTop || parts[0] === lastTop + 1;
  return parts[0] === lastTop + 1;
}

/** Drops page furniture: lone page numbers and a short line repeated on three or more pages. */
function dropPageFurniture(lines: RawLine[]): RawLine[] {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t.length >= 8 && t.length <= 80) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return lines.map((l) => {
    const t = l.text.trim();
    const furniture =
      /^\d{1,4}$/.test(t) ||
      /^\[\[\/?TABLE\]\]$/.test(t) ||
      ((counts.get(t) ?? 0) >= 3 && /\d/.test(t) && !t.includes(":") && !/^[-+\d]/.test(t) && !t.includes("\t"));
    return furniture ? { ...l, text: "" } : l;
  });
}

/** Splits a line printed in two columns into tab-separated cells, as a Word table's row would be. */
function splitColumns(l: RawLine): RawLine {
  return l.text.includes("\t") ? l : { ...l, text: l.text.replace(COLUMN_GAP_RE, "\t") };
}

/** Cleans one line: bullets unified, decorative rules removed, labels glued to text split off. */
function tidy(l: RawLine): RawLine[] {
  const text = l.text
    .replace(BULLET_RE, "$1- ")
    .split("\t")
    .map((c) => c.replace(RULE_RUN_RE, "$1").replace(/\s+$/, ""))
    .join("\t");
  if (text.includes("\t")) return [{ ...l, text }];
  return text
    .replace(GLUED_LABEL_RE, "\n- ")
    .split("\n")
    .map((t) => ({ text: t, line: l.line }));
}

/**
 * Splits a heading run into its first item ("2. Nâng cao … 2.1. Tăng cường …") and moves a
 * number glued to the end of a line, or standing alone, onto the text it numbers.
 */
function moveMarkers(lines: RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  let lastTop = 0;
  let pending = "";
  for (const l of lines) {
    let text = l.text;
    if (!text.trim()) {
      out.push(l);
      continue;
    }
    if (pending) {
      text = `${pending} ${text.trimStart()}`;
      pending = "";
    }
    const lone = LONE_MARKER_RE.exec(text);
    if (lone && !text.includes("\t")) {
      pending = lone[1];
      continue;
    }
    const top = firstNumber(text);
    if (top !== null) lastTop = top;
    const inline =
      top !== null ? new RegExp(`^(.*\\S)\\s+(${top}\\.\\d{1,2}\\.)\\s+(?=\\p{Lu})(.*)$`, "u").exec(text) : null;
    if (inline && !text.includes("\t")) {
      out.push({ text: inline[1], line: l.line });
      text = `${inline[2]} ${inline[3]}`;
    }
    const glued = GLUED_MARKER_RE.exec(text);
    if (glued && !text.includes("\t") && !REFERENCE_WORD_RE.test(glued[1]) && plausibleMarker(glued[2], lastTop)) {
      out.push({ text: glued[1], line: l.line });
      pending = glued[2];
      continue;
    }
    out.push({ text, line: l.line });
  }
  if (pending) out.push({ text: pending, line: lines[lines.length - 1]?.line ?? 1 });
  return out;
}

/** The raw lines of a plan, repaired; each keeps the number of the source line it came from. */
export function repairLines(raw: string): RawLine[] {
  const lines = raw.split("\n").map((text, i) => ({ text, line: i + 1 }));
  return moveMarkers(dropPageFurniture(rebuildFlatTables(lines)).map(splitColumns).flatMap(tidy));
}
