/** Groups a PDF page's positioned text into columns and row bands, the geometry a task table is read from. */

/** One piece of text on a PDF page, as PDF.js gives it (y grows upwards, from the baseline). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** True when PDF.js ends the text line after this item. */
  eol: boolean;
}

/** Items a left edge this close to a column's are in that column (points). */
export const X_TOLERANCE = 4;

/** The left edges that `min` or more items share (three by default), from left to right: a table's column starts. */
export function columnStarts(items: PdfItem[], min = 3): number[] {
  const xs = items.filter((i) => i.str.trim()).map((i) => i.x);
  xs.sort((a, b) => a - b);
  const clusters: { x: number; n: number }[] = [];
  for (const x of xs) {
    const last = clusters[clusters.length - 1];
    if (last && x - last.x <= X_TOLERANCE) last.n++;
    else clusters.push({ x, n: 1 });
  }
  return clusters.filter((c) => c.n >= min).map((c) => c.x);
}

/** The column an item belongs to: the last start at or left of its left edge. */
export function columnOf(item: PdfItem, starts: number[]): number {
  let col = -1;
  starts.forEach((s, k) => {
    if (item.x >= s - X_TOLERANCE) col = k;
  });
  return col;
}

/** The usual gap between two lines of one cell: the median gap between items stacked in one column. */
function lineGap(items: PdfItem[], starts: number[]): number {
  const gaps: number[] = [];
  starts.forEach((_, k) => {
    const col = items.filter((i) => i.str.trim() && columnOf(i, starts) === k).sort((a, b) => b.y - a.y);
    for (let n = 1; n < col.length; n++) {
      const gap = col[n - 1].y - (col[n].y + col[n].h);
      if (gap > -col[n].h / 2 && gap < col[n].h) gaps.push(gap);
    }
  });
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 2;
}

/**
 * Cuts items into row bands, top to bottom: the cells of one table row overlap vertically
 * (each is centred or top-aligned in the same row), and rows are further apart than the
 * lines of a cell.
 */
export function rowBands(items: PdfItem[], starts: number[]): PdfItem[][] {
  const limit = lineGap(items, starts) + 2.5;
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y + b.h - (a.y + a.h));
  const bands: { bottom: number; items: PdfItem[] }[] = [];
  for (const it of sorted) {
    const band = bands[bands.length - 1];
    if (band && it.y + it.h >= band.bottom - limit) {
      band.items.push(it);
      band.bottom = Math.min(band.bottom, it.y);
    } else bands.push({ bottom: it.y, items: [it] });
  }
  return bands.map((b) => b.items);
}

/** The text of each column in a band, lines top to bottom. */
export function bandCells(band: PdfItem[], starts: number[]): string[] {
  const cells = starts.map(() => [] as PdfItem[]);
  for (const it of band) {
    const col = columnOf(it, starts);
    if (col >= 0) cells[col].push(it);
  }
  return cells.map((c) =>
    c
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((i) => i.str.trim())
      .filter(Boolean)
      .join(" "),
  );
}
