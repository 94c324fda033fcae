/** Reads the end of a plan: the "Nơi nhận" list and the signature block (authority, title, name). */
import { isAllUpper, type PlanLine } from "./normalize-lines.js";
import { isDistributionHeading, isSignatureLine } from "./outline.js";

/** The signer as printed: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / "Phạm Quốc Hiệu". */
export interface Signer {
  authority: string;
  title: string;
  name: string;
  line: number;
}

/** The "Nơi nhận" list, each item without its dash and final ";" or ".". */
export interface Distribution {
  items: string[];
  line: number;
}

function cleanItem(s: string): string {
  return s
    .replace(/^[-–—+•]\s*/, "")
    .replace(/[\s;,.]+$/, "")
    .trim();
}

/** Reads the "Nơi nhận" list from `lines`, or null when there is none. */
export function readDistribution(source: PlanLine[]): Distribution | null {
  // The list is the first column where the signature block is printed beside it.
  const lines = source.map((l) => (l.cells ? { ...l, text: l.cells.find(Boolean) ?? l.text } : l));
  const at = lines.findIndex((l) => isDistributionHeading(l.text));
  if (at < 0) return null;
  const items: string[] = [];
  const inline = lines[at].text.replace(/^Nơi nhận\s*:?\s*/i, "");
  if (inline)
    items.push(
      ...inline
        .split(/\s+-\s+/)
        .map(cleanItem)
        .filter(Boolean),
    );
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^[-–—+•]/.test(l.text)) {
      items.push(cleanItem(l.text));
      continue;
    }
    if (isSignatureLine(l.text) || isAllUpper(l.text)) break;
    // A line without a dash right under an item continues it ("Các phòng: KGVX, TKBT;").
    if (!l.gap && items.length && !looksLikeName(l.text)) {
      items[items.length - 1] = `${items[items.length - 1]}; ${cleanItem(l.text)}`;
      continue;
    }
    break;
  }
  return { items: items.filter(Boolean), line: lines[at].line };
}

/** A person's name: two to six capitalised words, nothing else. */
export function looksLikeName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}[\p{Ll}.]*$/u.test(w));
}

/** A signature image leaves a bracket glued to the title in PDF text ("PHÓ THỦ TƯỚNGy]"): drop it. */
function withoutImageDebris(text: string): string {
  const m = /^(.*\p{Lu})\s*([^\p{Lu}\s]{0,2}[[\]][^\p{Lu}\s]{0,2})$/u.exec(text);
  return m && isAllUpper(m[1]) ? m[1] : text;
}

/**
 * The texts of `lines` column by column. A layout-keeping PDF extraction prints the Nơi nhận list
 * and the signature block side by side, one pair of lines per printed line, with the list going
 * on alone below ("- Như Điều 3;   KT. CHỦ TỊCH", "- Sở Tài chính;", "- Lưu: VT.   Nguyễn Văn A"):
 * reading each column down, as a Word table's cells are read, keeps the signature's lines together.
 * A line that is not split into columns belongs to the first column.
 */
function columnTexts(lines: PlanLine[]): { line: PlanLine; text: string }[] {
  const out: { line: PlanLine; text: string }[] = [];
  let run: PlanLine[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((l) => (l.cells ? l.cells.length : 1)));
    for (let c = 0; c < width; c++)
      for (const l of run) {
        const text = l.cells ? (l.cells[c] ?? "") : c === 0 ? l.text : "";
        if (text) out.push({ line: l, text });
      }
    run = [];
  };
  lines.forEach((l, i) => {
    // A run is the lines from one split line to the last split line before the next blank line.
    const splitAhead = lines.slice(i).findIndex((x, k) => x.cells || (k > 0 && x.gap));
    const inRun = run.length > 0 && !l.gap && splitAhead >= 0 && lines[i + splitAhead].cells;
    if (!inRun) flush();
    if (l.cells || inRun) run.push(l);
    else out.push({ line: l, text: l.text });
  });
  flush();
  return out;
}

/**
 * Lines as the signature block reads them: a table row's cells one by one (the Nơi nhận cell,
 * then the signature cell), and "THỦ TƯỚNG Nguyễn Xuân Phúc" split into title and name.
 */
function signatureLines(lines: PlanLine[]): PlanLine[] {
  const out: PlanLine[] = [];
  for (const { line: l, text: cell } of columnTexts(lines)) {
    const text = withoutImageDebris(cell);
    const m = /^(.*?\p{Lu}{2,})\s+((?:\p{Lu}\p{Ll}+\s+){1,5}\p{Lu}\p{Ll}+)$/u.exec(text);
    if (m && isAllUpper(m[1]) && (isSignatureLine(m[1]) || /^(KT|TM|TL|TUQ|Q|T\/M|K\/T)[.\s]/.test(m[1]))) {
      const heads = m[1].split(/\s+(?=(?:KT|TM|TL|TUQ|Q|T\/M|K\/T)[.\s]|PHÓ\s)/u);
      for (const h of heads) out.push({ ...l, text: h, cells: undefined });
      out.push({ ...l, text: m[2], cells: undefined });
    } else out.push({ ...l, text, cells: undefined });
  }
  return mergeBrokenWords(out);
}

/** A PDF of a narrow signature cell breaks "THỦ TƯỚNG" / "Nguyễn Xuân Phúc" one or two words a line: rejoin them. */
function mergeBrokenWords(lines: PlanLine[]): PlanLine[] {
  const out: PlanLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const joined = prev ? `${prev.text} ${l.text}` : "";
    const short = (t: string) => t.split(/\s+/).length <= 2;
    const upperPair = prev && isAllUpper(prev.text) && isAllUpper(l.text) && short(l.text);
    const nameParts = prev && /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?$/u.test(l.text) && short(prev.text);
    if (
      (upperPair && !isSignatureLine(prev.text) && (isSignatureLine(joined) || short(prev.text))) ||
      (nameParts && /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?$/u.test(prev.text))
    )
      prev.text = joined;
    else out.push({ ...l });
  }
  return out;
}

/** Reads the signature block from `lines`, or null when there is none. */
export function readSigner(source: PlanLine[]): Signer | null {
  const lines = signatureLines(source);
  const at = lines.findIndex((l) => isSignatureLine(l.text));
  if (at < 0) return null;
  const heads: string[] = [];
  let i = at;
  for (; i < lines.length && isAllUpper(lines[i].text) && !looksLikeName(lines[i].text) && heads.length < 4; i++)
    heads.push(lines[i].text);
  let name = "";
  for (; i < lines.length; i++) {
    const t = lines[i].text.replace(/^\(?\s*(?:đã ký|đã ký và đóng dấu|ký tên|\[daky\])\s*\)?$/i, "").trim();
    // A signature image leaves a stray mark ("[") in the text: not a name, not the end either.
    if (!/\p{L}/u.test(t)) continue;
    if (looksLikeName(t)) name = t;
    break;
  }
  const authority = heads.filter((h) => /^(KT|TM|TL|TUQ|Q|T\/M|K\/T)[.\s]/.test(h));
  let title = heads.filter((h) => !/^(KT|TM|TL|TUQ|Q|T\/M|K\/T)[.\s]/.test(h)).join(" ");
  let auth = authority.join(" ");
  if (!title && authority.length) {
    title = authority[authority.length - 1].replace(/^(KT|TM|TL|TUQ|Q|T\/M|K\/T)[.\s]\s*/, "");
    auth = authority.slice(0, -1).join(" ");
  }
  return { authority: auth, title, name, line: lines[at].line };
}
