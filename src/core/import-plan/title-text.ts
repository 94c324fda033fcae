/** Shapes titles: first sentence cut to length, lower-case-first form, all-caps titles re-cased. */
import { isAllUpper } from "./normalize-lines.js";

/** The first sentence of `s` (up to ". " before a capital, or the end), without the final stop. */
export function firstSentence(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  const m = /[.!?…](?=\s+["“(]?\p{Lu})/u.exec(t);
  const cut = m ? t.slice(0, m.index) : t;
  return cut.replace(/[\s.;:,]+$/, "");
}

/**
 * A task title from its text: the first sentence; when longer than `max`, cut at the last
 * ";" or "," that keeps most of it, else at a word, and marked with "…".
 */
export function cutTitle(s: string, max = 160): string {
  const sentence = firstSentence(s);
  if (sentence.length <= max) return sentence;
  const head = sentence.slice(0, max);
  for (const sep of [";", ","]) {
    const at = head.lastIndexOf(sep);
    if (at >= max * 0.5) return `${head.slice(0, at)}…`;
  }
  const sp = head.lastIndexOf(" ");
  return `${head.slice(0, sp > 0 ? sp : max).replace(/[\s,;:]+$/, "")}…`;
}

/** Lower-cases the first letter unless the first word is an acronym or a proper name form. */
export function lowerFirst(s: string): string {
  const first = s.split(/\s+/)[0] ?? "";
  if (first.length > 1 && isAllUpper(first)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Upper-cases the first letter. */
export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function core(token: string): { pre: string; word: string; post: string } {
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(token);
  return m ? { pre: m[1], word: m[2], post: m[3] } : { pre: "", word: token, post: "" };
}

/**
 * Re-cases an all-capitals title using how its words are written in the rest of the document:
 * each word takes the most frequent spelling after the same two previous words, else after the
 * same previous word, else the most frequent spelling overall, else lower case; the first word is then capitalised.
 * "THỰC HIỆN QUYẾT ĐỊNH SỐ 489/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ" → "Thực hiện Quyết định số
 * 489/QĐ-TTg của Thủ tướng Chính phủ" when the body writes it that way.
 */
export function recaseUpper(title: string, bodyTexts: string[]): string {
  const uni = new Map<string, Map<string, number>>();
  const bi = new Map<string, Map<string, number>>();
  const tri = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    const inner = m.get(k) ?? new Map<string, number>();
    inner.set(v, (inner.get(v) ?? 0) + 1);
    m.set(k, inner);
  };
  for (const text of bodyTexts) {
    if (isAllUpper(text)) continue;
    let prev = "";
    let prev2 = "";
    for (const tok of text.split(/\s+/)) {
      const { word } = core(tok);
      if (!word) continue;
      const key = word.toLowerCase();
      // A capital after a sentence end says nothing about the word itself.
      const sentenceStart = prev === "" || /[.!?:]$/.test(prev);
      if (!sentenceStart) {
        const p1 = core(prev).word.toLowerCase();
        bump(uni, key, word);
        bump(bi, `${p1} ${key}`, word);
        if (prev2) bump(tri, `${core(prev2).word.toLowerCase()} ${p1} ${key}`, word);
      }
      prev2 = prev;
      prev = tok;
    }
  }
  const best = (m: Map<string, number> | undefined) =>
    m ? [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined;
  let prevKey = "";
  let prevKey2 = "";
  const words = title.split(/\s+/).map((tok) => {
    const { pre, word, post } = core(tok);
    if (!word) return tok;
    const key = word.toLowerCase();
    const chosen =
      best(tri.get(`${prevKey2} ${prevKey} ${key}`)) ?? best(bi.get(`${prevKey} ${key}`)) ?? best(uni.get(key)) ?? key;
    prevKey2 = prevKey;
    prevKey = key;
    return pre + chosen + post;
  });
  return upperFirst(words.join(" "));
}
