/**
 * Turns the positioned text of a PDF's pages into plan text: a task table becomes tab-separated
 * rows read by column position (as a .docx table would), the rest stays in PDF.js reading order.
 */
import { bandCells, columnOf, columnStarts, type PdfItem, rowBands, X_TOLERANCE } from "./pdf-bands.js";
import { NUMBER_HEAD_RE, readHeader, splitNumberHead } from "./table-header.js";

export type { PdfItem } from "./pdf-bands.js";

/** A row number, or a Roman section number, alone in the number column. */
const ROW_NUMBER_RE = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?)$/u;

interface Table {
  starts: number[];
  /** A row waiting for the cells the next page may still add to it. */
  open: string[] | null;
}

/** The text of items in PDF.js order, one line per end-of-line mark. */
function plainText(items: PdfItem[]): string {
  return items.map((i) => i.str + (i.eol ? "\n" : "")).join("");
}

/** True when most items of a band start at a column edge: the band is a row of the table. */
function aligned(band: PdfItem[], starts: number[]): boolean {
  const at = band.filter((i) => starts.some((s) => Math.abs(i.x - s) <= X_TOLERANCE)).length;
  // Text across the number column that is not a row number ("Nơi nhận:") is the page, not the table.
  const spans = band.some(
    (i) =>
      columnOf(i, starts) === 0 &&
      i.x + i.w > (starts[1] ?? Infinity) &&
      !/^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})\./u.test(i.str.trim()),
  );
  return !spans && at * 2 >= band.length && band.every((i) => columnOf(i, starts) >= 0);
}

/** Header cells with "TT Tên nhiệm vụ" printed as one piece split into its two columns. */
function headerCells(band: PdfItem[], starts: number[]): string[] {
  const cells = bandCells(band, starts);
  const split = splitNumberHead(cells[0] ?? "");
  if (split && cells.length > 1 && !cells[1]) return [...split, ...cells.slice(2)];
  return cells;
}

/** Finds a task table's header on a page: its column starts and the bands from the header on. */
function findTable(
  items: PdfItem[],
): { starts: number[]; headerBand: PdfItem[]; bands: PdfItem[][]; header: string[] } | null {
  const head = items.find((i) => NUMBER_HEAD_RE.test(i.str.trim()));
  if (!head) return null;
  const below = items.filter((i) => i.y < head.y - 2 * head.h && i.x >= head.x - X_TOLERANCE);
  const starts = columnStarts(below).filter((s) => s >= head.x - X_TOLERANCE);
  if (starts.length < 3) return null;
  const area = items.filter((i) => i.y <= head.y + 4 * head.h && i.x >= head.x - X_TOLERANCE);
  let bands = rowBands(area, starts);
  // A last column the rows seldom fill ("Ghi chú") has no shared left edge below: its header gives it.
  const last = starts[starts.length - 1];
  const extra = bands.find((b) => b.includes(head))?.filter((i) => i.str.trim() && i.x > last + 3 * head.h) ?? [];
  if (extra.length) {
    starts.push(...columnStarts(extra, 1));
    bands = rowBands(area, starts);
  }
  const at = bands.findIndex((b) => b.includes(head));
  const header = headerCells(bands[at], starts);
  return readHeader(header) ? { starts, headerBand: bands[at], bands: bands.slice(at + 1), header } : null;
}

/** A number printed in one piece with the first words of its row ("15. Dự án Luật …"): split into its two cells. */
function splitNumber(cells: string[]): string[] {
  const m = /^(\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+(\S.*)$/u.exec(cells[0] ?? "");
  if (!m || cells.length < 2) return cells;
  return [m[1], [m[2], cells[1]].filter(Boolean).join(" "), ...cells.slice(2)];
}

/** Adds a band's cells to the table: a new row when it has a number, else more lines of the open row. */
function addBand(table: Table, cells: string[], out: string[]): void {
  if (ROW_NUMBER_RE.test(cells[0]) || !table.open) {
    if (table.open) out.push(table.open.join("\t"));
    table.open = cells;
    return;
  }
  table.open = table.open.map((c, k) => [c, cells[k]].filter(Boolean).join(" "));
}

/** Reads one page; returns the table still open at its end, or null. */
function readPage(items: PdfItem[], table: Table | null, out: string[]): Table | null {
  let t = table;
  let bands: PdfItem[][];
  if (t) bands = rowBands(items, t.starts);
  else {
    const found = findTable(items);
    if (!found) {
      out.push(plainText(items));
      return null;
    }
    const inTable = new Set([...found.headerBand, ...found.bands.flat()]);
    out.push(plainText(items.filter((i) => !inTable.has(i))), found.header.join("\t"));
    t = { starts: found.starts, open: null };
    bands = found.bands;
  }
  return readBands(items, bands, t, out);
}

/** Reads a page's bands into the table until one is not a table row; what follows is plain text. */
function readBands(items: PdfItem[], bands: PdfItem[][], table: Table, out: string[]): Table | null {
  let started = false;
  for (let k = 0; k < bands.length; k++) {
    const cells = bandCells(bands[k], table.starts);
    if (!aligned(bands[k], table.starts)) {
      // Running heads and page numbers above the table's first row on a page are plain text.
      if (!started) {
        out.push(plainText(items.filter((i) => bands[k].includes(i))));
        continue;
      }
      if (table.open) out.push(table.open.join("\t"));
      const rest = new Set(bands.slice(k).flat());
      out.push(plainText(items.filter((i) => rest.has(i))));
      return null;
    }
    started = true;
    // The header printed again, or the row that numbers the columns ("(1)", "(2)" …).
    if (readHeader(cells) || cells.every((c) => !c || /^(?:\(\d{1,2}\)\s*)+$/u.test(c))) continue;
    addBand(table, splitNumber(cells), out);
  }
  if (started) return table;
  // A page without a single row of the table: the table ended on the page before.
  if (table.open) out.push(table.open.join("\t"));
  return null;
}

/**
 * The text of a PDF from its pages' items. Pages without a task table read as PDF.js reads them;
 * a table (a "STT"/"TT" header over three or more columns) is read row by row from the column
 * each piece of text sits in, across pages, and written as tab-separated rows.
 */
export function layoutPdfPages(pages: PdfItem[][]): string {
  const out: string[] = [];
  let table: Table | null = null;
  for (const items of pages) {
    table = readPage(items, table, out);
    out.push("\n");
  }
  if (table?.open) out.push(table.open.join("\t"));
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
