/** Turns the HTML mammoth makes of a .docx into plan text: paragraphs as lines, task tables as tab-separated rows. */
import { readHeader } from "./table-header.js";

interface El {
  tag: string;
  attrs: string;
  children: (El | string)[];
}

const VOID = new Set(["br", "img", "hr", "col"]);
const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "ul", "ol", "tr", "td", "th"]);

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** A tolerant parse of mammoth's well-formed HTML into a tree. */
export function parseHtml(html: string): El {
  const root: El = { tag: "root", attrs: "", children: [] };
  const stack: El[] = [root];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      top.children.push(decode(m[4]));
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const el: El = { tag, attrs: m[3], children: [] };
    top.children.push(el);
    if (tag === "br") top.children.push("\n");
    else if (!VOID.has(tag) && !m[3].endsWith("/")) stack.push(el);
  }
  return root;
}

function inlineText(n: El | string): string {
  if (typeof n === "string") return n;
  return n.children.map(inlineText).join(BLOCK.has(n.tag) ? " " : "");
}

function clean(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, " ").trim();
}

/** The paragraphs of a cell or list item, each one line. */
function blockLines(n: El | string, out: string[], listPrefix = ""): void {
  if (typeof n === "string") {
    const t = clean(n);
    if (t) out.push(t);
    return;
  }
  if (n.tag === "table") {
    tableLines(n, out);
    return;
  }
  if (n.tag === "ul" || n.tag === "ol") {
    let i = 0;
    for (const c of n.children) {
      if (typeof c === "string" || c.tag !== "li") continue;
      i++;
      const mark = n.tag === "ol" ? `${listPrefix}${i}.` : "-";
      const own = c.children.filter((x) => typeof x === "string" || !["ul", "ol", "table"].includes(x.tag));
      const text = clean(own.map(inlineText).join(""));
      for (const part of text.split("\n")) if (clean(part)) out.push(`${mark} ${clean(part)}`);
      for (const sub of c.children)
        if (typeof sub !== "string" && ["ul", "ol", "table"].includes(sub.tag))
          blockLines(sub, out, n.tag === "ol" ? `${listPrefix}${i}.` : listPrefix);
    }
    return;
  }
  if (/^(p|h[1-6])$/.test(n.tag)) {
    for (const part of inlineText(n).split("\n")) if (clean(part)) out.push(clean(part));
    return;
  }
  if (n.children.some((c) => typeof c !== "string" && BLOCK.has(c.tag))) {
    for (const c of n.children) blockLines(c, out, listPrefix);
    return;
  }
  for (const part of inlineText(n).split("\n")) if (clean(part)) out.push(clean(part));
}

function span(attrs: string, name: string): number {
  const m = new RegExp(`${name}="?(\\d+)`).exec(attrs);
  return m ? Math.max(1, Number(m[1])) : 1;
}

/** Rows of a table as cells of paragraphs, with merged cells repeated as blanks so columns stay aligned. */
function tableRows(table: El): string[][][] {
  const rows: string[][][] = [];
  const carry: number[] = [];
  const trs: El[] = [];
  const collect = (e: El) => {
    for (const c of e.children) {
      if (typeof c === "string") continue;
      if (c.tag === "tr") trs.push(c);
      else if (c.tag !== "table") collect(c);
    }
  };
  collect(table);
  for (const tr of trs) {
    const row: string[][] = [];
    let col = 0;
    const skipCarried = () => {
      while ((carry[col] ?? 0) > 0) {
        carry[col]--;
        row.push([]);
        col++;
      }
    };
    for (const td of tr.children) {
      if (typeof td === "string" || (td.tag !== "td" && td.tag !== "th")) continue;
      skipCarried();
      const paras: string[] = [];
      for (const c of td.children) blockLines(c, paras);
      const cs = span(td.attrs, "colspan");
      const rs = span(td.attrs, "rowspan");
      for (let k = 0; k < cs; k++) {
        row.push(k === 0 ? paras : []);
        if (rs > 1) carry[col] = rs - 1;
        col++;
      }
    }
    skipCarried();
    rows.push(row);
  }
  return rows;
}

/**
 * A task table (a row of header words: STT, Nội dung, Chủ trì, Thời gian…) keeps its rows as
 * tab-separated lines; any other table (the header block, the signature block) gives its
 * cells' paragraphs one per line, cell after cell, as they read.
 */
function tableLines(table: El, out: string[]): void {
  const rows = tableRows(table);
  const joined = rows.map((r) => r.map((cell) => cell.join(" ").replace(/\t/g, " ")));
  if (joined.some((cells) => readHeader(cells) !== null)) {
    for (const cells of joined) if (cells.some((c) => c.trim())) out.push(cells.join("\t"));
    return;
  }
  for (const r of rows) for (const cell of r) out.push(...cell);
}

/** The plan text of a .docx converted to HTML by mammoth. */
export function docxHtmlToText(html: string): string {
  const out: string[] = [];
  for (const c of parseHtml(html).children) {
    const before = out.length;
    blockLines(c, out);
    // A blank line after each paragraph, as Word's own text export gives.
    if (out.length > before) out.push("");
  }
  return out.join("\n");
}
