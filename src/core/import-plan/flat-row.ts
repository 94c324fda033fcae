/** Reads one row of a flattened PDF table: its content lines, then the short cells, across page breaks. */
import { cutCells, type FlatRowCells, isCutShort, takeTime } from "./flat-row-cells.js";
import { isUnitName } from "./units.js";

/** How wide the table's lines run: content lines are long, the other cells' lines short. */
export interface RowWidths {
  /** A line at least this long belongs to the wide content column. */
  long: number;
  /** Content lines are never longer than this: a longer one has another cell glued to its end. */
  widest: number;
  /** A line this long after a short one is a new paragraph of the content, not a glued short cell. */
  full: number;
}

/** Cuts a unit name glued to the end of a content line ("… phù hợp Bộ Y tế") into a fragment of its own. */
function unglue(line: string, w: RowWidths): string[] {
  if (line.trim().length <= w.widest) return [line];
  for (const m of line.matchAll(/\s(?=\p{Lu})/gu)) {
    const tail = line.slice(m.index + 1).trim();
    if (tail.length <= w.long && isUnitName(tail)) return [line.slice(0, m.index), tail];
  }
  return [line];
}

/**
 * Splits a page's fragments of a row into its content lines and the rest. Content lines are
 * long; the first short line still belongs to them unless it opens a unit's name.
 */
export function splitContent(frags: string[], w: RowWidths, first: boolean): { content: string[]; rest: string[] } {
  // Other cells are narrow: everything up to the last long line is content (several paragraphs maybe).
  let lastLong = first ? 0 : -1;
  for (let k = 0; k < frags.length; k++) {
    const t = frags[k].trim();
    // A short line opening a unit's name after the content is the owner's cell: nothing after it is content.
    if (k > 0 && t.length < w.long && isUnitName(t)) break;
    if (t.length >= w.full || (t.length >= w.long && lastLong === k - 1)) lastLong = k;
  }
  if (lastLong < 0) return { content: [], rest: frags };
  const content: string[] = [];
  for (let k = 0; k <= lastLong; k++) {
    const parts = unglue(frags[k], w);
    content.push(parts[0]);
    if (parts.length > 1) return { content, rest: [parts[1], ...frags.slice(k + 1)] };
  }
  let i = lastLong + 1;
  const s = frags[i]?.trim();
  const prev = content[content.length - 1].trim();
  // The content's last line is short; a unit's name, or a capital after a full stop, opens the next cell.
  if (s && !(isUnitName(s) || (/^\p{Lu}/u.test(s) && /[.;]$/.test(prev)))) {
    content.push(s);
    i++;
  }
  return { content, rest: frags.slice(i) };
}

function join(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
}

/** Adds a later page's short fragments to the cells they continue. */
function continueCells(row: FlatRowCells, frags: string[], w: RowWidths, middleCount: number): void {
  let rest = frags;
  if (rest.length && rest[0].trim().length >= w.long) {
    const more = splitContent(rest, w, false);
    row.content = join([row.content, ...more.content]);
    rest = more.rest;
  }
  if (rest.length && (isCutShort(row.owner) || !row.owner)) {
    row.owner = join([row.owner, rest[0]]);
    rest = rest.slice(1);
  }
  if (!row.timeframe) {
    const t = takeTime(rest);
    row.timeframe = t.time;
    rest = t.rest;
  }
  cutCells(rest, Math.max(1, middleCount)).forEach((c, k) => {
    const at = Math.min(k, row.middle.length - 1);
    if (at >= 0) row.middle[at] = join([row.middle[at], c]);
    else row.middle.push(c);
  });
}

/**
 * The cells of one row from its fragments, one array per page it spans: content first (the wide
 * column), then the owner, the middle columns and the time, each possibly broken over lines.
 */
export function readFlatRow(pages: string[][], w: RowWidths, middleCount: number): FlatRowCells {
  const [head = [], ...more] = pages;
  const { content, rest } = splitContent(head, w, true);
  const { rest: cellFrags, time } = takeTime(rest);
  const cells = cutCells(cellFrags, middleCount + 1);
  const row: FlatRowCells = {
    content: join(content),
    owner: cells[0] ?? "",
    middle: cells.slice(1),
    timeframe: time,
  };
  for (const page of more) continueCells(row, page, w, middleCount);
  return row;
}
